"""`accord lessons` on scenarios the project has never seen: any valid scenario gives every
strategy and every lesson, with a verdict, and nobody acting averts nothing."""

from typing import Any

from hypothesis import HealthCheck, given, settings

from game.analysis.tournament import examine
from game.model.scenario import Scenario
from tests.scenario.strategies import scenario_data


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenario_data())
def test_any_valid_scenario_gives_every_lesson_with_a_verdict(data: dict[str, Any]) -> None:
    scenario = Scenario.model_validate(data)
    findings = examine(scenario, [scenario.seed or 0], ["escape_rate"], 1)
    assert set(findings.strategies) == {"none", "loner", "paper", "cooperative", "free_rider", "rider_pledging",
                                        "rider_silent", "crackdown", "protection_first", "enforcement_first",
                                        "unratified"}
    assert findings.strategies["none"].harm_averted == 0
    assert set(findings.lessons) == {"displacement", "cooperation", "implementation", "free_riding", "pledges",
                                     "protection", "border_harm", "ratification", "robustness"}
    assert all(isinstance(lesson.holds, bool) and lesson.detail for lesson in findings.lessons.values())
