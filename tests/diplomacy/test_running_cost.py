"""Issue 14: cooperation counts only when it is carried out. An agreement's contributions pay for
running it, so a proposal may split the cost as the parties like but not sign it for less: a deal at
zero contribution would do all its work unpaid (an outside reviewer's zero-cost deals averted 4-11%,
more than the cooperative table)."""

from game.engine import new_game
from tests.diplomacy.deals import propose, rejected
from tests.engine.play import apply, proposal, setup


def test_a_proposal_whose_contributions_add_up_to_nothing_is_refused_and_told_the_cost() -> None:
    message = rejected(new_game(setup()), propose("dest", "information_sharing", "tran",
                                                  contributions={"dest": 0, "tran": 0}))
    assert "add up to 0 a year" in message and "costs 4 a year to run among 2 parties (2 a party)" in message, message
    assert "split the 4 between the parties as you like" in message


def test_one_party_may_carry_the_whole_running_cost() -> None:
    state = apply(new_game(setup()), propose("dest", "information_sharing", "tran",
                                             contributions={"dest": 4, "tran": 0}))
    assert proposal(state, 1).terms.contributions == {"dest": 4, "tran": 0}


def test_a_split_rounded_to_tenths_below_the_cost_is_accepted() -> None:
    """The AI's Nash split rounds each share to tenths: 1.3 + 2.6 for a cost of 4 is the split, not a cut."""
    state = apply(new_game(setup()), propose("dest", "information_sharing", "tran",
                                             contributions={"dest": 2.65, "tran": 1.3}))
    assert proposal(state, 1).status == "open"
    assert "costs 4" in rejected(new_game(setup()), propose("dest", "information_sharing", "tran",
                                                            contributions={"dest": 2.5, "tran": 1.3}))


def test_kinds_that_cost_nothing_to_run_and_grants_are_not_held_to_a_running_cost() -> None:
    state = apply(new_game(setup()), propose("dest", "funding", "orig", donor="dest", recipient="orig", amount=2,
                                             capacity="prevention"))
    assert proposal(state, 1).status == "open"
