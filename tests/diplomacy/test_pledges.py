"""Public statements and pledges (docs/model.md, "Pledges"): each rule a named case on the corridor of
`tests.engine.maps` (states `orig`, `tran`, `alt`, `dest`; budget 20, criminalization in force).

Set up, order, resolve, assert: a pledge is judged at the resolution of its due round from what the
state did, and every other seat's trust in it moves by one commitment kept or broken."""

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from game.engine import new_game
from game.engine.diplomacy.trust import trust
from game.engine.errors import ActionRejected
from game.engine.serialize import state_from_data, state_hash, state_to_data
from game.model.actions import ACTION_ADAPTER, Pledge, Statement
from game.model.state import GameState
from tests.diplomacy.deals import rejected, signed, withhold
from tests.engine.play import adopt, allocate, apply, holding, play, setup
from tests.organizations.helpers import ORG, with_org


def fund(state: str, points: float, due: int, capacity: str = "enforcement") -> Pledge:
    return Pledge(state=state, kind="fund", capacity=capacity, points=points, due=due)  # type: ignore[arg-type]


def law(state: str, law_id: str, due: int) -> Pledge:
    return Pledge(state=state, kind="adopt_law", law=law_id, due=due)


def dues(state: str, agreement: str, due: int) -> Pledge:
    return Pledge(state=state, kind="pay_dues", agreement=agreement, due=due)


def opening() -> GameState:
    return new_game(setup())


# statements --------------------------------------------------------------------------------------------


def test_a_statement_is_news_of_its_round_for_every_seat() -> None:
    game = play(setup(), {1: [Statement(state="dest", text="  We will not look away.  ")]}, rounds=2)
    said = [e for e in game.report(1).events if e.kind == "statement"]
    assert [(e.title, e.text) for e in said] == [("dest states", "We will not look away.")]
    assert not [e for e in game.report(2).events if e.kind == "statement"], "a statement is news once"


def test_a_blank_or_overlong_statement_is_refused_by_the_model() -> None:
    for text in ("   ", "", "x" * 1001):
        with pytest.raises(ValidationError):
            Statement(state="dest", text=text)


def test_a_seat_makes_at_most_three_statements_a_round() -> None:
    state = opening()
    for n in range(3):
        state = apply(state, Statement(state="dest", text=f"point {n}"))
    assert "3 statements this year" in rejected(state, Statement(state="dest", text="one more"))


# verdicts -----------------------------------------------------------------------------------------------


def test_a_pledge_is_open_until_its_due_round_then_judged() -> None:
    scenario = setup()
    game = play(scenario, {1: [holding(scenario, "dest", enforcement=5), fund("dest", 5, 3)]}, rounds=3)
    assert [p.kept for p in game.after(1).pledges] == [None]
    assert [p.kept for p in game.after(2).pledges] == [None]
    assert [p.kept for p in game.after(3).pledges] == [True]
    assert [e.title for e in game.report(3).events if e.kind == "pledge_kept"] == ["dest kept its pledge"]
    assert [e.title for e in game.report(1).events if e.kind == "pledge"] == [
        "dest pledges to fund enforcement with at least 5 points a year through year 3"]


def test_a_funding_pledge_short_in_any_round_it_covers_is_broken_even_if_made_up_later() -> None:
    scenario = setup()
    game = play(scenario, {1: [allocate("dest", enforcement=6), fund("dest", 5, 3)],
                           2: [allocate("dest", enforcement=2)], 3: [allocate("dest", enforcement=9)]}, rounds=3)
    pledge = game.after(3).pledges[0]
    assert (pledge.short, pledge.kept) == (2, False)
    broken = [e for e in game.report(3).events if e.kind == "pledge_broken"]
    assert len(broken) == 1 and "in round 2" in broken[0].text


def test_a_law_pledge_is_kept_by_adopting_the_law_by_its_due_round() -> None:
    game = play(setup(), {1: [law("tran", "victim_protection", 2), law("orig", "victim_protection", 2)],
                          2: [adopt("tran", "victim_protection")]}, rounds=2)
    kept = {p.seat: p.kept for p in game.after(2).pledges}
    assert kept == {"tran": True, "orig": False}


def test_a_dues_pledge_is_broken_by_a_round_unpaid() -> None:
    scenario = setup()
    game = play(scenario, {1: signed("information_sharing", "dest", "tran", duration=5),
                           2: [dues("tran", "a1", 3), dues("dest", "a1", 3), withhold(scenario, "tran")]},
                rounds=3)
    kept = {p.seat: p.kept for p in game.after(3).pledges}
    assert kept == {"dest": True, "tran": False}


def test_a_dues_pledge_is_broken_when_the_pledgers_breaches_end_the_agreement() -> None:
    scenario = setup()
    limit = scenario.parameters.breaches_to_lapse
    game = play(scenario, {1: [*signed("information_sharing", "dest", "tran", duration=10),
                               withhold(scenario, "tran")], limit + 1: [dues("tran", "a1", limit + 1)]},
                rounds=limit + 1)
    assert game.after(limit + 1).agreements["a1"].status == "lapsed"
    assert [p.kept for p in game.after(limit + 1).pledges] == [False]


def test_an_accession_pledge_is_kept_by_joining_the_convention() -> None:
    members = {s: {"laws": ["criminalization", "victim_protection"]} for s in ("orig", "tran", "dest", "alt")}
    scenario = setup(states=members)
    convention = signed("regional_convention", "dest", "tran", "orig")
    game = play(scenario, {1: convention, 2: [Pledge(state="alt", kind="accede", agreement="a1", due=3)],
                           3: [ACTION_ADAPTER.validate_python({"type": "accede", "state": "alt", "agreement": "a1"})]},
                rounds=3)
    assert [p.kept for p in game.after(3).pledges] == [True]


def test_a_kept_pledge_raises_and_a_broken_one_lowers_every_other_seats_trust() -> None:
    scenario = setup()
    game = play(scenario, {1: [holding(scenario, "dest", enforcement=5), fund("dest", 5, 1),
                               allocate("tran", enforcement=1), fund("tran", 5, 1)]}, rounds=1)
    after = game.after(1)
    for other in ("orig", "alt"):
        assert trust(after, other, "dest") > 0.5 > trust(after, other, "tran")
    assert after.commitments["dest"]["orig"] == [1, 0] and after.commitments["tran"]["orig"] == [0, 1]


def test_pledges_in_either_order_of_submission_give_the_same_state() -> None:
    first, second = fund("dest", 3, 2), law("tran", "victim_protection", 2)
    one = apply(apply(opening(), first), second)
    other = apply(apply(opening(), second), first)
    assert state_hash(one) == state_hash(other)


def test_a_state_without_pledges_or_statements_keeps_the_hash_it_always_had() -> None:
    state = opening()
    assert "pledges" not in state_to_data(state) and "statements" not in state_to_data(state)
    pledged = apply(state, fund("dest", 3, 2))
    assert "pledges" in state_to_data(pledged) and state_hash(pledged) != state_hash(state)


def test_pledges_survive_a_snapshot() -> None:
    state = apply(apply(opening(), fund("dest", 3, 2)), Statement(state="orig", text="hello"))
    again = state_from_data(state_to_data(state), state.world)
    assert again.pledges == state.pledges and again.statements == state.statements
    assert state_hash(again) == state_hash(state)


# impossible pledges are refused, nothing recorded -------------------------------------------------------


@pytest.mark.parametrize(("pledge", "words"), [
    (fund("dest", 21, 2), "your whole budget is 20 points"),
    (law("dest", "victim_protections", 2), "unknown law 'victim_protections' (did you mean 'victim_protection'?)"),
    (law("dest", "criminalization", 2), "already in force"),
    (fund("dest", 3, 9), "the game ends with year 8"),
    (dues("dest", "a9", 3), "there is no agreement 'a9'"),
    (Pledge(state="dest", kind="accede", agreement="a1", due=2), "there is no agreement 'a1'"),
], ids=["more-than-the-budget", "unknown-law", "law-in-force", "after-the-end", "no-such-agreement",
        "no-convention"])
def test_an_impossible_pledge_is_refused_with_a_reason(pledge: Pledge, words: str) -> None:
    state = opening()
    assert words in rejected(state, pledge)
    assert state.pledges == []


def test_a_pledge_due_in_a_past_round_is_refused() -> None:
    state = play(setup(), rounds=2).after(2)
    assert "year 1 is already past; it is now year 3" in rejected(state, fund("dest", 3, 1))


def test_a_law_already_adopted_cannot_be_pledged() -> None:
    state = apply(opening(), adopt("dest", "victim_protection"))
    assert "already adopted" in rejected(state, law("dest", "victim_protection", 3))


def test_funding_pledges_together_may_not_exceed_the_budget() -> None:
    state = apply(opening(), fund("dest", 12, 3))
    assert "would promise 22 points a year" in rejected(state, fund("dest", 10, 3, capacity="protection"))


def test_a_dues_pledge_needs_a_party_that_owes_dues() -> None:
    state = play(setup(), {1: signed("information_sharing", "dest", "tran", duration=5)}, rounds=1).after(1)
    assert "you are not a party" in rejected(state, dues("orig", "a1", 3))
    assert "ends with year" in rejected(state, dues("dest", "a1", 8))


def test_the_same_pledge_twice_is_refused() -> None:
    state = apply(opening(), fund("dest", 3, 3))
    assert "already pledged to fund enforcement" in rejected(state, fund("dest", 4, 2))


def test_a_pledge_for_another_seat_or_by_an_unknown_state_is_refused() -> None:
    assert "not your state" in rejected(opening(), fund("dest", 3, 2), by="tran")
    assert "unknown state 'nowhere'" in rejected(opening(), fund("nowhere", 3, 2))


@pytest.mark.parametrize("data", [
    {"kind": "fund", "points": 3, "due": 2},
    {"kind": "fund", "capacity": "enforcement", "due": 2},
    {"kind": "fund", "capacity": "navy", "points": 3, "due": 2},
    {"kind": "fund", "capacity": "enforcement", "points": -1, "due": 2},
    {"kind": "fund", "capacity": "enforcement", "points": float("inf"), "due": 2},
    {"kind": "adopt_law", "due": 2},
    {"kind": "adopt_law", "law": "victim_protection", "points": 3, "due": 2},
    {"kind": "promise", "due": 2},
    {"kind": "fund", "capacity": "enforcement", "points": 3, "due": 0},
], ids=["no-capacity", "no-points", "unknown-capacity", "negative", "infinite", "no-law", "stray-field",
        "unknown-kind", "round-zero"])
def test_a_malformed_pledge_is_refused_by_the_model(data: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        ACTION_ADAPTER.validate_python({"type": "pledge", "state": "dest", **data})


@settings(max_examples=60, deadline=None)
@given(kind=st.sampled_from(["fund", "adopt_law", "pay_dues", "accede"]),
       capacity=st.one_of(st.none(), st.sampled_from(["enforcement", "border", "x"])),
       points=st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True)),
       law_id=st.one_of(st.none(), st.text(max_size=12)), agreement=st.one_of(st.none(), st.text(max_size=8)),
       due=st.integers(min_value=-5, max_value=2000))
def test_any_pledge_is_recorded_whole_or_refused_with_a_reason(
        kind: str, capacity: str | None, points: float | None, law_id: str | None, agreement: str | None,
        due: int) -> None:
    data = {"type": "pledge", "state": "dest", "kind": kind, "capacity": capacity, "points": points,
            "law": law_id, "agreement": agreement, "due": due}
    state = opening()
    try:
        action = ACTION_ADAPTER.validate_python({k: v for k, v in data.items() if v is not None})
        after = apply(state, action)
    except (ValidationError, ActionRejected) as error:
        assert str(error).strip()
        assert state.pledges == []
        return
    assert len(after.pledges) == 1 and after.pledges[0].text and state.pledges == []


def test_an_organization_may_state_in_public_but_not_pledge() -> None:
    game = play(with_org(), {1: [Statement(org=ORG, text="We will train your police.")]}, rounds=1)
    assert [(e.title, e.text) for e in game.report(1).events if e.kind == "statement"] == [
        ("un states", "We will train your police.")]
    state = new_game(with_org())
    assert "only a state can pledge" in rejected(state, fund(ORG, 3, 2))


@settings(max_examples=40, deadline=None)
@given(text=st.text(max_size=1200))
def test_any_statement_text_is_recorded_printable_or_refused(text: str) -> None:
    try:
        action = ACTION_ADAPTER.validate_python({"type": "statement", "state": "dest", "text": text})
    except ValidationError as error:
        assert str(error).strip()
        return
    said = apply(opening(), action).statements[0].text
    assert said and said == said.strip() and "\x1b" not in said and len(said) <= 1000


def test_a_pledge_of_one_point_says_one_point() -> None:
    """'fund enforcement with at least 1 points a year' (rules 16 words it in the singular)."""
    scenario = setup()
    game = play(scenario, {1: [holding(scenario, "dest", enforcement=5), fund("dest", 1, 3)]}, rounds=1)
    assert [e.title for e in game.report(1).events if e.kind == "pledge"] == [
        "dest pledges to fund enforcement with at least 1 point a year through year 3"]
