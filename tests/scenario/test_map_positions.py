"""Issue 17.1: a scenario may say where the map draws each region (`position: [column, row]`);
two regions on one spot are an error naming both, and a scenario without positions dumps (and so
hashes) exactly as before positions existed."""

from game.engine.setup import new_game
from game.engine.views import view
from game.scenario.loader import load_scenario_text

from .helpers import check_data, dump, minimal_data


def test_two_regions_at_one_position_is_an_error_naming_both() -> None:
    data = minimal_data()
    data["regions"][0]["position"] = [1, 2]
    data["regions"][2]["position"] = [1, 2]
    scenario, problems = check_data(data)
    assert scenario is None
    [problem] = [p for p in problems if p.severity == "error"]
    assert problem.field == "regions[2] (city).position"
    assert "drawn at [1, 2], where 'village' already is" in problem.message


def test_a_position_reaches_the_players_view() -> None:
    data = minimal_data()
    data["regions"][1]["position"] = [3, 0]
    scenario = load_scenario_text(dump(data))
    seat = view(new_game(scenario, 1), scenario.states[0].id)
    assert {r.id: r.position for r in seat.regions}[data["regions"][1]["id"]] == (3, 0)


def test_a_scenario_without_positions_dumps_as_it_did_before_they_existed() -> None:
    scenario = load_scenario_text(dump(minimal_data()))
    assert all("position" not in region for region in scenario.model_dump(mode="json")["regions"])
    assert '"position"' not in scenario.model_dump_json()


def test_positions_only_draw_the_map_a_scenario_given_them_hashes_as_before() -> None:
    from game.model.world import World

    plain = load_scenario_text(dump(minimal_data()))
    data = minimal_data()
    for column, region in enumerate(data["regions"]):
        region["position"] = [column, 0]
    placed = load_scenario_text(dump(data))
    assert placed != plain
    assert World(placed).scenario_hash == World(plain).scenario_hash
