"""The facilitator's PIN on the command line: `accord replay` of a game in progress asks for it
(or reads ACCORD_FACILITATOR_PIN) and refuses without it; `accord pin` sets it; a finished game
replays for anyone; the save keeps a salted hash only, through autosaves, branches and loads."""

import json
from pathlib import Path

import pytest

from game.cli import main
from game.commands import pin as pin_command
from game.model.actions import Ready
from game.session.seats import Seat
from game.session.session import Session
from tests.session.helpers import tutorial

ENV = "ACCORD_FACILITATOR_PIN"


def _in_progress(tmp_path: Path, pin: str | None) -> Path:
    session = Session.new(tutorial(), 5, {"aldmark": Seat.ai("cooperative")}, path=tmp_path / "game.json", pin=pin)
    session.play_ai()
    for seat in session.waiting_for():
        session.submit(Ready(state=seat), by=seat)
    session.resolve()
    return tmp_path / "game.json"


@pytest.fixture(autouse=True)
def no_pin_in_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV, raising=False)


@pytest.mark.parametrize("mode", [["--text"], ["--truth"], ["--round", "1", "--as", "korvia"],
                                  ["--round", "1", "--branch"]])
def test_replay_of_a_game_in_progress_without_a_pin_is_refused_and_says_how_to_set_one(
        tmp_path: Path, mode: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    save = _in_progress(tmp_path, None)
    assert main(["replay", str(save), *mode]) == 1
    captured = capsys.readouterr()
    err = captured.err.splitlines()
    assert len(err) == 1 and err[0].startswith(f"{save}: error: this game is not over (1 of 6 rounds played)")
    assert f"accord pin {save}" in err[0] and captured.out == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["game.json"], "no branch was written"


def test_replay_of_a_game_in_progress_opens_with_the_right_pin_only(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    save = _in_progress(tmp_path, "class-4B")
    assert main(["replay", str(save), "--text"]) == 1  # no terminal to ask at, no variable
    assert "give the facilitator PIN" in capsys.readouterr().err
    monkeypatch.setenv(ENV, "class-4C")
    assert main(["replay", str(save), "--text"]) == 1
    assert capsys.readouterr().err == f"{save}: error: wrong facilitator PIN: the replay of this game in progress " \
                                      "stays closed\n"
    monkeypatch.setenv(ENV, "class-4B")
    assert main(["replay", str(save), "--truth"]) == 0
    assert '"networks"' in capsys.readouterr().out


def test_replay_asks_for_the_pin_at_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    save = _in_progress(tmp_path, "class-4B")
    asked: list[str] = []
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr(pin_command.getpass, "getpass", lambda prompt: asked.append(prompt) or "class-4B")
    assert main(["replay", str(save), "--text"]) == 0
    assert asked == [f"Facilitator PIN (or a hosted game's facilitator code) for {save}: "]


def test_a_finished_game_replays_without_a_pin(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    save = tmp_path / "done.json"
    assert main(["simulate", "tutorial", "--rounds", "2", "--save", str(save)]) == 0
    assert main(["replay", str(save), "--text"]) == 0


def test_accord_pin_sets_and_changes_the_pin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    save = _in_progress(tmp_path, None)
    answers: list[str] = []
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr(pin_command.getpass, "getpass", lambda prompt: answers.pop(0))
    answers[:] = ["4711", "4712", "12", "1", "4713", "4714"]  # three failed tries: nothing changes
    assert main(["pin", str(save)]) == 1
    said = capsys.readouterr().err
    assert "the two PINs differ: try again" in said and "4 to 64 characters" in said and "nothing was changed" in said
    answers[:] = ["12", "4711", "4711"]  # a PIN too short is said, and asked again
    assert main(["pin", str(save)]) == 0
    assert "try again" in capsys.readouterr().err and answers == []
    assert "4711" not in save.read_text() and main(["verify", str(save)]) == 0
    answers[:] = ["9999"]
    assert main(["pin", str(save)]) == 1
    assert "wrong facilitator PIN; nothing was changed" in capsys.readouterr().err
    answers[:] = ["4711", "0815", "0815"]
    assert main(["pin", str(save)]) == 0
    monkeypatch.setenv(ENV, "0815")
    assert main(["replay", str(save), "--text"]) == 0


def test_the_pin_survives_autosaves_loads_and_branches(tmp_path: Path) -> None:
    save = _in_progress(tmp_path, "7-seas")
    data = json.loads(save.read_text())
    assert "7-seas" not in save.read_text() and set(data["facilitator"]) == {"kdf", "iterations", "salt", "hash"}
    session = Session.load(save)
    session.submit(Ready(state="korvia"), by="korvia")
    again = Session.load(save).document.facilitator
    assert again is not None and again.matches("7-seas")
    branch = session.branch(1)
    assert branch.path is not None
    copied = Session.load(branch.path).document.facilitator
    assert copied is not None and copied.matches("7-seas")


def test_a_save_without_a_pin_key_still_loads(tmp_path: Path) -> None:
    fixture = Path(__file__).parent / "fixtures" / "format1-tutorial.json"
    assert Session.load(fixture, autosave=False).document.facilitator is None


def test_a_hosted_game_replays_with_the_facilitators_join_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    from game.net.codes import codes_for

    save = _in_progress(tmp_path, None)
    codes = codes_for(save, ["korvia", "meridia"])
    assert main(["replay", str(save), "--text"]) == 1
    assert "give the facilitator's join code" in capsys.readouterr().err
    monkeypatch.setenv(ENV, codes.seats["korvia"])
    assert main(["replay", str(save), "--text"]) == 1, "a team's code is not the facilitator's"
    assert "wrong facilitator PIN" in capsys.readouterr().err
    monkeypatch.setenv(ENV, codes.facilitator.lower().replace("-", " "))
    assert main(["replay", str(save), "--text"]) == 0
