"""`accord catalogue [--scenario FILE]`: the laws and agreements a class plays with, and their figures."""

import argparse
import sys


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser(
        "catalogue", help="list the laws and agreements, with their costs and effects",
        description="List the built-in laws and agreements, or those of a scenario (with its changes and "
                    "additions marked): costs, delays, prerequisites, who may join, effect and source.",
    )
    parser.add_argument("--scenario", metavar="FILE",
                        help="a scenario file, or the name of a shipped one (tutorial, mekong, ...)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from game.scenario.catalogue_text import catalogue_text
    from game.scenario.library import resolve_scenario
    from game.scenario.loader import load_scenario

    scenario = load_scenario(resolve_scenario(args.scenario)) if args.scenario else None
    sys.stdout.write(catalogue_text(scenario))
    return 0
