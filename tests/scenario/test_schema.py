"""The JSON Schema: valid draft 2020-12, identical to the shipped file, and true of real scenarios."""

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from jsonschema import Draft202012Validator

from game.model.scenario import Scenario
from game.scenario.loader import check_scenario_text
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


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("flow: 100}", "flow: yes}"), ("flow: 100}", "flow: true}"), ("flow: 100}", "flow: .nan}"),
        ("flow: 100}", "flow: 1e400}"), ("flow: 100}", "flow: 1e5}"), ("flow: 100}", "flow: 1.0e+300}"),
        ("flow: 100}", 'flow: "100"}'), ("flow: 100}", "flow: 3,500}"), ("core: 2", "core: 2.0"),
        ("core: 2", "core: 2.5"), ("approval: 50", "approval: 101"), ("approval: 50", "approval: 75%"),
        ("vulnerability: 0.6", "vulnerability: -0.1"), ("id: minimal", "id: 2020-03-11"),
        ("controlled_by: south", "controlled_by: no"), ("population: 1.0", "population: 0"),
    ],
)
def test_the_schema_and_the_validator_agree(old: str, new: str) -> None:
    """One definition of valid: what the editor's schema accepts, `accord validate` accepts (checks a
    schema cannot make, such as an unknown state, aside)."""
    text = MINIMAL.replace(old, new, 1)
    data, _ = read_yaml(text)
    _, problems = check_scenario_text(text)
    typed = [problem for problem in problems if problem.is_error and "unknown state" not in problem.message]
    assert validator().is_valid(data) == (not typed), [str(problem) for problem in problems]


def test_the_schema_offers_the_built_in_ids_as_one_types() -> None:
    from game.model.catalogue import BUILTIN_AGREEMENTS, BUILTIN_LAWS

    definitions = scenario_json_schema()["$defs"]
    law = definitions["AdoptLaw"]["properties"]["law"]["anyOf"][0]["enum"]
    agreement = definitions["SignAgreement"]["properties"]["agreement"]["anyOf"][0]["enum"]
    assert law == sorted(BUILTIN_LAWS) and agreement == sorted(BUILTIN_AGREEMENTS)
    assert "capacities.border" in definitions["Effect"]["properties"]["field"]["anyOf"][0]["enum"]
    # a scenario's own law is still accepted where a built-in one is offered
    data, _ = read_yaml(MINIMAL.replace("    laws: [criminalization]\n", "    laws: [criminalization, own_law]\n"))
    assert validator().is_valid(data)
