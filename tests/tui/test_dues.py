"""The budget screen and the end-of-turn dialog warn before a contribution is missed: this round's,
the next round's once every party has accepted an agreement, and a standing allocation that an
event or law upkeep has pushed past the budget."""

from game.engine import new_game, view
from game.tui.dues import dues_warnings, owed_words
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


def test_a_shortfall_that_rounds_away_is_written_with_the_decimals_that_show_it() -> None:
    # a standing allocation of 23.04 of 25 read 'only 2 left for agreements that cost 2': the 1.96
    # left was a breach of the 2 owed, and nothing on the screen said why
    scenario = setup()
    state = play(scenario, {1: [*signed("information_sharing", "dest", "tran"), withhold(scenario, "tran")]},
                 rounds=1).after(1)
    mine = view(state, "tran")
    assert mine.me.committed == 2
    (short,) = dues_warnings(mine, mine.me.available - 1.96)
    assert short.startswith("⚠ only 1.96 left for agreements that cost 2 this year"), short
    (past,) = dues_warnings(mine, mine.me.available + 0.04)
    assert f"the allocation ({mine.me.available + 0.04:,.2f}) no longer fits the {mine.me.available:g} free" in past


def test_agreements_take_of_the_rest_only_when_a_rest_is_left() -> None:
    # the end-turn dialog read '7.9 of 7 free points allocated; agreements take 2.7 of the rest'
    scenario = setup()
    state = play(scenario, {1: [*signed("information_sharing", "dest", "tran"), withhold(scenario, "tran")]},
                 rounds=1).after(1)
    mine = view(state, "tran")
    assert owed_words(mine, mine.me.available - 2) == "agreements take 2 of the rest this year"
    assert owed_words(mine, mine.me.available) == "agreements are owed 2 this year"
    assert owed_words(view(new_game(setup()), "tran"), 0) == "no agreement takes any this year"
