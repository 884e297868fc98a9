"""The likely cause of a wrong value, in a teacher's words: what was probably meant, and how to
write it ("write 0.75 for 75%", "write 3500 without the comma").

The validator says what is wrong; these say why it probably happened, since most wrong numbers
in a scenario are numbers written the way a word processor or a spreadsheet writes them.
"""

import re
from typing import Any

_PERCENT = re.compile(r"^\s*([-+]?\d+(?:[.,]\d+)?)\s*%\s*$")
_THOUSANDS = re.compile(r"^\s*[-+]?\d{1,3}(?:([,.' \u00a0\u202f])\d{3})+\s*$")
_DECIMAL_COMMA = re.compile(r"^\s*([-+]?\d+),(\d+)\s*$")
_SPACED = re.compile(r"^\s*[-+]?\d[\d _\u00a0\u202f\u2009]*\d\s*$")
_ID = re.compile(r"[a-z0-9][a-z0-9_-]*")
_WORDS = {"yes", "no", "on", "off", "y", "n", "true", "false"}


def number_hint(given: Any, high: float | None, *, whole: bool = False) -> str:
    """A hint after "should be a number, not ...", or ''. `high` is the field's upper bound; `whole`
    says that it takes whole numbers only (a network's `periphery`, an objective's `points`)."""
    if isinstance(given, bool):
        return ": true and false are not numbers"
    if not isinstance(given, str):
        return ""
    text = given.strip()
    percent = _PERCENT.match(text)
    if percent:
        value = float(percent.group(1).replace(",", "."))
        if high is not None and high <= 1:
            return f": write {value / 100:g} for {text}"
        return f": write {value:g} for {text}, without the % sign"
    if _THOUSANDS.match(text) and "," in text and not _DECIMAL_COMMA.match(text):
        return f": write {re.sub(r'[^0-9+-]', '', text)} without the thousands separator"
    decimal = _DECIMAL_COMMA.match(text)
    if decimal:
        units, part = decimal.groups()
        if len(part) == 3:
            return f": write {units}{part} (no thousands comma) or {units}.{part} (a decimal point)"
        return f": write {units}.{part}, with a decimal point rather than a comma"
    if _SPACED.match(text) and re.search(r"\s|_", text):
        return f": write {re.sub(r'[^0-9+-]', '', text)} without spaces"
    if _is_number(text):
        return f": remove the quotes around {text}"
    if text.lower() in _WORDS:
        return f": {text} is not a figure; write a number"
    if text.lower() in {"none", "null", "nil", "-", "n/a", ""}:
        return ": write a figure, or leave the key out"
    return f": write the figure in digits, {'a whole number such as 40' if whole else 'e.g. 3.5'}"


def percent_hint(given: Any, high: float | None) -> str:
    """After "should be less than or equal to 1": a percentage written where a share is expected."""
    if high == 1 and isinstance(given, int | float) and 2 <= given <= 100:
        return f": write {given / 100:g} for {given:g}%"
    return ""


def list_hint(given: Any) -> str:
    """After "should be a list": ids written without the brackets of a list (`laws: criminalization`,
    `neighbours: port, city`, `neighbours: port-town city-centre`), shown as they should be written; a
    sentence (`learning_objectives: Explain ...`) is told how a list of texts is written."""
    if not isinstance(given, str) or not given.strip():
        return ""
    items = [item.strip() for item in given.split(",")]
    if all(items) and not any(" " in item or ":" in item for item in items):
        return f": write it in brackets, as [{', '.join(items)}]"
    words = given.split()
    looks_like_ids = all(_ID.fullmatch(word) for word in words) and any("-" in w or "_" in w for w in words)
    if len(words) > 1 and looks_like_ids:
        return f": write it in brackets, with commas, as [{', '.join(words)}]"
    return ": write each item on its own line, under the key, after '- '"


def millions_hint(given: Any, loc: Any) -> str:
    """After a region's population above its bound: people counted one by one, where the figure is
    in millions (`population: 9000000` for nine million)."""
    if not (loc and loc[0] == "regions" and loc[-1] == "population" and isinstance(given, int | float)):
        return ""
    return f": population is in millions: write {given / 1e6:g} for {given:,.0f} people"


def year_round_hint(written: Any, start_year: Any, rounds: Any) -> str:
    """'; rounds count from 1: the year 2025 is round 3', where a scenario with a `start_year` has a
    round written as its calendar year."""
    if not all(isinstance(value, int) and not isinstance(value, bool) for value in (written, start_year, rounds)):
        return ""
    if not start_year <= written < start_year + rounds:
        return ""
    return f"; rounds count from 1: the year {written} is round {written - start_year + 1}"


def reference_hint(given: Any) -> str:
    """After a wrong id: null written as a word, or a date that YAML would read as a date."""
    if isinstance(given, str) and given.strip().lower() in {"none", "nobody", "no one", "nil", "-", "n/a"}:
        return "; write null for a region nobody holds"
    return ""


def digit_key_hint(key: Any, before: tuple[Any, Any] | None) -> str:
    """An unknown key made of digits: a number with a comma inside `{ }`, where a comma separates
    entries (`{flow: 3,500}` is `flow: 3` and a key `500`). `before` is the entry written before it."""
    if isinstance(key, bool) or not (isinstance(key, int) or (isinstance(key, str) and key.isdigit())):
        return ""
    if before is not None and isinstance(before[1], int) and not isinstance(before[1], bool):
        name, value = before
        return (f": inside {{ }} a comma separates entries, so '{name}: {value},{key}' was read as "
                f"{name}: {value} and a key {key}; write {name}: {value}{key} (no thousands comma) "
                f"or {name}: {value}.{key} (a decimal point)")
    return ": inside { } a comma separates entries, so a number written with a comma was cut in two"


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
