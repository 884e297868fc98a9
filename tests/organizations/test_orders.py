"""An organization's orders (issue 9, points 2 and 3): bad ones are refused with a reason a student
understands, and `legal_actions` offers an organization exactly the instruments it may use now."""

import pytest

from game.engine import legal_actions, new_game, resolve_round
from game.model.actions import (
    INSTRUMENTS,
    Action,
    Assist,
    Campaign,
    Convene,
    Monitor,
    Propose,
    Ready,
    Respond,
    Train,
    Withdraw,
)
from game.model.state import GameState
from game.model.terms import Terms
from tests.diplomacy.deals import rejected
from tests.engine.play import apply, proposal
from tests.organizations.helpers import (
    CONVENTION_READY,
    ORG,
    assist,
    campaign,
    convene,
    monitor,
    organization,
    train,
    with_org,
)


def opening(**org: object) -> GameState:
    return new_game(with_org(org=org, states={s: CONVENTION_READY for s in ("orig", "tran", "dest")}))


# --- bad orders ----------------------------------------------------------------------------------


def test_an_unknown_target_is_refused_with_a_suggestion() -> None:
    state = opening()
    for action in (train("dset"), monitor("dset"), assist("dset")):
        assert rejected(state, action, by=ORG) == "unknown state 'dset' (did you mean 'dest'?)"
    assert rejected(state, campaign("t22"), by=ORG) == "unknown region 't22' (did you mean 't2'?)"


def test_an_unknown_organization_is_refused_with_a_suggestion() -> None:
    state = opening()
    assert rejected(state, train("dest", by="unn")) == "unknown state or organization 'unn' (did you mean 'un'?)"


def test_an_order_over_the_budget_is_refused_saying_what_is_left() -> None:
    state = opening(budget=4)
    state = apply(state, train("dest"), by=ORG)
    assert rejected(state, monitor("dest"), by=ORG) == (
        "not enough budget: a review costs 2 points, 1 of 4 are left this round")
    assert rejected(state, assist("dest", 1.5), by=ORG) == (
        "not enough budget: assistance costs 1.5 points, 1 of 4 are left this round")
    assert rejected(state, campaign("o"), by=ORG) == (
        "not enough budget: a campaign costs 2 points, 1 of 4 are left this round")
    assert rejected(state, convene("orig", "tran", "dest"), by=ORG) == (
        "not enough budget: hosting the negotiation costs 2 points, 1 of 4 are left this round")
    apply(state, assist("dest", 1), by=ORG)  # exactly what is left is fine


def test_an_instrument_outside_the_mandate_is_refused_naming_the_mandate() -> None:
    state = opening(mandate=["monitor"], name="GRETA")
    for action in (train("dest"), assist("dest"), campaign("o"), convene("orig", "tran", "dest")):
        assert rejected(state, action, by=ORG) == f"GRETA's mandate does not include '{action.type}' (it may monitor)"


def test_the_same_order_twice_in_a_round_is_refused() -> None:
    state = opening()
    state = apply(state, train("dest"), by=ORG)
    assert rejected(state, train("dest"), by=ORG) == "dest's enforcement officials are already being trained this round"
    state = apply(state, train("dest", "protection"), by=ORG)  # the other capacity is another training
    state = apply(state, monitor("dest"), by=ORG)
    assert rejected(state, monitor("dest"), by=ORG) == "dest is already being reviewed this round"
    state = apply(state, campaign("o"), by=ORG)
    assert rejected(state, campaign("o"), by=ORG) == "a campaign in o is already planned this round"


def test_a_condition_in_the_past_or_on_an_unknown_law_is_refused() -> None:
    state, _ = resolve_round(opening())
    state, _ = resolve_round(state)
    assert state.round == 3
    assert rejected(state, assist("orig", 2, victim_protection=2), by=ORG) == (
        "a condition's by_round (2) is already past")
    assert rejected(state, assist("orig", 2, victim_protecton=4), by=ORG) == (
        "unknown law 'victim_protecton' in a condition (did you mean 'victim_protection'?)")
    apply(state, assist("orig", 2, referral_mechanism=3), by=ORG)  # this round is still in time


def test_a_seat_orders_only_for_its_own_organization_and_not_once_ready() -> None:
    state = opening()
    assert rejected(state, train("dest"), by="dest") == "not your state: you play dest, and this order is for un"
    state = apply(state, Ready(org=ORG), by=ORG)
    assert rejected(state, train("dest"), by=ORG) == "un is already ready for round 1; orders reopen after it resolves"


def test_an_order_for_a_past_round_is_refused() -> None:
    state, _ = resolve_round(opening())
    assert rejected(state, Monitor(org=ORG, target="dest", round=1), by=ORG) == (
        "round 1 is already resolved; it is now round 2")


def test_an_organization_names_itself_as_org() -> None:
    with pytest.raises(ValueError, match="name exactly one of 'state' or 'org'"):
        Ready()
    with pytest.raises(ValueError, match="name exactly one of 'state' or 'org'"):
        Ready(state="dest", org=ORG)


# --- legal_actions -------------------------------------------------------------------------------


def _apply_each(state: GameState, who: str) -> list[Action]:
    offered = legal_actions(state, who)
    for action in offered:
        apply(state, action, by=who)  # raises ActionRejected, failing the test, if one is illegal
    return offered


def test_legal_actions_of_an_organization_are_all_legal_and_cover_its_mandate() -> None:
    state = opening()
    offered = _apply_each(state, ORG)
    kinds = {a.type for a in offered}
    assert kinds == {*INSTRUMENTS, "ready"}
    assert Train(org=ORG, target="dest", capacity="protection") in offered
    assert Monitor(org=ORG, target="alt") in offered
    assert Campaign(org=ORG, region="o") in offered
    assert Convene(org=ORG, agreement="regional_convention", parties=["dest", "orig", "tran"]) in offered
    assert all(a.actor == ORG for a in offered)


@pytest.mark.parametrize("mandate", [["monitor"], ["assist", "campaign"], ["train", "convene"]])
def test_legal_actions_offer_only_the_mandate(mandate: list[str]) -> None:
    state = opening(mandate=mandate)
    offered = _apply_each(state, ORG)
    assert {a.type for a in offered} == {*mandate, "ready"}


def test_legal_actions_follow_the_budget_and_the_orders_given() -> None:
    state = opening(budget=5)
    state = apply(state, train("dest"), by=ORG)
    state = apply(state, monitor("alt"), by=ORG)
    offered = _apply_each(state, ORG)
    assert not [a for a in offered if isinstance(a, Train | Monitor | Campaign | Convene)], "nothing left for them"
    assert offered == [Ready(org=ORG)], "and less than a point is no grant"
    richer = apply(opening(budget=7), train("dest"), by=ORG)
    offered = _apply_each(richer, ORG)
    assert Train(org=ORG, target="dest", capacity="enforcement") not in offered
    assert Train(org=ORG, target="dest", capacity="protection") in offered
    grants = [a for a in offered if isinstance(a, Assist)]
    assert grants and all(a.amount == 3 for a in grants)


def test_legal_actions_leave_out_a_barred_state_and_offer_withdrawing_a_proposal() -> None:
    state = opening()
    state = apply(state, assist("orig", 3, national_rapporteur=1), by=ORG)
    state = apply(state, Propose(org=ORG, agreement="funding", parties=[ORG, "tran"],
                                 terms=Terms(donor=ORG, recipient="tran", amount=2, capacity="protection")), by=ORG)
    offered = _apply_each(state, ORG)
    assert Withdraw(org=ORG, agreement=proposal(state, 1).id) in offered
    state, _ = resolve_round(state)  # p1 unanswered stays open
    state, _ = resolve_round(state)  # round 2 resolves: the condition of round 1 is broken
    assert state.organizations[ORG].barred == ["orig"]
    offered = _apply_each(state, ORG)
    assert not [a for a in offered if isinstance(a, Assist) and a.target == "orig"]
    assert [a for a in offered if isinstance(a, Assist) and a.target == "tran"]


def test_legal_actions_offer_no_convening_without_three_qualified_states() -> None:
    state = new_game(with_org())
    offered = _apply_each(state, ORG)
    assert not [a for a in offered if isinstance(a, Convene)]


def test_legal_actions_are_empty_when_ready_or_over() -> None:
    state = apply(opening(), Ready(org=ORG), by=ORG)
    assert legal_actions(state, ORG) == []
    scenario = with_org(rounds=1, organizations=[organization()])
    over, _ = resolve_round(new_game(scenario))
    assert legal_actions(over, ORG) == []


def test_legal_actions_offer_answers_to_funding_asked_of_it_and_leaving_what_it_signed() -> None:
    state = opening()
    ask = Propose(state="orig", agreement="funding", parties=["orig", ORG],
                  terms=Terms(donor=ORG, recipient="orig", amount=2, capacity="protection"))
    state = apply(state, ask, by="orig")
    offered = _apply_each(state, ORG)
    first = proposal(state, 1).id
    assert Respond(org=ORG, proposal=first, answer="accept") in offered
    assert Respond(org=ORG, proposal=first, answer="reject") in offered
    state = apply(state, Respond(org=ORG, proposal="p1", answer="accept"), by=ORG)
    state, _ = resolve_round(state)
    assert state.agreements["a1"].parties == ["orig", ORG]
    offered = _apply_each(state, ORG)
    assert Withdraw(org=ORG, agreement="a1") in offered
    assert not [a for a in offered if isinstance(a, Respond)]
