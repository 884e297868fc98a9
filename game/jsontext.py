"""Every JSON the game writes (saves, snapshots, `--json` output, the schema, the network's bodies
and notices), written one way: with NaN and infinity refused.

JSON has no NaN and no infinity. Python's `json` writes them anyway as `NaN` and `Infinity`, which
other readers refuse and which our own save reader refuses too, so a game saved that way could not be
opened again; pydantic writes them as `null`, a figure silently lost. A number that is not finite in
what the game writes is a fault upstream (every number a person gives is checked to be finite where it
comes in), so it is refused here, naming where it was, before anything is written.
"""

import json
import math
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:  # pydantic loads with the first game, not when `accord` starts
    from pydantic import BaseModel


class NotFinite(ValueError):
    """A value about to be written as JSON holds NaN or an infinity."""


def dumps(data: Any, *, indent: int | None = None, sort_keys: bool = False, compact: bool = False) -> str:
    """`data` as JSON text; `compact` leaves out every space (how saves are written)."""
    separators = (",", ":") if compact else None
    try:
        return json.dumps(data, indent=indent, sort_keys=sort_keys, separators=separators, ensure_ascii=False,
                          allow_nan=False)
    except ValueError as error:
        if "JSON compliant" not in str(error):
            raise
        raise NotFinite(f"refused to write JSON with {_first_non_finite(data)}") from None


def dump(data: Any, stream: IO[str], *, indent: int | None = None) -> None:
    """`data` as JSON text on `stream`, all checked before the first character is written."""
    stream.write(dumps(data, indent=indent))


def model_text(model: "BaseModel", *, indent: int | None = None, exclude_none: bool = False) -> str:
    """A pydantic model as JSON text, its numbers checked as `dumps` checks them (pydantic's own
    `model_dump_json` would write `null` for an infinity)."""
    data = model.model_dump(mode="json", exclude_none=exclude_none)
    return dumps(data, indent=indent, compact=indent is None)


def checked(text: bytes, what: str) -> bytes:
    """JSON that pydantic wrote with `ser_json_inf_nan="constants"`, refused if it holds a NaN or an
    infinity. The fast path looks for the words only; a string that merely contains them is parsed
    to tell (a region could be called 'Infinity Bay')."""
    if _mentions(text, b"NaN") or _mentions(text, b"Infinity"):
        json.loads(text, parse_constant=lambda constant: _refuse(constant, what))
    return text


def _mentions(text: bytes, word: bytes) -> bool:
    """`word in text`, found through its first byte: a one-byte search runs at memory speed, a
    longer one at a tenth of it, and most texts (a round's state, hashed every round) hold the
    first byte a few times or never. Past 64 candidates it asks `in` itself."""
    first = word[:1]
    at = text.find(first)
    for _ in range(64):
        if at < 0:
            return False
        if text.startswith(word, at):
            return True
        at = text.find(first, at + 1)
    return word in text


def _refuse(constant: str, what: str) -> Any:
    raise NotFinite(f"refused to write {what} as JSON with {constant} in it")


def _first_non_finite(data: Any, where: str = "") -> str:
    """'NaN at reports.0.victims': the first value that JSON cannot hold, and its path."""
    if isinstance(data, float) and not math.isfinite(data):
        return f"{data!r} at {where or 'the top'}"
    items: Any = ()
    if isinstance(data, dict):
        items = data.items()
    elif isinstance(data, list | tuple):
        items = enumerate(data)
    for key, value in items:
        found = _first_non_finite(value, f"{where}.{key}" if where else str(key))
        if found:
            return found
    return "" if where else "a number that is not finite"


def loads(text: str | bytes) -> Any:
    """JSON read back as the game wrote it: `NotFinite` for `NaN`, `Infinity` or a number too large
    for a float (`1e999`), which Python's reader would take; `ValueError` for a whole number of more
    digits than Python converts (4,300), as the reader itself raises."""
    return json.loads(text, parse_constant=_not_a_number, parse_float=_finite)


def _not_a_number(constant: str) -> Any:
    raise NotFinite(f"{constant} is not a number JSON can hold")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise NotFinite(f"{text[:20]}{'…' if len(text) > 20 else ''} is too large a number")
    return value
