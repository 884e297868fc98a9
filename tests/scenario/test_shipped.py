"""Every shipped scenario loads with no error and no warning but the known findings below."""

from pathlib import Path

import pytest

from game.scenario.loader import check_scenario

SHIPPED = sorted((Path(__file__).resolve().parents[2] / "scenarios").glob("*.yaml"))


KNOWN: dict[str, list[str]] = {
    # Myanmar scores on victims in Shan State, the origin next to the Golden Triangle with demand for
    # forced criminality: the balance report (`simulate mekong --ai mixed --games 8`) shows that
    # objective met in 0 of 8 games and Myanmar 5th or last in all 8. Retuning mekong re-pins the
    # engine hashes, so it is left to the scenario's owner; the warning stays until then.
    "mekong.yaml": ["networks[4] (golden-triangle-syndicate).routes[1].path[0]: 'shan-state' is next to "
                    "'golden-triangle'"],
}


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.name)
def test_shipped_scenario_is_clean(path: Path) -> None:
    scenario, problems = check_scenario(path)
    known = KNOWN.get(path.name, [])
    unexplained = [str(problem) for problem in problems if not any(part in str(problem) for part in known)]
    assert unexplained == []
    assert len(problems) == len(known)
    assert scenario is not None
