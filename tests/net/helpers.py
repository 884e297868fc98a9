"""Helpers for the network tests: a real host on a free loopback port, in this process (on a thread
of its own) or as an `accord host` subprocess, and a plain HTTP client (the standard library's) that
can send anything, malformed or oversized, and reads every answer as (status, JSON)."""

import contextlib
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.net.codes import Codes, codes_for
from game.net.roles import Split
from game.net.server import HostOptions, HostThread
from game.net.table import HostTable
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario
from game.session.seats import Seat
from game.session.session import Session

LOOPBACK = "127.0.0.1"
ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Reply:
    status: int
    data: Any
    headers: dict[str, str]

    @property
    def error(self) -> str:
        return str(self.data.get("error", "")) if isinstance(self.data, dict) else ""


class Api:
    """One client with one code (or none), speaking plain HTTP/1.1 to the host."""

    def __init__(self, port: int, code: str | None = None, timeout: float = 10.0) -> None:
        self.port = port
        self.code = code
        self.timeout = timeout

    def send(self, method: str, path: str, body: bytes | None = None,
             headers: dict[str, str] | None = None) -> Reply:
        connection = http.client.HTTPConnection(LOOPBACK, self.port, timeout=self.timeout)
        sent = {"Content-Type": "application/json"}
        if self.code is not None:
            sent["Authorization"] = f"Bearer {self.code}"
        sent.update(headers or {})
        try:
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            raw = response.read()
        finally:
            connection.close()
        try:
            data = json.loads(raw) if raw else None
        except ValueError:
            data = raw.decode(errors="replace")
        return Reply(response.status, data, dict(response.getheaders()))

    def get(self, path: str) -> Reply:
        return self.send("GET", path)

    def post(self, path: str, data: Any = None) -> Reply:
        return self.send("POST", path, json.dumps({} if data is None else data).encode())

    def act(self, action: dict[str, Any], request: str | None = None) -> Reply:
        body: dict[str, Any] = {"action": action}
        if request is not None:
            body["request"] = request
        return self.post("/api/action", body)

    def view(self) -> dict[str, Any]:
        reply = self.get("/api/view")
        assert reply.status == 200, reply
        view: dict[str, Any] = reply.data["player"] or reply.data["org"]
        return view


def tutorial_session(path: Path | None, *, ai: tuple[str, ...] = (), seed: int = 7) -> Session:
    scenario = load_scenario(resolve_scenario("tutorial"))
    seats = {state_id: Seat.ai("cooperative") for state_id in ai}
    return Session.new(scenario, seed, seats, saves_dir=None, path=path)


@contextlib.contextmanager
def hosted(session: Session, split: Split | None = None, **options: Any) -> Iterator[tuple[HostThread, Codes]]:
    """A host on a free loopback port, on a thread of its own, for the length of the block; with
    `split`, each human state's team plays in roles (`accord host --roles`)."""
    humans = [seat_id for seat_id, seat in session.seats.items() if seat.is_human]
    table = HostTable(session)
    codes = codes_for(session.path, humans, members=table.use_roles(split))
    host = HostThread(table, codes, HostOptions(port=0, **options)).start()
    try:
        yield host, codes
    finally:
        host.stop()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        port: int = probe.getsockname()[1]
        return port


def wait_for(condition: Callable[[], bool], timeout: float = 10.0, every: float = 0.02) -> None:
    """Until `condition()` holds, or fail after `timeout` seconds (never longer)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout} s: {getattr(condition, '__name__', condition)}")
        time.sleep(every)


class HostProcess:
    """`accord host SAVE --port P` as a child process: what a facilitator runs, killable for real."""

    def __init__(self, save: Path, port: int, *extra: str, descriptors: int | None = None) -> None:
        self.save = save
        self.port = port
        self.extra = extra
        self.descriptors = descriptors
        """A hard limit on the host's descriptors (as a laptop's default), else the test's own."""
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 15.0) -> "HostProcess":
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "game", "host", str(self.save), "--port", str(self.port), *self.extra],
            cwd=self.save.parent, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env,
            preexec_fn=self._limit if self.descriptors is not None else None)
        api = Api(self.port, timeout=1.0)

        def answers() -> bool:
            assert self.process is not None and self.process.poll() is None, self.output()
            with contextlib.suppress(OSError):
                return api.get("/api/ping").status == 200
            return False

        wait_for(answers, timeout)
        return self

    def _limit(self) -> None:
        import resource

        assert self.descriptors is not None
        resource.setrlimit(resource.RLIMIT_NOFILE, (self.descriptors, self.descriptors))

    def output(self) -> str:
        if self.process is None or self.process.stdout is None or self.process.poll() is None:
            return ""
        return self.process.stdout.read().decode(errors="replace")

    def kill(self) -> None:
        """SIGKILL: no goodbye, no last save, as when the laptop's lid closes on a crash."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> str:
        if self.process is None:
            return ""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        assert self.process.stdout is not None
        return self.process.stdout.read().decode(errors="replace")
