"""YAML in, `Scenario` out, with every problem in the file reported at once with its position.

The stages, each reporting what it finds: safe reading (`yaml_source`), the shape of the whole file,
types and ranges (pydantic), how the parts fit (`checks`), and, only when there is no error, the lint
warnings (`lint`). A one-sided neighbour listing is a warning, and the loaded scenario has it made
symmetric, since the map is undirected.
"""

from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from game.model.scenario import Scenario
from game.scenario.accepted import apply_accepted
from game.scenario.checks import check_draft, non_finite_numbers
from game.scenario.draft import Draft
from game.scenario.lint import lint
from game.scenario.problems import Problem, ScenarioError, field_path, has_errors, sorted_problems
from game.scenario.reporter import Reporter
from game.scenario.validation import validation_problems
from game.scenario.yaml_source import SourceError, YamlDocument, parse_yaml

MAX_REGIONS = 10_000
"""More regions than any class could play; refused before the slower checks run."""
MAX_STATES = 250
"""More states than any class could seat: each state's view lists every other, so a round's work
grows with the square of their number (250 states: about a second for the AI's round)."""
MAX_ORGANIZATIONS = 50

Checked = tuple[Scenario | None, list[Problem]]


def load_scenario(path: str | Path) -> Scenario:
    """The scenario in a file; `ScenarioError` (with errors and any warnings) if it has an error."""
    return _loaded(check_scenario(path))


def load_scenario_noting_warnings(path: str | Path) -> tuple[Scenario, str | None]:
    """The scenario in a file, as `load_scenario`, and a line for a command that plays it without
    listing problems (`simulate`, `lessons`): its warnings not accepted in the file are counted, so
    that a rehearsal of a scenario with an idle seat or a budget that cannot pay its upkeep says so."""
    scenario, problems = check_scenario(path)
    if scenario is None:
        raise ScenarioError(problems)
    warnings = sum(problem.severity == "warning" for problem in problems)
    if not warnings:
        return scenario, None
    counted = f"{warnings} warning{'s' if warnings != 1 else ''}"
    return scenario, f"note: {path} has {counted}; `accord validate {path}` lists {'them' if warnings > 1 else 'it'}"


def load_scenario_text(text: str, name: str = "<text>") -> Scenario:
    return _loaded(check_scenario_text(text, name))


def check_scenario(path: str | Path) -> Checked:
    """The scenario (None when it has an error) and every problem, errors and warnings, in file order."""
    return _check(lambda: parse_yaml(Path(path), name=str(path)), str(path))


def check_scenario_text(text: str, name: str = "<text>") -> Checked:
    return _check(lambda: parse_yaml(text, name=name), name)


def check_scenario_bytes(raw: bytes, name: str = "<bytes>") -> Checked:
    return _check(lambda: parse_yaml(raw, name=name), name)


def check_document(document: YamlDocument, name: str) -> Checked:
    """The checks after reading, for a caller that read the YAML itself (and keeps its positions)."""
    report = Reporter(name, document.positions)
    report.problems.extend(document.problems)
    data = document.data
    if data is None:
        report.error((), "the file holds no scenario (it is empty or only comments); "
                         "`accord new-scenario PATH` writes a starting one")
        return None, report.problems
    if not isinstance(data, dict):
        report.error((), f"the top of a scenario is a mapping of keys (format: 1, id: ..., title: ...), "
                         f"not {_kind(data)}")
        return None, report.problems
    for section, most in (("regions", MAX_REGIONS), ("states", MAX_STATES), ("organizations", MAX_ORGANIZATIONS)):
        items = data.get(section)
        if isinstance(items, list) and len(items) > most:
            report.error((section,), f"{len(items):,} {section}; a scenario may have at most {most:,}", key=True)
            return None, report.problems
    scenario = _validate(data, report)
    check_draft(Draft.from_scenario(scenario) if scenario is not None else Draft.from_data(data), report)
    if scenario is not None and not report.has_errors:
        make_neighbours_symmetric(scenario)
        lint(scenario, report)
    problems = _unique(sorted_problems(apply_accepted(report.problems, document.accepted, name)))
    return (None if has_errors(problems) else scenario), problems


def make_neighbours_symmetric(scenario: Scenario) -> None:
    """Add the missing half of each one-sided neighbour listing, in the order they were found."""
    by_id = {region.id: region for region in scenario.regions}
    for region in scenario.regions:
        for other in region.neighbours:
            listed = by_id.get(other)
            if listed is not None and region.id not in listed.neighbours:
                listed.neighbours.append(region.id)


def _validate(data: dict[Any, Any], report: Reporter) -> Scenario | None:
    infinite = set(non_finite_numbers(data))
    for path in sorted(infinite, key=report.positions.locate):
        report.error(path, "should be a finite number")
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as error:
        problems = validation_problems(
            error, name=report.name, data=data, positions=report.positions, model=Scenario
        )
        # a non-finite number is already reported; pydantic's range error on it would repeat it
        reported = {field_path(path, report.positions.names) for path in infinite}
        report.problems.extend(problem for problem in problems if problem.field not in reported)
        return None
    return None if infinite else scenario


def _check(read: Callable[[], YamlDocument], name: str) -> Checked:
    try:
        document = read()
    except SourceError as error:
        return None, error.problems
    return check_document(document, name)


def _loaded(checked: Checked) -> Scenario:
    scenario, problems = checked
    if scenario is None:
        raise ScenarioError(problems)
    return scenario


def _unique(problems: list[Problem]) -> list[Problem]:
    return list(dict.fromkeys(problems))


def _kind(value: object) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "a line of text"
    return f"a single value ({value!r})"
