"""The line a team gives with a proposal or an answer, judged as the rules keep it before it is sent:
too long, or holding a character other screens cannot show, gets a sentence in the dialog and
nothing is sent (the rules would refuse the one and silently drop the other)."""

import unicodedata

from game.model.actions import NOTE_CHARACTERS
from game.model.text import clean_text

NOTE_LIMIT: int = NOTE_CHARACTERS
"""The most characters a note may have: the rules' own limit."""

CONTROL_NAMES = {"\t": "a tab", "\n": "a line break", "\r": "a carriage return", "\x1b": "an escape"}


def note_problem(note: str) -> str | None:
    """What is wrong with a typed note, in words, or None: too long, or holding a character other
    screens cannot show (a tab or an escape sequence, pasted), which the rules would drop unsaid."""
    for place, character in enumerate(note, start=1):
        if clean_text(character, lines=False) != character:
            name = CONTROL_NAMES.get(character) or unicodedata.name(character, "").lower() or f"U+{ord(character):04X}"
            return (f"the note holds a control character ({name}) at character {place}, which the "
                    "others' screens cannot show: type it without (a paste can bring one)")
    if len(note) > NOTE_LIMIT:
        return f"the note is {len(note)} characters long: {NOTE_LIMIT} at most (a message, M, can say more)"
    return None
