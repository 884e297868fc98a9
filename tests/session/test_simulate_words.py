"""`accord simulate`'s table in plain words: one victim, two victims."""

import re
from pathlib import Path

import pytest

from game.cli import main
from game.report.simulation import people_count
from tests.scenario.helpers import MINIMAL


def test_one_person_is_counted_in_the_singular() -> None:
    assert people_count(1, "victim") == "1 victim"
    assert people_count(0, "victim") == "0 victims"
    assert people_count(2500, "migrant") == "2,500 migrants"


def test_the_border_lines_of_the_simulate_table_never_say_one_victims(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["simulate", "tutorial", "--seed", "1"]) == 0
    table = capsys.readouterr().out
    assert "borders stopped" in table
    assert not re.search(r"\b1 (victims|migrants)\b", table), table


def test_simulate_and_lessons_say_when_the_scenario_has_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A rehearsal of a scenario whose budget cannot pay its upkeep said nothing of it: only
    `accord validate` did."""
    poor = tmp_path / "poor.yaml"
    poor.write_text(MINIMAL.replace("    budget: 10\n", "    budget: 0.5\n    capacities: {enforcement: 2}\n", 1))
    assert main(["simulate", str(poor), "--rounds", "1"]) == 0
    assert capsys.readouterr().err == (
        f"accord: note: {poor} has 1 warning; `accord validate {poor}` lists it\n")
    assert main(["lessons", str(poor), "--parameters", "none", "--games", "1", "--jobs", "1"]) == 0
    assert capsys.readouterr().err.startswith(f"accord: note: {poor} has 1 warning")
    assert main(["simulate", "mekong", "--rounds", "1"]) == 0  # its one warning is accepted in the file
    assert capsys.readouterr().err == ""
