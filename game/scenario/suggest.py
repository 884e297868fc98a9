"""'Did you mean' for a misspelt key or id: the cheapest help there is for a typo."""

import difflib
from collections.abc import Iterable


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice nearest to `word`, ignoring case, or None when nothing is near enough."""
    by_lower: dict[str, str] = {}
    for choice in choices:
        by_lower.setdefault(choice.lower(), choice)
    found = difflib.get_close_matches(word.lower(), list(by_lower), n=1, cutoff=0.6)
    return by_lower[found[0]] if found else None


def did_you_mean(word: object, choices: Iterable[str]) -> str:
    """`"; did you mean 'port'?"`, or an empty string, ready to append to a message."""
    if not isinstance(word, str):
        return ""
    found = closest(word, choices)
    return f"; did you mean '{found}'?" if found is not None and found != word else ""
