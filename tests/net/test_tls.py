"""A host serving TLS (`accord host --tls-cert --tls-key`): a team that trusts the host's certificate
(`accord join https://... --ca FILE`) plays as over plain HTTP, notices included; one that does not
trust it is told so in a line before its code is sent, and one that speaks plain HTTP to it is
refused with a hint to use https://; bad certificate files and half-given options are one-line
errors.

The certificate in `fixtures/` is self-signed for localhost and 127.0.0.1, for these tests only."""

import asyncio
import ssl
import subprocess
import sys
from pathlib import Path

import aiohttp
import pytest

from game.cli import main
from game.commands.host import banner, host_tls
from game.errors import AccordError
from game.model.actions import AdoptLaw
from game.net.client import RemoteTable, Unreachable
from game.net.codes import codes_for
from game.net.server import HostOptions, RunningHost
from game.net.table import HostTable
from tests.net.helpers import ROOT, hosted, tutorial_session, wait_for
from tests.net.test_web import terminal_until, ticket_for

FIXTURES = Path(__file__).parent / "fixtures"
CERT, KEY = str(FIXTURES / "host.pem"), str(FIXTURES / "host.key")


def test_a_team_that_trusts_the_certificate_plays_over_tls(tmp_path: Path) -> None:
    session = tutorial_session(tmp_path / "game.json")
    with hosted(session, tls=host_tls(CERT, KEY)) as (host, codes):
        team = RemoteTable.connect(f"https://127.0.0.1:{host.port}", codes.seats["korvia"], ca=CERT)
        try:
            team.connection.listen()
            wait_for(lambda: team.connection.linked)  # the notice socket, over WSS
            team.submit(AdoptLaw(state="korvia", law="victim_protection"), "korvia")
            assert "victim_protection" in team.seat_view("korvia").me.pending_laws
        finally:
            team.close()


def test_a_certificate_the_team_does_not_trust_is_said_in_a_line(tmp_path: Path) -> None:
    session = tutorial_session(tmp_path / "game.json")
    with hosted(session, tls=host_tls(CERT, KEY)) as (host, codes):
        with pytest.raises(Unreachable, match=r"certificate this machine does not trust.*--ca FILE"):
            RemoteTable.connect(f"https://127.0.0.1:{host.port}", codes.seats["korvia"])
        # plain HTTP to a TLS host: the host reads no request, and the team is told to use https://
        with pytest.raises(Unreachable, match=r"joined as https://127\.0\.0\.1"):
            RemoteTable.connect(f"127.0.0.1:{host.port}", codes.seats["korvia"])
        assert not session.submitted()


def test_the_banner_gives_the_https_join_line_with_the_certificate() -> None:
    session = tutorial_session(None)
    codes = codes_for(None, ["korvia", "meridia", "aldmark"])
    options = HostOptions(bind="0.0.0.0", port=8470, web=True, tls=host_tls(CERT, KEY))
    text = banner(RunningHost(HostTable(session), codes, options), codes, None)
    assert f":8470 --ca {CERT}\n" in text and "https://" in text and "/web/" in text
    assert "without TLS" not in text and f"Serving HTTPS with {CERT}" in text


@pytest.mark.parametrize(("argv", "words"), [
    (["host", "tutorial", "--tls-cert", CERT], "--tls-cert and --tls-key go together"),
    (["host", "tutorial", "--tls-cert", "nowhere.pem", "--tls-key", KEY], "--tls-cert nowhere.pem: no such file"),
    (["host", "tutorial", "--tls-cert", KEY, "--tls-key", CERT], "not a PEM certificate and its private key"),
    (["join", "127.0.0.1:1", "--ca", CERT, "--code", "X"], "give its address as https://127.0.0.1:1"),
    (["join", "https://127.0.0.1:1", "--ca", "nowhere.pem", "--code", "X"], "--ca nowhere.pem: no such file"),
    (["join", "https://127.0.0.1:1", "--ca", str(ROOT / "README.md"), "--code", "X"], "not a PEM certificate"),
])
def test_bad_tls_options_are_one_line(argv: list[str], words: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err and len(err.strip().splitlines()) == 1, err


def test_server_context_names_a_missing_key() -> None:
    with pytest.raises(AccordError, match=r"--tls-key missing\.key: no such file"):
        host_tls(CERT, "missing.key")


def test_accord_host_serves_tls_from_the_command_line(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "game", "host", "tutorial", "--port", "0", "--seed", "3", "--tls-cert", CERT,
         "--tls-key", KEY, "--saves", str(tmp_path)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        out = ""
        for line in process.stdout:
            out += line
            if line.startswith("Ctrl+C"):
                break
        process.terminate()
        process.communicate(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
    assert "accord join https://127.0.0.1:" in out and f"--ca {CERT}" in out, out


def test_a_browser_session_over_tls_opens_the_teams_desk(tmp_path: Path) -> None:
    """The page over HTTPS, its terminal over WSS, and the session's `accord join` process started
    with the host's https:// address and certificate (a wrong argument would end it at once)."""
    with hosted(tutorial_session(None), web=True, tls=host_tls(CERT, KEY)) as (host, codes):
        trust = ssl.create_default_context(cafile=CERT)
        base = f"https://127.0.0.1:{host.port}"

        async def browse() -> bytes:
            async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(ssl=trust)) as client:
                ticket = await ticket_for(client, base, codes.seats["korvia"])
                async with client.get(f"{base}/web/play?ticket={ticket}") as page:
                    assert 'data-session-websocket-url="wss://' in await page.text()
                return await terminal_until(client, base, ticket, b"KORVIA")

        assert b"KORVIA" in asyncio.run(browse())
