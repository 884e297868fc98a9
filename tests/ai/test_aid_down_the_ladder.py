"""The AI's prevention grants go down the income ladder: a state funds prevention only in a state
with a smaller budget (budgets are published). Myanmar, cut by the coup, offered China, with three
times its budget, prevention grants for the people recruited in China who reach its compounds."""

from game.ai.cooperative import Cooperative
from game.engine import new_game, view
from game.model.actions import Propose
from game.model.state import GameState
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario


def _mekong() -> GameState:
    return new_game(load_scenario(resolve_scenario("mekong")), seed=0)


def _grant_to(state: GameState, donor: str) -> str | None:
    move = Cooperative().aid(view(state, donor))
    if move is None:
        return None
    assert isinstance(move.action, Propose) and move.action.terms.recipient is not None
    return move.action.terms.recipient


def test_a_state_offers_no_prevention_grant_to_a_state_with_a_larger_budget() -> None:
    state = _mekong()
    assert state.states["china"].budget > state.states["myanmar"].budget
    assert _grant_to(state, "myanmar") != "china"


def test_the_same_state_funds_that_partner_once_the_partner_is_the_poorer() -> None:
    state = _mekong()
    state.states["china"].budget = state.states["myanmar"].budget - 1
    assert _grant_to(state, "myanmar") == "china"


def test_every_state_sees_the_others_budgets_as_published() -> None:
    state = _mekong()
    others = {other.id: other.budget for other in view(state, "laos").others}
    assert others == {s: record.budget for s, record in state.states.items() if s != "laos"}
