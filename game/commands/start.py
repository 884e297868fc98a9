"""`accord` with no subcommand opens the title screen; `accord brief [SCENARIO] [--team ID]
[--format text|md|html]` prints the class's briefing, or one team's private brief.

Without a terminal (a pipe, a script), `accord` prints the default scenario's briefing instead,
since there is no screen to draw on.
"""

import argparse
import sys
from pathlib import Path

from game.scenario.library import default_scenario_path
from game.session.naming import DEFAULT_SAVES


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser(
        "brief", help="print a scenario's briefing, or one team's private brief",
        description="Handouts before class. Without --team: the class's briefing (the story, the years, the map, "
                    "the states and organizations, the laws and agreements on offer), which every team may read. "
                    "With --team: that team's private brief, starting position and objectives, for that team only. "
                    "--format html writes one page that prints cleanly; use -o to write it to a file.")
    parser.add_argument("scenario", nargs="?", help="a scenario file, or the name of a shipped one (tutorial, mekong, "
                        "...); default: the tutorial")
    parser.add_argument("--team", metavar="ID", help="a state's or organization's id (its `id:` in the scenario file; "
                        "an unknown one lists them): its private brief")
    parser.add_argument("--format", choices=("text", "md", "html"), default="text",
                        help="text (default), md or html")
    parser.add_argument("-o", "--output", metavar="PATH", help="write it to PATH instead of printing it")
    parser.set_defaults(run=run_brief)


def add_saves_option(parser: argparse.ArgumentParser, *, root: bool = False) -> None:
    """`--saves DIR`, on `accord` itself and on `accord play` (where it does not hide the root's)."""
    parser.add_argument("--saves", metavar="DIR", default=None if root else argparse.SUPPRESS,
                        help=f"the folder of saves and autosaves (default: ./{DEFAULT_SAVES})")


def is_save(text: str) -> bool:
    """Whether a command's game argument names a save rather than a scenario."""
    path = Path(text)
    return path.name.endswith((".json", ".json.gz")) and path.exists()  # a FIFO too: refused as a save


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
    from game.errors import AccordError
    from game.scenario.briefing import render_briefing, render_team_brief
    from game.scenario.library import resolve_scenario
    from game.scenario.loader import load_scenario

    name = getattr(args, "scenario", None)
    path = resolve_scenario(name) if name else default_scenario_path()
    scenario = load_scenario(path)
    format = getattr(args, "format", "text")
    team = getattr(args, "team", None)
    if team is None:
        text = render_briefing(scenario, format)
    else:
        try:
            text = render_team_brief(scenario, team, format)
        except KeyError as error:
            raise AccordError(error.args[0]) from None
    output = getattr(args, "output", None)
    if output is None:
        print(text, end="" if text.endswith("\n") else "\n")
        return 0
    from game.session.store import write_atomically

    write_atomically(Path(output), text.encode())
    print(f"wrote {output} ({format}, {'the brief of ' + team if team else 'the class briefing'})")
    return 0
