"""A scenario may declare the tier each state held at the start (a real scenario: its TIP placement).
The state opens there, and its tier then moves with its own progress: its 4P sum is graded against a
bar set at the start (`assessment.bar_for`), so a gain of two points moves it up and one rule for every
state no longer places a state above its real report."""

from typing import Any

import pytest

from game.engine import new_game
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario
from game.session.simulation import play_out
from tests.engine.play import adopt, holding, play, setup
from tests.engine.test_rules_assessment import MIDDLE, TOP, tiers, total

STEP = {"1": 0, "2": 1, "2WL": 1, "3": 2}
"""Placements a step apart: the Watch List is Tier 2 under watch."""


def placed(profile: dict[str, Any], tier: Any, rounds: int, extra: dict[int, list[Any]] | None = None) -> Any:
    scenario = setup(states={"dest": {**profile, "tier": tier}})
    orders: dict[int, list[Any]] = {1: [holding(scenario, "dest")]}
    for round_no, actions in (extra or {}).items():
        orders.setdefault(round_no, []).extend(actions)
    return play(scenario, orders, rounds=rounds)


def test_a_declared_tier_is_the_opening_tier_whatever_the_rule_would_give() -> None:
    for profile, tier in ((TOP, 2), (TOP, "2WL"), (MIDDLE, 3), (MIDDLE, 1), ({}, 2)):
        state = new_game(setup(states={"dest": {**profile, "tier": tier}}), 0).states["dest"]
        assert state.tier == str(tier), (profile, tier, state.tier)
        assert state.watch_list_rounds == (1 if tier == "2WL" else 0)


def test_a_state_declared_below_what_the_rule_gives_stays_there_while_its_effort_stays() -> None:
    """TOP earns Tier 1 by the rule (sum well above 13); declared Tier 2, it stays Tier 2 holding the
    same laws and capacities, as a real report grades against the state's own record."""
    game = placed(TOP, 2, 3)
    assert total(game, 3) >= 13 and tiers(game) == ["2", "2", "2"], (tiers(game), total(game, 3))


def test_a_declared_tier_moves_up_with_a_gain_of_two_points() -> None:
    """MIDDLE declared Tier 3 opens two points under Tier 2; adopting laws that add two points to its
    sum moves it to Tier 2, which it would not reach by the rule's own threshold as early."""
    base = placed(MIDDLE, 3, 4)
    better = placed(MIDDLE, 3, 4, extra={1: [adopt("dest", "referral_mechanism"),
                                                adopt("dest", "supply_chain_transparency")]})
    assert tiers(base) == ["3"] * 4, tiers(base)
    gain = total(better, 4) - total(base, 4)
    assert gain >= 2 and tiers(better)[-1] == "2", (gain, tiers(better))


def test_a_state_without_a_declared_tier_follows_the_rule() -> None:
    game = play(setup(states={"dest": MIDDLE}), {}, rounds=1)
    assert game.after(0).states["dest"].tier_bar == 0


@pytest.mark.parametrize("name", ["mekong", "europe"])
def test_the_real_scenarios_open_at_their_tip_placements_and_stay_within_a_step_with_nobody_acting(name: str) -> None:
    scenario = load_scenario(resolve_scenario(name))
    declared = {state.id: state.tier for state in scenario.states}
    assert all(declared.values()), f"every state of {name} declares its TIP tier: {declared}"
    start = new_game(scenario, 0).states
    assert {s: start[s].tier for s in declared} == declared
    _, reports = play_out(scenario, 0)
    for state_id, tier in declared.items():
        by_round = [report.states[state_id].tier for report in reports]
        steps = [abs(STEP[t] - STEP[tier]) for t in by_round]
        assert max(steps) <= 1, (state_id, tier, by_round)
        assert tier == "1" or "1" not in by_round, f"{state_id} reached Tier 1 with nobody acting: {by_round}"


def test_thailand_is_tier_2_in_every_round_of_mekong_with_nobody_acting() -> None:
    """Issue: Thailand was computed Tier 1 in every round (4P sum 15 by one rule for all); the TIP
    Report placed it on Tier 2 from 2020 to 2024."""
    _, reports = play_out(load_scenario(resolve_scenario("mekong")), 0)
    assert [report.states["thailand"].tier for report in reports] == ["2"] * len(reports)
