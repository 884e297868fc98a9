"""`accord host` and `accord join` at the command line: what the host prints, and the one-line errors."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import main
from game.net.codes import codes_for
from game.net.server import HostOptions, RunningHost
from game.net.table import HostTable
from tests.net.helpers import ROOT, tutorial_session


def test_accord_host_prints_each_teams_code_and_stops_cleanly(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "game", "host", "tutorial", "--port", "0", "--seed", "3", "--seat", "aldmark=ai",
         "--saves", str(tmp_path)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        lines = []
        for line in process.stdout:
            lines.append(line)
            if line.startswith("Ctrl+C"):
                break
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
    out = "".join(lines)
    assert process.returncode == 0, err
    assert "accord join 127.0.0.1:" in out and "Facilitator (console)" in out
    assert "Listening on 127.0.0.1 only" in out and "ai (cooperative)" in out
    save = next(tmp_path.glob("tutorial-*.json"))
    codes = codes_for(save, [])
    for team in ("korvia", "meridia"):
        assert codes.seats[team] in out
    assert codes.facilitator in out and "the game is saved" in err


def test_the_room_banner_warns_that_codes_are_the_only_protection() -> None:
    session = tutorial_session(None)
    from game.commands.host import banner

    table = HostTable(session)
    codes = codes_for(None, ["korvia", "meridia", "aldmark"])
    text = banner(RunningHost(table, codes, HostOptions(bind="0.0.0.0", port=8470, web=True)), codes, None)
    assert "without TLS: the codes are the only protection" in text and "/web/" in text


@pytest.mark.parametrize(("argv", "words"), [
    (["host", "tutorial", "--port", "70000"], "a port is a number"),
    (["host", "atlantis"], "atlantis"),
    (["join", "ftp://somewhere:1", "--code", "X"], "HOST:PORT"),
    (["join", "127.0.0.1:1", "--code", "X"], "terminal"),
])
def test_bad_command_lines_are_one_line(argv: list[str], words: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err


def test_a_save_keeps_its_seats_and_seed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    save = tmp_path / "game.json"
    tutorial_session(save)
    assert main(["host", str(save), "--seed", "4"]) == 1
    assert "a save keeps its own seats and seed" in capsys.readouterr().err


def test_the_join_code_can_come_from_the_environment_and_stays_off_the_command_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import game.tui
    from game.tui.join import JoinApp
    from tests.net.helpers import hosted

    with pytest.raises(SystemExit):
        main(["join", "--help"])
    assert "ACCORD_CODE" in " ".join(capsys.readouterr().out.split())
    opened: list[str | None] = []

    def run(app: JoinApp) -> None:
        opened.append(app.remote.hello.seat if app.remote is not None else None)

    monkeypatch.setattr(game.tui, "has_terminal", lambda: True)
    monkeypatch.setattr(JoinApp, "run", run)
    with hosted(tutorial_session(None)) as (host, codes):
        monkeypatch.setenv("ACCORD_CODE", codes.seats["meridia"].lower())
        assert main(["join", host.address]) == 0
        assert opened == ["meridia"], "the environment's code opened its team"
        assert "ACCORD_CODE" not in os.environ, "not handed on to processes started from here"
        assert main(["join", host.address]) == 0
        assert opened == ["meridia", None], "without a code, it is asked for on the screen"


def test_the_banner_keeps_every_code_in_one_column_with_organizations_long_names() -> None:
    """'UN Office on Drugs and Crime (Southeast Asia office)' ran past the 24-character column and
    pushed its code out of line with the others; every line stays within 80 columns."""
    from game.commands.host import banner
    from game.scenario.library import resolve_scenario
    from game.scenario.loader import load_scenario
    from game.session.session import Session

    scenario = load_scenario(resolve_scenario("mekong"))
    session = Session.new(scenario, 2015, {}, saves_dir=None, path=None)
    humans = [seat for seat, s in session.seats.items() if s.is_human]
    table = HostTable(session)
    codes = codes_for(None, humans)
    text = banner(RunningHost(table, codes, HostOptions(port=8470)), codes, None)
    rows = [line for line in text.splitlines() if any(line.endswith(code) for code in
                                                      [*codes.seats.values(), codes.facilitator])]
    assert len(rows) == len(humans) + 1
    columns = {line.index(code) for line in rows for code in [*codes.seats.values(), codes.facilitator]
               if line.endswith(code)}
    assert len(columns) == 1, "\n".join(rows)
    assert max(len(line) for line in rows) <= 80, "\n".join(rows)
    unodc = next(org.name for org in scenario.organizations if org.id == "unodc")
    assert any(line.startswith(f"  {unodc} ") for line in rows), "\n".join(rows)
