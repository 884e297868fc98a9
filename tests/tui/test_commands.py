"""The commands that open the screens: `accord` (the title screen), `accord play` and `accord
replay SAVE`; a bad scenario, seat or save is one line on stderr and exit code 1."""

from pathlib import Path
from typing import Any

import pytest

import game.tui
from game.cli import main
from tests.tui.helpers import SAVE, finish_round, tutorial


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Pretend to be in a terminal, and record what the app would have been opened with."""
    calls: list[dict[str, Any]] = []

    def run_app(saves_dir: Path, **kwargs: Any) -> int:
        calls.append({"saves": saves_dir, **kwargs})
        return 0

    monkeypatch.setattr(game.tui, "has_terminal", lambda: True)
    monkeypatch.setattr(game.tui, "run_app", run_app)
    return calls


def test_accord_alone_opens_the_title_screen(here: Path, opened: list[dict[str, Any]]) -> None:
    assert main([]) == 0
    assert opened == [{"saves": Path("saves")}]
    assert main(["--saves", "class-3"]) == 0
    assert opened[-1] == {"saves": Path("class-3")}


def test_accord_play_starts_a_game_with_the_seats_and_seed_given(here: Path, opened: list[dict[str, Any]]) -> None:
    assert main(["play", "tutorial", "--seed", "5", "--seat", "aldmark=ai:donor", "--seat", "meridia=ai",
                 "--saves", "class"]) == 0
    session = opened[0]["session"]
    assert opened[0]["saves"] == Path("class") and session.seed == 5
    assert {k: str(v) for k, v in session.seats.items()} == {
        "korvia": "human", "meridia": "ai (cooperative)", "aldmark": "ai (donor)"}
    assert session.path.parent == Path("class") and session.path.exists()


OLD_SAVE = Path(__file__).resolve().parents[1] / "session" / "fixtures" / "format1-tutorial.json"


@pytest.mark.parametrize(("argv", "message"), [
    (["play", "narnia"], "no scenario file or shipped scenario named 'narnia'"),
    (["play", "--seat", "narnia=human"], "no state 'narnia' in tutorial"),
    (["play", "--seat", "korvia=robot"], "a seat is 'human' or 'ai[:PERSONALITY]', not 'robot'"),
    (["play", "--seat", "korvia=ai:saint"], "unknown AI personality 'saint'"),
    (["play", "--seat", "korvia"], "write it as STATE=human or STATE=ai[:PERSONALITY]"),
    (["replay", "nowhere.json"], "nowhere.json"),
    (["play", str(OLD_SAVE)], "is a save, not a scenario: continue it"),
])
def test_bad_command_lines_are_one_line_and_exit_1(here: Path, opened: list[dict[str, Any]], argv: list[str],
                                                   message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert not opened


def test_replay_opens_the_viewer_and_keeps_its_flags(here: Path, opened: list[dict[str, Any]],
                                                    capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    session = tutorial()
    session.set_pin("2468")  # a game in progress replays for the facilitator only
    monkeypatch.setenv("ACCORD_FACILITATOR_PIN", "2468")
    finish_round(session)
    assert main(["replay", str(SAVE)]) == 0
    assert opened[0]["replay"].rounds_played == 1
    assert main(["replay", str(SAVE), "--round", "1"]) == 0
    assert main(["replay", str(SAVE), "--text"]) == 0
    assert len(opened) == 1
    assert "year 2, orders" in capsys.readouterr().out


def test_without_a_terminal_accord_prints_the_briefing(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("Tutorial: the Tessel corridor") and "not a terminal" in captured.err
    assert main(["play"]) == 1
    assert "needs a terminal" in capsys.readouterr().err
    assert main(["brief", "mekong"]) == 0
