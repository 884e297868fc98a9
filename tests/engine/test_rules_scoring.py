"""Model card section 6, winning and learning: the shared outcome is true victim-rounds against a
counterfactual run of the same scenario and seed in which no state changes anything ("harm averted");
each state scores its scenario objectives."""

from typing import Any

from game.engine import legal_actions, run_baseline, scores
from game.engine.scoring import GameScore
from game.model.actions import Action, Allocate, Ready
from game.model.scenario import Scenario
from tests.engine.play import Orders, adopt, allocate, holding, play, setup

RANDOM_WORLD: dict[str, Any] = {"shock_chance": 0.5, "emergence_chance": 0.3}
"""Shocks and new networks switched on, so that the baseline has randomness to reproduce."""


def final_score(scenario: Scenario, orders: Orders | None = None, seed: int = 11) -> GameScore:
    game = play(scenario, orders, seed=seed)
    return scores(game.after(len(game.reports)), run_baseline(scenario, seed))


def test_harm_averted_is_exactly_zero_with_no_orders() -> None:
    """Model card 6: the baseline is the same scenario and seed with no orders, so a table that does
    nothing averts exactly nothing, random shocks and new networks included."""
    for seed in (1, 2, 3):
        result = final_score(setup(parameters=RANDOM_WORLD), seed=seed)
        assert result.victim_rounds > 0
        assert result.harm_averted == 0, f"seed {seed}: {result.victim_rounds} against {result.baseline_victim_rounds}"


def test_harm_averted_is_zero_when_every_order_changes_nothing() -> None:
    """Model card 6: re-submitting the standing allocation and declaring ready is doing nothing."""
    scenario = setup(parameters=RANDOM_WORLD)
    opening = play(scenario, rounds=0).after(0)
    no_ops: list[Action] = []
    for state_id in opening.states:
        no_ops += [a for a in legal_actions(opening, state_id) if isinstance(a, Allocate | Ready)]
    assert final_score(scenario, dict.fromkeys(range(1, 9), no_ops)).harm_averted == 0


def test_harm_averted_counts_victim_rounds_prevented() -> None:
    """Model card 6: prevention in the origin means fewer victim-rounds than the baseline: harm averted
    is positive and equals the difference."""
    scenario = setup()
    result = final_score(scenario, {1: [holding(scenario, "orig", prevention=12)]})
    assert result.harm_averted > 0
    assert result.harm_averted == result.baseline_victim_rounds - result.victim_rounds


def test_harm_averted_is_negative_when_states_disinvest() -> None:
    """Model card 6: the comparison cuts both ways: letting every capacity decay adds victim-rounds."""
    result = final_score(setup(), {1: [allocate(s) for s in ("orig", "tran", "alt", "dest")]})
    assert result.harm_averted < 0


def objectives(*items: dict[str, Any], **changes: Any) -> Scenario:
    return setup(states={"dest": {"objectives": list(items)}}, **changes)


def test_adopt_law_objective_needs_the_law_in_force_at_the_end() -> None:
    """Model card 6: scenario objectives: a law adopted too late to enter into force does not count."""
    scenario = objectives({"kind": "adopt_law", "law": "national_rapporteur", "points": 2})
    early = final_score(scenario, {1: [adopt("dest", "national_rapporteur")]}).states["dest"]
    late = final_score(scenario, {8: [adopt("dest", "national_rapporteur")]}).states["dest"]
    assert (early.points, early.max_points) == (2, 2)
    assert (late.points, late.max_points) == (0, 2), late.objectives


def test_keep_approval_objective_needs_it_every_round() -> None:
    """Model card 6: approval as an objective is the lowest of every round, not the last."""
    slump = {"id": "scandal", "title": "Scandal", "round": 3,
             "effects": [{"target": "state:dest", "field": "approval", "add": -30}]}
    recovery = {"id": "recovery", "title": "Recovery", "round": 4,
                "effects": [{"target": "state:dest", "field": "approval", "add": 30}]}
    kept = {"kind": "keep_approval", "at_least": 30, "points": 3}
    assert final_score(objectives(kept)).states["dest"].points == 3
    result = final_score(objectives(kept, events=[slump, recovery]))
    assert result.states["dest"].points == 0, result.states["dest"].objectives


def test_reach_tier_objective_reads_the_final_tier() -> None:
    """Model card 6 and 5.9: a tier objective is met by that tier or better at the end."""
    goal = {"kind": "reach_tier", "tier": 2, "points": 4}
    strong = {"capacities": {"enforcement": 6, "protection": 6, "prevention": 5, "intelligence": 5},
              "laws": ["criminalization", "victim_protection", "national_rapporteur"], "objectives": [goal]}
    scenario = setup(states={"dest": strong})
    assert final_score(scenario, {1: [holding(scenario, "dest")]}).states["dest"].points == 4
    assert final_score(objectives(goal)).states["dest"].points == 0, "the corridor's dest is Tier 3"


def test_reduce_victims_objective_compares_with_the_baseline() -> None:
    """Model card 6: fewer true victims in a place than in the run where nobody acts."""
    goal = {"kind": "reduce_victims", "region": "d", "by": 0.1, "points": 5}
    scenario = objectives(goal)
    assert final_score(scenario).states["dest"].points == 0, "doing nothing reduces nothing"
    result = final_score(scenario, {1: [holding(scenario, "orig", prevention=12)]})
    assert result.states["dest"].points == 5, result.states["dest"].objectives


def test_a_rise_in_victims_reads_as_a_rise_not_as_a_cut(monkeypatch: Any) -> None:
    """A student read 'cut true victims ... by 12% against the baseline: -59%' as a cut of 59%."""
    from game.engine import new_game, scoring
    from game.model.scenario import ReduceVictims

    scenario = objectives({"kind": "reduce_victims", "region": "d", "by": 0.12, "points": 2})
    goal = next(o for s in scenario.states for o in s.objectives if isinstance(o, ReduceVictims))
    state = new_game(scenario, 0)
    baseline = state.clone()
    for now, words in ((159, "up 59% instead (159 vs 100)"), (100, ": 0% (100 vs 100)"), (80, ": 20% (80 vs 100)")):
        monkeypatch.setattr(scoring, "victims_in", lambda s, regions, now=now: now if s is state else 100)
        result = scoring._cut(state, baseline, goal)
        assert words in result.description and "-" not in result.description.split(":")[-1], result.description


def test_a_missed_approval_bar_never_reads_as_met() -> None:
    """Mekong's final scores read '✗ keep approval at 63% or more every year (lowest 63%)' for China
    at 62.66 (and Myanmar's 25 at 24.58): a missed bar shows the lowest to the tenth below it."""
    from game.engine.scoring import lowest_approval

    assert lowest_approval(62.6, 63) == "62.6"
    assert lowest_approval(62.97, 63) == "62.9"
    assert lowest_approval(24.7, 25) == "24.7"
    assert lowest_approval(51.2, 53) == "51"  # whole percent where it cannot mislead
    assert lowest_approval(63.4, 63) == "63"
