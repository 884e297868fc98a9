"""`accord pin SAVE`: set or change the facilitator's PIN of a game, which opens its replay before
the game is over (`game.session.facilitator`). Asked at the terminal, never on the command line
(where `ps` shows it to every user of the machine); the current PIN first when there is one.

Set it while no game has the save open (an open game writes its save again at the next order,
from what it read when it opened).
"""

import argparse
import getpass
import os
import sys
from pathlib import Path

from game.errors import AccordError


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = sub.add_parser(
        "pin", help="set the facilitator PIN that opens a game in progress in the replay viewer",
        description="Set or change a game's facilitator PIN (4 to 64 characters, asked at the terminal). A "
                    "game that is not over opens in the replay viewer (r on the title screen, accord replay) "
                    "only with it, since the replay shows every team's secrets; a finished game's replay is "
                    "open to all.",
    )
    parser.add_argument("save", metavar="SAVE", help="a save file (.json or .json.gz)")
    parser.set_defaults(run=run)


def ask(prompt: str) -> str:
    """A secret typed at the terminal (not echoed), or `AccordError` without a terminal to ask at."""
    if not sys.stdin.isatty():
        raise AccordError("the PIN is asked at the terminal, and there is none here: run this in a terminal")
    try:
        return getpass.getpass(prompt)
    except EOFError:
        raise AccordError("no PIN given") from None


TRIES = 3
"""Times a new PIN is asked for before giving up: a PIN too short or typed differently the second
time is said and asked again (the command used to stop at the first)."""


def ask_new_pin() -> str:
    """A new PIN, typed twice, checked for length; asked again, up to `TRIES` times, when it fails."""
    from game.session.errors import SessionError
    from game.session.pin import checked_pin

    problem = ""
    for _ in range(TRIES):
        try:
            pin = checked_pin(ask("New facilitator PIN (4 to 64 characters): "))
        except SessionError as error:
            problem = str(error)
        else:
            if ask("The same PIN again: ").strip() == pin:
                return pin
            problem = "the two PINs differ"
        print(f"{problem}: try again", file=sys.stderr)
    raise AccordError(f"{problem}; nothing was changed")


def given_pin(save: str) -> str | None:
    """The PIN for `accord replay`: from ACCORD_FACILITATOR_PIN, else asked at the terminal, else None."""
    from game.session.facilitator import ENVIRONMENT

    from_environment = os.environ.get(ENVIRONMENT)
    if from_environment:
        return from_environment
    if not sys.stdin.isatty():
        return None
    return ask(f"Facilitator PIN (or a hosted game's facilitator code) for {save}: ")


def run(args: argparse.Namespace) -> int:
    from game.session.errors import SaveError
    from game.session.pin import FacilitatorPin
    from game.session.seals import edit_warning
    from game.session.store import read_save, write_save

    path = Path(args.save)
    document = read_save(path)
    warning = edit_warning(document)
    if warning:
        print(warning, file=sys.stderr)
    current = document.facilitator
    if current is not None and not current.matches(ask("Current facilitator PIN: ")):
        raise SaveError(args.save, "wrong facilitator PIN; nothing was changed")
    document.facilitator = FacilitatorPin.of(ask_new_pin())
    write_save(path, document)
    print(f"{args.save}: the facilitator PIN is {'changed' if current else 'set'}; the replay of this game opens "
          "with it before the game is over")
    return 0
