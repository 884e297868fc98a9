"""Lint for what breaks a class: one test per warning, on the minimal scenario with one flaw."""

from typing import Any

from .helpers import check_data, lines, minimal_data
from .test_lint import only_warning, warnings_of


def messages(data: dict[str, Any]) -> list[str]:
    return [f"{problem.field}: {problem.message}" for problem in warnings_of(data)]


def test_a_tier_objective_already_met_at_the_start() -> None:
    data = minimal_data()
    north = data["states"][1]
    north["laws"] = ["criminalization", "victim_protection", "referral_mechanism", "national_rapporteur"]
    north["capacities"] = {name: 10 for name in ("enforcement", "protection", "prevention", "intelligence")}
    north["objectives"].append({"kind": "reach_tier", "tier": 2, "points": 2})
    problem = only_warning(data)
    assert problem.field == "states[1] (north).objectives[1] (reach_tier)"
    assert problem.message.startswith("'north' is at Tier 1 at the start")


def test_a_tier_objective_not_met_at_the_start_is_fine() -> None:
    data = minimal_data()
    data["states"][0]["objectives"].append({"kind": "reach_tier", "tier": 1, "points": 2})
    scenario, problems = check_data(data)
    assert scenario is not None and problems == [], lines(problems)


def test_an_approval_goal_out_of_reach() -> None:
    data = minimal_data()
    data["states"][0]["approval"] = 55
    data["states"][0]["objectives"] = [{"kind": "keep_approval", "at_least": 99, "points": 2}]
    problem = only_warning(data)
    assert problem.field == "states[0] (south).objectives[0] (keep_approval).at_least"
    assert "99 is out of reach" in problem.message


def test_a_flow_larger_than_its_origin_can_feed() -> None:
    data = minimal_data()
    data["networks"][0]["routes"][0]["flow"] = 5_000_000
    data["networks"][0]["periphery"] = 200_000
    problem = only_warning(data)
    assert problem.field == "networks[0] (ring).routes[0].flow"
    assert "take 20,000,000 people over 4 rounds, more than its 1,000,000 people" in problem.message


def test_a_network_far_too_small_for_its_flows() -> None:
    data = minimal_data()
    data["networks"][0]["periphery"] = 0
    problem = only_warning(data)
    assert problem.field == "networks[0] (ring).periphery"
    assert problem.message.startswith("0 recruiters move about 0 people a round, far below its flows (100)")


def test_points_out_of_scale_with_the_rest() -> None:
    data = minimal_data()
    data["states"][0]["objectives"].append({"kind": "adopt_law", "law": "criminalization", "points": 2})
    data["states"][1]["objectives"].append({"kind": "adopt_law", "law": "victim_protection", "points": 50})
    assert messages(data) == ["states[1] (north).objectives[1] (adopt_law).points: 50 points is more than 5 times the "
                              "usual objective here (2.5): this one objective decides the game"]


def test_a_state_with_no_brief_or_no_objectives() -> None:
    data = minimal_data()
    data["states"][0]["brief"] = " "
    data["states"][1]["objectives"] = []
    assert messages(data) == [
        "states[0] (south): 'south' has no brief: its team will not know what it is playing for",
        "states[1] (north): 'north' has no objectives: its team will not know what it is playing for",
    ]


def test_an_origin_that_becomes_a_sink_for_its_own_victims() -> None:
    data = minimal_data()
    data["regions"][0]["neighbours"] = ["port", "city"]
    data["regions"][2]["neighbours"] = ["port", "village"]
    data["regions"][0]["demand"] = {"labour": 0.4}
    data["networks"][0]["routes"] = [{"path": ["village", "city"], "form": "labour", "flow": 100}]
    data["states"][0]["objectives"] = [{"kind": "reduce_victims", "state": "south", "by": 0.1, "points": 2}]
    data["states"][0]["objectives"].append({"kind": "keep_approval", "at_least": 40, "points": 2})
    found = messages(data)
    assert any(line.startswith("networks[0] (ring).routes[0].path[0]: 'village' is next to 'city' and has demand for "
                               "'labour' (0.4)") and "'south' scores on victims there" in line for line in found), found


def test_an_event_that_fires_before_the_event_it_follows() -> None:
    data = minimal_data()
    data["events"] = [
        {"id": "cuts", "title": "Cuts", "round": 3, "effects": [{"target": "state:south", "field": "approval",
                                                                  "set": 30}]},
        {"id": "protest", "title": "Protest", "when": {"target": "state:south", "field": "approval", "below": 60}},
    ]
    assert messages(data) == ["events[1] (protest).when: approval of state:south is 50 at the start, so this event "
                              "fires in round 1, before 'cuts' changes it"]


def test_a_cut_of_nothing_is_met_without_play() -> None:
    data = minimal_data()
    data["states"][1]["objectives"][0]["by"] = 0
    assert messages(data) == ["states[1] (north).objectives[0] (reduce_victims).by: by: 0 asks for no cut at all: the "
                              "objective is met without play"]


def test_a_budget_below_the_cost_of_standing_still_is_a_warning() -> None:
    data = minimal_data()
    data["states"][0]["laws"] = ["criminalization"]
    data["states"][0]["capacities"] = {"enforcement": 2, "border": 1, "protection": 1, "prevention": 1,
                                       "intelligence": 1}
    data["states"][0]["budget"] = 2
    problem = only_warning(data)
    assert problem.field == "states[0] (south).budget"
    assert problem.message.startswith(
        "a budget of 2 a round does not cover the 2.8 it costs to stand still (1 for the upkeep of its laws, 1.8 to "
        "hold its capacities at 0.3 a level): its capacities decay from round 1 whatever its team does; give it "
        "about 7 or more")


def test_a_budget_that_leaves_almost_nothing_to_act_with_is_a_warning() -> None:
    data = minimal_data()
    data["states"][0]["capacities"] = {"enforcement": 5, "border": 5}
    data["states"][0]["budget"] = 4
    problem = only_warning(data)
    assert problem.field == "states[0] (south).budget"
    assert problem.message.startswith("a budget of 4 a round leaves 1 once the 3 it costs to stand still is paid")


def test_a_budget_with_room_to_act_is_fine() -> None:
    data = minimal_data()
    data["states"][0]["capacities"] = {"enforcement": 5, "border": 5}
    data["states"][0]["budget"] = 5
    scenario, problems = check_data(data)
    assert scenario is not None and problems == [], lines(problems)


def test_a_population_larger_than_any_country_is_a_warning() -> None:
    data = minimal_data()
    data["regions"][1]["population"] = 2500
    problem = only_warning(data)
    assert problem.field == "regions[1] (port).population"
    assert problem.message == (
        "2,500 million people is more than any country holds (India, the largest, about 1,430 million): population "
        "is in millions; write 2.5 for 2,500 thousand, or 0.0025 for 2,500 people")


def test_a_budget_written_as_money_is_a_warning() -> None:
    data = minimal_data()
    data["states"][1]["budget"] = 1600
    problem = only_warning(data)
    assert problem.field == "states[1] (north).budget"
    assert problem.message.startswith("a budget of 1600 points a round raises every capacity to the top")
