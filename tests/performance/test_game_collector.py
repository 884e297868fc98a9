"""`play_one` (a game as `simulate --games` plays it) and `resolve_round` pause the cycle collector
for the game or the round and put it back as it was: a game makes no reference cycles, so the
collector's passes over its live records were pure cost."""

import gc

import pytest

import game.engine.round as round_module
import game.session.balance as balance
from game.engine import new_game, resolve_round
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario


def test_a_game_runs_with_the_collector_paused_and_leaves_it_as_it_was(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    real = balance.run_baseline

    def baseline(*args: object) -> object:
        seen.append(gc.isenabled())
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(balance, "run_baseline", baseline)
    scenario = load_scenario(resolve_scenario("tutorial"))
    assert gc.isenabled()
    balance.play_one(scenario, 0, "mixed")
    assert seen == [False]
    assert gc.isenabled()
    gc.disable()
    try:
        balance.play_one(scenario, 1, "mixed")
        assert not gc.isenabled()  # a caller that had paused it finds it paused still
    finally:
        gc.enable()


@pytest.mark.parametrize("name", ["mekong", "europe"])
def test_a_whole_ai_game_leaves_no_cycle_for_the_collector(name: str) -> None:
    """The reason the pause is safe: everything a game makes is freed by its reference count."""
    scenario = load_scenario(resolve_scenario(name))
    gc.collect()
    gc.disable()
    try:
        balance.play_one(scenario, 3, "mixed")
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_a_round_runs_with_the_collector_paused_and_leaves_it_as_it_was(monkeypatch: pytest.MonkeyPatch) -> None:
    """`resolve_round` pauses the collector for the round (on a large map the collections its
    allocations set off walked every live record of the game) and puts it back as it was."""
    seen: list[bool] = []
    real = round_module.cases.profile

    def profile(*args: object) -> None:
        seen.append(gc.isenabled())
        real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(round_module.cases, "profile", profile)
    state = new_game(load_scenario(resolve_scenario("mekong")), 0)
    assert gc.isenabled()
    state, _ = resolve_round(state)
    assert seen == [False] and gc.isenabled()
    gc.disable()
    try:
        resolve_round(state)
        assert seen == [False, False] and not gc.isenabled()  # a caller that had paused it finds it paused
    finally:
        gc.enable()
