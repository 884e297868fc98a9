"""Every shipped scenario loads with no error and no warning."""

from pathlib import Path

import pytest

from game.scenario.loader import check_scenario

SHIPPED = sorted((Path(__file__).resolve().parents[2] / "scenarios").glob("*.yaml"))


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.name)
def test_shipped_scenario_is_clean(path: Path) -> None:
    scenario, problems = check_scenario(path)
    assert [str(problem) for problem in problems] == []
    assert scenario is not None
