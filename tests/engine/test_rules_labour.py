"""Model card 5.5c, the labour side: labour inspection is a capacity of its own that finds forced
labour at workplaces, where police rarely look; it finds no sexual exploitation; a scenario written
before it had the capacity opens it at 0."""

from game.engine import new_game
from tests.engine.play import Game, play, setup

SEXUAL_RING = {"routes": [{"path": ["o", "t1", "d"], "form": "sexual", "flow": 1000}]}


def inspected(level: float, **network: object) -> Game:
    states = {"dest": {"capacities": {"labour_inspection": level}}}
    return play(setup(states=states, network=network or None), rounds=3)


def total(game: Game, name: str, state_id: str = "dest") -> int:
    return sum(getattr(report.states[state_id], name) for report in game.reports)


def test_labour_inspectors_find_forced_labour_the_police_do_not() -> None:
    none, some = inspected(0), inspected(8)
    assert total(none, "labour_inspections") == 0
    assert total(some, "labour_inspections") > 0
    assert total(some, "identified_in_exploitation") > total(none, "identified_in_exploitation")
    assert total(some, "labour_inspections") <= total(some, "identified_in_exploitation")


def test_labour_inspectors_do_not_look_for_sexual_exploitation() -> None:
    none, some = inspected(0, **SEXUAL_RING), inspected(8, **SEXUAL_RING)
    assert total(some, "labour_inspections") == 0
    assert total(some, "identified_in_exploitation") == total(none, "identified_in_exploitation")


def test_a_scenario_without_the_capacity_opens_it_at_zero() -> None:
    state = new_game(setup())
    assert all(record.capacities["labour_inspection"] == 0.0 for record in state.states.values())


def test_an_import_ban_lowers_labour_demand_abroad_within_its_bound() -> None:
    """Issue 15 point 4: a forced labour import ban acts on the markets abroad that make the goods,
    bounded: never more than `import_ban_floor` below the start, and not at home."""
    scenario = setup(rounds=30, states={"dest": {"laws": ["criminalization", "forced_labour_import_ban"]}})
    game = play(scenario)
    floor = scenario.parameters.import_ban_floor
    start = {r.id: r.demand.get("labour", 0.0) for r in scenario.regions}
    after = game.after(30).regions
    assert after["d"].demand["labour"] == start["d"], "the banning state's own market is not touched"
    for region_id in ("o", "t1", "t2"):
        assert after[region_id].demand["labour"] < start[region_id]
        assert after[region_id].demand["labour"] >= (1 - floor) * start[region_id] - 1e-12
    assert after["t1"].demand["labour"] < 0.9 * start["t1"]
