"""Extreme numbers in orders (issue 13, point 1): every number a person puts in an order (a form, a
network body, an orders file) is finite and inside a documented range, or the order is refused with
the usual one-line reason; an accepted order never puts a number that is not finite into the state,
the save or the next round.

Each numeric field of each action type gets values drawn from the extremes (NaN, the infinities,
1e999 as text, ±1e308, 10^300, -0, huge integers, the edges of the range) and the order goes the
way a real one goes: parsed by the action model, applied by the rules, the round resolved, the
state written as a save writes it.
"""

import contextlib
import math
from functools import cache
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game import jsontext
from game.engine import ActionRejected, apply, new_game, resolve_round
from game.engine.serialize import report_to_data, state_to_data, state_to_json
from game.model.actions import ACTION_ADAPTER
from game.model.amounts import MAX_POINTS, MAX_ROUND
from game.model.state import GameState
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario
from game.session.session import Session

X = object()
"""Where a template puts the drawn value."""

SUMMIT: dict[str, Any] = {
    "type": "call_summit", "state": "korvia", "name": "Summit", "participants": ["korvia", "meridia", "aldmark"],
    "clauses": [{"clause": "information_sharing"}, {"clause": "extradition"}], "min_ratifications": 2,
}
CHAIR: dict[str, Any] = {key: value for key, value in SUMMIT.items() if key not in ("type", "state")} | {
    "type": "chair_summit"}
TEMPLATES: dict[str, tuple[str, dict[str, Any]]] = {
    # numeric path (as the schema test names it) -> (scenario, an order that holds X there)
    "allocate.round": ("tutorial", {"type": "allocate", "state": "korvia", "round": X, "budget": {"border": 1}}),
    "allocate.budget.*": ("tutorial", {"type": "allocate", "state": "korvia", "budget": {"enforcement": X}}),
    "adopt_law.round": ("tutorial", {"type": "adopt_law", "state": "korvia", "law": "victim_protection",
                                     "round": X}),
    "repeal_law.round": ("tutorial", {"type": "repeal_law", "state": "korvia", "law": "criminalization",
                                      "round": X}),
    "ready.round": ("tutorial", {"type": "ready", "state": "korvia", "round": X}),
    "propose.round": ("tutorial", {"type": "propose", "state": "korvia", "agreement": "information_sharing",
                                   "parties": ["korvia", "meridia"], "round": X}),
    "propose.terms.duration": ("tutorial", {"type": "propose", "state": "korvia", "agreement": "information_sharing",
                                            "parties": ["korvia", "meridia"], "terms": {"duration": X}}),
    "propose.terms.contributions.*": ("tutorial", {
        "type": "propose", "state": "korvia", "agreement": "information_sharing", "parties": ["korvia", "meridia"],
        "terms": {"contributions": {"korvia": X}}}),
    "propose.terms.min_members": ("tutorial", {
        "type": "propose", "state": "korvia", "agreement": "regional_convention",
        "parties": ["korvia", "meridia", "aldmark"], "terms": {"min_members": X}}),
    "accede.round": ("tutorial", {"type": "accede", "state": "korvia", "agreement": "a1", "round": X}),
    "convene.terms.min_members": ("mekong", {
        "type": "convene", "org": "unodc", "agreement": "regional_convention",
        "parties": ["laos", "thailand", "cambodia"], "terms": {"min_members": X}}),
    "propose.terms.amount": ("tutorial", {
        "type": "propose", "state": "korvia", "agreement": "funding", "parties": ["korvia", "meridia"],
        "terms": {"donor": "korvia", "recipient": "meridia", "amount": X, "capacity": "protection"}}),
    "propose.terms.conditions.[].by_round": ("tutorial", {
        "type": "propose", "state": "korvia", "agreement": "funding", "parties": ["korvia", "meridia"],
        "terms": {"donor": "korvia", "recipient": "meridia", "amount": 1, "capacity": "protection",
                  "conditions": [{"law": "victim_protection", "by_round": X}]}}),
    "respond.round": ("tutorial", {"type": "respond", "state": "meridia", "proposal": "p1", "answer": "accept",
                                   "round": X}),
    "withdraw.round": ("tutorial", {"type": "withdraw", "state": "korvia", "agreement": "p1", "round": X}),
    "message.round": ("tutorial", {"type": "message", "state": "korvia", "to": ["meridia"], "text": "hi",
                                   "round": X}),
    "train.round": ("mekong", {"type": "train", "org": "unodc", "target": "laos", "capacity": "enforcement",
                               "round": X}),
    "monitor.round": ("mekong", {"type": "monitor", "org": "unodc", "target": "laos", "round": X}),
    "assist.round": ("mekong", {"type": "assist", "org": "iom", "target": "laos", "amount": 1, "round": X}),
    "assist.amount": ("mekong", {"type": "assist", "org": "iom", "target": "laos", "amount": X}),
    "assist.conditions.[].by_round": ("mekong", {"type": "assist", "org": "iom", "target": "laos", "amount": 1,
                                                 "conditions": [{"law": "victim_protection", "by_round": X}]}),
    "campaign.round": ("mekong", {"type": "campaign", "org": "iom", "region": "vientiane", "round": X}),
    "convene.round": ("mekong", {"type": "convene", "org": "unodc", "agreement": "regional_convention",
                                 "parties": ["laos", "thailand", "cambodia"], "round": X}),
    "convene.terms.duration": ("mekong", {"type": "convene", "org": "unodc", "agreement": "regional_convention",
                                          "parties": ["laos", "thailand", "cambodia"], "terms": {"duration": X}}),
    "convene.terms.contributions.*": ("mekong", {
        "type": "convene", "org": "unodc", "agreement": "regional_convention",
        "parties": ["laos", "thailand", "cambodia"], "terms": {"contributions": {"laos": X}}}),
    "convene.terms.amount": ("mekong", {
        "type": "convene", "org": "unodc", "agreement": "regional_convention",
        "parties": ["laos", "thailand", "cambodia"], "terms": {"amount": X}}),
    "convene.terms.conditions.[].by_round": ("mekong", {
        "type": "convene", "org": "unodc", "agreement": "regional_convention",
        "parties": ["laos", "thailand", "cambodia"], "terms": {"conditions": [{"law": "victim_protection",
                                                                                 "by_round": X}]}}),
    "inject.round": ("tutorial", {"type": "inject", "event": "nothing-such", "round": X}),
    # public statements and pledges
    "statement.round": ("tutorial", {"type": "statement", "state": "korvia", "text": "we act", "round": X}),
    "pledge.round": ("tutorial", {"type": "pledge", "state": "korvia", "kind": "fund", "capacity": "border",
                                  "points": 1, "due": 2, "round": X}),
    "pledge.due": ("tutorial", {"type": "pledge", "state": "korvia", "kind": "adopt_law",
                                "law": "victim_protection", "due": X}),
    "pledge.points": ("tutorial", {"type": "pledge", "state": "korvia", "kind": "fund", "capacity": "border",
                                   "points": X, "due": 2}),
    "call_summit.round": ("tutorial", {**SUMMIT, "round": X}),
    "call_summit.majority": ("tutorial", {**SUMMIT, "rule": "qualified_majority", "majority": X}),
    "call_summit.min_ratifications": ("tutorial", {**SUMMIT, "min_ratifications": X}),
    "call_summit.clauses.[].numbers.*": ("tutorial", {
        **SUMMIT, "clauses": [{"clause": "information_sharing", "numbers": {"contribution": X}}]}),
    "chair_summit.round": ("tutorial", {**CHAIR, "round": X}),
    "chair_summit.majority": ("tutorial", {**CHAIR, "rule": "qualified_majority", "majority": X}),
    "chair_summit.min_ratifications": ("tutorial", {**CHAIR, "min_ratifications": X}),
    "chair_summit.clauses.[].numbers.*": ("tutorial", {
        **CHAIR, "clauses": [{"clause": "information_sharing", "numbers": {"contribution": X}}]}),
    "amend.round": ("tutorial", {"type": "amend", "state": "korvia", "summit": "s1", "change": "strike",
                                 "clause": "extradition", "round": X}),
    "amend.numbers.*": ("tutorial", {"type": "amend", "state": "korvia", "summit": "s1", "change": "change",
                                     "clause": "information_sharing", "numbers": {"contribution": X}}),
    "vote.round": ("tutorial", {"type": "vote", "state": "korvia", "summit": "s1", "item": "m1", "choice": "yes",
                                "round": X}),
    "sign.round": ("tutorial", {"type": "sign", "state": "korvia", "summit": "s1", "round": X}),
    "ratify.round": ("tutorial", {"type": "ratify", "state": "korvia", "summit": "s1", "round": X}),
}

EXTREMES: list[Any] = [
    math.nan, math.inf, -math.inf, "1e999", "-1e999", "nan", "inf", "Infinity", 1e308, -1e308, 10 ** 300,
    -(10 ** 300), -0.0, "-0", 0, 0.0, 5e-324, -5e-324, MAX_POINTS, MAX_POINTS + 1, MAX_ROUND, MAX_ROUND + 1,
    2 ** 63, -(2 ** 63), 2 ** 64, 1.0000000000000002, "2.4", "", "1e308", True,
]

VALUES = st.one_of(
    st.sampled_from(EXTREMES),
    st.floats(),  # every float, NaN and the infinities included
    st.integers(min_value=-(10 ** 400), max_value=10 ** 400),
    st.floats(min_value=-2.0 * MAX_POINTS, max_value=2.0 * MAX_POINTS),
)


def numeric_fields() -> dict[str, dict[str, Any]]:
    """Every numeric field of every action, from the action model's JSON schema: 'allocate.budget.*' -> its
    schema (type, minimum, maximum)."""
    schema = ACTION_ADAPTER.json_schema()
    definitions = schema["$defs"]
    found: dict[str, dict[str, Any]] = {}

    def walk(node: dict[str, Any], path: str) -> None:
        if "$ref" in node:
            walk(definitions[node["$ref"].split("/")[-1]], path)
            return
        for option in node.get("anyOf", []):
            walk(option, path)
        kind = node.get("type")
        if kind in ("number", "integer"):
            found[path] = node
        for name, child in node.get("properties", {}).items():
            if name != "type":
                walk(child, f"{path}.{name}")
        for child in [node.get("additionalProperties"), *node.get("patternProperties", {}).values()]:
            if isinstance(child, dict):
                walk(child, f"{path}.*")
        if isinstance(node.get("items"), dict):
            walk(node["items"], f"{path}.[]")

    for option in schema["oneOf"]:
        definition = definitions[option["$ref"].split("/")[-1]]
        walk(definition, definition["properties"]["type"]["const"])
    return found


def test_every_numeric_field_of_every_action_has_a_documented_range_and_a_template_here() -> None:
    fields = numeric_fields()
    assert set(fields) == set(TEMPLATES), ("a numeric field of an action has no template in this test (or a "
                                           f"template names no field): {sorted(set(fields) ^ set(TEMPLATES))}")
    for path, node in fields.items():
        low = node.get("minimum", node.get("exclusiveMinimum"))
        assert low is not None and node.get("maximum") is not None, f"{path} has no documented range: {node}"


@cache
def opening(scenario: str) -> GameState:
    state = new_game(load_scenario(resolve_scenario(scenario)))
    if scenario == "tutorial":  # an open proposal p1 for respond and withdraw
        state = apply(state, ACTION_ADAPTER.validate_python({
            "type": "propose", "state": "korvia", "agreement": "information_sharing",
            "parties": ["korvia", "meridia"]}))
    return state


def filled(template: Any, value: Any) -> Any:
    if template is X:
        return value
    if isinstance(template, dict):
        return {key: filled(item, value) for key, item in template.items()}
    if isinstance(template, list):
        return [filled(item, value) for item in template]
    return template


def assert_all_finite(data: Any) -> None:
    """Written as the game writes JSON, and read back as a save is read: both refuse NaN and infinity."""
    text = jsontext.dumps(data)
    assert jsontext.loads(text) == data


def play(scenario: str, data: dict[str, Any]) -> None:
    """The order as a real one goes: parsed, applied, every answer accepting it, two rounds resolved,
    the state written as a save writes it. A refusal is an `ActionRejected`, nothing else."""
    try:
        action = Session.parse_action(data)
    except ActionRejected as refusal:
        assert str(refusal) and "\n" not in str(refusal), refusal
        return
    assert_all_finite(ACTION_ADAPTER.dump_python(action, mode="json"))
    state = opening(scenario)
    try:
        state = apply(state, action)
    except ActionRejected as refusal:
        assert str(refusal) and "\n" not in str(refusal), refusal
        return
    for proposal in list(state.proposals.values()):
        for party in proposal.parties:
            if proposal.status == "open" and party != proposal.proposer:
                key = "org" if party in state.organizations else "state"
                answer = Session.parse_action({"type": "respond", key: party, "proposal": proposal.id,
                                               "answer": "accept"})
                with contextlib.suppress(ActionRejected):
                    state = apply(state, answer)
    for _ in range(2):
        state, report = resolve_round(state)
        assert_all_finite(report_to_data(report))
        assert_all_finite(state_to_data(state))
        state_to_json(state)


@pytest.mark.parametrize("path", sorted(TEMPLATES))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=VALUES)
def test_an_extreme_number_in_any_order_is_refused_or_kept_finite_through_the_rules(path: str, value: Any) -> None:
    scenario, template = TEMPLATES[path]
    play(scenario, filled(template, value))


@pytest.mark.parametrize("text", ["1e999", "-1e999", "nan", "inf", "Infinity", "1e308", "-1", "1000001"])
def test_an_impossible_contribution_or_funding_amount_is_refused_with_one_line(text: str) -> None:
    for data in (filled(TEMPLATES["propose.terms.contributions.*"][1], text),
                 filled(TEMPLATES["propose.terms.amount"][1], text)):
        with pytest.raises(ActionRejected) as refused:
            Session.parse_action(data)
        reason = str(refused.value)
        assert "\n" not in reason and any(w in reason for w in ("finite", "or less", "or more", "a number")), reason


def test_minus_zero_points_are_kept_as_zero() -> None:
    action = Session.parse_action({"type": "allocate", "state": "korvia", "budget": {"border": "-0"}})
    assert jsontext.dumps(ACTION_ADAPTER.dump_python(action, mode="json")).count("-0") == 0

