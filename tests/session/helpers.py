"""Games for session tests: the shipped tutorial, and scripts of random legal orders.

A script is decided once, by a seeded random stream over `legal_actions` (plus the odd message), so
that the same script can be played live, played through a save and a load, or replayed.
"""

import random
from functools import cache
from pathlib import Path

from game.engine import ActionRejected, apply, is_over, legal_actions, new_game, resolve_round
from game.model.actions import Action, Allocate, Message, Ready
from game.model.scenario import Scenario
from game.model.state import GameState
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario
from game.session.session import Session

Script = list[list[tuple[Action, str]]]
"""Round by round: the actions accepted, each with the seat that submitted it."""


@cache
def shipped(name: str) -> Scenario:
    return load_scenario(resolve_scenario(name))


def tutorial() -> Scenario:
    return shipped("tutorial")


def short(scenario: Scenario, rounds: int) -> Scenario:
    return scenario.model_copy(update={"rounds": rounds})


def random_orders(state: GameState, rng: random.Random, most: int = 3) -> list[tuple[Action, str]]:
    """Up to `most` accepted actions a state, drawn from what is legal at each moment."""
    chosen: list[tuple[Action, str]] = []
    for state_id in sorted(state.states):
        for _ in range(rng.randint(0, most)):
            options = [a for a in legal_actions(state, state_id) if not isinstance(a, Ready)]
            if rng.random() < 0.15:
                others = [s for s in state.states if s != state_id]
                options.append(Message(state=state_id, to=[rng.choice(others)], text=f"we will act in {state.round}"))
            if rng.random() < 0.2:
                options.append(Allocate.model_validate({"state": state_id, "budget": {}}))
            if not options:
                break
            action = rng.choice(options)
            try:
                state = apply(state, action, by=state_id)
            except ActionRejected:
                continue
            chosen.append((action, state_id))
        if rng.random() < 0.5 and not state.states[state_id].ready:
            ready = Ready(state=state_id)
            state = apply(state, ready, by=state_id)
            chosen.append((ready, state_id))
    return chosen


def random_script(scenario: Scenario, seed: int, choices: int) -> Script:
    rng = random.Random(choices)
    state = new_game(scenario, seed)
    script: Script = []
    while not is_over(state):
        orders = random_orders(state, rng)
        for action, by in orders:
            state = apply(state, action, by=by)
        script.append(orders)
        state, _ = resolve_round(state)
    return script


def play(session: Session, script: Script, rounds: range | None = None) -> Session:
    """Play the script's rounds (all that are left by default) into `session`, resolving each."""
    numbers = rounds if rounds is not None else range(session.round, len(script) + 1)
    for number in numbers:
        for action, by in script[number - 1]:
            session.submit(action, by=by)
        session.resolve()
    return session


def played(scenario: Scenario, seed: int, script: Script, folder: Path | None = None, **options: object) -> Session:
    session = Session.new(scenario, seed, saves_dir=folder, **options)  # type: ignore[arg-type]
    return play(session, script)


def play_randomly(session: Session, rng: random.Random) -> Session:
    """Random legal orders, decided live from the session's state, to the end of the game."""
    while not session.is_over:
        for action, by in random_orders(session.state, rng):
            session.submit(action, by=by)
        session.resolve()
    return session
