"""Saves edited after they were written: every command that opens one says so in one line, an
edited snapshot is blamed on the edit (not on an engine with other rules), and no edit, however
it breaks the file, is an internal error in any command."""

import argparse
import asyncio
import gzip
import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from game.cli import main
from game.commands.host import open_session
from game.engine.serialize import state_hash
from game.errors import AccordError
from game.model.actions import Message, Ready
from game.session.seats import Seat
from game.session.session import Session
from tests.session.helpers import tutorial


def _game_in_progress(folder: Path) -> Path:
    """Three rounds played by AI and two human teams, with messages; round 4 open with some orders."""
    path = folder / "game.json"
    session = Session.new(tutorial(), 11, {"aldmark": Seat.ai("cooperative")}, path=path, pin=PIN)
    for round_no in range(1, 5):
        session.submit(Message(state="korvia", to=["meridia"], text=f"round {round_no}: we act together"),
                       by="korvia")
        session.play_ai()
        if round_no == 4:
            break
        for seat in session.waiting_for():
            session.submit(Ready(state=seat), by=seat)
        session.resolve()
    return path


PIN = "edit-check"


@pytest.fixture(autouse=True)
def facilitator(monkeypatch: pytest.MonkeyPatch) -> None:
    """`accord replay` of the game in progress is the facilitator's."""
    monkeypatch.setenv("ACCORD_FACILITATOR_PIN", PIN)


@pytest.fixture(scope="module")
def in_progress(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _game_in_progress(tmp_path_factory.mktemp("edited"))


def _edit(source: Path, target: Path, change: Callable[[dict[str, Any]], None]) -> Path:
    data = json.loads(source.read_text())
    change(data)
    target.write_text(json.dumps(data))
    return target


def _host_open(path: Path) -> Session:
    session, _ = open_session(argparse.Namespace(game=str(path), seat=[], seed=None, saves=None, rounds=None))
    return session


def _bump_budget(data: dict[str, Any], after: int) -> None:
    snapshot = data["start"]["snapshot"] if after == 0 else data["rounds"][after - 1]["snapshot"]
    snapshot["states"]["korvia"]["budget"] += 5


@pytest.mark.parametrize("after", [0, 2, 3])
def test_an_edited_snapshot_is_blamed_on_the_edit(in_progress: Path, tmp_path: Path, after: int,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    edited = _edit(in_progress, tmp_path / "edited.json", lambda data: _bump_budget(data, after))
    capsys.readouterr()
    assert main(["verify", str(edited)]) == 1
    err = capsys.readouterr().err.splitlines()
    where = "the opening" if after == 0 else f"round {after}"
    assert len(err) == 1 and f"{where}'s snapshot was edited after it was written" in err[0], err
    assert "other rules" not in err[0] and "engine" not in err[0]


def test_a_session_never_continues_from_an_edited_snapshot(in_progress: Path, tmp_path: Path) -> None:
    true_state = Session.load(in_progress, autosave=False).state
    edited = _edit(in_progress, tmp_path / "edited.json", lambda data: _bump_budget(data, 3))
    session = Session.load(edited, autosave=False)
    assert session.note is None, "not replayed as if the engine had changed"
    assert state_hash(session.state) == state_hash(true_state)
    assert session.warning is not None and "the snapshot of round 3" in session.warning


def _edits() -> dict[str, Callable[[dict[str, Any]], None]]:
    def report(data: dict[str, Any]) -> None:
        data["rounds"][1]["report"]["victims_total"] += 7

    def action(data: dict[str, Any]) -> None:
        data["rounds"][0]["actions"][0]["action"]["text"] = "we never said that"

    def snapshot(data: dict[str, Any]) -> None:
        _bump_budget(data, 3)  # the last one, which a continued game would start from

    return {"report": report, "message": action, "snapshot": snapshot}


@pytest.mark.parametrize("kind", ["report", "message", "snapshot"])
def test_every_command_that_opens_an_edited_save_warns_in_one_line(
        in_progress: Path, tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    edited = _edit(in_progress, tmp_path / "edited.json", _edits()[kind])
    capsys.readouterr()
    for command in (["report", str(edited)], ["replay", str(edited), "--text"]):
        assert main(command) == 0
        err = capsys.readouterr().err.splitlines()
        assert len(err) == 1 and err[0].startswith(f"{edited}: warning: this save was edited after it was written")
    assert _host_open(edited).warning is not None
    assert Session.load(edited).warning is not None

    async def no_serving(*args: object) -> None:
        return None

    monkeypatch.setattr("game.net.server.serve", no_serving)
    assert main(["host", str(edited), "--port", "0"]) == 0
    assert f"{edited}: warning: this save was edited" in capsys.readouterr().err
    for command in (["report", str(in_progress)], ["replay", str(in_progress), "--text"]):
        assert main(command) == 0
        assert "warning" not in capsys.readouterr().err, "an intact save opens without a word"


def test_continuing_an_edited_save_in_the_game_says_so(in_progress: Path, tmp_path: Path) -> None:
    from game.tui.app import AccordApp
    from game.tui.screens.notice import NoticeScreen

    edited = _edit(in_progress, tmp_path / "edited.json", _edits()["report"])

    async def run() -> None:
        app = AccordApp(tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            app.load_and_play(edited)
            await pilot.pause()
            assert isinstance(app.screen, NoticeScreen) and "edited after it was written" in app.screen.text
            await pilot.press("enter")
            await pilot.pause()
            assert type(app.screen).__name__ == "HandoffScreen", "the game goes on once it is read"

    asyncio.run(run())


def _structured(data: dict[str, Any], rng: random.Random) -> None:
    """An edit by hand: a field of a report, an action or the scenario dropped or given another value."""
    spots: list[tuple[Any, Any]] = []

    def walk(node: Any) -> None:
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        for key, value in items:
            spots.append((node, key))
            walk(value)

    walk(rng.choice([data["scenario"], data["rounds"][rng.randrange(3)]["report"],
                     data["rounds"][rng.randrange(3)]["actions"], data["open"]]))
    node, key = rng.choice(spots)
    if isinstance(node, dict) and rng.random() < 0.4:
        del node[key]
    elif isinstance(node[key], str):
        node[key] += "q"
    else:
        node[key] = rng.choice([-1, 0, 10**30, 1e300, -0.5, None, "x", [], {}, True])


def _run_every_tool(path: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """The internal errors of every command on `path` (none expected); each answer is one line."""
    found = []
    for command in (["verify"], ["report"], ["report", "--format", "csv"], ["replay", "--text"]):
        code = main([command[0], str(path), *command[1:]])
        err = capsys.readouterr().err.splitlines()
        if any("internal error" in line for line in err):
            found.append(f"{command}: {err}")
        elif code == 1 and (len(err) != 1 or not err[0].startswith(f"{path}: error: ")):
            found.append(f"{command}: not one line naming the save: {err}")
    for opener in (_host_open, lambda p: Session.load(p, autosave=False)):
        try:
            opener(path)
        except AccordError:
            pass
        except Exception as error:
            found.append(f"opening: {error!r}")
    return found


def test_bit_flipped_and_hand_edited_saves_never_crash_a_command(
        in_progress: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rng = random.Random(13)
    raw = in_progress.read_bytes()
    target = tmp_path / "flipped.json"
    problems = []
    for case in range(60):
        flipped = bytearray(raw)
        flipped[rng.randrange(len(flipped))] ^= 1 << rng.randrange(8)
        target.write_bytes(bytes(flipped))
        problems += [f"bit flip {case}: {p}" for p in _run_every_tool(target, capsys)]
    packed = tmp_path / "flipped.json.gz"
    compressed = gzip.compress(raw, mtime=0)
    for case in range(15):
        flipped = bytearray(compressed)
        flipped[rng.randrange(len(flipped))] ^= 1 << rng.randrange(8)
        packed.write_bytes(bytes(flipped))
        problems += [f"gzip bit flip {case}: {p}" for p in _run_every_tool(packed, capsys)]
    for case in range(40):
        data = json.loads(raw)
        _structured(data, rng)
        target.write_text(json.dumps(data))
        problems += [f"edit {case}: {p}" for p in _run_every_tool(target, capsys)]
    assert not problems, "\n".join(problems)
