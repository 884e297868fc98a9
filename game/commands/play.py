"""`accord play [SCENARIO] [--seed N] [--seat ID=human|ai[:PERSONALITY]]`: straight into a game.

    accord play                                     the tutorial, every state a human team
    accord play mekong --seed 7                     another scenario, a chosen seed
    accord play tutorial --seat aldmark=ai:donor    Aldmark played by the computer
    accord play tutorial --rounds 4 --turn-minutes 5   a shorter game, five minutes a team's turn
    accord play mekong --pin                        asks for the facilitator's PIN (opens the replay mid-game)
"""

import argparse
import random
import sys
from typing import TYPE_CHECKING

from game.commands.start import add_saves_option, is_save, saves_dir
from game.errors import AccordError
from game.session.seats import Seat

if TYPE_CHECKING:
    from game.model.scenario import Scenario

DEFAULT_PERSONALITY = "cooperative"
MANDATE = "mandate"
"""The AI of an organization: it plays its mandate (`game.ai.mandate`)."""


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser(
        "play", help="start a game at this screen (hot seat)",
        description="Start a game directly: each human team plays in turn at this screen; AI seats act at once.",
    )
    parser.add_argument("scenario", nargs="?", default="tutorial",
                        help="a scenario file, or the name of a shipped one (default: tutorial)")
    parser.add_argument("--seed", type=int,
                        help="random seed (default: the scenario's seed, else a random one, shown in the game)")
    parser.add_argument("--seat", action="append", default=[], metavar="ID=human|ai[:PERSONALITY]",
                        help="who plays a state or organization (repeatable; default: a human team for a "
                             f"state, the AI for an organization); ai alone means ai:{DEFAULT_PERSONALITY} "
                             "(an organization's AI plays its mandate)")
    add_class_options(parser)
    parser.add_argument("--turn-minutes", metavar="M",  # read by `turn_seconds`, which names what was typed
                        help="each team's turn at the keyboard ends after M minutes, its orders standing "
                             "(on the team's screen: T pauses or resumes the timer, + adds two minutes); "
                             "kept with the save, so a continued game keeps it")
    parser.add_argument("--pin", action="store_true",
                        help="ask (at the terminal) for a facilitator PIN: with it the facilitator opens the game "
                             "in the replay viewer before it is over; without one, the replay opens once it is over")
    add_saves_option(parser)
    parser.set_defaults(run=run)


def add_class_options(parser: argparse.ArgumentParser) -> None:
    """`--rounds N`: a game shorter (or longer) than the scenario's, as a class's time allows."""
    parser.add_argument("--rounds", type=int, metavar="N",
                        help="play N rounds instead of the scenario's; scripted events due later come in the "
                             "last round (a shorter tutorial with every idea: --rounds 4); a summit too late to be "
                             "adopted and ratified meets earlier, and none meets in 3 rounds or fewer (the summary "
                             "says which)")


def class_scenario(scenario: "Scenario", rounds: int | None) -> "Scenario":
    """The scenario cut to `rounds` (its later scripted events moved into the last round), or
    `AccordError` for a count that is not a game."""
    from game.session.simulation import shortened

    if rounds is not None and not 1 <= rounds <= 1000:
        raise AccordError(f"--rounds {rounds}: give between 1 and 1000 rounds")
    return shortened(scenario, rounds)


def turn_seconds(value: str | float | None, flag: str) -> float | None:
    """Minutes from the command line as seconds, or `AccordError` for a time that is not one."""
    if value is None:
        return None
    from game.session.clock import minutes

    try:
        return minutes(str(value))
    except ValueError as error:
        raise AccordError(f"{flag} {error}") from None


def parse_seat(text: str, organizations: frozenset[str] = frozenset()) -> tuple[str, Seat]:
    """`korvia=human`, `aldmark=ai`, `meridia=ai:free_rider`, or `AccordError` saying what is wrong.
    An organization's AI plays its mandate."""
    from game.ai.registry import strategy

    state_id, sep, kind = text.partition("=")
    if not sep or not state_id.strip() or not kind.strip():
        raise AccordError(f"--seat '{text}': write it as STATE=human or STATE=ai[:PERSONALITY]")
    kind = kind.strip()
    if kind == "human":
        return state_id.strip(), Seat.human()
    name, _, personality = kind.partition(":")
    if name != "ai":
        raise AccordError(f"--seat '{text}': a seat is 'human' or 'ai[:PERSONALITY]', not '{kind}'")
    if state_id.strip() in organizations:
        if personality not in ("", MANDATE):
            raise AccordError(f"--seat '{text}': an organization's AI plays its mandate ({state_id}=ai)")
        return state_id.strip(), Seat.ai(MANDATE)
    personality = personality or DEFAULT_PERSONALITY
    strategy(personality)  # an unknown personality is named with the choices
    return state_id.strip(), Seat.ai(personality)


def new_game_seed(given: int | None, scenario: "Scenario") -> int:
    """`--seed` if given, else the scenario's `seed` (the authoring guide's promise: the same game
    every time), else a random one, shown in the game."""
    if given is not None:
        return given
    return scenario.seed if scenario.seed is not None else random.randrange(1, 1_000_000)


def run(args: argparse.Namespace) -> int:
    from game.scenario.library import resolve_scenario
    from game.scenario.loader import load_scenario
    from game.session.recent import remember_opened
    from game.session.session import Session, seat_table
    from game.tui import has_terminal, run_app

    if is_save(args.scenario):
        raise AccordError(f"{args.scenario} is a save, not a scenario: continue it from the title screen "
                          "(accord, then l to load a save), host it (accord host SAVE) or replay it "
                          "(accord replay SAVE)")
    scenario = class_scenario(load_scenario(resolve_scenario(args.scenario)), args.rounds)
    turn_seconds(args.turn_minutes, "--turn-minutes")  # a timer that is no time is refused before a game is made
    organizations = frozenset(org.id for org in scenario.organizations)
    seats = {org: Seat.ai(MANDATE) for org in sorted(organizations)}
    seats.update(parse_seat(text, organizations) for text in args.seat)
    seat_table(scenario, seats)  # an unknown state is named before anything is saved
    if not has_terminal():
        raise AccordError("accord play needs a terminal to draw the game in")
    seed = new_game_seed(args.seed, scenario)
    remember_opened(resolve_scenario(args.scenario))
    pin = None
    if args.pin:
        from game.commands.pin import ask_new_pin

        pin = ask_new_pin()
    session = Session.new(scenario, seed, seats, saves_dir(args), pin=pin,
                          turn_minutes=None if args.turn_minutes is None else float(args.turn_minutes))
    print(f"accord: playing {scenario.id} with seed {seed}; autosaving to {session.path}", file=sys.stderr)
    return run_app(saves_dir(args), session=session)
