"""A refusal's 'split the cost another way' led a student (student11's europe game) to propose the
split at once, and the rules answered only 'proposal p-frda is already on the table': the rejected
proposal stays open until the round resolves. The refusal now says how to offer new terms now:
its proposer withdraws it first, another party counters it."""

from game.engine import new_game
from tests.diplomacy.deals import propose, reject, rejected, withdraw
from tests.engine.play import apply, proposal, setup


def test_a_proposer_whose_proposal_was_rejected_is_told_to_withdraw_it_before_proposing_new_terms() -> None:
    state = apply(new_game(setup()), propose("dest", "information_sharing", "tran"))
    state = apply(state, reject("tran"))
    split = propose("dest", "information_sharing", "tran", contributions={"dest": 3.6, "tran": 0.4})
    message = rejected(state, split)
    first = proposal(state, 1).id  # the engine's id for it
    assert f"proposal {first} is already on the table until this year is resolved, though tran rejected it: to " \
           "offer new terms now, withdraw it first, then propose again" in message, message
    state = apply(apply(state, withdraw("dest", "p1")), split)  # and that way works
    assert proposal(state, 2).terms.contributions == {"dest": 3.6, "tran": 0.4}


def test_another_party_is_told_to_counter_a_rejected_proposal() -> None:
    state = apply(apply(new_game(setup()), propose("dest", "information_sharing", "tran")), reject("tran"))
    message = rejected(state, propose("tran", "information_sharing", "dest", contributions={"dest": 3, "tran": 1}))
    assert message.endswith("to offer new terms now, counter it instead"), message


def test_a_proposal_nobody_rejected_is_only_said_to_be_on_the_table() -> None:
    state = apply(new_game(setup()), propose("dest", "information_sharing", "tran"))
    message = rejected(state, propose("dest", "information_sharing", "tran", contributions={"dest": 3, "tran": 1}))
    assert message.endswith(f"proposal {proposal(state, 1).id} is already on the table"), message
