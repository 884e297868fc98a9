"""`accord simulate`'s table in plain words: one victim, two victims."""

import re

import pytest

from game.cli import main
from game.report.simulation import people_count


def test_one_person_is_counted_in_the_singular() -> None:
    assert people_count(1, "victim") == "1 victim"
    assert people_count(0, "victim") == "0 victims"
    assert people_count(2500, "migrant") == "2,500 migrants"


def test_the_border_lines_of_the_simulate_table_never_say_one_victims(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["simulate", "tutorial", "--seed", "1"]) == 0
    table = capsys.readouterr().out
    assert "borders stopped" in table
    assert not re.search(r"\b1 (victims|migrants)\b", table), table
