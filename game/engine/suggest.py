"""'Did you mean' for a misspelt id in an order."""

import difflib
from collections.abc import Iterable


def did_you_mean(word: str, known: Iterable[str]) -> str:
    options = difflib.get_close_matches(word, list(known), n=1)
    return f" (did you mean '{options[0]}'?)" if options else ""
