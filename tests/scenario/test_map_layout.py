"""Issue 17.1: the drawn map's layout, shared by the terminal and the debrief: given positions are
kept, the rest placed deterministically next to their neighbours, never two regions on one cell."""

from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario
from game.scenario.map_layout import Place, holder_keys, layout


def chain(count: int) -> list[Place]:
    ids = [f"r{n}" for n in range(count)]
    return [Place(ids[n], tuple(ids[m] for m in (n - 1, n + 1) if 0 <= m < count), None, 1.0 if n == 0 else 0.1)
            for n in range(count)]


def test_without_positions_a_chain_runs_from_the_most_vulnerable_region_one_column_a_step() -> None:
    cells = layout(chain(4))
    assert cells == {"r0": (0, 0), "r1": (1, 0), "r2": (2, 0), "r3": (3, 0)}


def test_the_automatic_layout_is_the_same_whatever_the_order_of_the_regions() -> None:
    scenario = load_scenario(resolve_scenario("mekong"))
    places = [Place(r.id, tuple(r.neighbours), None, r.vulnerability) for r in scenario.regions]
    cells = layout(places)
    assert cells == layout(list(reversed(places)))
    assert len(set(cells.values())) == len(places), "one region a cell"
    assert min(c for c, _ in cells.values()) == 0 and min(r for _, r in cells.values()) == 0


def test_separate_groups_of_regions_are_stacked_not_overlaid() -> None:
    islands = [*chain(2), Place("x", ("y",)), Place("y", ("x",))]
    cells = layout(islands)
    assert len(set(cells.values())) == 4


def test_given_positions_are_kept_and_an_unplaced_region_goes_next_to_its_neighbours() -> None:
    places = [Place("a", ("b",), (0, 0)), Place("b", ("a", "c"), (4, 0)), Place("c", ("b",))]
    cells = layout(places)
    assert cells["a"] == (0, 0) and cells["b"] == (4, 0)
    assert max(abs(cells["c"][0] - 4), abs(cells["c"][1])) == 1, cells


def test_the_shipped_scenarios_place_every_region_on_its_own_cell() -> None:
    for name in ("mekong", "europe"):
        scenario = load_scenario(resolve_scenario(name))
        assert all(r.position is not None for r in scenario.regions), name
        cells = layout([Place(r.id, tuple(r.neighbours), r.position) for r in scenario.regions])
        assert len(set(cells.values())) == len(scenario.regions), name


def test_each_state_has_its_own_letter_the_same_whatever_the_order_given() -> None:
    keys = holder_keys([("thailand", "Thailand"), ("taiwan", "Taiwan"), ("laos", "Laos")])
    assert {k: v.letter for k, v in keys.items()} == {"laos": "L", "taiwan": "T", "thailand": "H"}
    again = holder_keys([("laos", "Laos"), ("thailand", "Thailand"), ("taiwan", "Taiwan")])
    assert again == keys
