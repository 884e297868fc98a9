"""The host's door: idle, silent and half-open connections and unfinished TLS handshakes are closed
within seconds, the connections held stay well under the descriptor limit, and a team is still served
while thousands of idle connections are attempted against a host limited to 1,024 descriptors; the
host says so in a line, not a traceback per connection."""

import contextlib
import select
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.commands.host import host_tls
from game.net.client import RemoteTable
from game.net.codes import Codes, codes_path
from game.net.door import HANDSHAKE, IDLE, connection_cap
from tests.net.helpers import LOOPBACK, ROOT, Api, HostProcess, free_port, hosted, tutorial_session, wait_for
from tests.net.test_tls import CERT, KEY


def closed_by_host(connection: socket.socket, within: float) -> bool:
    """Whether the host closes `connection` (EOF or reset) within `within` seconds."""
    readable, _, _ = select.select([connection], [], [], within)
    if not readable:
        return False
    try:
        return connection.recv(1) == b""
    except ConnectionError:
        return True


def test_a_silent_a_half_sent_and_an_idle_connection_are_closed_within_seconds(tmp_path: Path) -> None:
    with hosted(tutorial_session(None)) as (host, _):
        silent = socket.create_connection((LOOPBACK, host.port))
        half = socket.create_connection((LOOPBACK, host.port))
        half.sendall(b"GET /api/ping HTTP/1.1\r\nHost: x\r\n")  # never finished
        idle = socket.create_connection((LOOPBACK, host.port))
        idle.sendall(b"GET /api/ping HTTP/1.1\r\nHost: x\r\n\r\n")  # answered, then kept alive
        assert b"200" in idle.recv(4096)
        try:
            start = time.monotonic()
            for connection in (silent, half, idle):
                assert closed_by_host(connection, IDLE + 3)
            assert time.monotonic() - start < IDLE + 3
        finally:
            for connection in (silent, half, idle):
                connection.close()


def test_an_unfinished_tls_handshake_is_closed_within_seconds(tmp_path: Path) -> None:
    with hosted(tutorial_session(None), tls=host_tls(CERT, KEY)) as (host, _), \
            socket.create_connection((LOOPBACK, host.port)) as stalled:
        stalled.sendall(b"\x16\x03\x01")  # the start of a ClientHello, then nothing
        assert closed_by_host(stalled, HANDSHAKE + 3)


def test_the_cap_is_well_under_the_descriptor_limit() -> None:
    assert connection_cap(1024) <= 512 and connection_cap(256) <= 128 and connection_cap(65536) > 30000


def test_a_team_is_served_while_2000_idle_connections_are_attempted_against_1024_descriptors(
        tmp_path: Path) -> None:
    save = tmp_path / "class.json"
    tutorial_session(save)
    port = free_port()
    host = HostProcess(save, port, descriptors=1024).start()
    attackers: list[socket.socket] = []
    served: list[float] = []
    screen: RemoteTable | None = None
    try:
        codes = Codes.from_text(codes_path(save).read_text(), "codes")
        team = Api(port, codes.seats["korvia"], timeout=5.0)
        screen = RemoteTable.connect(f"{LOOPBACK}:{port}", codes.seats["meridia"])  # a team's open screen
        links: list[bool] = []
        screen.connection.on_link = links.append
        screen.connection.listen()
        wait_for(lambda: screen.connection.linked)
        deadline = time.monotonic() + 60
        for n in range(2000):
            if time.monotonic() > deadline:
                break
            attacker = socket.socket()
            attacker.settimeout(2.0)
            with contextlib.suppress(OSError):
                attacker.connect((LOOPBACK, port))
            attackers.append(attacker)
            if n % 250 == 249:
                start = time.monotonic()
                reply = team.act({"type": "message", "state": "korvia", "to": ["meridia"], "text": f"still here {n}"})
                assert reply.status == 200, reply
                served.append(time.monotonic() - start)
        assert len(attackers) == 2000, "the loop ends within its time"
        assert len(served) == 8 and max(served) < 3.0, served
        print(f"a team's order took at most {max(served) * 1000:.0f} ms among 2,000 idle connections")
        assert len(team.view()["messages"]) == 8
        assert links == [True], "the team's notice socket, busy, was never closed to make room"
        assert len([m for m in screen.seat_view("meridia").messages if m.sender == "korvia"]) == 8
    finally:
        if screen is not None:
            screen.close()
        for attacker in attackers:
            attacker.close()
        output = host.stop()
    assert "Traceback" not in output and len(output) < 6000, output[-3000:]
    assert "connections open, the most this host keeps" in output
    assert output.count("connections open, the most this host keeps") == 1, "said once"


def test_malformed_requests_on_many_connections_make_one_line_not_a_traceback_each(tmp_path: Path) -> None:
    save = tmp_path / "class.json"
    tutorial_session(save)
    host = HostProcess(save, free_port(), descriptors=1024).start()
    try:
        chunked = b"POST /api/action HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"
        for payload in (b"GARBAGE\r\n\r\n", chunked, b"\x16\x03\x01\x00\xff" + b"A" * 300):
            for _ in range(40):
                with socket.create_connection((LOOPBACK, host.port)) as connection:
                    connection.sendall(payload)
                    connection.settimeout(2.0)
                    with contextlib.suppress(OSError):
                        connection.recv(100)
        assert Api(host.port).get("/api/ping").status == 200
    finally:
        output = host.stop()
    assert "Traceback" not in output and output.count("Error handling request") <= 2, output[-2000:]


def test_the_host_raises_its_soft_descriptor_limit_toward_the_hard_one() -> None:
    script = ("import resource\n"
              "resource.setrlimit(resource.RLIMIT_NOFILE, (256, 4096))\n"
              "from game.net.door import descriptor_limit\n"
              "print(descriptor_limit(), resource.getrlimit(resource.RLIMIT_NOFILE)[0])\n")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=30)
    assert done.stdout.split() == ["4096", "4096"], done.stderr


def test_strangers_slow_requests_are_closed_to_make_room_for_a_team(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import game.net.door as door

    monkeypatch.setattr(door, "connection_cap", lambda limit: 8)
    with hosted(tutorial_session(None), web=True) as (host, codes):
        strangers = []
        try:
            for _ in range(12):  # requests to the code page whose bodies never come
                stranger = socket.create_connection((LOOPBACK, host.port))
                stranger.sendall(b"POST /web/ticket HTTP/1.1\r\nHost: x\r\nContent-Length: 900\r\n\r\n")
                strangers.append(stranger)
                time.sleep(0.03)
            start = time.monotonic()
            assert Api(host.port, codes.seats["korvia"], timeout=3.0).get("/api/whoami").status == 200
            assert time.monotonic() - start < 1.0
            running = host.running.door
            assert running is not None and running.open <= 8
        finally:
            for stranger in strangers:
                stranger.close()
