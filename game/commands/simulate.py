"""`accord simulate`: a game with no human, for checking a scenario and for data."""

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from game import jsontext
from game.commands.play import class_scenario
from game.errors import AccordError

if TYPE_CHECKING:  # the models are loaded when the command runs, not when `accord` starts
    from game.model.actions import Action
    from game.model.scenario import Scenario
    from game.model.state import GameState
    from game.scenario.orders_file import PlacedAction


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser(
        "simulate", help="run a game with no human players",
        description="Run a scenario with no human: states follow an orders file or an AI personality, "
                    "otherwise change nothing. With --games, many AI games give a balance report.",
    )
    parser.add_argument("scenario", help="a scenario file, or the name of a shipped one (tutorial, mekong, ...)")
    parser.add_argument("--seed", type=int, help="random seed (default: the scenario's, else 0)")
    parser.add_argument("--rounds", type=_positive,
                        help="rounds to play (default: the scenario's), cut as accord play and accord host cut "
                             "them: scripted events due later come in the last round, a summit too late to be "
                             "adopted and ratified meets earlier or not at all")
    parser.add_argument("--orders", metavar="FILE", help="YAML: round number -> list of actions")
    parser.add_argument("--ai", metavar="PERSONALITY", help="AI plays every state without orders: "
                        "cooperative, reciprocator, free_rider, sovereigntist, donor, or mixed (drawn by seed)")
    parser.add_argument("--games", type=_positive, default=1, help="play N games (seeds SEED..SEED+N-1) and "
                        "print a balance report; needs --ai")
    parser.add_argument("--jobs", type=_positive, default=1, help="processes for --games (default 1)")
    parser.add_argument("--json", action="store_true", help="print one JSON document instead of a table")
    parser.add_argument("--save", metavar="PATH", help="also write the game as a save (.json or .json.gz)")
    parser.set_defaults(run=run)


def _balance(args: argparse.Namespace, scenario: "Scenario", seed: int) -> int:
    from game.report.balance import balance_document, balance_table
    from game.session.balance import play_many, summarize

    if not args.ai:
        raise AccordError("--games needs --ai: without players every game of a seed is the same")
    if args.orders:
        raise AccordError("--orders scripts one game; leave it out with --games")
    if args.save:
        raise AccordError("--save writes one game; leave it out with --games")
    games = play_many(scenario, list(range(seed, seed + args.games)), args.ai, args.jobs)
    balance = summarize(scenario, args.ai, games)
    if args.json:
        jsontext.dump(balance_document(balance), sys.stdout, indent=1)
        sys.stdout.write("\n")
    else:
        print(balance_table(balance))
    return 0


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected 1 or more, got {value}")
    return value


def _hinted(order: "PlacedAction") -> "Callable[[str], Exception]":
    """The refusal of an order, with how an orders file names a proposal when it named none that exists."""

    def refuse(reason: str) -> Exception:
        if reason.startswith("there is no proposal"):
            reason += (" (an orders file names a proposal by its number in the game: p1 is the first proposal "
                       "made, p2 the second, counting every state's; `--json` lists their ids)")
        return order.rejection(reason)
    return refuse


def run(args: argparse.Namespace) -> int:
    from game.ai.registry import assign
    from game.report.simulation import simulation_document, simulation_table
    from game.scenario.library import resolve_scenario
    from game.scenario.loader import load_scenario_noting_warnings
    from game.scenario.orders_file import PlacedAction, load_orders
    from game.session.simulation import simulate

    # the class's cut (`accord play --rounds`, `accord host --rounds`), so that a rehearsal plays the
    # game the class will: the late events in the last round, the summits moved or left out
    loaded, note = load_scenario_noting_warnings(resolve_scenario(args.scenario))
    if note is not None:
        print(f"accord: {note}", file=sys.stderr)
    scenario = class_scenario(loaded, args.rounds)
    seed = args.seed if args.seed is not None else (scenario.seed or 0)
    if args.games > 1:
        return _balance(args, scenario, seed)
    placed: dict[int, list[PlacedAction]] = {}
    if args.orders:
        actors = [s.id for s in scenario.states] + [o.id for o in scenario.organizations]
        placed = load_orders(args.orders, rounds=scenario.rounds, states=actors)

    def orders_for(state: "GameState") -> "list[tuple[Action, Callable[[str], Exception]]]":
        return [(order.action, _hinted(order)) for order in placed.get(state.round, [])]

    scripted = {order.action.actor for orders in placed.values() for order in orders}
    ai = {}
    if args.ai:
        organizations = [o.id for o in scenario.organizations]
        chosen = assign([s.id for s in scenario.states], args.ai, seed, organizations)
        ai = {s: p for s, p in chosen.items() if s not in scripted}
    result = simulate(scenario, seed, orders_for, ai=ai, save=Path(args.save) if args.save else None)
    if args.json:
        jsontext.dump(simulation_document(result), sys.stdout, indent=1)
        sys.stdout.write("\n")
    else:
        print(simulation_table(result))
    if result.saved is not None:
        print(f"saved {result.saved}", file=sys.stderr if args.json else sys.stdout)
    return 0

