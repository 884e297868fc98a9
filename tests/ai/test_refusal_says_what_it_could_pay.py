"""A computer player turned down a deal for its price with a bare 'cannot pay 2 points a round',
even one it valued at 755 (student10's europe save): a student learned only that diplomacy is
futile. Its refusal now says what it could pay, so the proposer can split the cost another way."""

import math

from game.ai.cooperative import Cooperative
from game.engine import apply, view
from game.model.actions import Propose, Respond
from tests.ai.test_room_for_deals import Willing, europe, grown


def test_a_state_refusing_a_deal_for_its_price_says_what_it_could_pay() -> None:
    state = grown(europe(), "austria")
    can = Cooperative().room_for_deals(view(state, "austria"))
    ask = float(math.ceil(can) + 1)
    proposed = apply(state, Propose(state="germany", agreement="information_sharing",
                                    parties=["austria", "germany", "hungary"],
                                    terms={"contributions": {"austria": ask, "germany": 2.0, "hungary": 2.0}}))
    moves = Cooperative().answer_and_allocate(view(proposed, "austria"), Willing())
    refusal = next(m for m in moves if isinstance(m.action, Respond) and m.action.answer == "reject")
    could = math.floor(can * 10) / 10
    assert 0 < could < ask
    assert f"cannot pay {ask:g} points a round (it could pay {could:g}: split the cost another way)" in \
        refusal.reason, refusal.reason


def test_a_state_with_no_room_left_says_the_others_would_have_to_carry_its_share_and_accepts_that() -> None:
    """Three of four refusals in a student's europe game (student11) read a bare 'cannot pay 2 points
    a round': the state had no room left, and nothing said that the proposer could carry its share."""
    state = grown(europe(), "austria")
    me = view(state, "austria")
    full = Cooperative().room_for_deals(me)  # what it has accepted already this round takes it all
    asked = apply(state, Propose(state="germany", agreement="information_sharing", parties=["austria", "germany"]))
    accept, reason = Cooperative().judge(view(asked, "austria"), view(asked, "austria").proposals[-1], full)
    assert not accept
    assert reason.endswith("cannot pay 2 points a round (it could pay nothing: the other parties would have to "
                           "carry its share)"), reason
    carried = apply(state, Propose(state="germany", agreement="information_sharing", parties=["austria", "germany"],
                                   terms={"contributions": {"austria": 0.0, "germany": 4.0}}))
    accept, reason = Cooperative().judge(view(carried, "austria"), view(carried, "austria").proposals[-1], full)
    assert accept, reason
