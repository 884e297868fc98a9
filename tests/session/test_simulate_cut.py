"""`accord simulate --rounds N` plays the scenario `accord play --rounds N` and `accord host --rounds N`
play: the same cut, scripted events due later moved into the last round and summits moved or left out,
so a facilitator's rehearsal with simulate is the class's game (simulate cut with `with_rounds`, which
left the late events and the summits out of a short game)."""

import argparse
from pathlib import Path
from typing import Any

import pytest

import game.tui
from game.cli import main
from game.commands.host import open_session
from game.model.scenario import Scenario
from game.session.session import Session


def played(monkeypatch: pytest.MonkeyPatch, scenario: str, rounds: int, saves: Path) -> Scenario:
    """The scenario `accord play SCENARIO --rounds N` opens its game with."""
    sessions: list[Session] = []

    def run_app(_: Path, **kwargs: Any) -> int:
        sessions.append(kwargs["session"])
        return 0

    monkeypatch.setattr(game.tui, "has_terminal", lambda: True)
    monkeypatch.setattr(game.tui, "run_app", run_app)
    assert main(["play", scenario, "--rounds", str(rounds), "--seed", "3", "--saves", str(saves)]) == 0
    return sessions[0].scenario


def simulated(scenario: str, rounds: int, save: Path) -> Scenario:
    """The scenario `accord simulate SCENARIO --rounds N` played, as its save keeps it."""
    assert main(["simulate", scenario, "--rounds", str(rounds), "--seed", "3", "--save", str(save)]) == 0
    return Session.load(save).scenario


def hosted(scenario: str, rounds: int, saves: Path) -> Scenario:
    args = argparse.Namespace(game=scenario, seat=[], seed=3, rounds=rounds, saves=str(saves))
    session, _ = open_session(args)
    return session.scenario


@pytest.mark.parametrize(("scenario", "rounds"), [("tutorial", 4), ("mekong", 3)])
def test_simulate_play_and_host_play_the_same_cut_scenario(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str], scenario: str,
                                                           rounds: int) -> None:
    rehearsal = simulated(scenario, rounds, tmp_path / "rehearsal.json")
    capsys.readouterr()
    for cut in (played(monkeypatch, scenario, rounds, tmp_path / "play"), hosted(scenario, rounds, tmp_path / "host")):
        assert rehearsal == cut
    assert rehearsal.rounds == rounds


def test_a_rehearsal_of_a_cut_tutorial_fires_every_scripted_event(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    rehearsal = simulated("tutorial", 4, tmp_path / "rehearsal.json")
    assert max(event.round or 0 for event in rehearsal.events) == 4
    capsys.readouterr()
    save = tmp_path / "again.json"
    assert main(["simulate", "tutorial", "--rounds", "4", "--seed", "3", "--save", str(save), "--json"]) == 0
    fired = Session.load(save).state.fired_events
    assert {event.id for event in rehearsal.events if event.round is not None} <= set(fired), fired
