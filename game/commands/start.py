"""`accord` with no subcommand opens the title screen; `accord brief [SCENARIO]` prints a briefing.

Without a terminal (a pipe, a script), `accord` prints the default scenario's briefing instead,
since there is no screen to draw on.
"""

import argparse
import sys
from pathlib import Path

from game.scenario.library import default_scenario_path
from game.session.naming import DEFAULT_SAVES


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser("brief", help="print a scenario's briefing")
    parser.add_argument("scenario", nargs="?", help="a scenario file (default: the tutorial)")
    parser.set_defaults(run=run_brief)


def add_saves_option(parser: argparse.ArgumentParser, *, root: bool = False) -> None:
    """`--saves DIR`, on `accord` itself and on `accord play` (where it does not hide the root's)."""
    parser.add_argument("--saves", metavar="DIR", default=None if root else argparse.SUPPRESS,
                        help=f"the folder of saves and autosaves (default: ./{DEFAULT_SAVES})")


def saves_dir(args: argparse.Namespace) -> Path:
    given = getattr(args, "saves", None)
    return Path(given) if given else DEFAULT_SAVES


def run(args: argparse.Namespace) -> int:
    """The title screen: new game, continue, load, replay, quit."""
    from game.tui import has_terminal, run_app

    if not has_terminal():
        print("accord: not a terminal, so no game screens: here is the default scenario's briefing "
              "(run `accord` in a terminal to play)", file=sys.stderr)
        return run_brief(args)
    return run_app(saves_dir(args))


def run_brief(args: argparse.Namespace) -> int:
    from game.scenario.briefing import render_briefing
    from game.scenario.library import resolve_scenario
    from game.scenario.loader import load_scenario

    name = getattr(args, "scenario", None)
    path = resolve_scenario(name) if name else default_scenario_path()
    print(render_briefing(load_scenario(path)))
    return 0
