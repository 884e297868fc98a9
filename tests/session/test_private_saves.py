"""Save files hold every private brief, order and message: written for their owner only (0600),
whatever the umask, for a new game, each autosave, a branch, a compressed save and `simulate --save`."""

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from game.cli import main
from game.model.actions import Message
from game.session.session import Session
from tests.session.helpers import tutorial


@pytest.fixture(autouse=True)
def open_umask() -> Iterator[None]:
    before = os.umask(0o022)
    yield
    os.umask(before)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("name", ["game.json", "game.json.gz"])
def test_a_new_game_its_autosaves_and_its_branches_are_private(tmp_path: Path, name: str) -> None:
    session = Session.new(tutorial(), 3, path=tmp_path / name)
    assert _mode(tmp_path / name) == 0o600
    session.submit(Message(state="korvia", to=["meridia"], text="only for you"), by="korvia")
    assert _mode(tmp_path / name) == 0o600
    branch = session.branch(1, keep=1)
    assert branch.path is not None and _mode(branch.path) == 0o600


def test_a_save_once_readable_by_others_is_private_after_the_next_autosave(tmp_path: Path) -> None:
    session = Session.new(tutorial(), 3, path=tmp_path / "game.json")
    (tmp_path / "game.json").chmod(0o644)
    session.submit(Message(state="korvia", to=["meridia"], text="only for you"), by="korvia")
    assert _mode(tmp_path / "game.json") == 0o600


def test_simulate_save_is_private_and_a_debrief_is_not(tmp_path: Path) -> None:
    save = tmp_path / "dry.json"
    assert main(["simulate", "tutorial", "--rounds", "1", "--save", str(save)]) == 0
    assert _mode(save) == 0o600
    debrief = tmp_path / "debrief.md"
    assert main(["report", str(save), "-o", str(debrief)]) == 0
    assert _mode(debrief) == 0o644, "a debrief is for sharing: the umask decides"
