"""A small valid scenario written here, so these tests never depend on the shipped ones."""

from typing import Any

import yaml

from game.model.scenario import Scenario
from game.scenario.loader import check_scenario_text
from game.scenario.problems import Problem
from game.scenario.yaml_builder import core_tag
from game.scenario.yaml_words import INVISIBLE

MINIMAL = """\
format: 1
id: minimal
title: Minimal
summary: Three regions on one road, two states, one network.
rounds: 4
regions:
  - id: village
    name: Village
    population: 1.0
    vulnerability: 0.6
    neighbours: [port]
    controlled_by: south
  - id: port
    name: Port
    population: 0.5
    vulnerability: 0.3
    neighbours: [village, city]
    controlled_by: south
  - id: city
    name: City
    population: 4.0
    vulnerability: 0.2
    demand: {labour: 0.5}
    neighbours: [port]
    controlled_by: north
states:
  - id: south
    name: South
    budget: 10
    political_capital: 4
    approval: 50
    corruption: 0.3
    brief: Keep your people safe.
    objectives:
      - {kind: keep_approval, at_least: 40, points: 2}
  - id: north
    name: North
    budget: 20
    political_capital: 6
    approval: 60
    corruption: 0.1
    laws: [criminalization]
    brief: Fewer victims in the city.
    objectives:
      - {kind: reduce_victims, region: city, by: 0.1, points: 3}
networks:
  - id: ring
    name: The ring
    capital: 100
    core: 2
    periphery: 20
    tech: 0.1
    routes:
      - {path: [village, port, city], form: labour, flow: 100}
"""


def minimal_data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(MINIMAL)
    return data


class _Dumper(yaml.SafeDumper):
    """PyYAML's dumper writes YAML 1.1: it leaves `1e5` unquoted, which YAML 1.2 (as Accord and
    editors read it) takes for a number; such texts are quoted."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    """Quoted where YAML 1.2 would read another type, and where an invisible space stands at an end:
    PyYAML writes a list item of one non-breaking space bare ('- \xa0'), which the loader rightly
    refuses as an instructor's pasted space in the structure."""
    invisible = bool(value) and (value[0] in INVISIBLE or value[-1] in INVISIBLE)
    style = '"' if invisible or core_tag(value) != "tag:yaml.org,2002:str" else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True)


def check_data(data: Any) -> tuple[Scenario | None, list[Problem]]:
    return check_scenario_text(dump(data), "test.yaml")


def lines(problems: list[Problem]) -> list[str]:
    return [str(problem) for problem in problems]


def problems_of(text: str) -> list[str]:
    """Each problem of a scenario text, as `accord validate` prints it for a file named s.yaml."""
    _, problems = check_scenario_text(text, "s.yaml")
    return [str(problem) for problem in problems]


def replaced(old: str, new: str) -> str:
    """`MINIMAL` with the first `old` (which must be there) changed to `new`."""
    assert old in MINIMAL
    return MINIMAL.replace(old, new, 1)
