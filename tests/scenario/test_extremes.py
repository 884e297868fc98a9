"""A scenario that validates simulates every round with every AI personality without an error.

Every numeric field of the shipped scenarios and every parameter is set, one at a time, to an
extreme (1e308, -1e308, 10**300, 1e400 as YAML reads it, 0, and the ends of its documented range);
whatever `validate` accepts is then played with each personality. The ranges in `game.model` are
what make this hold: a new field or parameter without a range is drawn here too, and fails.
"""

import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.ai.registry import PERSONALITIES, assign
from game.model.parameters import Parameters
from game.model.scenario import Scenario
from game.scenario.loader import check_scenario_text
from game.scenario.validation import number_range
from game.scenario.yaml_source import read_yaml
from game.session.simulation import simulate

from .helpers import dump

SHIPPED = sorted((Path(__file__).resolve().parents[2] / "scenarios").glob("*.yaml"))
ROUNDS = 3
"""Rounds played of each variant: enough to reach every phase of a round twice."""

Path_ = tuple[Any, ...]


def numeric_paths(data: Any, path: Path_ = ()) -> list[Path_]:
    if isinstance(data, dict):
        return [found for key, value in data.items() for found in numeric_paths(value, (*path, key))]
    if isinstance(data, list):
        return [found for index, value in enumerate(data) for found in numeric_paths(value, (*path, index))]
    if isinstance(data, int | float) and not isinstance(data, bool):
        return [path]
    return []


def _parameters() -> list[Path_]:
    return [("parameters", name) for name, info in Parameters.model_fields.items() if info.annotation is not bool]


CASES = [(path, numeric) for path in SHIPPED
         for numeric in sorted({*numeric_paths(read_yaml(path)[0]), *_parameters()}, key=str)]
EXTREMES: list[Any] = [1e308, -1e308, 10**300, math.inf, 0, "low", "high"]


def with_value(data: dict[str, Any], path: Path_, value: Any) -> dict[str, Any]:
    target: Any = data
    for step in path[:-1]:
        target = target.setdefault(step, {}) if isinstance(target, dict) else target[step]
    target[path[-1]] = value
    return data


def plays(scenario: Scenario) -> None:
    short = scenario.model_copy(update={"rounds": min(scenario.rounds, ROUNDS)})
    organizations = [o.id for o in short.organizations]
    for personality in PERSONALITIES:
        seats = assign([s.id for s in short.states], personality, 1, organizations)
        simulation = simulate(short, 1, ai=seats)
        assert len(simulation.reports) == short.rounds


@settings(max_examples=70, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=st.sampled_from(CASES), extreme=st.sampled_from(EXTREMES))
def test_an_extreme_number_is_refused_or_plays(case: tuple[Path, Path_], extreme: Any) -> None:
    source, path = case
    low, high = number_range(Scenario, [step for step in path])
    value = low if extreme == "low" else high if extreme == "high" else extreme
    if value is None:
        return
    data = with_value(read_yaml(source)[0], path, value)
    text = dump(data).replace(".inf", "1e400")  # as a teacher types it: YAML 1.2 reads it as infinity
    scenario, problems = check_scenario_text(text, source.name)
    if scenario is None:
        assert any(problem.is_error and problem.line >= 1 for problem in problems)
        return
    plays(scenario)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("parameters", "prevention_effect"), 1000), (("parameters", "estimate_noise"), 1000),
        (("networks", 0, "routes", 0, "flow"), 1.0e300), (("networks", 0, "routes", 0, "flow"), math.inf),
        (("states", 0, "budget"), 10**300), (("regions", 0, "population"), 1e308),
    ],
)
def test_the_values_that_crashed_the_engine_are_refused(path: Path_, value: Any) -> None:
    data = with_value(read_yaml(SHIPPED[-1])[0], path, value)
    scenario, problems = check_scenario_text(dump(data).replace(".inf", "1e400"))
    assert scenario is None and any(problem.is_error for problem in problems)


@pytest.mark.parametrize("name", ["convene_discount", "prevention_effect", "estimate_noise", "capacity_upkeep"])
def test_a_parameter_at_either_end_of_its_range_plays(name: str) -> None:
    low, high = number_range(Scenario, ["parameters", name])
    for value in (low, high):
        data = with_value(read_yaml(next(p for p in SHIPPED if p.stem == "europe"))[0], ("parameters", name), value)
        scenario, problems = check_scenario_text(dump(data))
        assert scenario is not None, [str(problem) for problem in problems]
        plays(scenario)


def test_free_transport_plays() -> None:
    """`transport_cost: 0` on mekong stopped every AI table with a division by zero (a network's mean
    cost of moving a person was 0): free transport leaves the crew's pay as the only limit."""
    mekong = next(path for path in SHIPPED if path.stem == "mekong")
    data = with_value(read_yaml(mekong)[0], ("parameters", "transport_cost"), 0)
    scenario, problems = check_scenario_text(dump(data))
    assert scenario is not None, problems
    plays(scenario)
