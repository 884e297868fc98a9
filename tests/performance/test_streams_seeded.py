"""A round seeds the random streams of operations, extraditions and ratification votes only when
it has something to draw for them (seeding a stream costs a few microseconds, and most rounds have
none); the draws themselves, and so every state hash, are those they always were."""

import random
from types import ModuleType

import pytest

import game.engine.round as round_module
from game.engine import intelligence, new_game, resolve_round
from game.engine.diplomacy import ratification
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario


def _purposes_seeded(monkeypatch: pytest.MonkeyPatch, name: str, rounds: int, module: ModuleType = round_module,
                     ) -> list[str]:
    """The purposes of the streams `module` seeds over the opening and `rounds` rounds of `name`."""
    seeded: list[str] = []
    real = module.stream

    def recording(seed: int, round_no: int, purpose: str) -> random.Random:
        seeded.append(purpose)
        return real(seed, round_no, purpose)

    monkeypatch.setattr(module, "stream", recording)
    state = new_game(load_scenario(resolve_scenario(name)), 0)
    for _ in range(rounds):
        state, _ = resolve_round(state)
    return seeded


def test_a_round_with_no_team_treaty_or_vote_seeds_none_of_their_streams(monkeypatch: pytest.MonkeyPatch) -> None:
    """`mekong` opens with agreements in force (extradition treaties among them) and summits
    scheduled, but with no joint team and nobody ratifying: nobody acting, its rounds seed neither of
    those two; the tutorial, with no treaty at all, seeds none of the three."""
    seeded = _purposes_seeded(monkeypatch, "mekong", 3)
    assert "movement" in seeded and "extradition" in seeded
    assert not {"operations", "ratification"} & set(seeded)
    assert not {"operations", "extradition", "ratification"} & set(_purposes_seeded(monkeypatch, "tutorial", 3))


def test_a_ratification_vote_without_a_stream_is_refused_rather_than_skipped() -> None:
    """`settle` is given no stream only when no summit has a vote to draw: given none with a vote
    pending, it says so instead of leaving the vote undrawn."""
    state = new_game(load_scenario(resolve_scenario("mekong")), 0)
    summit = next(iter(state.summits.values()))
    summit.ratifying = [next(iter(state.states))]
    with pytest.raises(ValueError, match="needs a random stream"):
        ratification.settle(state, None)


def test_the_estimates_of_a_round_draw_from_one_stream_for_the_phase(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rules 9: every state's estimates come from the phase's one stream (`estimates`), state by
    state in the world's order, rather than one stream a state: a round of `mekong`'s six states
    seeds one."""
    opening_and_one = len(_purposes_seeded(monkeypatch, "mekong", 1, intelligence))
    seeded = _purposes_seeded(monkeypatch, "mekong", 2, intelligence)
    assert set(seeded) == {"estimates"} and len(seeded) - opening_and_one == 1
