"""AI seats at the table: each decides from its own view, in two passes a round (laws and
proposals; then answers, budget and `ready`), with a random stream of its own per seat and pass,
so the same seed gives the same game.

The driver does not apply moves itself: `submit` does, so a session can log and save them like any
seat's orders, and a bare engine loop can apply them directly.
"""

from collections.abc import Callable
from dataclasses import dataclass

from game.ai.mandate import Mandate
from game.ai.registry import strategy
from game.collector import collector_paused
from game.engine import apply, org_view, view
from game.engine.rng import stream
from game.engine.views import SharedParts
from game.model.actions import Action
from game.model.state import GameState

Submit = Callable[[Action, str, str], GameState]
"""Apply `action` for seat `state_id` with its `reason`, and return the state after it."""


@dataclass(frozen=True)
class AiMove:
    round: int
    state: str
    personality: str
    action: Action
    reason: str


def play_pass(state: GameState, seats: dict[str, str], second: bool, submit: Submit,
              shared: SharedParts | None = None) -> tuple[GameState, list[AiMove]]:
    """Every AI seat not yet ready acts once, in the order of state ids; an illegal move is a bug.
    `shared` keeps the parts of views every seat sees alike (one per table round, never longer)."""
    shared = shared if shared is not None else SharedParts()
    moves: list[AiMove] = []
    for state_id in sorted(seats):
        rng = stream(state.seed, state.round, f"ai:{state_id}:{2 if second else 1}")
        if state_id in state.organizations:
            if state.organizations[state_id].ready:
                continue
            organization = Mandate()
            seen = org_view(state, state_id, shared)
            decided = organization.answer(seen) if second else organization.act(seen, rng)
        else:
            if state.states[state_id].ready:
                continue
            player = strategy(seats[state_id])
            mine = view(state, state_id, shared)
            decided = player.answer_and_allocate(mine, rng) if second else player.propose_and_legislate(mine, rng)
        for move in decided:
            number = state.round
            state = submit(move.action, state_id, move.reason)
            moves.append(AiMove(number, state_id, seats[state_id], move.action, move.reason))
    return state, moves


def play_round(state: GameState, seats: dict[str, str], submit: Submit | None = None) -> tuple[GameState, list[AiMove]]:
    """Both passes for every AI seat; humans (not in `seats`) act around them."""
    current = [state]

    def apply_directly(action: Action, state_id: str, reason: str) -> GameState:
        current[0] = apply(current[0], action, by=state_id)
        return current[0]

    act = submit or apply_directly
    # views and decisions make many short-lived objects and no cycles: with the collector on, a
    # large table spent a third of its time collecting them again and again
    shared = SharedParts()
    with collector_paused():
        state, first = play_pass(state, seats, False, act, shared)
        current[0] = state
        state, second = play_pass(state, seats, True, act, shared)
    return state, first + second
