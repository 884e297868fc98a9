"""The crash log: one private file per crash in the user's own state folder, never through a link."""

import os
import stat
import sys
from pathlib import Path

import pytest

from game import cli
from game.errors import crash_folder, log_internal_error

pytestmark = pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="the XDG state folder is for Linux/BSD")


def _boom() -> ValueError:
    try:
        raise ValueError("secret brief text")
    except ValueError as error:
        return error


@pytest.fixture
def state_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "state"
    monkeypatch.setenv("XDG_STATE_HOME", str(home))
    return home


def test_a_crash_log_is_a_new_private_file_in_the_users_state_folder(state_home: Path) -> None:
    first = log_internal_error(_boom())
    second = log_internal_error(_boom())
    assert first is not None and second is not None and first != second
    assert first.parent == state_home / "accord" / "crashes" == crash_folder()
    assert stat.S_IMODE(first.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(first.stat().st_mode) == 0o600
    assert "secret brief text" in first.read_text()


def test_without_xdg_state_home_the_log_goes_under_home_local_state(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XDG_STATE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    path = log_internal_error(_boom())
    assert path is not None and path.parent == tmp_path / ".local" / "state" / "accord" / "crashes"


def test_a_planted_link_is_never_followed(state_home: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n")
    folder = state_home / "accord"
    folder.mkdir(parents=True)
    os.symlink(victim.parent, folder / "crashes")  # the folder itself a link
    assert log_internal_error(_boom()) is None
    assert victim.read_text() == "keep me\n"
    assert not list(victim.parent.glob("crash-*.log"))


def test_a_folder_left_open_to_others_is_made_private(state_home: Path) -> None:
    folder = state_home / "accord" / "crashes"
    folder.mkdir(parents=True)
    folder.chmod(0o777)
    path = log_internal_error(_boom())
    assert path is not None and stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_the_command_line_names_the_log_it_wrote(state_home: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    def explode(args: object) -> int:
        raise RuntimeError("boom")

    monkeypatch.setattr(cli.start, "run", explode)
    assert cli.main([]) == 1
    err = capsys.readouterr().err
    logs = list((state_home / "accord" / "crashes").glob("crash-*.log"))
    assert len(logs) == 1 and f"details in {logs[0]}" in err and "/tmp/accord-crash.log" not in err


def test_only_the_newest_logs_are_kept(state_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("game.errors.KEEP_CRASHES", 3)
    for _ in range(5):
        log_internal_error(_boom())
    assert len(list((state_home / "accord" / "crashes").glob("crash-*.log"))) == 3
