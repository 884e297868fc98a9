"""The one base every model shares, so that a misspelt key is an error and never a silent default.

`ScenarioModel` is the base of everything an instructor writes (the scenario and its parameters).
Its numbers are numbers: a `true` or a line of text where a number is expected is refused, as the
JSON Schema refuses it, rather than read as 1 or parsed; and every number has a finite range
(`tests/scenario/test_ranges.py` checks that no numeric field is left without one).
"""

import math
from functools import cache
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializationInfo,
    SerializerFunctionWrapHandler,
    StringConstraints,
    model_serializer,
    model_validator,
)

Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64),
]
"""An identifier an instructor types: lower case letters, digits, `_` and `-`."""

Fraction = Annotated[float, Field(ge=0.0, le=1.0)]
Percent = Annotated[float, Field(ge=0.0, le=100.0)]
NonNegative = Annotated[float, Field(ge=0.0)]
CapacityLevel = Annotated[float, Field(ge=0.0, le=10.0)]


class StrictModel(BaseModel):
    """`ser_json_inf_nan="constants"`: pydantic would write an infinity as `null`, a figure silently
    lost; as a constant, the writer's check (`game.jsontext.checked`) finds and refuses it."""

    model_config = ConfigDict(extra="forbid", frozen=False, validate_default=False, ser_json_inf_nan="constants")


OMIT_IF_NONE = "omit_if_none"
"""Marks a field added to the scenario format after games were saved and hashed: left unset, it is
not written, so a scenario that does not use it dumps (and hashes) exactly as before the field
existed. Use it as `Annotated[int | None, OMIT_IF_NONE]` on every optional field added to a
ScenarioModel (a list or mapping left empty is not written either)."""


class ScenarioModel(StrictModel):
    """A part of a scenario file: numbers must be written as numbers, and true/false as booleans.

    pydantic's lax mode would read `flow: yes` as 1 and `flow: "1e400"` as infinity; the JSON Schema
    that editors use refuses both, and so does this, so that there is one definition of valid.
    """

    @model_validator(mode="before")
    @classmethod
    def _numbers_are_numbers(cls, data: Any) -> Any:
        """Swap each value of the wrong kind for a `Refused`, which fails the field's own
        validation, so that the problem is reported on that field (and entry) with its reason."""
        if not isinstance(data, dict):
            return data
        copied: dict[Any, Any] | None = None
        for key, kind in _scalar_kinds(cls).items():
            value = data.get(key)
            if value is None:
                continue
            if kind == "dict":
                if not isinstance(value, dict):
                    continue
                entries = {entry: _refused("number", number) for entry, number in value.items()}
                if not any(isinstance(found, Refused) for found in entries.values()):
                    continue
                fixed: Any = {entry: found if isinstance(found, Refused) else value[entry]
                              for entry, found in entries.items()}
            else:
                fixed = _refused(kind, value)
                if not isinstance(fixed, Refused):
                    continue
            copied = copied if copied is not None else dict(data)
            copied[key] = fixed
        return data if copied is None else copied

    @model_serializer(mode="wrap")
    def _omit_unused_additions(self, handler: SerializerFunctionWrapHandler, info: SerializationInfo) -> Any:
        data = handler(self)
        if isinstance(data, dict):
            for name in _omitted_if_none(type(self)):
                value = getattr(self, name, None)
                if value is None or (isinstance(value, list | dict) and not value):  # unset, or empty
                    data.pop(name, None)
        return data


class Refused:
    """A value of the wrong kind where a number (or true/false) is expected: no validator accepts
    it, and the scenario's error messages read `reason` and `given` from it."""

    def __init__(self, given: Any, reason: str) -> None:
        self.given = given
        self.reason = reason

    def __repr__(self) -> str:
        return repr(self.given)


def _refused(kind: str, value: Any) -> Any:
    """`value`, or a `Refused` when it is not of `kind` ('number' or 'bool')."""
    if kind == "bool":
        return value if isinstance(value, bool) else Refused(value, "should be true or false")
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value if isinstance(value, dict | list) else Refused(value, "should be a number")
    if (isinstance(value, float) and not math.isfinite(value)) or (isinstance(value, int) and abs(value) > _LARGEST):
        return Refused(value, "should be a finite number")
    return value


_LARGEST = 2**1023


@cache
def _omitted_if_none(model: type[BaseModel]) -> tuple[str, ...]:
    return tuple(name for name, info in model.model_fields.items() if OMIT_IF_NONE in info.metadata)


@cache
def _scalar_kinds(model: type[BaseModel]) -> dict[str, str]:
    """The fields of `model` that hold a number ('number'), a mapping of numbers ('dict') or a
    boolean ('bool'), by the key written in a file."""
    found = {}
    for name, info in model.model_fields.items():
        kind = _scalar_kind(info.annotation)
        if kind is not None:
            found[info.alias or name] = kind
    return found


def _scalar_kind(annotation: Any) -> str | None:
    annotation = unwrap_optional(annotation)
    if get_origin(annotation) is dict:
        return "dict" if unwrap_optional(get_args(annotation)[1]) in (int, float) else None
    if annotation is bool:
        return "bool"
    return "number" if annotation in (int, float) else None


def unwrap_optional(annotation: Any) -> Any:
    """`Annotated[float, ...] | None` -> `float`: the type under `Annotated[...]` and `X | None`."""
    while True:
        if get_origin(annotation) is Annotated:
            annotation = get_args(annotation)[0]
        elif get_origin(annotation) in (Union, UnionType):
            members = [arg for arg in get_args(annotation) if arg is not type(None)]
            if len(members) != 1:
                return annotation
            annotation = members[0]
        else:
            return annotation
