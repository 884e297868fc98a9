"""Properties: a valid scenario survives dump then load unchanged; junk only ever gives ScenarioError."""

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.model.scenario import Scenario
from game.scenario.loader import check_scenario_bytes, check_scenario_text, load_scenario_text
from game.scenario.problems import ScenarioError

from .helpers import dump
from .strategies import json_like, scenario_data, yaml_fragments

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(scenario_data())
def test_a_valid_scenario_survives_dump_then_load(data: dict[str, Any]) -> None:
    scenario = Scenario.model_validate(data)
    text = dump(scenario.model_dump(mode="json", by_alias=True))
    loaded, problems = check_scenario_text(text)
    assert [problem for problem in problems if problem.is_error] == []
    assert loaded == scenario


def only_scenario_errors(text: str) -> None:
    check_scenario_text(text)  # never raises
    try:
        load_scenario_text(text)
    except ScenarioError as error:
        assert error.problems
        assert all(problem.line >= 1 and problem.column >= 1 for problem in error.problems)


@FAST
@given(st.text(max_size=300))
def test_random_text_gives_only_scenario_errors(text: str) -> None:
    only_scenario_errors(text)


@FAST
@given(yaml_fragments)
def test_yaml_shaped_junk_gives_only_scenario_errors(text: str) -> None:
    only_scenario_errors(text)


@FAST
@given(json_like)
def test_random_yaml_data_gives_only_scenario_errors(data: Any) -> None:
    only_scenario_errors(dump(data))


@FAST
@given(st.binary(max_size=300))
def test_random_bytes_give_only_scenario_errors(raw: bytes) -> None:
    scenario, problems = check_scenario_bytes(raw)
    assert scenario is None and problems


@st.composite
def mutated(draw: st.DrawFn) -> Any:
    """A valid scenario with a few values replaced by junk or removed: the checks meet broken parts."""
    data = draw(scenario_data())
    for _ in range(draw(st.integers(1, 4))):
        paths = list(_paths(data))
        path = draw(st.sampled_from(paths))
        parent = data
        for step in path[:-1]:
            parent = parent[step]
        if isinstance(parent, dict) and draw(st.booleans()):
            del parent[path[-1]]
        else:
            parent[path[-1]] = draw(json_like | st.sampled_from(["village", "state:x", "region:", 0, -1, [], {}]))
    return data


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> Any:
    if isinstance(data, dict):
        items: Any = data.items()
    elif isinstance(data, list):
        items = enumerate(data)
    else:
        return
    for key, value in items:
        yield (*prefix, key)
        yield from _paths(value, (*prefix, key))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_scenarios_give_only_scenario_errors(data: Any) -> None:
    only_scenario_errors(dump(data))


@pytest.mark.parametrize("text", ["", "~", "[]", "{}", "0", "format: 1", "regions: 5", "regions: [1, 2]"])
def test_small_oddities(text: str) -> None:
    with pytest.raises(ScenarioError):
        load_scenario_text(text)


def test_a_text_of_one_non_breaking_space_survives_dump_then_load() -> None:
    """The case hypothesis found: a learning objective of one non-breaking space, written bare by
    PyYAML, read back as a pasted space in the structure."""
    from .helpers import minimal_data

    data = minimal_data() | {"learning_objectives": ["\u00a0"]}
    scenario = Scenario.model_validate(data)
    loaded, problems = check_scenario_text(dump(scenario.model_dump(mode="json", by_alias=True)))
    assert [problem for problem in problems if problem.is_error] == [] and loaded == scenario
