"""Cross-reference checks beyond the corpus, and the loader's promises: all problems at once, sorted,
warnings never blocking a load."""

from pathlib import Path
from typing import Any

import pytest

from game.scenario.loader import (
    check_scenario,
    check_scenario_bytes,
    check_scenario_text,
    load_scenario,
    load_scenario_text,
)
from game.scenario.problems import ScenarioError

from .helpers import MINIMAL, check_data, minimal_data


def errors_of(data: dict[str, Any]) -> dict[str, str]:
    scenario, problems = check_data(data)
    assert scenario is None
    return {problem.field: problem.message for problem in problems if problem.severity == "error"}


def test_load_returns_the_scenario(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(MINIMAL, "utf-8")
    scenario = load_scenario(path)
    assert scenario == load_scenario(str(path)) == load_scenario_text(MINIMAL)
    assert [region.id for region in scenario.regions] == ["village", "port", "city"]
    assert check_scenario_bytes(MINIMAL.encode())[0] == scenario


def test_every_problem_is_reported_in_file_order() -> None:
    data = minimal_data()
    data["regions"][2]["controlled_by"] = "nobody"
    data["regions"][0]["population"] = -1
    data["states"][1]["laws"] = ["criminalization", "border_securty"]
    data["networks"][0]["routes"][0]["path"] = ["village", "city"]
    _, problems = check_data(data)
    assert [(problem.field, problem.severity) for problem in problems] == [
        ("regions[0] (village).population", "error"),
        ("regions[2] (city).controlled_by", "error"),
        ("states[1] (north).laws[1]", "error"),
        ("networks[0] (ring).routes[0].path[1]", "error"),
    ]
    assert [problem.line for problem in problems] == sorted(problem.line for problem in problems)


def test_a_broken_region_still_counts_as_a_region_for_references() -> None:
    data = minimal_data()
    data["regions"][1]["population"] = "many"
    assert set(errors_of(data)) == {"regions[1] (port).population"}


def test_warnings_do_not_stop_a_load() -> None:
    text = MINIMAL.replace("neighbours: [village, city]", "neighbours: [city]")
    assert load_scenario_text(text).regions[1].neighbours == ["city", "village"]


def test_load_raises_with_errors_and_warnings() -> None:
    text = MINIMAL.replace("neighbours: [village, city]", "neighbours: [city]").replace("rounds: 4", "rounds: -1")
    with pytest.raises(ScenarioError) as raised:
        load_scenario_text(text, "s.yaml")
    assert [problem.severity for problem in raised.value.problems] == ["error", "warning"]


def test_an_override_of_a_built_in_law_may_not_change_its_rule() -> None:
    data = minimal_data()
    data["laws"] = [{"id": "criminalization", "based_on": "border_security"}]
    assert errors_of(data) == {
        "laws[0] (criminalization).based_on": "'criminalization' is a built-in law: an override keeps its rule, so "
                                              "drop 'based_on'"
    }


def test_a_new_law_based_on_an_unknown_law() -> None:
    data = minimal_data()
    data["laws"] = [{"id": "marriage_ban", "based_on": "criminalisation", "prerequisites": ["victim_protecton"]}]
    assert errors_of(data) == {
        "laws[0] (marriage_ban).based_on": "unknown built-in law 'criminalisation'; did you mean 'criminalization'?",
        "laws[0] (marriage_ban).prerequisites[0]": "unknown law 'victim_protecton'; did you mean 'victim_protection'?",
    }


def test_a_new_law_based_on_a_built_in_one_is_usable_everywhere() -> None:
    data = minimal_data()
    data["laws"] = [{"id": "marriage_ban", "based_on": "criminalization", "name": "Forced marriage ban"}]
    data["states"][0]["laws"] = ["marriage_ban"]
    data["agreements"] = [
        {"id": "bilateral_mou", "based_on": "labour_migration_mou", "requires_laws": ["marriage_ban"]}
    ]
    data["states"][0]["objectives"] = [{"kind": "sign_agreement", "agreement": "bilateral_mou", "with": ["north"],
                                        "points": 1}]
    scenario, problems = check_data(data)
    assert scenario is not None, problems
    assert scenario.law_catalogue()["marriage_ban"].rule == "criminalization"


def test_a_new_agreement_needs_a_base_and_known_laws() -> None:
    data = minimal_data()
    data["agreements"] = [{"id": "pact", "requires_laws": ["amnesty"]}]
    found = errors_of(data)
    assert found["agreements[0] (pact).based_on"].startswith("'pact' is not a built-in agreement")
    assert found["agreements[0] (pact).requires_laws[0]"] == "unknown law 'amnesty'"


def test_objective_references() -> None:
    data = minimal_data()
    data["states"][0]["objectives"] = [
        {"kind": "reduce_victims", "region": "cty", "by": 0.1, "points": 1},
        {"kind": "reduce_victims", "state": "nrth", "by": 0.1, "points": 1},
        {"kind": "adopt_law", "law": "victim_protect", "points": 1},
        {"kind": "sign_agreement", "agreement": "extradtion", "with": ["south"], "points": 1},
    ]
    assert errors_of(data) == {
        "states[0] (south).objectives[0] (reduce_victims).region": "unknown region 'cty'; did you mean 'city'?",
        "states[0] (south).objectives[1] (reduce_victims).state": "unknown state 'nrth'; did you mean 'north'?",
        "states[0] (south).objectives[2] (adopt_law).law": "unknown law 'victim_protect'; did you mean "
                                                           "'victim_protection'?",
        "states[0] (south).objectives[3] (sign_agreement).agreement": "unknown agreement 'extradtion'; did you mean "
                                                                      "'extradition'?",
        "states[0] (south).objectives[3] (sign_agreement).with[0]": "'south' is the state that holds this objective; "
                                                                    "name the other parties",
    }


def test_event_targets_and_fields() -> None:
    data = minimal_data()
    data["events"] = [{"id": "e", "title": "E", "round": 1, "effects": [
        {"target": "network:rng", "field": "capital", "add": 1},
        {"target": "region:city", "field": "demand.labor", "add": 0.1},
        {"target": "state:south", "field": "capacities.bordr", "add": 1},
        {"target": "state:south", "field": "approval", "set": 150},
    ]}, {"id": "f", "title": "F", "when": {"target": "network:ring", "field": "flows", "above": 10}}]
    assert errors_of(data) == {
        "events[0] (e).effects[0].target": "unknown network 'rng'; did you mean 'ring'?",
        "events[0] (e).effects[1].field": "unknown form 'labor'; did you mean 'labour'? in 'demand.labor'",
        "events[0] (e).effects[2].field": "unknown field 'capacities.bordr' for a state; did you mean "
                                          "'capacities.border'?",
        "events[0] (e).effects[3].set": "150 is outside the range of 'approval' (0 to 100)",
        "events[1] (f).when.field": "unknown field 'flows' for a network; did you mean 'flow'?",
    }


def test_a_route_that_stays_in_place() -> None:
    data = minimal_data()
    data["networks"][0]["routes"][0]["path"] = ["village", "village", "port"]
    assert errors_of(data) == {
        "networks[0] (ring).routes[0].path[1]": "'village' is repeated: each step moves to a neighbouring region"
    }


def test_a_region_cannot_neighbour_itself() -> None:
    data = minimal_data()
    data["regions"][0]["neighbours"] = ["port", "village"]
    assert errors_of(data) == {"regions[0] (village).neighbours[1]": "region 'village' cannot be its own neighbour"}


def test_a_missing_key_next_to_its_misspelling_is_one_problem() -> None:
    _, problems = check_scenario_text(MINIMAL.replace("    name: Port\n", "    nmae: Port\n"), "s.yaml")
    assert [str(problem) for problem in problems] == [
        "s.yaml:14:5: error: regions[1] (port).nmae: unknown key 'nmae'; did you mean 'name'?"
    ]


def test_check_scenario_accepts_str_paths(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(MINIMAL, "utf-8")
    assert check_scenario(str(path))[1] == []


def test_open_borders_name_states_of_the_scenario_each_in_one_group_at_most() -> None:
    data = minimal_data()
    data["open_borders"] = [["south", "nort"], ["north", "south"]]
    errors = errors_of(data)
    unknown = errors["open_borders[0][1]"]
    assert "unknown state 'nort'" in unknown and "did you mean 'north'" in unknown
    assert "already in open-border group 1" in errors["open_borders[1][1]"]
    data["open_borders"] = [["south", "north"]]
    scenario, _ = check_data(data)
    assert scenario is not None and scenario.open_borders == [["south", "north"]]
