"""The facilitator's PIN: who may open a game that is not over in the replay viewer.

The replay viewer shows every team's private brief, orders and messages, and the hidden truth. At
a hot seat any team can leave for the title screen, so a game in progress opens in it only for the
facilitator: with the PIN set when the game was created (the new-game screen, `accord play --pin`)
or later from a terminal (`accord pin SAVE`). A hosted game opens with the facilitator's join
code too (`accord host` keeps it beside the save). A game without either stays closed to the
replay until it is over; a finished game's replay is open to the class, as the final scores are.

The save keeps the PIN as a salted PBKDF2-SHA256 hash, never the PIN itself. This guards the game's
own ways in (the title screen, `accord replay`); whoever can read the save file can read the game,
which is why saves are written for their owner only (`store.SAVE_MODE`). The hash is metadata, like
the facilitator's notes: outside the seals, so that setting a PIN never reads as an edit.
"""

from collections.abc import Callable

from game.session.document import SaveDocument
from game.session.errors import SaveError

ENVIRONMENT = "ACCORD_FACILITATOR_PIN"
"""Where `accord replay` reads the PIN when it has no terminal to ask at (a facilitator's script)."""
HOW_TO_SET = ("set one from a terminal with `accord pin {save}` (a new game takes one on the new-game "
              "screen, or with `accord play --pin`)")


class ReplayLocked(SaveError):
    """The replay of a game in progress without the facilitator's PIN."""


Key = Callable[[str], bool]
"""Whether a typed secret opens the replay: the save's PIN, or a hosted game's facilitator code."""


def replay_is_open(document: SaveDocument) -> bool:
    """A finished game replays for anyone; one in progress only with the facilitator's PIN."""
    return document.over


def facilitator_key(document: SaveDocument, code: Key | None = None) -> Key | None:
    """What opens the replay of this game in progress: its PIN, or `code` (the facilitator's join
    code of a hosted game, `game.net.codes.facilitator_code_check`); None when neither exists."""
    pin = document.facilitator
    if pin is None and code is None:
        return None

    def opens(given: str) -> bool:
        return (pin is not None and pin.matches(given)) or (code is not None and code(given))

    return opens


def why_closed(document: SaveDocument) -> str:
    """Why a game in progress replays for the facilitator only, in a sentence without its end."""
    played = f"{document.rounds_played} of {document.scenario.rounds} rounds played"
    return (f"this game is not over ({played}): its replay shows every team's private brief, orders and "
            "messages, and the hidden truth, so it opens only for the facilitator")


def locked_reason(document: SaveDocument, hosted: bool = False) -> str:
    """Why the replay of this game in progress is closed, and what opens it (`hosted`: the
    facilitator's join code does too)."""
    why = why_closed(document)
    if hosted and document.facilitator is None:
        return f"{why}: give the facilitator's join code (or a PIN set with `accord pin`)"
    if hosted:
        return f"{why}: give the facilitator PIN (or the facilitator's join code)"
    if document.facilitator is None:
        return f"{why}, and the game has no facilitator PIN; {HOW_TO_SET.format(save=document.name)}"
    return f"{why}: give the facilitator PIN"


def unlock(document: SaveDocument, given: str | None, code: Key | None = None) -> None:
    """Nothing for a finished game or the right PIN (or facilitator `code`); else `ReplayLocked`
    saying why and what to do."""
    if replay_is_open(document):
        return
    key = facilitator_key(document, code)
    if key is None or given is None:
        raise ReplayLocked(document.name, locked_reason(document, hosted=code is not None))
    if not key(given):
        raise ReplayLocked(document.name, "wrong facilitator PIN: the replay of this game in progress stays closed")
