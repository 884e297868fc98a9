"""Every number an instructor writes has a finite range, and every part of a scenario refuses a
boolean or a text where a number goes: new fields and parameters get both or fail here."""

from typing import Any, get_args, get_origin

import pytest
from pydantic import BaseModel

from game.model.base import ScenarioModel
from game.model.scenario import Scenario
from game.scenario.schema import scenario_json_schema


def numbers(node: Any, path: str = "") -> list[tuple[str, dict[str, Any]]]:
    found = []
    if isinstance(node, dict):
        if node.get("type") in ("number", "integer"):
            found.append((path, node))
        for key, value in node.items():
            found += numbers(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += numbers(value, f"{path}/{index}")
    return found


NUMBERS = [(path, node) for path, node in numbers(scenario_json_schema()) if "NotANumber" not in path]


def test_the_schema_has_numbers_to_check() -> None:
    assert len(NUMBERS) > 80


@pytest.mark.parametrize(("path", "node"), NUMBERS, ids=[path for path, _ in NUMBERS])
def test_every_number_has_a_finite_range_and_refuses_nan(path: str, node: dict[str, Any]) -> None:
    if "enum" in node or "const" in node:
        return  # a choice among listed values (a tier, the format's version) is its own range
    assert "minimum" in node or "exclusiveMinimum" in node, f"{path} has no lower bound"
    assert "maximum" in node or "exclusiveMaximum" in node, f"{path} has no upper bound (give the field le=...)"
    assert node["not"] == {"$ref": "#/$defs/NotANumber"}


def models(model: Any, seen: set[type[BaseModel]]) -> set[type[BaseModel]]:
    if isinstance(model, type) and issubclass(model, BaseModel):
        if model in seen:
            return seen
        seen.add(model)
        for info in model.model_fields.values():
            models(info.annotation, seen)
        return seen
    for arg in get_args(model) if get_origin(model) is not None else ():
        models(arg, seen)
    return seen


@pytest.mark.parametrize("model", sorted(models(Scenario, set()), key=lambda m: m.__name__), ids=lambda m: m.__name__)
def test_every_part_of_a_scenario_is_a_scenario_model(model: type[BaseModel]) -> None:
    """So that `flow: yes` or `budget: "12"` is refused in it, as the schema refuses them."""
    assert issubclass(model, ScenarioModel)
