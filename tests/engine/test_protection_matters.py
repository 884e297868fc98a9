"""Issue 15 point 3, protection matters, measurably: in each shipped scenario, the state holding the
most victims convicts more (through victims' testimony) and sees fewer people re-trafficked when it
puts its spare budget into protection with the victim protection law than when it puts the same
points into enforcement alone, summed over three seeds; and on the tutorial, where the margin is
thinnest, under the parameters it rests on halved and doubled. docs/model.md (5.5b) gives the sizes."""

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


SEEDS = 3
"""Games summed for each strategy (the scenario's seed and the next ones): a state's convictions are
tens over a game, so one seed's draws can decide a comparison that the model does not."""


def _compare(scenario: Scenario) -> tuple[str, dict[str, tuple[int, int]]]:
    """The largest state, and each figure summed over `SEEDS` games: (protection, enforcement)."""
    state_id = _largest(scenario)
    sums = {name: [0, 0] for name in ("testimonies", "convictions", "retrafficked")}
    first = scenario.seed or 0
    for seed in range(first, first + SEEDS):
        for side, protect in enumerate((True, False)):
            game = play(scenario, {1: _strategy(scenario, state_id, protect=protect)}, seed=seed)
            for name, pair in sums.items():
                pair[side] += _total(game, state_id, name)
    return state_id, {name: (pair[0], pair[1]) for name, pair in sums.items()}


def _holds(name: str, state_id: str, figures: dict[str, tuple[int, int]]) -> None:
    assert figures["testimonies"][0] > figures["testimonies"][1], f"{name}/{state_id}: {figures}"
    convicted = figures["convictions"]
    assert convicted[0] > convicted[1], f"{name}/{state_id}: convictions {convicted} (protection, enforcement)"
    again = figures["retrafficked"]
    assert again[0] < again[1], f"{name}/{state_id}: re-trafficked {again} (protection, enforcement)"


@pytest.mark.parametrize("name", SHIPPED)
def test_protection_and_the_victim_protection_law_convict_more_and_fewer_are_retrafficked(name: str) -> None:
    scenario = load_scenario(resolve_scenario(name))
    state_id, figures = _compare(scenario)
    _holds(name, state_id, figures)


ROBUST = [("trust_speed", 0.15), ("deport_trust_loss", 0.4), ("testimony_conviction", 0.25),
          ("self_identify_protection", 0.0003), ("testimony_bonus", 0.2), ("testimony_bonus", 0.05),
          ("identify_enforcement", 0.0016), ("prosecution_enforcement", 0.16), ("conviction_rate", 0.84),
          ("testimony_cases", 0.3), ("testimony_cases", 1.0), ("trust_protection", 0.175)]
"""The parameters under which rules 5's margin on the tutorial (30 against 28 convictions) turned,
halved or doubled, and the new `testimony_cases` at half and at its bound."""


@pytest.mark.parametrize(("parameter", "value"), ROBUST)
def test_the_tutorials_protection_lesson_survives_halving_and_doubling_what_it_rests_on(parameter: str,
                                                                                       value: float) -> None:
    """docs/model.md 5.5b: protection's edge comes from how testimony carries cases and how victims'
    trust follows what a state offers, not from one number's size."""
    scenario = load_scenario(resolve_scenario("tutorial"))
    varied = scenario.parameters.model_copy(update={parameter: value})
    state_id, figures = _compare(scenario.model_copy(update={"parameters": varied}))
    _holds(f"tutorial with {parameter} {value}", state_id, figures)
