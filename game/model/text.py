"""Text a person types that other people's screens will show: stripped of control characters.

A message's text goes to other teams' terminals, the facilitator's console, `replay --text` and the
debrief; a raw ESC, CSI or OSC sequence in it would move their cursor, recolour or retitle their
terminal, or hide what follows. Every player's text passes here at the boundary (the action model,
so the hot seat, orders files and the network all get it), and only what prints is kept: whole escape
sequences go, then every other C0 and C1 control character and the bidirectional overrides that make
text read otherwise than it is stored. A newline stays where a text may have several lines.
"""

import re
from typing import Annotated, Any

from pydantic import BeforeValidator

_SEQUENCES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"           # CSI ... final byte (cut off: up to where it ends)
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # OSC ... BEL or ST
    r"|(?:\x1b[PX^_]|[\x90\x98\x9e\x9f])[^\x1b\x9c]*(?:\x1b\\|\x9c)?"  # DCS, SOS, PM, APC ... ST
    r"|\x1b[ -/]*[0-~]?"                            # any other escape and the bytes it takes
)
_CONTROLS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_CONTROLS_AND_NEWLINES = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def clean_text(text: str, *, lines: bool = True) -> str:
    """`text` without escape sequences or control characters (a newline kept if `lines`; a tab
    becomes a space, a carriage return goes)."""
    text = _SEQUENCES.sub("", text).replace("\t", " ").replace("\r\n", "\n")
    return (_CONTROLS if lines else _CONTROLS_AND_NEWLINES).sub("", text)


def _cleaned(value: Any) -> Any:
    return clean_text(value) if isinstance(value, str) else value


def _cleaned_line(value: Any) -> Any:
    return clean_text(value, lines=False) if isinstance(value, str) else value


PlayerText = Annotated[str, BeforeValidator(_cleaned)]
"""Free text a player writes (a message): printable characters and newlines only."""
PlayerLine = Annotated[str, BeforeValidator(_cleaned_line)]
"""One line a player gives (an id typed or sent): printable characters only."""
