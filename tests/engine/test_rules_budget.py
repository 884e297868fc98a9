"""Model card 5.2, orders take effect: budget allocations (upkeep first; an unfunded capacity decays
10% a round; investment has diminishing returns); a budget never goes negative."""

import pytest

from game.model.scenario import Scenario
from tests.engine.play import adopt, allocate, holding, play, setup


def test_unfunded_capacity_decays_ten_percent_a_round() -> None:
    """Model card 5.2: "an unfunded capacity decays 10% a round"."""
    scenario = setup()
    game = play(scenario, {1: [allocate("tran")]}, rounds=3)
    start = game.after(0).states["tran"].capacities
    for round_no in (1, 2, 3):
        levels = game.after(round_no).states["tran"].capacities
        for capacity, level in start.items():
            expected = level * 0.9**round_no
            assert levels[capacity] == pytest.approx(expected), (
                f"{capacity} was {level} and got no points for {round_no} round(s): it should be {expected:.3f}, "
                f"not {levels[capacity]:.3f}"
            )


def test_funded_capacity_holds_its_level() -> None:
    """Model card 5.2: paying a capacity's upkeep keeps it where it is."""
    scenario = setup()
    game = play(scenario, {1: [holding(scenario, "tran")]}, rounds=3)
    start = game.after(0).states["tran"].capacities
    for capacity, level in game.after(3).states["tran"].capacities.items():
        assert level == pytest.approx(start[capacity], abs=1e-6), f"{capacity} moved from {start[capacity]}"


def test_partly_funded_capacity_decays_less_than_an_unfunded_one() -> None:
    """Model card 5.2: the decay is for the unfunded part; half the upkeep loses about half as much."""
    scenario = setup()
    upkeep = scenario.parameters.capacity_upkeep
    half = play(scenario, {1: [allocate("tran", border=upkeep * 3 / 2)]}, rounds=1).after(1)
    none = play(scenario, {1: [allocate("tran")]}, rounds=1).after(1)
    unfunded, halved = none.states["tran"].capacities["border"], half.states["tran"].capacities["border"]
    assert unfunded == pytest.approx(2.7)
    assert unfunded < halved < 3.0, f"border 3 with half its upkeep should end between 2.7 and 3, not {halved}"


def test_investment_raises_a_capacity_with_diminishing_returns() -> None:
    """Model card 5.2: "investment has diminishing returns": the same points above upkeep buy fewer
    levels at a high level than at a low one."""
    low = setup(states={"tran": {"capacities": {"border": 2}}})
    high = setup(states={"tran": {"capacities": {"border": 8}}})
    gains = {}
    for name, scenario in (("low", low), ("high", high)):
        game = play(scenario, {1: [holding(scenario, "tran", border=5)]}, rounds=1)
        gains[name] = game.after(1).states["tran"].capacities["border"] - game.after(0).states["tran"].capacities[
            "border"]
    assert gains["low"] > 0 and gains["high"] > 0, f"five points above upkeep should raise a capacity: {gains}"
    assert gains["low"] > 2 * gains["high"], f"the same five points should buy much more at level 2: {gains}"


def test_capacities_never_pass_ten() -> None:
    """Model card 2: capacities are levels 0-10, however much is spent."""
    scenario = setup(states={"tran": {"budget": 200, "capacities": {"border": 9.5}}})
    game = play(scenario, {1: [allocate("tran", border=150)]}, rounds=4)
    for round_no in range(1, 5):
        assert game.after(round_no).states["tran"].capacities["border"] <= 10.0


def test_law_upkeep_is_paid_before_capacities() -> None:
    """Model card 5.2: "upkeep first": when a new law's upkeep leaves less than the standing allocation,
    the allocation is scaled down so that upkeep and spending together stay within the budget."""
    scenario = setup(states={"orig": {"budget": 10, "laws": [], "capacities": {"enforcement": 0}}})
    game = play(scenario, {1: [allocate("orig", enforcement=10), adopt("orig", "criminalization")]}, rounds=3)
    law_upkeep = game.after(0).world.laws["criminalization"].upkeep
    before, after = game.figures(1, "orig"), game.figures(2, "orig")
    assert before.upkeep == 0 and sum(before.spent.values()) == pytest.approx(10)
    assert after.upkeep == pytest.approx(law_upkeep), "criminalization is in force from round 2: its upkeep is due"
    assert sum(after.spent.values()) == pytest.approx(10 - law_upkeep), (
        f"spending should shrink to the {10 - law_upkeep} points left after upkeep, not {after.spent}"
    )


def test_standing_allocation_repeats_until_changed() -> None:
    """Action `allocate`: "it stands until changed"."""
    game = play(setup(), {1: [allocate("tran", border=6, enforcement=2)]}, rounds=3)
    for round_no in (1, 2, 3):
        assert game.figures(round_no, "tran").spent == {"border": 6, "enforcement": 2}


def test_budget_never_goes_negative() -> None:
    """Model card 5.2 and the budget module: a budget never goes negative: an event cutting more than
    the budget leaves 0, and with nothing left the state spends nothing, however much it ordered."""
    scenario: Scenario = setup(
        events=[{"id": "crash", "title": "Crash", "round": 2,
                 "effects": [{"target": "state:orig", "field": "budget", "add": -500}]}],
    )
    game = play(scenario, {1: [allocate("orig", enforcement=19)]}, rounds=3)
    for round_no in (2, 3):
        record = game.after(round_no).states["orig"]
        figures = game.figures(round_no, "orig")
        assert record.budget == 0, f"a budget cut of 500 from 20 should leave 0, not {record.budget}"
        assert sum(figures.spent.values()) == 0 and figures.upkeep == 0, (
            f"with no budget nothing can be spent: spent {figures.spent}, upkeep {figures.upkeep}"
        )


def test_spending_and_upkeep_stay_within_the_budget() -> None:
    """Model card 5.2: whatever was ordered, a round's upkeep plus spending never exceeds the budget."""
    scenario = setup(
        states={"orig": {"budget": 6, "laws": ["criminalization", "victim_protection"]}},
        events=[{"id": "cut", "title": "Cut", "round": 2,
                 "effects": [{"target": "state:orig", "field": "budget", "set": 2}]}],
    )
    game = play(scenario, {1: [allocate("orig", prevention=3)]}, rounds=3)
    for round_no in (1, 2, 3):
        figures = game.figures(round_no, "orig")
        assert figures.upkeep + sum(figures.spent.values()) <= figures.budget + 1e-9, (
            f"round {round_no}: upkeep {figures.upkeep} + spent {figures.spent} > budget {figures.budget}"
        )
