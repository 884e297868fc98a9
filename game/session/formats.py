"""Save format versions, and the migrations that bring an old save up to the current format.

A save names its `format`. A reader accepts every format up to `FORMAT`: each older one is brought
forward one step at a time by `MIGRATIONS[n]` (format n to n + 1), working on plain JSON data, so
that a class's saves stay readable after the format changes. A migration must keep what the seals
cover (the embedded scenario, the seed, actions, reports and hashes) unchanged, or re-seal them.
A save from a newer format is refused with a clear message, never guessed at.

`tests/session/fixtures/format1-tutorial.json` is a save frozen in format 1, read by the tests forever.
"""

from collections.abc import Callable
from typing import Any

FORMAT = 1
"""The format this version writes."""

Migration = Callable[[dict[str, Any]], dict[str, Any]]

MIGRATIONS: dict[int, Migration] = {}
"""Format n -> the function taking a format-n document to format n + 1."""


def migrate(data: dict[str, Any], version: int) -> dict[str, Any]:
    """The document brought from `version` to `FORMAT`; a missing step is a programming error."""
    while version < FORMAT:
        data = MIGRATIONS[version](data)
        version += 1
        data["format"] = version
    return data
