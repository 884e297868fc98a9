"""Round resolution: every round of whole games with nobody acting, one sample a round.

The floor is the bookkeeping every pure, hashed round must do whatever its rules: copying the state
and hashing the result. The targets are absolute (a `mekong` round in 1 ms, as the `diplomacy`
engine resolves a 7-power movement phase), so the floor is context, not the bar.
"""

import gc
import statistics

from benchmarks.figure import Figure, Target
from benchmarks.timing import cpu
from game.engine import is_over, new_game, resolve_round, state_hash
from game.model.scenario import Scenario


def round_figure(key: str, label: str, scenario: Scenario, games: int, target: Target | None,
                 reduced: bool = False) -> Figure:
    rounds: list[float] = []
    floors: list[float] = []
    for game in range(games):
        state = new_game(scenario, seed=game)
        gc.collect()
        while not is_over(state):
            start = cpu()
            after, _ = resolve_round(state)
            middle = cpu()
            state_hash(state.clone())
            end = cpu()
            rounds.append((middle - start) * 1000.0)
            floors.append((end - middle) * 1000.0)
            state = after
    return Figure(
        key, label, statistics.median(rounds), "ms", statistics.median(floors), "clone + hash", target, reduced,
        note=f"median of {len(rounds)} rounds over {games} game(s) with no orders; CPU time",
    )
