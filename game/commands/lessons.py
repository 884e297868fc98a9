"""`accord lessons`: the instructor's check that a scenario teaches what it claims, and how robustly:
fixed strategies played on the scenario, each lesson with its measure and verdict."""

import argparse
import json
import os
import sys

from game.errors import AccordError

MAX_GAMES = 1000
MAX_JOBS = 64
MAX_SEED = 2**31


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser(
        "lessons", help="check which lessons a scenario teaches, and how robustly",
        description="Play fixed strategies (nobody acts, loner, paper, cooperative, free rider in each seat, a lone "
                    "crackdown by each state, protection first, enforcement first) on a scenario, and give each "
                    "lesson (displacement, cooperation, implementation, free riding, protection, border harm, "
                    "robustness to each model parameter at half and double) with its measure and verdict. "
                    "See docs/lessons.md.",
    )
    parser.add_argument("scenario", help="a scenario file, or the name of a shipped one (tutorial, mekong, ...)")
    parser.add_argument("--games", default="3", help="games (seeds) per table (default 3)")
    parser.add_argument("--seed", help="first seed (default: the scenario's, else 0)")
    parser.add_argument("--parameters", metavar="NAMES",
                        help="sweep only these model parameters (comma-separated), or 'none' (default: every one)")
    parser.add_argument("--jobs", default=str(min(MAX_JOBS, os.cpu_count() or 1)),
                        help="processes (default: the machine's cores)")
    parser.add_argument("--json", action="store_true", help="print one JSON document instead of a table")
    parser.set_defaults(run=run)


def _number(text: str, option: str, least: int, most: int) -> int:
    """A whole number within bounds, checked here rather than by argparse so that a bad one gets
    one line, like every other mistake, and no usage text."""
    try:
        value = int(text)
    except ValueError:
        raise AccordError(f"{option}: expected a whole number, got {text!r}") from None
    if not least <= value <= most:
        raise AccordError(f"{option}: expected {least} to {most}, got {value}")
    return value


def run(args: argparse.Namespace) -> int:
    from game.analysis.render import document, table
    from game.analysis.sweep import choose
    from game.analysis.tournament import examine
    from game.scenario.library import resolve_scenario
    from game.scenario.loader import load_scenario_noting_warnings

    games = _number(args.games, "--games", 1, MAX_GAMES)
    jobs = _number(args.jobs, "--jobs", 1, MAX_JOBS)
    seed = None if args.seed is None else _number(args.seed, "--seed", 0, MAX_SEED)
    scenario, note = load_scenario_noting_warnings(resolve_scenario(args.scenario))
    if note is not None:
        print(f"accord: {note}", file=sys.stderr)
    parameters = choose(scenario.parameters, args.parameters)
    first = seed if seed is not None else (scenario.seed or 0)
    findings = examine(scenario, list(range(first, first + games)), parameters, jobs)
    if args.json:
        json.dump(document(findings), sys.stdout, indent=1)
        sys.stdout.write("\n")
    else:
        print(table(findings))
    return 0
