"""The JSON Schema: valid draft 2020-12, identical to the shipped file, and true of real scenarios."""

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from jsonschema import Draft202012Validator

from game.model.scenario import Scenario
from game.scenario.schema import DRAFT, scenario_json_schema, schema_text
from game.scenario.yaml_source import read_yaml

from .helpers import MINIMAL
from .strategies import scenario_data

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
SHIPPED = sorted(SCENARIOS.glob("*.yaml"))


def validator() -> Draft202012Validator:
    return Draft202012Validator(json.loads((SCENARIOS / "schema.json").read_text("utf-8")))


def test_the_schema_is_valid_draft_2020_12() -> None:
    schema = scenario_json_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == DRAFT == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] and schema["title"] and schema["description"]


def test_the_shipped_schema_is_the_current_one() -> None:
    shipped = (SCENARIOS / "schema.json").read_text("utf-8")
    assert shipped == schema_text(), "scenarios/schema.json is stale: run `accord schema -o scenarios/schema.json`"


def _properties(node: Any) -> Any:
    if isinstance(node, dict):
        for name, value in (node.get("properties") or {}).items():
            yield name, value
        for value in node.values():
            yield from _properties(value)
    elif isinstance(node, list):
        for value in node:
            yield from _properties(value)


def test_every_key_has_a_description_for_editors() -> None:
    missing = [name for name, value in _properties(scenario_json_schema()) if "description" not in value]
    assert missing == []


def test_the_schema_names_keys_as_written_in_yaml() -> None:
    sign = scenario_json_schema()["$defs"]["SignAgreement"]["properties"]
    assert "with" in sign and "with_" not in sign


def test_the_minimal_scenario_meets_the_schema() -> None:
    data, _ = read_yaml(MINIMAL)
    validator().validate(data)


def test_the_schema_refuses_a_misspelt_key() -> None:
    data, _ = read_yaml(MINIMAL.replace("rounds:", "rouns:"))
    assert not validator().is_valid(data)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.name)
def test_shipped_scenarios_meet_the_schema(path: Path) -> None:
    data, _ = read_yaml(path)
    errors = [f"{list(error.absolute_path)}: {error.message}" for error in validator().iter_errors(data)]
    assert errors == []


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.name)
def test_shipped_scenarios_name_the_schema_on_their_first_line(path: Path) -> None:
    assert path.read_text("utf-8").splitlines()[0] == "# yaml-language-server: $schema=schema.json"


@settings(max_examples=25, deadline=None)
@given(scenario_data())
def test_generated_scenarios_meet_the_schema(data: dict[str, Any]) -> None:
    # against the schema of the model in this tree: the shipped file's freshness is tested above
    written = Scenario.model_validate(data).model_dump(mode="json", by_alias=True)
    Draft202012Validator(scenario_json_schema()).validate(written)
