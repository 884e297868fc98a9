"""Orders (model card sections 3 and 5.2): what `apply` accepts, what it refuses and why, and what
`legal_actions` offers. Every refusal is an `ActionRejected` whose message a student can act on."""

import pytest

from game.engine import ActionRejected, apply, legal_actions, new_game, resolve_round, state_hash
from game.model.actions import AdoptLaw, Allocate, Ready, RepealLaw
from game.model.state import GameState
from tests.engine.play import adopt, allocate, play, repeal, setup


def opening(**changes: object) -> GameState:
    return new_game(setup(**changes))  # type: ignore[arg-type]


def rejected(state: GameState, action: object, by: str | None = None) -> str:
    with pytest.raises(ActionRejected) as caught:
        apply(state, action, by=by)  # type: ignore[arg-type]
    return str(caught.value)


def test_allocation_beyond_the_budget_left_after_law_upkeep_is_refused() -> None:
    """Model card 5.2: upkeep first. A state with 20 points and criminalization (upkeep 1) has 19 to spend."""
    state = opening()
    upkeep = state.world.laws["criminalization"].upkeep
    message = rejected(state, allocate("orig", enforcement=20 - upkeep + 0.5))
    assert "not enough budget" in message, message
    assert "law upkeep" in message, f"the message should say why points are missing: {message}"
    accepted = apply(state, allocate("orig", enforcement=20 - upkeep))
    assert accepted.states["orig"].allocation == {"enforcement": 20 - upkeep}


def test_unknown_law_is_refused_with_a_suggestion() -> None:
    """Model card 3: only laws of the catalogue can be adopted; a typo gets a 'did you mean'."""
    message = rejected(opening(), AdoptLaw(state="orig", law="victim_protectoin"))
    assert "unknown law 'victim_protectoin'" in message, message
    assert "did you mean 'victim_protection'" in message, message


def test_law_without_its_prerequisite_in_force_is_refused() -> None:
    """Model card 3: each law has prerequisites (the referral mechanism needs victim protection)."""
    message = rejected(opening(), adopt("orig", "referral_mechanism"))
    assert "missing prerequisite" in message, message
    assert "Victim protection" in message, f"the message should name the missing law: {message}"


def test_prerequisite_only_pending_is_not_enough() -> None:
    """Model card 3: a prerequisite must be in force, not merely adopted and waiting for its delay."""
    state = apply(opening(states={"orig": {"laws": []}}), adopt("orig", "criminalization"))
    message = rejected(state, adopt("orig", "victim_protection"))
    assert "missing prerequisite" in message, message


def test_law_already_in_force_is_refused() -> None:
    """Model card 3: a state adopts a law once; the corridor's states start with criminalization."""
    message = rejected(opening(), adopt("orig", "criminalization"))
    assert "already in force" in message, message


def test_law_already_adopted_and_pending_is_refused() -> None:
    """Model card 3: a law waiting for its delay cannot be adopted a second time."""
    state = apply(opening(), adopt("orig", "national_rapporteur"))
    message = rejected(state, adopt("orig", "national_rapporteur"))
    assert "already adopted" in message and "enters into force in round 2" in message, message


def test_order_for_another_state_is_refused() -> None:
    """a seat plays one state; `apply(..., by=seat)` refuses orders for any other."""
    message = rejected(opening(), allocate("dest", enforcement=1), by="orig")
    assert "not your state" in message and "orig" in message and "dest" in message, message
    apply(opening(), allocate("orig", enforcement=1), by="orig")


def test_order_for_a_resolved_round_is_refused() -> None:
    """Model card 5: orders are for the open round; one stamped with a past round is refused."""
    state, _ = resolve_round(opening())
    message = rejected(state, Allocate(state="orig", budget={"enforcement": 1}, round=1))
    assert "round 1 is already resolved" in message and "now round 2" in message, message


def test_order_for_a_future_round_is_refused() -> None:
    """Model card 5: an order cannot be submitted ahead for a round that has not started."""
    message = rejected(opening(), Allocate(state="orig", budget={"enforcement": 1}, round=3))
    assert "round 3 has not started" in message, message


def test_order_after_the_game_is_over_is_refused() -> None:
    """Model card 6: after the last round nothing more can be ordered, or resolved."""
    state = play(setup(rounds=1)).after(1)
    message = rejected(state, allocate("orig", enforcement=1))
    assert "the game is over" in message, message
    assert legal_actions(state, "orig") == []
    with pytest.raises(ActionRejected, match="game is over"):
        resolve_round(state)


def test_law_costing_more_political_capital_than_held_is_refused() -> None:
    """Model card 3: each law has a political-capital cost; a state cannot go into debt for it."""
    state = opening(states={"orig": {"political_capital": 1}})
    message = rejected(state, adopt("orig", "anti_corruption"))
    assert "not enough political capital" in message and "costs 3" in message and "have 1" in message, message


def test_adopting_a_law_spends_its_political_capital_at_once() -> None:
    """Model card 3: the political-capital cost is paid on adoption."""
    state = opening()
    cost = state.world.laws["anti_corruption"].political_cost
    after = apply(state, adopt("orig", "anti_corruption"))
    assert after.states["orig"].political_capital == pytest.approx(state.states["orig"].political_capital - cost)


def test_repealing_a_law_others_depend_on_is_refused() -> None:
    """Model card 3: prerequisites bind both ways; criminalization cannot go while victim protection needs it."""
    state = opening(states={"orig": {"laws": ["criminalization", "victim_protection"]}})
    message = rejected(state, repeal("orig", "criminalization"))
    assert "Victim protection depends on Criminalization" in message and "repeal that first" in message, message


def test_repealing_the_dependant_first_lets_the_prerequisite_go_in_the_same_round() -> None:
    """Model card 3: once its dependants are being repealed, a prerequisite may be repealed too."""
    state = opening(states={"orig": {"laws": ["criminalization", "victim_protection"]}})
    state = apply(state, repeal("orig", "victim_protection"))
    state = apply(state, repeal("orig", "criminalization"))
    after, report = resolve_round(state)
    assert after.states["orig"].laws == []
    assert sorted(report.states["orig"].laws_repealed) == ["criminalization", "victim_protection"]


def test_repealing_a_law_not_in_force_is_refused() -> None:
    message = rejected(opening(), repeal("orig", "demand_reduction"))
    assert "not in force" in message, message


def test_repealing_a_pending_law_cancels_it() -> None:
    """Model card 3: a law adopted but not yet in force can be withdrawn; it never enters into force."""
    state = apply(opening(), adopt("orig", "national_rapporteur"))
    state = apply(state, repeal("orig", "national_rapporteur"))
    game_state = state
    for _ in range(3):
        game_state, _report = resolve_round(game_state)
    assert "national_rapporteur" not in game_state.states["orig"].laws


def test_a_ready_state_can_give_no_more_orders_this_round() -> None:
    """Model card 5: a seat that is ready has submitted; its orders reopen after the round resolves."""
    state = apply(opening(), Ready(state="orig"))
    message = rejected(state, allocate("orig", enforcement=1))
    assert "already ready" in message, message
    assert legal_actions(state, "orig") == []
    after, _ = resolve_round(state)
    assert not after.states["orig"].ready
    apply(after, allocate("orig", enforcement=1))


def test_unknown_state_is_refused_with_a_suggestion() -> None:
    message = rejected(opening(), allocate("dset", enforcement=1))
    assert "unknown state 'dset'" in message and "did you mean 'dest'" in message, message


def test_apply_leaves_the_given_state_untouched() -> None:
    """the engine is pure; `apply` returns a new state."""
    state = opening()
    before = state_hash(state)
    apply(state, adopt("orig", "national_rapporteur"))
    apply(state, allocate("orig", enforcement=5))
    assert state_hash(state) == before


def test_every_legal_action_is_accepted() -> None:
    """`legal_actions` offers only what `apply` accepts."""
    state = opening(states={"orig": {"laws": ["criminalization", "victim_protection"]}})
    for who in state.states:
        for action in legal_actions(state, who):
            apply(state, action, by=who)


def test_legal_actions_leave_out_what_the_rules_refuse() -> None:
    """Laws missing a prerequisite or beyond the political capital are not offered; repeals of laws
    others depend on are not offered either."""
    state = opening(states={"orig": {"political_capital": 2, "laws": ["criminalization", "victim_protection"]}})
    offered = legal_actions(state, "orig")
    adoptable = {a.law for a in offered if isinstance(a, AdoptLaw)}
    repealable = {a.law for a in offered if isinstance(a, RepealLaw)}
    assert "referral_mechanism" in adoptable, "its prerequisite is in force and it costs 1"
    assert "anti_corruption" not in adoptable, "it costs 3 political capital and the state has 2"
    assert "criminalization" not in adoptable, "it is already in force"
    assert repealable == {"victim_protection"}, "criminalization is needed by victim protection"
    assert any(isinstance(a, Ready) for a in offered)
    assert any(isinstance(a, Allocate) for a in offered)
