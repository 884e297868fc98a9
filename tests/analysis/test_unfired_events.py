"""`accord lessons` names the events a scenario sets off by a condition that no game reached, and
how near the games came: an author's threshold that nothing crosses is dead text in class."""

import pytest

from game.analysis.runner import Job, Outcome, run
from game.analysis.strategies import Table
from game.analysis.unfired import sentence, unfired
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario
from tests.analysis.test_measures import outcome


def test_an_event_no_game_set_off_is_named_with_the_range_its_figure_ended_in() -> None:
    scenario = load_scenario(resolve_scenario("mekong"))
    event = next(e for e in scenario.events if e.when is not None)
    games = [Outcome(**{**outcome("loner", 1.0).__dict__, "seed": seed, "watched": {event.id: figure}})
             for seed, figure in ((0, 41.0), (1, 35.5))]
    [item] = unfired(scenario, games)
    assert (item.event, item.games, item.lowest, item.highest) == (event.id, 2, 35.5, 41.0)
    assert item.condition == "state:myanmar approval below 30"
    assert sentence(item) == (f"event '{event.id}' fired in none of 2 games (its condition: state:myanmar approval "
                              "below 30; state:myanmar approval stood between 35.5 and 41 when the games "
                              "ended): move the threshold into that range, or "
                              "schedule it with `round:` instead of `when:`")


def test_an_event_that_fired_in_any_game_is_not_named() -> None:
    scenario = load_scenario(resolve_scenario("mekong"))
    event = next(e for e in scenario.events if e.when is not None)
    games = [outcome("loner", 1.0), Outcome(**{**outcome("loner", 1.0).__dict__, "seed": 1, "fired": (event.id,)})]
    assert unfired(scenario, games) == []


@pytest.mark.parametrize("name", ["mekong", "europe"])
def test_every_conditional_event_of_a_shipped_scenario_fires_in_a_played_game(name: str) -> None:
    scenario = load_scenario(resolve_scenario(name))
    seed = scenario.seed or 0
    games = run(scenario, [Job(Table(strategy), seed) for strategy in ("loner", "cooperative")], 1)
    assert [sentence(item) for item in unfired(scenario, games)] == []
