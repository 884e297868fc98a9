"""A warning its author accepts in the file: `# accord: accept: REASON` on the line the warning points
at prints it as accepted, with the reason, and `--strict` passes; a mark with no reason, on a line
with no warning, or on an error's line accepts nothing and says so."""

from pathlib import Path

import pytest

from game.cli import main
from game.scenario.loader import check_scenario_text

MEKONG = (Path(__file__).resolve().parents[2] / "scenarios" / "mekong.yaml").read_text(encoding="utf-8")
ROUTE = "      - {path: [shan-state, golden-triangle], form: criminality, flow: 600}"
MARKED = next(line for line in MEKONG.splitlines() if line.startswith(ROUTE))
LINE = MEKONG.splitlines().index(MARKED) + 1
"""The route's line in the file (the scenario's comments above it move it)."""


def _with(line: str) -> str:
    return MEKONG.replace(MARKED, line)


def test_the_warning_on_a_marked_line_is_accepted_with_its_reason() -> None:
    _, problems = check_scenario_text(_with(ROUTE + "  # accord: accept: the compounds are real"), "m.yaml")
    assert [(p.severity, p.line) for p in problems] == [("accepted", LINE)]
    assert str(problems[0]).startswith(f"m.yaml:{LINE}:17: accepted: networks[4] (golden-triangle-syndicate)")
    assert problems[0].message.endswith("(accepted in the file: the compounds are real)")


def test_without_the_mark_it_is_a_warning() -> None:
    _, problems = check_scenario_text(_with(ROUTE), "m.yaml")
    assert [(p.severity, p.line) for p in problems] == [("warning", LINE)]


def test_a_mark_without_a_reason_accepts_nothing_and_asks_for_one() -> None:
    _, problems = check_scenario_text(_with(ROUTE + "  # accord: accept"), "m.yaml")
    assert [p.severity for p in problems] == ["warning"]
    assert problems[0].message.endswith("('# accord: accept' on this line gives no reason: write why after it)")


def test_a_mark_where_no_warning_points_is_itself_a_warning() -> None:
    text = _with(ROUTE + "  # accord: accept: the compounds are real").replace(
        "  - id: poipet-brokers", "  - id: poipet-brokers  # accord: accept: nothing here")
    _, problems = check_scenario_text(text, "m.yaml")
    stray = [p for p in problems if p.severity == "warning"]
    assert len(stray) == 1 and "accepts no warning (none points at this line" in stray[0].message, problems
    assert [p.severity for p in problems if p.line == LINE] == ["accepted"]


def test_an_error_cannot_be_accepted() -> None:
    text = MEKONG.replace("seed: 2015", "seed: -1  # accord: accept: a negative seed")
    scenario, problems = check_scenario_text(text, "m.yaml")
    assert scenario is None
    assert [p.severity for p in problems if "seed" in p.field] == ["error"]
    assert any("an error cannot be accepted" in p.message for p in problems if p.severity == "warning")


def test_strict_validation_fails_on_a_warning_and_passes_once_it_is_accepted(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(_with(ROUTE), encoding="utf-8")
    assert main(["validate", "--strict", str(path)]) == 1
    assert "fails --strict (1 warning)" in capsys.readouterr().out
    path.write_text(_with(ROUTE + "  # accord: accept: the compounds are real"), encoding="utf-8")
    assert main(["validate", "--strict", str(path)]) == 0
    assert "valid (0 warnings, 1 accepted in the file)" in capsys.readouterr().out
