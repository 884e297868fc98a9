"""The robustness sweep's variants: each numeric model parameter at half and at double the
scenario's value, read from the `Parameters` model itself so that a parameter added to the model is
swept without a change here.

A variant stays within the field's own bounds (a fraction is capped at 1, a count at its maximum);
a whole-number parameter is rounded; a variant equal to the value it varies (0 halved or doubled, a
fraction at 1 doubled) is left out. Flags (true/false) are not swept.
"""

import math
from dataclasses import dataclass

from pydantic import ValidationError
from pydantic.fields import FieldInfo

from game.analysis.runner import Override
from game.errors import AccordError
from game.model.parameters import Parameters

FACTORS = (0.5, 2.0)


@dataclass(frozen=True)
class Sweep:
    overrides: list[Override]
    parameters: list[str]
    """Parameters with at least one variant, in the model's order."""
    capped: list[Override]
    """Variants held at a bound of their field (a fraction capped at 1, say)."""
    left_out: dict[str, str]
    """Parameter -> why it has no variant."""


def numeric_parameters(parameters: Parameters) -> list[str]:
    return [name for name in Parameters.model_fields
            if isinstance(getattr(parameters, name), int | float) and not isinstance(getattr(parameters, name), bool)]


def choose(parameters: Parameters, wanted: str | None) -> list[str]:
    """The parameters to sweep: all numeric ones, or those named in a comma-separated list
    (`none` for none); an unknown or non-numeric name is an error naming it."""
    numeric = numeric_parameters(parameters)
    if wanted is None:
        return numeric
    names = [n.strip() for n in wanted.split(",") if n.strip()]
    if names == ["none"]:
        return []
    if not names:
        raise AccordError("--parameters: expected parameter names separated by commas, or 'none'")
    for name in names:
        if name not in numeric:
            kind = "not a numeric parameter" if name in Parameters.model_fields else "no such parameter"
            raise AccordError(f"--parameters: '{name}' is {kind} (see `accord schema` or docs/calibration.md)")
    return list(dict.fromkeys(names))


def sweep(parameters: Parameters, names: list[str]) -> Sweep:
    overrides: list[Override] = []
    capped: list[Override] = []
    tried: list[str] = []
    left_out: dict[str, str] = {}
    current = parameters.model_dump()
    for name in names:
        field = Parameters.model_fields[name]
        value = current[name]
        found: list[Override] = []
        for factor in FACTORS:
            varied, held = _vary(field, value, factor)
            if varied == value or any(o.value == varied for o in found):
                continue
            try:
                Parameters.model_validate({**current, name: varied})
            except ValidationError:
                continue
            found.append(Override(name, varied))
            if held:
                capped.append(found[-1])
        if found:
            tried.append(name)
            overrides += found
        else:
            left_out[name] = "0 halved or doubled is 0" if value == 0 else "no other value within its bounds"
    return Sweep(overrides, tried, capped, left_out)


def _vary(field: FieldInfo, value: float, factor: float) -> tuple[float, bool]:
    """The value times `factor`, rounded for a whole-number field and held within its bounds;
    and whether a bound held it."""
    varied: float = value * factor
    if field.annotation is int:
        varied = math.floor(varied + 0.5)
    low, high = _bounds(field)
    held = varied > high or varied < low
    return min(high, max(low, varied)), held


def _bounds(field: FieldInfo) -> tuple[float, float]:
    low, high = -math.inf, math.inf
    for rule in field.metadata:
        floor, ceiling = getattr(rule, "ge", None), getattr(rule, "le", None)
        if isinstance(floor, int | float):
            low = max(low, float(floor))
        if isinstance(ceiling, int | float):
            high = min(high, float(ceiling))
    return low, high
