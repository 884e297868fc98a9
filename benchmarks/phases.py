"""Where a round's time goes, phase by phase: `python -m benchmarks.phases [SCENARIO] [--games N]
[--repeats R]`.

Plays N games of the scenario with nobody acting and keeps every state a round starts from; then
resolves those rounds again R times with each function the round's body (`round._resolve`) and
`_recruit_and_move` call by name timed on the CPU clock, and prints each phase's least total over
the repeats, per round (the minimum takes out most of a shared machine's noise). The inputs are
recorded once, so code before and after a change is timed on the same rounds. A phase's time
includes what it calls: movement and travel are inside `_recruit_and_move` too, and the state hash
inside the round. The wrapping costs about a microsecond a call, so compare phases with phases, not
with `python -m benchmarks`.
"""

import argparse
import ast
import gc
import inspect
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import game.engine.round as round_module
from benchmarks.timing import cpu
from game.engine import is_over, new_game, resolve_round
from game.errors import AccordError
from game.model.scenario import Scenario
from game.model.state import GameState
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario

CALLERS = (round_module._resolve, round_module._recruit_and_move)
SKIPPED = {"resolve_round", "is_over", "rng"}


def _called_names() -> set[tuple[str | None, str]]:
    """(module alias in `round.py` or None, function name) of every call the round's code makes by name."""
    names: set[tuple[str | None, str]] = set()
    for caller in CALLERS:
        for node in ast.walk(ast.parse(inspect.getsource(caller))):
            if isinstance(node, ast.Call):
                called = node.func
                if isinstance(called, ast.Name):
                    names.add((None, called.id))
                elif isinstance(called, ast.Attribute) and isinstance(called.value, ast.Name):
                    names.add((called.value.id, called.attr))
    return names


@contextmanager
def timed_phases(totals: dict[str, float]) -> Iterator[None]:
    """Within the block, every phase the round calls by name adds its CPU seconds to `totals`;
    the originals are put back afterwards."""
    replaced: list[tuple[Any, str, Callable[..., Any]]] = []

    def timed(label: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def phase(*args: Any, **kwargs: Any) -> Any:
            start = cpu()
            try:
                return function(*args, **kwargs)
            finally:
                totals[label] = totals.get(label, 0.0) + cpu() - start
        return phase

    done: set[tuple[int, str]] = set()
    try:
        for alias, name in sorted(_called_names(), key=lambda pair: (pair[0] or "", pair[1])):
            owner = round_module if alias is None else getattr(round_module, alias, None)
            function = getattr(owner, name, None) if owner is not None else None
            if (function is None or not callable(function) or isinstance(function, type) or name in SKIPPED
                    or (id(owner), name) in done):
                continue
            done.add((id(owner), name))
            replaced.append((owner, name, function))
            setattr(owner, name, timed(f"{alias}.{name}" if alias else name, function))
        yield
    finally:
        for owner, name, function in reversed(replaced):
            setattr(owner, name, function)


def recorded_rounds(scenario: Scenario, games: int) -> list[GameState]:
    """Every state a round started from in `games` games with nobody acting (seeds 0, 1, ...)."""
    states = []
    for seed in range(games):
        state = new_game(scenario, seed)
        while not is_over(state):
            states.append(state)
            state, _ = resolve_round(state)
    return states


def phase_times(scenario: Scenario, games: int, repeats: int) -> tuple[float, dict[str, float]]:
    """(The least whole-round CPU time, each phase's least CPU time), in microseconds a round."""
    states = recorded_rounds(scenario, games)
    least: dict[str, float] = {}
    whole = float("inf")
    for _ in range(repeats):
        totals: dict[str, float] = {}
        gc.collect()
        with timed_phases(totals):
            start = cpu()
            for state in states:
                resolve_round(state)
            whole = min(whole, cpu() - start)
        for label, seconds in totals.items():
            least[label] = min(least.get(label, seconds), seconds)
    per_round = 1e6 / len(states)
    return whole * per_round, {label: seconds * per_round for label, seconds in least.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.phases", description=__doc__.splitlines()[0])
    parser.add_argument("scenario", nargs="?", default="mekong", help="a shipped scenario's name or a YAML file")
    parser.add_argument("--games", type=int, default=10, help="games recorded (default 10)")
    parser.add_argument("--repeats", type=int, default=5, help="times every round is timed (default 5)")
    args = parser.parse_args(argv)
    try:
        scenario = load_scenario(resolve_scenario(args.scenario))
    except AccordError as error:  # an unknown name, or a file the loader refuses
        print(f"python -m benchmarks.phases: {error}", file=sys.stderr)
        return 1
    whole, phases = phase_times(scenario, args.games, args.repeats)
    print(f"round, {args.scenario}: {whole:.0f} us of CPU (the least of {args.repeats}, phases timed)")
    for label, micros in sorted(phases.items(), key=lambda item: -item[1]):
        if micros >= 1.0:
            print(f"{micros:9.1f} us  {label}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
