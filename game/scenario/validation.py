"""pydantic's validation errors turned into positioned problems, for any model read from YAML.

pydantic reports a location in the model (`('states', 0, 'objectives', 1, 'adopt_law', 'law')`,
with the union member in it); a user needs the place in the file and words about the file. This walks
each location against the data to find the path that was written, picks the key or the value to point
at, and rewords the message, adding "did you mean" for an unknown key.
"""

import datetime
import json
import math
import re
import types
from collections.abc import Hashable, Sequence
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from game.model.base import Refused
from game.model.base import unwrap_optional as _unwrap
from game.model.fields import FIELD_BOUNDS, generic
from game.scenario.hints import (
    digit_key_hint,
    list_hint,
    millions_hint,
    number_hint,
    percent_hint,
    year_round_hint,
)
from game.scenario.problems import DataPath, Problem, field_path
from game.scenario.suggest import closest, did_you_mean
from game.scenario.yaml_source import Positions
from game.scenario.yaml_words import CURLY, INVISIBLE

_SLUG_PATTERN = "^[a-z0-9][a-z0-9_-]*$"
_QUOTED = re.compile(r"'([^']*)'")
_ONE_OF = re.compile(r"give exactly one of '(\w+)' or '(\w+)'")


def validation_problems(
    error: ValidationError, *, name: str, data: Any, positions: Positions, model: type[BaseModel]
) -> list[Problem]:
    """One problem per pydantic error, positioned by `positions`; `model` is the one validated."""
    problems = []
    details = error.errors(include_url=False)
    suggested = _suggested_keys(details, data, model)
    for detail in details:
        path, on_key = data_path(detail["loc"], data)
        if detail["type"] == "missing" and path in suggested:
            continue  # "unknown key 'nmae'; did you mean 'name'?" says it already
        path, message, on_key = _describe(detail, path, on_key, data, model)
        # a missing key has no position of its own: point at the mapping that should hold it
        where = path[:-1] if detail["type"] == "missing" else path
        mark = positions.locate(where, key=on_key)
        problems.append(Problem(name, mark[0], mark[1], "error", field_path(path, positions.names), message))
    return problems


def _suggested_keys(details: list[ErrorDetails], data: Any, model: type[BaseModel]) -> set[DataPath]:
    """Paths of missing keys that an unknown key's "did you mean" names."""
    found: set[DataPath] = set()
    for detail in details:
        if detail["type"] == "extra_forbidden":
            path, _ = data_path(detail["loc"], data)
            suggestion = _key_suggestion(path, data, model, detail["loc"])
            if suggestion is not None:
                found.add((*path[:-1], suggestion))
    return found


def _key_suggestion(path: DataPath, data: Any, model: type[BaseModel], loc: Sequence[int | str]) -> str | None:
    present = _value_at(data, path[:-1])
    allowed = [
        name for name in expected_keys(model, loc[:-1]) or []
        if not (isinstance(present, dict) and name in present)
    ]
    key = path[-1] if path else None
    return closest(key, allowed) if isinstance(key, str) else None


def data_path(loc: Sequence[int | str], data: Any) -> tuple[DataPath, bool]:
    """The path in the data that a pydantic location names, and whether it names a key (`[key]`).

    Steps that are not in the data (the name of a union member) are dropped, except the last, which
    is the missing or unknown key itself: the keys after a union member's name are looked up in the
    mapping before it (`objectives[2]` then `points`, not `objectives[2]` then `2`).
    """
    path: list[Hashable] = []
    current = data
    on_key = False
    for index, step in enumerate(loc):
        last = index == len(loc) - 1
        if step == "[key]":
            on_key = True
            continue
        if isinstance(current, dict):
            found = _dict_key(current, step)
            if found is not _ABSENT:
                path.append(found)
                current = current[found]
                continue
        elif isinstance(current, list) and isinstance(step, int) and 0 <= step < len(current):
            path.append(step)
            current = current[step]
            continue
        if last and isinstance(current, dict):
            path.append(step)
        elif isinstance(current, dict) and isinstance(step, str):
            continue  # a union member's name ('keep_approval'): the keys after it are in this mapping
        current = None if isinstance(current, dict | list) else current
    return tuple(path), on_key


_ABSENT: Any = object()


def _dict_key(mapping: dict[Any, Any], step: int | str) -> Any:
    """The key of `mapping` that a location step names; pydantic writes non-string keys as strings."""
    if step in mapping:
        return step
    for key in mapping:
        if not isinstance(key, str) and str(key) == str(step):
            return key
    return _ABSENT


def _describe(
    detail: ErrorDetails, path: DataPath, on_key: bool, data: Any, model: type[BaseModel]
) -> tuple[DataPath, str, bool]:
    kind = detail["type"]
    ctx = detail.get("ctx") or {}
    given = detail.get("input")
    if kind == "missing":
        return path, f"missing required key '{path[-1]}'{_meaning(model, detail['loc'])}", False
    if isinstance(given, Refused):
        message = f"{given.reason}, not {_shown(given.given)}"
        if given.reason != "should be true or false":
            high = _figure_bound(data, path) or upper_bound(model, detail["loc"])
            message += number_hint(given.given, high, whole=_walk(model, detail["loc"]) is int)
        return path, message, on_key
    if kind == "invalid_key":
        key = path[-1] if path else given
        return path, f"'{key}' cannot be a key{digit_key_hint(key, _entry_before(data, path))}", True
    if kind == "extra_forbidden":
        key = path[-1] if path else given
        suggestion = _key_suggestion(path, data, model, detail["loc"])
        hint = f"; did you mean '{suggestion}'?" if suggestion is not None else ""
        hint = hint or digit_key_hint(key, _entry_before(data, path)) or _keys_here(model, detail["loc"])
        return path, f"unknown key '{key}'{hint}", True
    if kind == "union_tag_invalid":
        discriminator = str(ctx.get("discriminator", "kind")).strip("'")
        tags = _QUOTED.findall(str(ctx.get("expected_tags", "")))
        tag = ctx.get("tag")
        hint = did_you_mean(tag, tags) or f"; expected one of: {', '.join(tags)}"
        return (*path, discriminator), f"unknown {discriminator} '{tag}'{hint}", False
    if kind == "union_tag_not_found":
        discriminator = str(ctx.get("discriminator", "kind")).strip("'")
        if not isinstance(given, dict):
            return path, f"should be a mapping with a '{discriminator}', not {_shown(given)}", False
        return (*path, discriminator), f"missing required key '{discriminator}'", False
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == _SLUG_PATTERN:
        what = "key" if on_key else "id"
        hidden = next((INVISIBLE[c] for c in given if c in INVISIBLE), None) if isinstance(given, str) else None
        if hidden is not None:
            return path, f"{_shown(given)} is not a valid {what}: it holds {hidden}", on_key
        if isinstance(given, str) and any(c in CURLY for c in given):
            return path, (f"{_shown(given)} is not a valid {what}: it has curly quotes from a word processor; "
                          "use straight ones (\" or '), or none"), on_key
        return path, (
            f"{_shown(given)} is not a valid {what}: use lower-case letters, digits, '_' and '-', "
            f"starting with a letter or digit{_as_slug(given)}"
        ), on_key
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        return path, f"should be a mapping of keys to values, not {_shown(given)}", on_key
    if kind == "int_from_float" and isinstance(given, float):
        low, high = math.floor(given), math.ceil(given)
        return path, f"should be a whole number (got {given:g}): write {low} or {high}", on_key
    if kind == "list_type":
        return path, f"should be a list, not {_shown(given)}{list_hint(given)}", on_key
    if kind == "too_short" and isinstance(ctx.get("min_length"), int):
        least = ctx["min_length"]
        return path, (f"should list at least {least} item{'s' if least != 1 else ''}, not "
                      f"{ctx.get('actual_length', 0)}"), on_key
    if kind == "literal_error":
        near = did_you_mean(given, _QUOTED.findall(str(ctx.get("expected", ""))))
        return path, f"should be {ctx.get('expected')}, not {_shown(given)}{near}", on_key
    if kind in {"value_error", "assertion_error"}:
        message = str(detail["msg"]).removeprefix("Value error, ").removeprefix("Assertion failed, ")
        return _one_of(path, message, _value_at(data, path), on_key)
    message = str(detail["msg"])
    message = message[0].lower() + message[1:] if message else kind
    message = message.replace("input should", "should")
    if not isinstance(given, dict | list):
        message += f" (got {_shown(given)})"
    if kind == "less_than_equal":
        message += (percent_hint(given, upper_bound(model, detail["loc"])) or millions_hint(given, detail["loc"])
                    or _year_as_round(data, path, given))
    if kind == "string_type" and isinstance(given, datetime.date):
        message += ": YAML reads it as a date; put it in quotes"
    return path, message, on_key


def _year_as_round(data: Any, path: DataPath, given: Any) -> str:
    """An event's or a summit's `round: 2025` in a scenario that starts in 2023: the year written for
    its round."""
    if len(path) < 3 or path[0] not in ("events", "summits") or path[-1] != "round" or not isinstance(data, dict):
        return ""
    return year_round_hint(given, data.get("start_year"), data.get("rounds"))


def _figure_bound(data: Any, path: DataPath) -> float | None:
    """The upper bound of the figure an event's `add`, `set`, `below` or `above` is written in: its
    sibling `field`'s (`demand.labour` is 0-1, so `add: 10%` is 0.1, not 10)."""
    if not path or path[-1] not in ("add", "set", "below", "above"):
        return None
    holder = _value_at(data, path[:-1])
    field = holder.get("field") if isinstance(holder, dict) else None
    return FIELD_BOUNDS.get(generic(field), (0.0, None))[1] if isinstance(field, str) else None


def _meaning(model: type[BaseModel], loc: Sequence[int | str]) -> str:
    """": millions of people (at most 10,000)" after a missing key: what to write there, from the
    field's description (`missing required key 'population'` alone left the unit to the guide)."""
    holder = _walk(model, loc[:-1])
    if not (loc and isinstance(holder, type) and issubclass(holder, BaseModel)):
        return ""
    field = next((info for name, info in holder.model_fields.items() if loc[-1] in (name, info.alias)), None)
    words = (field.description or "").strip().removesuffix(".") if field is not None else ""
    if not words:
        return ""
    first = words.split()[0]
    acronym = len(first) > 1 and first.isupper()  # 'USD ...' stays as it is
    return f": {words if acronym else words[0].lower() + words[1:]}"


def _keys_here(model: type[BaseModel], loc: Sequence[int | str]) -> str:
    """"; the keys here are target, field, below, above" after an unknown key nothing is near, when
    the mapping takes a few (a long list, such as the parameters', helps nobody)."""
    keys = expected_keys(model, loc[:-1])
    if not keys or len(keys) > MAX_KEYS_LISTED:
        return ""
    return f"; the keys here are {', '.join(keys)}"


MAX_KEYS_LISTED = 12


def _as_slug(given: Any) -> str:
    """", as 'grey-sea'" for an id written with capitals or spaces ("Grey Sea"), or ''."""
    if not isinstance(given, str):
        return ""
    slug = re.sub(r"\s+", "-", given.strip().lower())
    return f", as '{slug}'" if slug != given and re.fullmatch(_SLUG_PATTERN, slug) else ""


def _one_of(path: DataPath, message: str, given: Any, on_key: bool) -> tuple[DataPath, str, bool]:
    """The models' "give exactly one of 'a' or 'b'", pointed at the second key when both are given."""
    pair = _ONE_OF.fullmatch(message)
    if pair is None or not isinstance(given, dict):
        return path, message, on_key
    first, second = pair.groups()
    if first in given and second in given:
        later = next(key for key in reversed(list(given)) if key in (first, second))
        return (*path, later), f"give '{first}' or '{second}', not both", True
    return path, f"give '{first}' or '{second}'", on_key


def _entry_before(data: Any, path: DataPath) -> tuple[Any, Any] | None:
    """The key and value written just before the last key of `path`, in the same mapping."""
    mapping = _value_at(data, path[:-1])
    if not isinstance(mapping, dict) or not path or path[-1] not in mapping:
        return None
    keys = list(mapping)
    index = keys.index(path[-1])
    return (keys[index - 1], mapping[keys[index - 1]]) if index > 0 else None


def _value_at(data: Any, path: DataPath) -> Any:
    for step in path:
        listed = isinstance(data, list) and isinstance(step, int) and 0 <= step < len(data)
        if not (listed or (isinstance(data, dict) and step in data)):
            return None
        data = data[step]
    return data


def _shown(value: Any) -> str:
    """A value as the user wrote it in YAML, shortened."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        text = json.dumps(value, ensure_ascii=False)
        return text if len(text) <= 40 else text[:37] + '..."'
    return repr(value)[:40]


def expected_keys(model: type[BaseModel], loc: Sequence[int | str]) -> list[str] | None:
    """The keys a mapping at `loc` may hold, walking the model's type hints; None when lost."""
    current = _walk(model, loc)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [info.alias or name for name, info in current.model_fields.items()]
    return None


def upper_bound(model: type[BaseModel], loc: Sequence[int | str]) -> float | None:
    """The largest value the number at `loc` may take, from the model's `le`; None when unknown."""
    return number_range(model, loc)[1]


def number_range(model: type[BaseModel], loc: Sequence[int | str]) -> tuple[float | None, float | None]:
    """The least and largest values the number at `loc` may take (`ge`/`gt`, `le`); None when unknown."""
    if not loc:
        return None, None
    holder = _walk(model, loc[:-1])
    metadata: list[Any] = []
    if isinstance(holder, type) and issubclass(holder, BaseModel):
        for name, info in holder.model_fields.items():
            if loc[-1] in (name, info.alias):
                metadata = [*info.metadata, *_annotated_metadata(info.annotation)]
    elif get_origin(holder) is dict:
        metadata = _annotated_metadata(get_args(holder)[1])
    def bound(names: tuple[str, ...], pick: Any) -> float | None:
        found = [getattr(item, name, None) for item in metadata for name in names]
        numbers = [value for value in found if isinstance(value, int | float)]
        return pick(numbers) if numbers else None

    return bound(("ge", "gt"), max), bound(("le",), min)


def _annotated_metadata(annotation: Any) -> list[Any]:
    found: list[Any] = []
    while get_origin(annotation) is Annotated:
        args = get_args(annotation)
        for item in args[1:]:
            found.extend(getattr(item, "metadata", [item]))
        annotation = args[0]
    return found


def _walk(model: type[BaseModel], loc: Sequence[int | str]) -> Any:
    """The type hint at `loc` in `model`, unwrapped; None when lost."""
    current: Any = model
    for step in loc:
        current = _unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = _field(current, step)
            if field is None:
                return None
            current = field
        elif get_origin(current) in (list, tuple, Sequence) and isinstance(step, int):
            current = get_args(current)[0]
        elif get_origin(current) is dict:
            current = get_args(current)[1]
        elif _is_union(current):
            member = _union_member(current, step)
            if member is None:
                return None
            current = member
        else:
            return None
    return _unwrap(current)


def _field(model: type[BaseModel], step: int | str) -> Any:
    for name, info in model.model_fields.items():
        if step in (name, info.alias):
            return info.annotation
    return None


def _is_union(annotation: Any) -> bool:
    return get_origin(annotation) in (Union, types.UnionType)


def _union_member(union: Any, tag: int | str) -> Any:
    """The member a location names: by its discriminator value or, untagged, by its class name."""
    for member in get_args(union):
        member = _unwrap(member)
        if not (isinstance(member, type) and issubclass(member, BaseModel)):
            continue
        if member.__name__ == tag:
            return member
        for info in member.model_fields.values():
            if get_origin(info.annotation) is Literal and tag in get_args(info.annotation):
                return member
    return None

