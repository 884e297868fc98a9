"""A game with no human at the table: orders come from a file (or nobody), rounds resolve in turn.

Used by `accord simulate` and, later, by balance runs. Its result holds every report and hash, so
the command line and tests read the same figures.
"""

from collections.abc import Callable
from dataclasses import dataclass

from game.engine import apply, is_over, new_game, resolve_round, run_baseline, scores
from game.engine.errors import ActionRejected
from game.engine.scoring import GameScore
from game.model.actions import Action
from game.model.report import RoundReport
from game.model.scenario import Scenario
from game.model.state import GameState

OrdersFor = Callable[[GameState], list[tuple[Action, Callable[[str], Exception]]]]
"""For the open round: the actions to apply, each with how to report its rejection."""


@dataclass
class Simulation:
    scenario: Scenario
    seed: int
    reports: list[RoundReport]
    final: GameState
    score: GameScore


def with_rounds(scenario: Scenario, rounds: int | None) -> Scenario:
    """The scenario cut short or run long, as `--rounds` asks."""
    if rounds is None or rounds == scenario.rounds:
        return scenario
    return scenario.model_copy(update={"rounds": rounds})


def simulate(scenario: Scenario, seed: int, orders: OrdersFor | None = None) -> Simulation:
    state = new_game(scenario, seed)
    reports: list[RoundReport] = []
    while not is_over(state):
        for action, rejected in orders(state) if orders else []:
            try:
                state = apply(state, action)
            except ActionRejected as error:
                raise rejected(str(error)) from None
        state, report = resolve_round(state)
        reports.append(report)
    baseline = run_baseline(scenario, seed)
    return Simulation(scenario, seed, reports, state, scores(state, baseline))
