"""The large game, played in a process of its own so that its peak memory is its own:
`python -m benchmarks.big_game SCENARIO.yaml SAVE.json SEED` plays every seat by AI (`mixed`)
through a session, writes the save, and prints its figures as one JSON line."""

import json
import resource
import sys
import time
from pathlib import Path

from game.ai.registry import assign
from game.scenario.loader import load_scenario
from game.session.seats import Seat
from game.session.session import Session


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # Linux reports KiB


def main(scenario_path: str, save_path: str, seed: int) -> dict[str, float]:
    scenario = load_scenario(scenario_path)
    before = _rss_mb()
    drawn = assign([s.id for s in scenario.states], "mixed", seed, [o.id for o in scenario.organizations])
    seats = {state_id: Seat.ai(name) for state_id, name in drawn.items()}
    session = Session.new(scenario, seed, seats=seats, saves_dir=None, path=Path(save_path), autosave=False)
    start = time.perf_counter()
    moves = 0
    while not session.is_over:
        moves += len(session.play_ai())
        session.resolve()
    played = time.perf_counter() - start
    session.save()
    return {"rss_before_mb": before, "rss_peak_mb": _rss_mb(), "play_s": played, "moves": moves}


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], sys.argv[2], int(sys.argv[3]))))
