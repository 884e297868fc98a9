"""Runs that keep no save skip the state hash; the game they play is the same."""

from dataclasses import replace

from game.engine import is_over, new_game, resolve_round, state_hash
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario
from game.session.simulation import play_out


def test_an_unhashed_round_resolves_to_the_same_state_and_report_with_an_empty_hash() -> None:
    scenario = load_scenario(resolve_scenario("mekong"))
    hashed = unhashed = new_game(scenario, seed=4)
    while not is_over(hashed):
        hashed, with_hash = resolve_round(hashed)
        unhashed, without = resolve_round(unhashed, hashed=False)
        assert without.state_hash == "" and with_hash.state_hash == state_hash(unhashed)
        assert replace(without, state_hash=with_hash.state_hash) == with_hash


def test_play_out_ends_in_the_state_that_hashed_rounds_reach() -> None:
    scenario = load_scenario(resolve_scenario("tutorial"))
    state = new_game(scenario, seed=2)
    while not is_over(state):
        state, _ = resolve_round(state)
    final, reports = play_out(scenario, 2)
    assert state_hash(final) == state_hash(state)
    assert all(report.state_hash == "" for report in reports)
