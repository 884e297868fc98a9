"""`accord` with no subcommand: the game on the default scenario.

Until the TUI lands, it prints the default scenario's briefing.
"""

import argparse

from game.scenario.library import default_scenario_path


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser("brief", help="print a scenario's briefing")
    parser.add_argument("scenario", nargs="?", help="a scenario file (default: the tutorial)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from game.scenario.briefing import render_briefing
    from game.scenario.loader import load_scenario

    path = getattr(args, "scenario", None) or default_scenario_path()
    print(render_briefing(load_scenario(path)))
    return 0
