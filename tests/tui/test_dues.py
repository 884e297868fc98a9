"""The budget screen and the end-of-turn dialog warn before a contribution is missed: this round's,
the next round's once every party has accepted an agreement, and a standing allocation that an
event or law upkeep has pushed past the budget."""

from game.engine import new_game, view
from game.tui.dues import dues_warnings
from tests.diplomacy.deals import accept, propose, signed, withhold
from tests.engine.play import apply, play, setup


def test_an_agreement_accepted_by_every_party_is_counted_for_next_round() -> None:
    state = apply(new_game(setup()), propose("dest", "information_sharing", "tran"))
    mine = view(state, "tran")
    assert dues_warnings(mine, mine.me.available) == [], "not accepted yet: nothing to warn about"
    state = apply(state, accept("tran"))
    full, room = view(state, "tran"), view(state, "tran").me.available - 2
    (warning,) = dues_warnings(full, full.me.available)
    assert "from next year agreements already accepted by every party add 2" in warning
    assert dues_warnings(full, room) == [], "leaving the 2 points unallocated answers the warning"


def test_this_rounds_dues_and_an_allocation_past_the_budget_are_warned_of() -> None:
    scenario = setup()
    state = play(scenario, {1: [*signed("information_sharing", "dest", "tran"), withhold(scenario, "tran")]},
                 rounds=1).after(1)
    mine = view(state, "tran")
    assert any("left for agreements that cost 2 this year" in w for w in dues_warnings(mine, mine.me.available))
    (past,) = dues_warnings(mine, mine.me.available + 3)
    assert "no longer fits" in past and "shrank the budget" in past
