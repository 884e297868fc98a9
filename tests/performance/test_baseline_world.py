"""A game of `simulate --games` and its no-action baseline share one `World`: building one hashes
the whole scenario (about 1.5 ms for `mekong`) and the first round fills its map caches again. The
baseline on the game's World is the baseline on its own."""

import pytest

import game.engine.setup as setup
import game.session.balance as balance
from game.engine import new_game, run_baseline, state_hash
from game.model.world import World
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario


def test_a_baseline_on_the_games_world_ends_as_one_on_its_own() -> None:
    scenario = load_scenario(resolve_scenario("mekong"))
    world = new_game(scenario, 7).world
    shared, alone = run_baseline(scenario, 7, world), run_baseline(scenario, 7)
    assert shared.world is world and alone.world is not world
    assert state_hash(shared) == state_hash(alone)


def test_a_world_of_another_scenario_is_refused() -> None:
    mekong = load_scenario(resolve_scenario("mekong"))
    tutorial = load_scenario(resolve_scenario("tutorial"))
    with pytest.raises(ValueError, match="another scenario"):
        new_game(mekong, 1, World(tutorial))


def test_a_game_and_its_baseline_build_one_world(monkeypatch: pytest.MonkeyPatch) -> None:
    scenario = load_scenario(resolve_scenario("tutorial"))  # loading builds one to lint it
    built: list[World] = []
    real = setup.World

    def counting(scenario: object) -> World:
        built.append(real(scenario))  # type: ignore[arg-type]
        return built[-1]

    monkeypatch.setattr(setup, "World", counting)
    balance.play_one(scenario, 2, "mixed")
    assert len(built) == 1
