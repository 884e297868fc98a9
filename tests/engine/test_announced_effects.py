"""An event announced as its round opens tells every team what it will do to a state's budget and
capacity levels, and the resolution does exactly that: the budget tab counts the war's loss of one
enforcement level in Ukraine's next level only if the announcement carries it."""

import pytest

from game.engine import new_game, resolve_round, view
from game.engine.events import _apply
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario


@pytest.mark.parametrize("name", ["tutorial", "mekong", "europe"])
def test_what_an_announcement_says_an_event_does_is_what_it_does(name: str) -> None:
    scenario = load_scenario(resolve_scenario(name))
    state = new_game(scenario, seed=3)
    told = 0
    while state.round <= scenario.rounds:
        seat = state.world.state_ids[0]
        announced = {item.id: item for item in view(state, seat).announced}
        for event in scenario.events:
            if event.id not in announced:
                continue
            after = state.clone()
            for effect in event.effects:
                _apply(after, effect)
            budget = {s: after.states[s].budget - state.states[s].budget for s in state.states}
            levels = {s: {c: after.states[s].capacities[c] - level for c, level in state.states[s].capacities.items()}
                      for s in state.states}
            item = announced[event.id]
            assert item.budget == pytest.approx({s: d for s, d in budget.items() if abs(d) > 1e-9}), event.id
            expected = {s: {c: d for c, d in moved.items() if abs(d) > 1e-9} for s, moved in levels.items()
                        if any(abs(d) > 1e-9 for d in moved.values())}
            assert item.capacities.keys() == expected.keys(), event.id
            for s, moved in expected.items():
                assert item.capacities[s] == pytest.approx(moved), (event.id, s)
            told += bool(item.capacities)
        state, _ = resolve_round(state)
    if name in ("tutorial", "europe"):
        assert told, f"{name} has a scripted event that moves capacity levels: none was announced with them"
