"""Whole AI games: one `mekong` game with every seat played by the computer, negotiation included,
and `accord simulate --games N --jobs J` as a user runs it, in its own process."""

import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.figure import Figure, Target
from benchmarks.timing import median_ms, sample_ms
from game.engine import run_baseline
from game.model.scenario import Scenario
from game.session.balance import play_one

ROOT = Path(__file__).resolve().parents[1]


def ai_game_figure(scenario: Scenario, games: int) -> Figure:
    """A game as `--games` plays it (`play_one`): AI views, decisions and orders through a session,
    every round resolved, the baseline run and the scores. The floor is the engine alone: the same
    rounds resolved with nobody acting."""
    seeds = iter(range(10_000))
    times = sample_ms(lambda: play_one(scenario, next(seeds), "mixed"), games)
    floor_seeds = iter(range(10_000))
    floor = median_ms(lambda: run_baseline(scenario, next(floor_seeds)), games)
    return Figure(
        "ai_game_mekong", f"whole AI game, {scenario.id} ({scenario.rounds} rounds)", statistics.median(times), "ms",
        floor, "its rounds, nobody acting", Target(100.0, "value", "<= 100 ms"),
        note=f"median of {games} games, seats drawn by `--ai mixed`; a game includes its no-action baseline run; "
             "CPU time",
    )


def balance_figure(scenario: str, games: int, jobs: int, game_ms: float) -> Figure:
    """The command itself, process start to exit. The floor is perfect scaling of the game above:
    N games x its median / J processes."""
    command = [sys.executable, "-m", "game", "simulate", scenario, "--ai", "mixed", "--games", str(games),
               "--jobs", str(jobs), "--json"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                          check=False)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    busy = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    note = (f"`accord simulate {scenario} --ai mixed --games {games} --jobs {jobs}`, wall time; its processes "
            f"used {busy:.1f} s of CPU ({busy / seconds:.2f} cores on average)")
    if done.returncode != 0:
        note += f" FAILED (exit {done.returncode}): {done.stderr.strip()[-300:]}"
    return Figure(
        "simulate_games", f"simulate --games {games} --jobs {jobs}, {scenario}", seconds, "s",
        games * game_ms / jobs / 1000.0, f"{games} x game / {jobs}", Target(60.0, "value", "< 60 s for 1,000"),
        reduced=games < 1000, note=note,
    )
