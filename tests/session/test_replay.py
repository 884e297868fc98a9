"""Replay: every moment of a save equals the live game's, and a branch is a new save naming its parent."""

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine import apply, new_game, resolve_round, state_hash
from game.model.actions import AdoptLaw, Message
from game.session.errors import SessionError
from game.session.replay import Replay
from game.session.session import Session
from game.session.verify import verify
from tests.session.helpers import play, random_script, shipped, short, tutorial


def _live_hashes(scenario_seed: int, script: list[list[tuple[object, str]]], rounds: int) -> dict[tuple[int, str], str]:
    """The hash at each moment of a game played straight through on the bare engine."""
    state = new_game(short(tutorial(), rounds), scenario_seed)
    hashes: dict[tuple[int, str], str] = {}
    for number, orders in enumerate(script, 1):
        for action, by in orders:
            state = apply(state, action, by=by)  # type: ignore[arg-type]
        hashes[(number, "orders")] = state_hash(state)
        state, _ = resolve_round(state)
        hashes[(number, "resolved")] = state_hash(state)
    hashes[(len(script), "over")] = state_hash(state)
    return hashes


@settings(max_examples=5, deadline=None)
@given(seed=st.integers(0, 2**31), choices=st.integers(0, 10**6), every=st.sampled_from([1, 2, 3]))
def test_seek_to_every_moment_equals_the_live_game(tmp_path_factory: pytest.TempPathFactory, seed: int, choices: int,
                                                    every: int) -> None:
    scenario = short(tutorial(), 4)
    script = random_script(scenario, seed, choices)
    session = play(Session.new(scenario, seed, saves_dir=tmp_path_factory.mktemp("s"), snapshot_every=every), script)
    live = _live_hashes(seed, script, 4)  # type: ignore[arg-type]
    assert session.path is not None
    replay = Replay(session.path)
    assert replay.positions() == list(live)
    for (number, phase), expected in reversed(list(live.items())):  # backwards: no help from the cache
        assert replay.seek(number, phase).hash == expected  # type: ignore[arg-type]
    for number, orders in enumerate(script, 1):
        for step in range(len(orders) + 1):
            moment = replay.seek(number, "orders", step)
            assert [(s.data, s.by) for s in moment.actions] == [(a.model_dump(mode="json", exclude_none=True), b)
                                                                 for a, b in orders[:step]]


def test_a_moment_shows_views_truth_actions_messages_and_report(tmp_path: Path) -> None:
    session = Session.new(short(tutorial(), 2), 4, saves_dir=tmp_path)
    session.submit(Message(state="korvia", to=["aldmark"], text="We will adopt victim protection."), by="korvia")
    session.submit(AdoptLaw(state="korvia", law="victim_protection"), by="korvia")
    session.resolve()
    replay = Replay(session)
    moment = replay.seek(1, "orders", 1)
    assert [m.data["text"] for m in moment.messages] == ["We will adopt victim protection."]
    assert moment.report is None and moment.truth()["round"] == 1
    assert set(moment.views()) == {"korvia", "meridia", "aldmark"}
    assert moment.view("korvia").me.pending_laws == {}
    after = replay.seek(1, "orders")
    assert "victim_protection" in after.view("korvia").me.pending_laws
    resolved = replay.seek(1, "resolved")
    assert resolved.report is not None and resolved.report.round == 1 and resolved.hash == resolved.report.state_hash
    assert replay.seek(2, "orders").hash == resolved.hash  # the open round, nothing submitted yet
    with pytest.raises(SessionError, match="not over"):
        replay.seek(2, "over")
    with pytest.raises(SessionError, match="round 3 is not in this save"):
        replay.seek(3)
    with pytest.raises(SessionError, match="round 2 is not resolved"):
        replay.seek(2, "resolved")
    with pytest.raises(SessionError, match="step 5 is out of range"):
        replay.seek(1, "orders", 5)


def test_seek_reaches_every_position_of_the_largest_shipped_scenario_in_any_order(tmp_path: Path) -> None:
    """Every moment of a europe game, sought forwards and then backwards, gives the state recorded at
    that round's end. How fast is measured in benchmarks/ (`seek a random moment`), not here: a timed
    assertion failed on a loaded machine (CI, 2026-12-07)."""
    scenario = short(shipped("europe"), 6)
    session = play(Session.new(scenario, 2, saves_dir=None, autosave=False), random_script(scenario, 2, 2))
    replay = Replay(session.document)
    positions = replay.positions()
    for number, phase in [*positions, *reversed(positions)]:
        moment = replay.seek(number, phase)
        if phase == "resolved":
            assert moment.hash == replay.report(number).state_hash, f"round {number} resolved"


def test_a_branch_is_a_new_save_naming_its_parent_and_plays_on(tmp_path: Path) -> None:
    scenario = short(tutorial(), 4)
    script = random_script(scenario, 8, 8)
    session = play(Session.new(scenario, 8, saves_dir=tmp_path), script)
    assert session.path is not None
    session.annotate(1, "round one note")
    session.annotate(3, "round three note")
    keep = min(1, len(script[2]))

    branch = Replay(session.path).branch(3, keep=keep)
    assert branch.path is not None and branch.path != session.path and branch.path.parent == tmp_path
    assert branch.parent == {"id": session.id, "path": str(session.path), "round": 3, "actions": keep,
                             "reason": "branch"}
    assert branch.round == 3 and len(branch.log.open) == keep and len(branch.reports) == 2
    assert branch.annotations == {1: ["round one note"]}
    assert json.loads(branch.path.read_text())["parent"]["id"] == session.id
    assert branch.state is not None and state_hash(branch.state) == Replay(session.path).seek(3, "orders", keep).hash

    what_if = AdoptLaw(state="meridia", law="anti_corruption")
    if what_if in branch.legal_actions("meridia"):
        branch.submit(what_if, by="meridia")
    while not branch.is_over:
        branch.resolve()
    assert verify(branch.path).rounds == 4
    assert branch.reports[1].state_hash == session.reports[1].state_hash  # the shared past is the same
    assert Session.load(branch.path).parent == branch.parent


def test_branch_bounds(tmp_path: Path) -> None:
    session = Session.new(short(tutorial(), 2), 1, saves_dir=tmp_path)
    session.resolve()
    with pytest.raises(SessionError, match="rounds 1 to 2"):
        session.branch(3)
    with pytest.raises(SessionError, match="cannot keep 2"):
        session.branch(2, keep=2)
    first = session.branch(1)
    assert first.round == 1 and first.reports == [] and first.parent is not None and first.parent["round"] == 1


def test_a_branch_of_an_in_memory_game_stays_in_memory_unless_given_a_folder(tmp_path: Path) -> None:
    session = Session.new(short(tutorial(), 2), 1, saves_dir=None)
    session.resolve()
    assert session.branch(2).path is None
    placed = session.branch(2, saves_dir=tmp_path)
    assert placed.path is not None and placed.path.parent == tmp_path and placed.parent is not None
    assert placed.parent["path"] is None


def test_a_save_from_other_rules_replays_from_its_log(tmp_path: Path) -> None:
    scenario = short(tutorial(), 3)
    script = random_script(scenario, 6, 6)
    session = play(Session.new(scenario, 6, saves_dir=tmp_path), script)
    assert session.path is not None
    data = json.loads(session.path.read_text())
    data["engine"]["rules"] = 0
    for closed in data["rounds"]:
        closed.pop("snapshot", None)  # other rules may have other state shapes: never trusted
    other = tmp_path / "other.json"
    other.write_text(json.dumps(data))
    replay = Replay(other)
    assert not replay.same_rules and replay.note is not None and "engine rules 0" in replay.note
    assert [replay.seek(n, "resolved").hash for n in (3, 1, 2)] == [session.reports[n - 1].state_hash
                                                                     for n in (3, 1, 2)]
    branch = replay.branch(2)
    assert branch.parent == {"id": session.id, "path": str(other), "round": 2, "actions": 0, "reason": "branch"}
    assert branch.path is not None and json.loads(branch.path.read_text())["parent"]["path"] == str(other)
    assert branch.path.parent == tmp_path and verify(branch.path).rounds == 1


def test_a_save_missing_its_last_snapshot_loads_in_place(tmp_path: Path) -> None:
    scenario = short(tutorial(), 3)
    session = play(Session.new(scenario, 2, saves_dir=tmp_path), random_script(scenario, 2, 2), range(1, 3))
    assert session.path is not None
    data = json.loads(session.path.read_text())
    for closed in data["rounds"]:
        closed.pop("snapshot")
    session.path.write_text(json.dumps(data))
    loaded = Session.load(session.path)
    assert loaded.path == session.path and loaded.note is None
    assert state_hash(loaded.state) == session.reports[-1].state_hash
