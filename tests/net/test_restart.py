"""A restarted host comes back as it was: `accord host SAVE` listens where the game was hosted last
(the options are kept beside the codes; a flag given again wins), the banner prints the exact command
that continues the game, and new codes drawn for a game in progress (its codes file gone) are said
loudly."""

import contextlib
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from game.net.codes import Codes, codes_path
from tests.net.helpers import ROOT, Api, free_port, tutorial_session


@contextlib.contextmanager
def accord_host(*argv: str, cwd: Path) -> Iterator[str]:
    """`accord host ARGV` for the length of the block: what it printed up to its banner's end."""
    process = subprocess.Popen([sys.executable, "-m", "game", "host", *argv], cwd=cwd, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True, env={"PYTHONPATH": str(ROOT), "PATH": ""})
    try:
        assert process.stdout is not None
        lines: list[str] = []
        for line in process.stdout:
            lines.append(line)
            if line.startswith("Ctrl+C"):
                break
        assert lines and lines[-1].startswith("Ctrl+C"), "".join(lines)
        yield "".join(lines)
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate(timeout=10)


def test_a_save_is_hosted_again_where_it_was_with_its_codes_and_flags_win(tmp_path: Path) -> None:
    port = free_port()
    with accord_host("tutorial", "--port", str(port), "--web", "--saves", str(tmp_path), cwd=tmp_path) as banner:
        save = next(tmp_path.glob("tutorial-*.json"))
        assert f"accord host {save} --bind 127.0.0.1 --port {port} --web" in banner, "the exact restart command"
    codes = Codes.from_text(codes_path(save).read_text(), "codes")
    assert codes.listen["port"] == port and codes.listen["web"] is True

    with accord_host(str(save), cwd=tmp_path) as banner:  # no flag: as it was hosted
        assert f"127.0.0.1:{port}" in banner and "NEW CODES" not in banner
        assert codes.seats["korvia"] in banner
        api = Api(port, codes.seats["korvia"])
        assert api.get("/api/whoami").data["seat"] == "korvia", "the same codes on the same port"
        assert api.send("GET", "/web/").status == 200, "browsers still served"

    with accord_host(str(save), "--no-web", cwd=tmp_path):  # a flag on the command line wins
        assert Api(port).send("GET", "/web/").status == 404


def test_new_codes_for_a_game_in_progress_are_said_loudly(tmp_path: Path) -> None:
    port = free_port()
    with accord_host("tutorial", "--port", str(port), "--saves", str(tmp_path), cwd=tmp_path):
        save = next(tmp_path.glob("tutorial-*.json"))
        old = Codes.from_text(codes_path(save).read_text(), "codes")
        assert Api(port, old.seats["korvia"]).act({"type": "ready", "state": "korvia"}, request="r-1").status == 200
    codes_path(save).unlink()
    with accord_host(str(save), "--port", str(port), cwd=tmp_path) as banner:
        assert "⚠ NEW CODES" in banner and "old codes no longer work" in banner
        assert old.seats["korvia"] not in banner


def test_a_save_hosted_for_the_first_time_gets_its_codes_without_alarm(tmp_path: Path) -> None:
    save = tmp_path / "class.json"
    tutorial_session(save)  # a game begun at the hot seat
    with accord_host(str(save), "--port", str(free_port()), cwd=tmp_path) as banner:
        assert "NEW CODES" not in banner and codes_path(save).exists()


def test_a_game_hosted_over_tls_comes_back_over_tls(tmp_path: Path) -> None:
    from tests.net.test_tls import CERT, KEY

    port = free_port()
    with accord_host("tutorial", "--port", str(port), "--tls-cert", CERT, "--tls-key", KEY, "--saves", str(tmp_path),
                     cwd=tmp_path):
        save = next(tmp_path.glob("tutorial-*.json"))
    with accord_host(str(save), cwd=tmp_path) as banner:
        assert f"Serving HTTPS with {CERT}" in banner and f"--tls-cert {CERT} --tls-key {KEY}" in banner
