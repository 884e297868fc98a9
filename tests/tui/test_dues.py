"""The budget screen and the end-of-turn dialog warn before a contribution is missed: this round's,
the next round's once every party has accepted an agreement, and a standing allocation that an
event or law upkeep has pushed past the budget."""

from game.engine import new_game, view
from game.model.actions import Action
from game.model.catalogue import BUILTIN_LAWS
from game.model.scenario import Scenario
from game.tui.dues import dues_warnings, owed_words
from tests.diplomacy.deals import accept, propose, signed, withhold
from tests.engine.play import allocate, apply, play, setup


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


def _short_of_one_contribution() -> tuple[Scenario, dict[int, list[Action]]]:
    """tran signs two information-sharing agreements (a1 with dest, a2 with orig) and from round 2
    keeps back the points for one contribution only (as tests/diplomacy/test_lifecycle.py)."""
    scenario = setup()
    contribution = new_game(scenario).world.agreements["information_sharing"].contribution
    spec = next(s for s in scenario.states if s.id == "tran")
    upkeep = sum(BUILTIN_LAWS[law].upkeep for law in spec.laws)
    return scenario, {
        1: [*signed("information_sharing", "dest", "tran", duration=10),
            *signed("information_sharing", "tran", "orig", proposal="p2", duration=10)],
        2: [allocate("tran", enforcement=spec.budget - upkeep - contribution)],
    }


def test_the_short_of_points_warning_names_the_agreement_the_settlement_will_leave_unpaid() -> None:
    """'only 2 left for agreements that cost 4' did not say which would be missed. The warning names
    it by the settlement's own order: in signing order while no miss would end one, then first
    the one a further miss would end; and the resolution misses the one it named."""
    scenario, orders = _short_of_one_contribution()
    game = play(scenario, orders, rounds=4)
    breaches = scenario.parameters.breaches_to_lapse
    assert breaches == 3
    dest, orig = (next(s.name for s in scenario.states if s.id == i) for i in ("dest", "orig"))
    for round_no, named, spared in ((2, "a2", "a1"), (3, "a1", "a2")):
        mine = view(game.after(round_no), "tran")
        (short,) = dues_warnings(mine, sum(mine.me.allocation.values()))
        assert short.startswith("⚠ only 2 left for agreements that cost 4 this year: "), short
        assert f"{named} Information sharing with " in short and f"{spared} Information" not in short, short
        after = game.after(round_no + 1).agreements
        assert after[named].unpaid == ["tran"] and after[spared].unpaid == [], "the warning named another"
    # after round 2: a2 has been missed once; after round 3 twice, so it is paid first and a1 goes
    after_two = view(game.after(2), "tran")
    (short,) = dues_warnings(after_two, sum(after_two.me.allocation.values()))
    assert short.endswith("a party that does not pay is in breach. This goes unpaid:\n"
                          f"  • a2 Information sharing with {orig} (2 points): its 2nd miss of {breaches} in a row "
                          "before it lapses"), short
    after_three = view(game.after(3), "tran")
    (short,) = dues_warnings(after_three, sum(after_three.me.allocation.values()))
    assert short.endswith(f"\n  • a1 Information sharing with {dest} (2 points): its 1st miss of {breaches} in a row "
                          "before it lapses"), short
    (brief,) = dues_warnings(after_three, sum(after_three.me.allocation.values()), in_full=False)
    assert brief.endswith("a party that does not pay is in breach; a1 goes unpaid"), brief


def test_an_allocation_past_the_budget_names_every_contribution_and_the_one_that_would_lapse() -> None:
    """Scaled down to the budget, an allocation leaves nothing: every contribution goes unpaid, the
    one a further miss ends named as lapsing, first, since the settlement would have paid it first."""
    scenario, orders = _short_of_one_contribution()
    mine = view(play(scenario, orders, rounds=3).after(3), "tran")
    (past,) = dues_warnings(mine, mine.me.available + 1)
    assert "nothing is left for agreements; allocate again. These go unpaid:\n  • a2 Information sharing with " in past
    assert "(2 points): its 3rd miss in a row: it lapses\n  • a1 Information sharing with " in past, past
    (brief,) = dues_warnings(mine, mine.me.available + 1, in_full=False)
    assert brief.endswith("allocate again; a2 and a1 go unpaid"), brief


def test_a_member_of_a_convention_is_told_it_would_be_suspended_not_that_the_convention_lapses() -> None:
    """A multilateral agreement goes on without a member in breach: the warning says so."""
    states = {s: {"laws": ["criminalization", "victim_protection"]} for s in ("orig", "tran", "alt", "dest")}
    scenario = setup(states=states)
    game = play(scenario, {1: [*signed("regional_convention", "dest", "orig", "tran", "alt"),
                               withhold(scenario, "tran")]}, rounds=1)
    mine = view(game.after(1), "tran")
    (short,) = dues_warnings(mine, sum(mine.me.allocation.values()))
    assert "a1 Regional convention with Alternative State, Destination State, Origin State (2 points)" in short
    assert "its 1st miss of 3 in a row before you are suspended" in short, short
