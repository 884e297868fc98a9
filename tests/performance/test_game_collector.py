"""`play_one` (a game as `simulate --games` plays it) pauses the cycle collector for the game and
puts it back as it was: a game makes no reference cycles, so the collector's passes over its live
records were pure cost."""

import gc

import pytest

import game.session.balance as balance
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
