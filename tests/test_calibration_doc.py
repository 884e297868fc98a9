"""docs/calibration.md keeps up with the model (issue 14, point 8): every parameter of
`game/model/parameters.py` has a row of its own, and every row of a constants table says how strong
its basis is (strong, moderate, weak or assumption), so that a reader can tell a measured figure
from a modelling choice. The organizations' test (tests/organizations/test_guide.py) checks only
the organizations' constants, and a name that appears anywhere in the page (inside another row's
basis, or under a wildcard such as `form_detectability_*`) counted as documented: four parameters
had no row and 36 rows no grade."""

import re
from pathlib import Path

import pytest

from game.model.parameters import Parameters

CALIBRATION = (Path(__file__).resolve().parents[1] / "docs" / "calibration.md").read_text("utf-8")
ONE = r"(strong|moderate|weak|assumption)( \([^()]+\))?"
GRADES = re.compile(rf"{ONE}(, {ONE})*")
"""A grade, or grades for parts of a row: `moderate (direction), assumption (size)`."""


def tables() -> list[tuple[list[str], list[list[str]]]]:
    """(header cells, rows of cells) of each table whose first column names constants or agreements."""
    found: list[tuple[list[str], list[list[str]]]] = []
    current: list[list[str]] | None = None
    for line in CALIBRATION.splitlines():
        if line.startswith("|---"):
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split(" | ")] if line.startswith("| ") else None
        if cells is None:
            current = None
        elif current is None and cells[0] in ("constant", "agreement"):
            current = []
            found.append((cells, current))
        elif current is not None:
            current.append(cells)
    return found


def rows() -> list[list[str]]:
    return [cells for _, body in tables() for cells in body]


def named_in_first_cell(name: str) -> bool:
    return any(f"`{name}`" in re.findall(r"`[^`]+`", cells[0]) for cells in rows())


def test_the_page_has_its_constants_tables() -> None:
    assert len(tables()) >= 15 and len(rows()) >= 120


@pytest.mark.parametrize("name", list(Parameters.model_fields))
def test_every_parameter_has_a_row_of_its_own(name: str) -> None:
    assert named_in_first_cell(name), f"docs/calibration.md has no row naming `{name}` in its first column"


@pytest.mark.parametrize(("header", "body"), tables(), ids=lambda value: str(value)[:40])
def test_every_constants_table_has_an_evidence_column(header: list[str], body: list[list[str]]) -> None:
    assert header[-1] == "evidence", header
    for cells in body:
        assert len(cells) == len(header), f"{cells[0]}: {len(cells)} cells under a header of {len(header)}"


@pytest.mark.parametrize("cells", rows(), ids=lambda cells: cells[0][:40])
def test_every_row_grades_its_evidence(cells: list[str]) -> None:
    assert GRADES.fullmatch(cells[-1]), (
        f"{cells[0]}: the evidence cell {cells[-1]!r} is not strong, moderate, weak or assumption")
