"""Issue 15 point 3, protection matters, measurably: in each shipped scenario, the state holding the
most victims convicts more (through victims' testimony) and sees fewer people re-trafficked when it
puts its spare budget into protection with the victim protection law than when it puts the same
points into enforcement alone. docs/model.md (5.5b) gives the sizes."""

import pytest

from game.model.actions import Action
from game.model.catalogue import BUILTIN_LAWS
from game.model.scenario import Scenario
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario
from tests.engine.play import Game, adopt, holding, play

SHIPPED = ("tutorial", "mekong", "europe")


def _spare(scenario: Scenario, state_id: str) -> float:
    """Points a round the state has beyond holding its capacities and paying its laws' upkeep."""
    spec = next(s for s in scenario.states if s.id == state_id)
    held = scenario.parameters.capacity_upkeep * sum(spec.capacities.model_dump().values())
    upkeep = sum(BUILTIN_LAWS[law].upkeep for law in spec.laws if law in BUILTIN_LAWS)
    return spec.budget - held - upkeep


def _largest(scenario: Scenario) -> str:
    report = play(scenario, rounds=1).report(1)
    return max(sorted(report.states), key=lambda s: report.states[s].victims_exploited)


def _strategy(scenario: Scenario, state_id: str, protect: bool) -> list[Action]:
    spare = _spare(scenario, state_id) - 0.01
    spec = next(s for s in scenario.states if s.id == state_id)
    if not protect:
        return [holding(scenario, state_id, enforcement=spare)]
    if "victim_protection" in spec.laws:
        return [holding(scenario, state_id, protection=spare)]
    law_upkeep = BUILTIN_LAWS["victim_protection"].upkeep  # paid from the same spare points
    return [holding(scenario, state_id, protection=spare - law_upkeep), adopt(state_id, "victim_protection")]


def _total(game: Game, state_id: str, name: str) -> int:
    return sum(getattr(report.states[state_id], name) for report in game.reports)


@pytest.mark.parametrize("name", SHIPPED)
def test_protection_and_the_victim_protection_law_convict_more_and_fewer_are_retrafficked(name: str) -> None:
    scenario = load_scenario(resolve_scenario(name))
    state_id = _largest(scenario)
    protected = play(scenario, {1: _strategy(scenario, state_id, protect=True)})
    enforced = play(scenario, {1: _strategy(scenario, state_id, protect=False)})
    assert _total(protected, state_id, "testimonies") > _total(enforced, state_id, "testimonies")
    convicted = _total(protected, state_id, "convictions"), _total(enforced, state_id, "convictions")
    assert convicted[0] > convicted[1], f"{name}/{state_id}: convictions {convicted} (protection, enforcement)"
    again = _total(protected, state_id, "retrafficked"), _total(enforced, state_id, "retrafficked")
    assert again[0] < again[1], f"{name}/{state_id}: re-trafficked {again} (protection, enforcement)"
