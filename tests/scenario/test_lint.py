"""Lint: one test per warning kind, each on the minimal scenario with one thing that makes a bad class."""

from typing import Any

from game.scenario.loader import check_scenario_text
from game.scenario.problems import Problem

from .helpers import MINIMAL, check_data, lines, minimal_data


def warnings_of(data: dict[str, Any]) -> list[Problem]:
    scenario, problems = check_data(data)
    assert scenario is not None, lines(problems)
    assert all(problem.severity == "warning" for problem in problems)
    return problems


def only_warning(data: dict[str, Any]) -> Problem:
    problems = warnings_of(data)
    assert len(problems) == 1, lines(problems)
    return problems[0]


def objective(data: dict[str, Any], holder: int, **fields: Any) -> dict[str, Any]:
    data["states"][holder].setdefault("objectives", []).append({"points": 1, **fields})
    return data


def test_the_minimal_scenario_is_clean() -> None:
    assert check_scenario_text(MINIMAL)[1] == []


def test_a_state_that_controls_no_region() -> None:
    data = minimal_data()
    data["states"].append({**data["states"][0], "id": "east", "name": "East"})
    problem = only_warning(data)
    assert (problem.field, problem.severity) == ("states[2] (east)", "warning")
    assert "state 'east' controls no region, so no route touches it" in problem.message


def test_a_state_whose_regions_no_route_crosses() -> None:
    data = minimal_data()
    data["networks"][0]["routes"] = []
    data["networks"].append({**data["networks"][0], "id": "other", "routes": [
        {"path": ["port", "city"], "form": "labour", "flow": 5}]})
    data["regions"][0]["controlled_by"] = "east"
    data["states"].append({**data["states"][0], "id": "east", "name": "East"})
    found = {(problem.field, problem.message) for problem in warnings_of(data)}
    assert ("states[2] (east)", "no route passes through a region of 'east': its team has no flow to act on") in found


def test_a_network_with_no_route() -> None:
    data = minimal_data()
    data["networks"].append({**data["networks"][0], "id": "idle", "routes": []})
    problem = only_warning(data)
    assert (problem.field, problem.message) == ("networks[1] (idle)", "network 'idle' has no route: it moves nobody")


def test_a_route_that_no_state_controls_anywhere() -> None:
    data = minimal_data()
    for region in data["regions"]:
        region["controlled_by"] = None
    data["regions"].append({"id": "capital", "name": "Capital", "population": 1, "vulnerability": 0.1,
                            "controlled_by": "south", "neighbours": []})
    data["regions"].append({"id": "north-capital", "name": "North capital", "population": 1,
                            "vulnerability": 0.1, "controlled_by": "north", "neighbours": []})
    data["networks"].append({**data["networks"][0], "id": "local",
                             "routes": [{"path": ["capital", "north-capital"], "form": "labour", "flow": 1}]})
    data["regions"][3]["neighbours"] = ["north-capital"]
    data["regions"][4]["neighbours"] = ["capital"]
    data["regions"][4]["demand"] = {"labour": 0.2}
    fields = {problem.field: problem.message for problem in warnings_of(data)}
    assert fields["networks[0] (ring).routes[0]"] == (
        "no state controls any region along this route: no team can act against it; route it through a region a "
        "state controls, or give one of 'village', 'port', 'city' to a state"
    )


def test_a_route_to_a_destination_without_demand_for_its_form() -> None:
    data = minimal_data()
    data["networks"][0]["routes"][0]["form"] = "sexual"
    problem = only_warning(data)
    assert (problem.field, problem.message) == (
        "networks[0] (ring).routes[0].form", "'city' has no demand for 'sexual': this route recruits nobody"
    )


def test_reduce_victims_where_no_route_ends() -> None:
    problem = only_warning(objective(minimal_data(), 0, kind="reduce_victims", region="village", by=0.2))
    assert problem.field == "states[0] (south).objectives[1] (reduce_victims)"
    assert problem.message.startswith("no route ends in 'village'")
    problem = only_warning(objective(minimal_data(), 0, kind="reduce_victims", state="south", by=0.2))
    assert problem.message.startswith("no route ends in a region of 'south'")


def test_adopt_a_law_already_held() -> None:
    problem = only_warning(objective(minimal_data(), 1, kind="adopt_law", law="criminalization"))
    assert problem.message == "'north' holds 'criminalization' from the start: the objective is met without play"


def test_adopt_a_law_whose_prerequisites_take_longer_than_the_game() -> None:
    data = objective(minimal_data(), 0, kind="adopt_law", law="referral_mechanism")
    data["rounds"] = 2
    problem = only_warning(data)
    assert problem.message == (
        "'referral_mechanism' cannot be adopted before round 3 (its prerequisites come first) "
        "and the game has 2 rounds"
    )
    data["rounds"] = 3
    assert warnings_of(data) == []


def test_prerequisites_in_a_circle() -> None:
    data = objective(minimal_data(), 0, kind="adopt_law", law="national_rapporteur")
    data["laws"] = [{"id": "national_rapporteur", "prerequisites": ["demand_reduction"]},
                    {"id": "demand_reduction", "prerequisites": ["national_rapporteur"]}]
    assert "go round in a circle" in only_warning(data).message


def test_an_agreement_with_too_few_parties() -> None:
    problem = only_warning(objective(minimal_data(), 0, kind="sign_agreement", agreement="regional_convention",
                                     **{"with": ["north"]}))
    assert problem.message == (
        "'regional_convention' needs at least 3 parties and this objective allows 2: it cannot be met"
    )


def test_an_objective_to_sign_what_the_partner_does_already_all_game() -> None:
    data = objective(minimal_data(), 0, kind="sign_agreement", agreement="information_sharing", **{"with": ["north"]})
    data["agreements_in_force"] = [{"agreement": "information_sharing", "parties": ["south", "north"],
                                    "rounds_left": data.get("rounds", 10)}]
    problem = only_warning(data)
    assert "a partner counts once, so signing it again adds nothing and cannot meet the objective" in problem.message
    data["agreements_in_force"][0]["rounds_left"] = 1
    assert warnings_of(data) == [], "sharing that ends early leaves something to add"


def when_event(field: str, **bound: float) -> dict[str, Any]:
    return {"id": "trigger", "title": "Trigger", "when": {"target": "state:south", "field": field, **bound},
            "effects": [{"target": "region:village", "field": "vulnerability", "add": 0.1}]}


def test_a_when_on_a_field_that_never_changes() -> None:
    data = minimal_data()
    data["events"] = [when_event("budget", below=5)]
    problem = only_warning(data)
    assert (problem.field, problem.message) == (
        "events[0] (trigger).when.field",
        "nothing changes 'budget' of state:south during play (the engine does not, and no event does): "
        "this event never fires",
    )


def test_a_when_on_a_field_that_another_event_changes_is_fine() -> None:
    data = minimal_data()
    data["events"] = [when_event("budget", below=5), {
        "id": "cuts", "title": "Cuts", "round": 2,
        "effects": [{"target": "state:south", "field": "budget", "add": -6}]}]
    assert warnings_of(data) == []


def test_a_when_that_can_never_be_true() -> None:
    data = minimal_data()
    data["events"] = [when_event("corruption", above=1)]
    problem = only_warning(data)
    assert (problem.field, problem.message) == (
        "events[0] (trigger).when", "'corruption' can never be above 1: this event never fires"
    )


def test_a_one_sided_neighbour_is_a_warning_and_made_symmetric() -> None:
    text = MINIMAL.replace("neighbours: [village, city]", "neighbours: [city]")
    scenario, problems = check_scenario_text(text, "s.yaml")
    assert lines(problems) == [
        "s.yaml:11:18: warning: regions[0] (village).neighbours[0]: region 'port' does not list 'village' among its "
        "neighbours; they are made neighbours both ways"
    ]
    assert scenario is not None
    assert scenario.regions[1].neighbours == ["city", "village"]


def test_a_neighbour_listed_twice() -> None:
    data = minimal_data()
    data["regions"][0]["neighbours"] = ["port", "port"]
    assert only_warning(data).message == "'port' is listed twice"


def test_a_starting_law_without_its_prerequisite() -> None:
    data = minimal_data()
    data["states"][0]["laws"] = ["victim_protection"]
    problem = only_warning(data)
    assert (problem.field, problem.message) == (
        "states[0] (south).laws[0]",
        "law 'victim_protection' needs 'criminalization' in force first, which 'south' does not hold at the start",
    )


def test_lint_waits_until_there_is_no_error() -> None:
    data = minimal_data()
    data["networks"].append({**data["networks"][0], "id": "idle", "routes": []})
    data["rounds"] = 0
    _, problems = check_data(data)
    assert [problem.severity for problem in problems] == ["error"]
