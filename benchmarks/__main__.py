"""`python -m benchmarks [--quick] [--json]`: measure every figure with its floor.

A full run takes a few minutes (most of it the 1,000 AI games); `--quick` measures every figure on
smaller cases with few repeats, as a smoke check for CI. It exits 0 even when a target is missed:
the verdict column says so.
"""

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.figure import Figure, Target, table
from benchmarks.games import ai_game_figure, balance_figure
from benchmarks.net_load import net_figures
from benchmarks.plan import FULL, QUICK, TARGET_LARGE, Plan
from benchmarks.rounds import round_figure
from benchmarks.saves import play_large, save_figures, seek_figure, verify_figure
from benchmarks.scenarios import Library
from benchmarks.tui import tui_figure
from game.ai.registry import assign
from game.session.simulation import simulate


def machine() -> dict[str, Any]:
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"cpu": model, "cores": os.cpu_count(), "python": platform.python_version(),
            "platform": platform.platform()}


def run(plan: Plan, progress: bool) -> list[Figure]:
    def say(text: str) -> None:
        if progress:
            print(f"... {text}", file=sys.stderr, flush=True)

    library = Library()
    figures: list[Figure] = []
    large_reduced = plan.large != TARGET_LARGE
    try:
        say("round resolution")
        figures.append(round_figure("round_tutorial", "round, tutorial", library.shipped("tutorial"),
                                    plan.round_games["tutorial"], None))
        figures.append(round_figure("round_mekong", "round, mekong", library.shipped("mekong"),
                                    plan.round_games["mekong"], Target(1.0, "value", "<= 1 ms")))
        figures.append(round_figure("round_medium", f"round, {plan.medium.states} states",
                                    library.generated(plan.medium), plan.round_games["medium"], None))
        figures.append(round_figure("round_large", f"round, {plan.large.name}", library.generated(plan.large),
                                    plan.round_games["large"], Target(50.0, "value", "<= 50 ms"), large_reduced))
        say("whole AI games")
        game = ai_game_figure(library.shipped("mekong"), plan.ai_games)
        figures.append(game)
        say(f"simulate --games {plan.balance_games}")
        figures.append(balance_figure("mekong", plan.balance_games, plan.jobs, game.value or 0.0))
        with tempfile.TemporaryDirectory(prefix="accord-bench-saves-") as folder:
            say(f"the large game ({plan.large.name}, {plan.large.rounds} rounds, AI seats)")
            large = play_large(library.path(plan.large), Path(folder) / "large.json")
            label = f"{plan.large.states} states, {plan.large.rounds} rounds"
            say("save, load, verify")
            figures += save_figures(large, label, plan.save_repeats, large_reduced)
            figures.append(verify_figure(large, label, large_reduced))
            say("seek")
            mekong = library.shipped("mekong")
            seats = assign([s.id for s in mekong.states], "mixed", 1, [o.id for o in mekong.organizations])
            mekong_save = Path(folder) / "mekong.json"
            simulate(mekong, 1, ai=seats, save=mekong_save)
            figures.append(seek_figure("seek_mekong", mekong_save, "mekong AI game", plan.seek_samples,
                                       Target(5.0, "value", "<= 5 ms")))
            figures.append(seek_figure("seek_large", large.save, label, plan.seek_samples, None))
            figures.append(Figure(
                "memory_large", f"peak memory, {label}", large.rss_peak_mb, "MB", large.rss_before_mb,
                "process before the game", Target(300.0, "value", "< 300 MB"), large_reduced,
                note=f"peak RSS of a process playing it ({large.moves:,} AI moves in {large.play_s:.1f} s), "
                     "saves kept in memory with a snapshot every round",
            ))
        say("TUI first screen")
        figures.append(tui_figure(plan.tui_repeats))
        say(f"a host and {plan.net_clients} clients playing a round on loopback")
        figures += net_figures(plan.net_clients, reduced=plan.quick)
    finally:
        library.close()
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller cases and few repeats: a smoke check")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON document")
    args = parser.parse_args(argv)
    plan = QUICK if args.quick else FULL
    started = time.perf_counter()
    figures = run(plan, progress=not args.json)
    elapsed = time.perf_counter() - started
    about = machine()
    if args.json:
        json.dump({"quick": plan.quick, "machine": about, "seconds": elapsed,
                   "figures": [f.to_data() for f in figures]}, sys.stdout, indent=1)
        sys.stdout.write("\n")
        return 0
    print(f"Accord benchmarks{' (quick: smaller cases, not judged where marked)' if plan.quick else ''}")
    print(f"{about['cpu']}, {about['cores']} cores, Python {about['python']}; {elapsed:.0f} s\n")
    print(table(figures))
    missed = [f.label for f in figures if f.verdict == "MISSED"]
    print(f"\n{len(missed)} target(s) missed: {', '.join(missed)}" if missed else "\nevery judged target met")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
