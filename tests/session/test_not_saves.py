"""Files that are not saves (a FIFO, a device, a folder, a huge file, a gzip bomb, a number of
thousands of digits) get one line from every command that opens a save, and never hang it."""

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import main
from game.session import store

TOOLS = (["verify"], ["report"], ["replay", "--text"], ["replay"], ["host", "--port", "0"])


def _save(tmp_path: Path, name: str = "game.json") -> Path:
    path = tmp_path / name
    assert main(["simulate", "tutorial", "--rounds", "2", "--seed", "4", "--save", str(path)]) == 0
    return path


def _one_line_from_every_tool(path: Path, capsys: pytest.CaptureFixture[str], *words: str,
                              tools: tuple[list[str], ...] = TOOLS) -> None:
    capsys.readouterr()
    for tool in tools:
        assert main([tool[0], str(path), *tool[1:]]) == 1, tool
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and err[0].startswith(f"{path}: error: "), (tool, err)
        assert "internal error" not in err[0] and all(word in err[0] for word in words), (tool, err)


def test_a_fifo_is_refused_at_once_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "game.json"
    os.mkfifo(fifo)
    for tool in TOOLS:
        done = subprocess.run([sys.executable, "-m", "game", tool[0], str(fifo), *tool[1:]],
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 1
        assert done.stderr.strip() == f"{fifo}: error: not a save: this is a pipe (FIFO), not a regular file"


def test_a_device_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    _one_line_from_every_tool(Path("/dev/zero"), capsys, "a device, not a regular file", tools=TOOLS[:4])
    assert main(["host", "/dev/zero", "--port", "0"]) == 1  # not named like a save: read as a scenario
    assert len(capsys.readouterr().err.splitlines()) == 1


def test_a_folder_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "folder.json"
    folder.mkdir()
    capsys.readouterr()
    for tool in TOOLS[:4]:
        assert main([tool[0], str(folder), *tool[1:]]) == 1
        assert capsys.readouterr().err == f"{folder}: error: this is a folder, not a save file\n"


def test_a_file_larger_than_a_save_can_be_is_refused_before_it_is_read(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    path = _save(tmp_path)
    monkeypatch.setattr(store, "MAX_SAVE_BYTES", path.stat().st_size - 1)
    _one_line_from_every_tool(path, capsys, "more than a save can be")


def test_a_gzip_that_inflates_beyond_the_cap_is_refused_without_inflating_it_all(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    bomb = tmp_path / "bomb.json.gz"
    bomb.write_bytes(gzip.compress(b'{"kind": "accord-save", "pad": "' + b" " * (64 * 2**20) + b'"}'))
    assert bomb.stat().st_size < 200_000
    monkeypatch.setattr(store, "MAX_SAVE_BYTES", 2**20)
    inflated: list[int] = []
    real_read = gzip.GzipFile.read

    def counting(self: gzip.GzipFile, size: int = -1) -> bytes:
        data = real_read(self, size)
        inflated.append(len(data))
        return data

    monkeypatch.setattr(gzip.GzipFile, "read", counting)
    _one_line_from_every_tool(bomb, capsys, "inflates to more than a save can be")
    assert max(inflated) <= 2**20 + 1


def test_an_integer_of_thousands_of_digits_is_one_line_in_every_tool(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _save(tmp_path)
    text = path.read_text()
    data = json.loads(text)
    path.write_text(text.replace(f'"seed":{data["seed"]}', '"seed":' + "9" * 5001, 1))
    assert "9" * 5001 in path.read_text()
    _one_line_from_every_tool(path, capsys, "an integer with too many digits")


def test_infinity_in_a_save_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _save(tmp_path)
    data = json.loads(path.read_text())
    data["rounds"][0]["report"]["victims_total"] = float("inf")
    path.write_text(json.dumps(data))
    _one_line_from_every_tool(path, capsys, "Infinity")
