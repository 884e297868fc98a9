"""Saves of the large game: write, read, `verify` and `seek`, each against its floor.

- save: a cold write (every round converted again, as after loading) with its fsync and rename,
  against `json.dumps` of the same document;
- load: `Session.load` (parse, check, rebuild the current state from its snapshot), against
  `json.loads` of the same text;
- verify: re-running the whole log and comparing everything, against the live rounds: the same
  actions submitted to a session and its rounds resolved, without the AI deciding them;
- seek: a random moment of a replay from a fresh `Replay`, against parsing that moment's snapshot.
"""

import gc
import json
import random
import statistics
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from benchmarks.figure import Figure, Target
from benchmarks.timing import Stopwatch, cpu, median_ms, sample_ms, wall
from game.session.log import compact
from game.session.replay import Replay
from game.session.session import Session
from game.session.store import read_save, write_save
from game.session.verify import verify

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True, slots=True)
class PlayedGame:
    save: Path
    rss_before_mb: float
    rss_peak_mb: float
    play_s: float
    moves: int


def play_large(scenario_path: Path, save: Path, seed: int = 1) -> PlayedGame:
    """Play the large AI game in its own process (see `benchmarks.big_game`)."""
    done = subprocess.run([sys.executable, "-m", "benchmarks.big_game", str(scenario_path), str(save), str(seed)],
                          cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"the large game failed: {done.stderr.strip()[-500:]}")
    data = json.loads(done.stdout.strip().splitlines()[-1])
    return PlayedGame(save, data["rss_before_mb"], data["rss_peak_mb"], data["play_s"], int(data["moves"]))


def save_figures(game: PlayedGame, label: str, repeats: int, reduced: bool) -> list[Figure]:
    text = game.save.read_text()
    data = json.loads(text)
    dumps = median_ms(lambda: json.dumps(data), repeats, wall)
    loads = median_ms(lambda: json.loads(text), repeats, wall)
    target_path = game.save.with_name("rewritten.json")
    documents = [read_save(game.save) for _ in range(repeats)]  # fresh, so no round's text is cached
    saves = sample_ms(lambda: write_save(target_path, documents.pop()), repeats, wall)
    loaded = median_ms(lambda: Session.load(game.save, autosave=False), repeats, wall)
    size = game.save.stat().st_size
    return [
        Figure("save", f"save, {label}", statistics.median(saves), "ms", dumps, "json.dumps",
               Target(3.0, "ratio", "<= 3x floor"), reduced,
               note="cold write: every round converted, fsync, rename; wall time, as the floor"),
        Figure("load", f"load, {label}", loaded, "ms", loads, "json.loads", Target(3.0, "ratio", "<= 3x floor"),
               reduced, note="Session.load: parse, check, rebuild the state from the last snapshot, check its hash; "
                             "wall time, as the floor"),
        Figure("save_size", f"save file size, {label}", size / 1e6, "MB",
               note=f"{size / max(1, len(data['rounds'])) / 1e3:,.0f} KB a round, a snapshot every round"),
    ]


def verify_figure(game: PlayedGame, label: str, reduced: bool) -> Figure:
    document = read_save(game.save)
    rounds = [[(s.action, s.by, s.reason) for s in closed.actions] for closed in document.log.rounds]
    session = Session.new(document.scenario, document.seed, seats=document.seats, saves_dir=None, autosave=False)
    del document  # the live game did not hold its save read back: neither does its re-enactment
    gc.collect()
    live = Stopwatch()
    for actions in rounds:
        with live:
            for action, by, reason in actions:
                session.submit(action, by=by, reason=reason)
            session.resolve()
    del session
    gc.collect()
    start = cpu()
    verify(game.save)
    verified = (cpu() - start) * 1000.0
    return Figure("verify", f"verify, {label}", verified, "ms", live.ms, "the live rounds",
                  Target(1.2, "ratio", "<= 1.2x floor"), reduced,
                  note="verify reads the file too; the live rounds: the logged actions submitted, rounds resolved; "
                       "CPU time")


def seek_figure(key: str, save: Path, label: str, samples: int, target: Target | None,
                reduced: bool = False) -> Figure:
    document = read_save(save)
    rng = random.Random(0)
    played = document.rounds_played
    moments = [(rng.randint(1, played), rng.choice(("orders", "resolved"))) for _ in range(samples)]
    seeks: list[float] = []
    floors: list[float] = []
    for round_no, phase in moments:
        replay = Replay(document)
        start = cpu()
        replay.seek(round_no, phase)  # type: ignore[arg-type]
        seeks.append((cpu() - start) * 1000.0)
        closed = document.log.rounds[round_no - 1 if phase == "resolved" else round_no - 2] if (
            phase == "resolved" or round_no > 1) else None
        snapshot = closed.snapshot if closed is not None else document.log.start.snapshot
        snapshot_text = compact(snapshot)
        start = cpu()
        json.loads(snapshot_text)
        floors.append((cpu() - start) * 1000.0)
    return Figure(key, f"seek a random moment, {label}", statistics.median(seeks), "ms", statistics.median(floors),
                  "json.loads of its snapshot", target, reduced,
                  note=f"median of {samples} seeks, each from a fresh Replay (no cache), to round R's orders "
                       "(all its actions applied) or its resolution; CPU time")
