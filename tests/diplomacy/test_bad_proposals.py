"""Model card section 4: a proposal, answer, withdrawal or message the rules do not allow is refused
with a reason a student can act on. The engine's refusals are `ActionRejected` messages; what pydantic
refuses (a negative number, a text too long) is a validation error that names the field.

Each case asserts the key words a student needs in the message: what is wrong, and with what."""

from typing import Any

import pytest
from pydantic import ValidationError

from game.engine import new_game, view
from game.model.actions import ACTION_ADAPTER, Message
from game.model.state import GameState
from game.model.terms import FundingCondition
from tests.diplomacy.deals import accept, propose, rejected, signed, withdraw
from tests.engine.play import apply, play, setup

GRANT: dict[str, Any] = {"donor": "dest", "recipient": "tran", "amount": 4, "capacity": "enforcement"}


def opening() -> GameState:
    return new_game(setup())


def proposed(*actions: object) -> GameState:
    """The opening position with `actions` applied (a proposal, usually, to answer)."""
    state = opening()
    for action in actions:
        state = apply(state, action)  # type: ignore[arg-type]
    return state


# what is proposed ------------------------------------------------------------------------------------------------


def test_unknown_agreement_kind_is_refused_with_a_suggestion() -> None:
    """Model card 4: agreements come from the catalogue; a typo gets a 'did you mean'."""
    message = rejected(opening(), propose("dest", "extradtion", "tran"))
    assert "unknown agreement 'extradtion'" in message and "did you mean 'extradition'" in message, message


def test_unknown_party_is_refused_with_a_suggestion() -> None:
    """Model card 4: agreements are between states of the game; a misspelt party gets a 'did you mean'."""
    message = rejected(opening(), propose("dest", "information_sharing", "trann"))
    assert "unknown party 'trann'" in message and "did you mean 'tran'" in message, message


def test_an_agreement_with_oneself_only_is_refused() -> None:
    """Model card 4: agreements are negotiated between two or more states."""
    message = rejected(opening(), propose("dest", "information_sharing"))
    assert "at least one other state" in message, message


def test_a_proposer_must_be_a_party_to_its_own_proposal() -> None:
    """Model card 4: a state proposes an agreement it will be bound by, not one between others."""
    action = propose("dest", "information_sharing", "tran").model_copy(update={"parties": ["tran", "orig"]})
    message = rejected(opening(), action)
    assert "must be a party to your own proposal" in message, message


def test_a_party_listed_twice_is_refused() -> None:
    """Model card 4: each party signs once."""
    message = rejected(opening(), propose("dest", "information_sharing", "tran", "tran"))
    assert "listed twice" in message, message


def test_fewer_parties_than_the_kind_needs_is_refused() -> None:
    """Model card 4: a regional convention needs three or more parties; the message says how many."""
    state = new_game(setup(states={s: {"laws": ["criminalization", "victim_protection"]} for s in ("dest", "tran")}))
    message = rejected(state, propose("dest", "regional_convention", "tran"))
    assert "Regional convention needs at least 3 parties" in message and "names 2" in message, message


def test_a_contribution_for_a_state_that_is_no_party_is_refused() -> None:
    """Model card 4: each party pays its contribution; no one else can be made to pay."""
    message = rejected(opening(), propose("dest", "information_sharing", "tran", contributions={"alt": 2}))
    assert "terms.contributions" in message and "alt" in message and "not a party" in message, message


def test_a_negative_contribution_is_refused_by_validation_naming_the_field() -> None:
    """Model card 4: contributions are points paid, never taken: pydantic refuses a negative one and
    names where it is."""
    data = {"type": "propose", "state": "dest", "agreement": "information_sharing", "parties": ["dest", "tran"],
            "terms": {"contributions": {"tran": -2}}}
    with pytest.raises(ValidationError) as caught:
        ACTION_ADAPTER.validate_python(data)
    errors = caught.value.errors()
    assert any(e["loc"][-3:] == ("terms", "contributions", "tran") for e in errors), errors
    assert "greater than or equal to 0" in str(caught.value), str(caught.value)


def test_a_joint_investigation_team_without_a_network_is_refused() -> None:
    """Model card 4: a joint investigation team works against a named network: terms.network."""
    message = rejected(opening(), propose("dest", "joint_investigation_team", "tran"))
    assert "needs a target" in message and "terms.network" in message, message


def test_a_joint_investigation_team_against_a_network_the_proposer_does_not_know_is_refused() -> None:
    """Model card 2 and 4: a state can only name a network its intelligence has seen: alt holds no
    region on the ring's route, so it knows nothing of the ring."""
    message = rejected(opening(), propose("alt", "joint_investigation_team", "dest", network="ring"))
    assert "no intelligence" in message and "'ring'" in message, message
    message = rejected(opening(), propose("dest", "joint_investigation_team", "tran", network="rnig"))
    assert "no intelligence" in message and "'rnig'" in message, message


@pytest.mark.parametrize("missing", ["donor", "recipient", "amount", "capacity"])
def test_funding_without_each_of_its_terms_is_refused_naming_it(missing: str) -> None:
    """Model card 4: funding needs a donor, a recipient, an amount and the capacity it goes to."""
    terms = {k: v for k, v in GRANT.items() if k != missing}
    message = rejected(opening(), propose("dest", "funding", "tran", **terms))
    assert f"funding needs terms.{missing}" in message, message


def test_funding_from_a_state_to_itself_is_refused() -> None:
    """Model card 4: funding moves a donor's points to another state."""
    message = rejected(opening(), propose("dest", "funding", "tran", **{**GRANT, "recipient": "dest"}))
    assert "donor and the recipient" in message and "different" in message, message


def test_funding_with_a_donor_or_recipient_who_is_no_party_is_refused() -> None:
    """Model card 4: the donor and the recipient sign the funding agreement."""
    message = rejected(opening(), propose("dest", "funding", "tran", **{**GRANT, "recipient": "alt"}))
    assert "must both be parties" in message, message


def test_funding_of_nothing_is_refused() -> None:
    """Model card 4: funding moves points: an amount of 0 funds nothing."""
    message = rejected(opening(), propose("dest", "funding", "tran", **{**GRANT, "amount": 0}))
    assert "amount above 0" in message, message


def test_a_funding_condition_on_an_unknown_law_is_refused_with_a_suggestion() -> None:
    """Model card 3 and 4: a condition names a law of the catalogue."""
    conditions = [FundingCondition(law="victim_protectoin", by_round=3)]
    message = rejected(opening(), propose("dest", "funding", "tran", **GRANT, conditions=conditions))
    assert "unknown law 'victim_protectoin'" in message and "did you mean 'victim_protection'" in message, message


def test_a_funding_condition_whose_round_is_past_is_refused() -> None:
    """Model card 4: a condition is a law to adopt by a round still to come (or the present one)."""
    state = play(setup(), rounds=2).after(2)
    assert state.round == 3
    conditions = [FundingCondition(law="victim_protection", by_round=2)]
    message = rejected(state, propose("dest", "funding", "tran", **GRANT, conditions=conditions))
    assert "by_round (2)" in message and "already past" in message, message
    apply(state, propose("dest", "funding", "tran", **GRANT, conditions=[FundingCondition(law="victim_protection",
                                                                                         by_round=3)]))


def test_a_kind_whose_required_law_a_party_lacks_is_refused_naming_law_and_party() -> None:
    """Model card 4: extradition needs criminalization in both parties."""
    state = new_game(setup(states={"orig": {"laws": []}}))
    message = rejected(state, propose("dest", "extradition", "orig"))
    assert "Extradition treaty needs Criminalization of trafficking" in message and "orig lacks it" in message, message


def test_countering_a_proposal_that_does_not_exist_or_is_closed_is_refused() -> None:
    """Model card 4: a counter-proposal replaces an open proposal; there must be one to replace."""
    message = rejected(opening(), propose("tran", "information_sharing", "dest", counters="p9"))
    assert "no proposal 'p9' to counter" in message, message
    state = proposed(propose("dest", "information_sharing", "tran"), withdraw("dest", "p1"))
    message = rejected(state, propose("tran", "information_sharing", "dest", counters="p1"))
    assert "no longer open" in message and "withdrawn" in message, message


def test_countering_a_proposal_one_is_not_party_to_is_refused() -> None:
    """Model card 4: only the parties to a proposal negotiate it."""
    state = proposed(propose("dest", "information_sharing", "tran"))
    message = rejected(state, propose("alt", "information_sharing", "dest", counters="p1"))
    assert "not a party to proposal p-" in message and "cannot counter" in message, message


# answers ---------------------------------------------------------------------------------------------------------


def test_answering_an_unknown_proposal_is_refused() -> None:
    message = rejected(opening(), accept("tran", "p7"))
    assert "no proposal 'p7'" in message, message


def test_answering_a_proposal_one_is_not_party_to_is_refused() -> None:
    """Model card 4: accepted by every party: only parties answer."""
    message = rejected(proposed(propose("dest", "information_sharing", "tran")), accept("alt"))
    assert "not a party to proposal p-" in message, message


def test_answering_a_closed_proposal_is_refused() -> None:
    """Model card 4: once accepted (or rejected, countered, withdrawn, expired) a proposal takes no answers."""
    after = play(setup(), {1: signed("information_sharing", "dest", "tran", "orig")}, rounds=1).after(1)
    message = rejected(after, accept("tran"))
    assert "no longer open" in message and "accepted" in message, message


def test_answering_ones_own_proposal_is_refused() -> None:
    """Model card 4: the proposer's acceptance is implied; to take it back, it withdraws."""
    message = rejected(proposed(propose("dest", "information_sharing", "tran")), accept("dest"))
    assert "you made proposal p-" in message and "withdraw" in message, message


# withdrawals -----------------------------------------------------------------------------------------------------


def test_withdrawing_someone_elses_proposal_is_refused() -> None:
    """Model card 4: only its proposer takes a proposal back; a party answers it instead."""
    message = rejected(proposed(propose("dest", "information_sharing", "tran")), withdraw("tran", "p1"))
    assert "only dest can withdraw proposal p-" in message and "answer it" in message, message


def test_withdrawing_from_an_agreement_one_is_not_party_to_is_refused() -> None:
    after = play(setup(), {1: signed("information_sharing", "dest", "tran")}, rounds=1).after(1)
    message = rejected(after, withdraw("alt", "a1"))
    assert "not a party to agreement a1" in message, message


def test_withdrawing_an_unknown_agreement_is_refused() -> None:
    message = rejected(opening(), withdraw("dest", "a3"))
    assert "no agreement or proposal 'a3'" in message, message


# messages --------------------------------------------------------------------------------------------------------


def test_a_message_to_nobody_else_is_refused() -> None:
    """A message goes to at least one other state: to oneself only, it is refused by the engine; to no
    one at all, by validation naming the field."""
    message = rejected(opening(), Message(state="dest", to=["dest"], text="hello"))
    assert "at least one other state" in message, message
    with pytest.raises(ValidationError) as caught:
        Message(state="dest", to=[], text="hello")
    assert any(e["loc"] == ("to",) for e in caught.value.errors()), caught.value.errors()


def test_a_message_to_an_unknown_state_is_refused_with_a_suggestion() -> None:
    message = rejected(opening(), Message(state="dest", to=["tran", "orgi"], text="hello"))
    assert "unknown state" in message and "'orgi'" in message and "did you mean 'orig'" in message, message


def test_a_message_longer_than_the_limit_is_refused_by_validation_naming_the_field() -> None:
    """Messages are limited to 4000 characters: pydantic names the field and the limit."""
    with pytest.raises(ValidationError) as caught:
        Message(state="dest", to=["tran"], text="x" * 4001)
    errors = caught.value.errors()
    assert [e["loc"] for e in errors] == [("text",)], errors
    assert "at most 4000 characters" in str(caught.value), str(caught.value)
    apply(opening(), Message(state="dest", to=["tran"], text="x" * 4000))


def test_a_message_is_recorded_and_seen_only_by_its_sender_and_recipients() -> None:
    """A message is free press between states: its recipients see it, others do not."""
    state = apply(opening(), Message(state="dest", to=["tran"], text="shall we share?"))
    assert [m.text for m in view(state, "tran").messages] == ["shall we share?"]
    assert [m.text for m in view(state, "dest").messages] == ["shall we share?"]
    assert view(state, "alt").messages == []
