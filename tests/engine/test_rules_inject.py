"""The facilitator's inject: a scenario event fired by hand, as a logged action, so that the log
stays the single source of truth (a replay and `verify` fire it again at the same moment)."""

from pathlib import Path

import pytest

from game.engine import ActionRejected, apply, new_game, resolve_round, state_hash
from game.engine.serialize import state_from_data, state_to_data
from game.model.actions import ACTION_ADAPTER, Inject, Ready
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario
from game.session.session import Session
from game.session.verify import verify


def tutorial_game(seed: int = 3) -> Session:
    return Session.new(load_scenario(resolve_scenario("tutorial")), seed, saves_dir=None)


def test_an_injected_event_fires_at_this_rounds_resolution_and_never_again() -> None:
    session = tutorial_game()
    session.submit(Inject(event="hill-floods"))  # scripted for round 4
    assert session.state.injected == ["hill-floods"]
    report = session.resolve()
    injected = [e for e in report.events if e.id == "hill-floods"]
    assert [e.kind for e in injected] == ["injected"] and injected[0].effects
    assert "hill-floods" in session.state.fired_events and session.state.injected == []
    for _ in range(3):
        report = session.resolve()
        assert "hill-floods" not in [e.id for e in report.events]


def test_an_event_due_this_round_fires_once_when_injected_too() -> None:
    session = tutorial_game()
    session.submit(Inject(event="first-budget"))
    report = session.resolve()
    assert [e.id for e in report.events].count("first-budget") == 1


@pytest.mark.parametrize(("event", "by", "reason"), [
    ("hill-flods", None, "did you mean 'hill-floods'"),
    ("hill-floods", "korvia", "only the facilitator"),
])
def test_refusals_say_why(event: str, by: str | None, reason: str) -> None:
    state = new_game(load_scenario(resolve_scenario("tutorial")), 1)
    with pytest.raises(ActionRejected, match=reason):
        apply(state, Inject(event=event), by=by)


def test_an_event_fires_once_whether_scripted_or_injected() -> None:
    session = tutorial_game()
    session.resolve()  # first-budget fired in round 1
    with pytest.raises(ActionRejected, match="already fired"):
        session.submit(Inject(event="first-budget"))
    session.submit(Inject(event="bribed-inspectors"))
    with pytest.raises(ActionRejected, match="already set to fire"):
        session.submit(Inject(event="bribed-inspectors"))
    with pytest.raises(ActionRejected, match="not 5"):
        session.submit(Inject(event="hill-floods", round=5))


def test_a_pending_inject_is_part_of_the_state_and_only_then() -> None:
    state = new_game(load_scenario(resolve_scenario("tutorial")), 1)
    before = state_hash(state)
    assert "injected" not in state_to_data(state), "no inject: the data and hash every game had before"
    after = apply(state, Inject(event="hill-floods"))
    assert state.injected == [] and state_hash(state) == before, "apply never changes its input"
    assert state_hash(after) != before
    assert state_from_data(state_to_data(after), after.world).injected == ["hill-floods"]
    resolved, _ = resolve_round(after)
    assert "injected" not in state_to_data(resolved)


def test_a_save_with_an_inject_loads_replays_and_verifies(tmp_path: Path) -> None:
    save = tmp_path / "game.json"
    session = Session.new(load_scenario(resolve_scenario("tutorial")), 5, saves_dir=None, path=save)
    session.submit(Inject(event="hill-floods"))
    session.submit(Ready(state="korvia"), by="korvia")
    reopened = Session.load(save)
    assert reopened.state.injected == ["hill-floods"], "the open round's inject is re-applied from the log"
    reopened.resolve()
    reopened.submit(Inject(event="balance-sheet"))
    reopened.resolve()
    assert verify(save).rounds == 2, "verify re-runs the log, the inject included, to the same hashes"
    replayed = Session.load(save).replay().seek(1, "resolved")
    assert "hill-floods" in replayed.state.fired_events
    first = reopened.log.rounds[0].actions[0]
    assert first.by is None and first.state == "facilitator" and first.type == "inject"
    assert ACTION_ADAPTER.validate_python(first.data) == Inject(event="hill-floods")
