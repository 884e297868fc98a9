"""A classroom's worth of teams at once: N simulated clients play one round against a real host.

    python -m benchmarks.net_load [--clients 40] [--limit 30] [--json]

The host is `accord host SAVE` in a process of its own, on a free loopback port (127.0.0.1, never
another address), over a generated scenario with one state per client, all human seats, autosaving
after every order as in class. Each client (an asyncio task with its own connection and its own code)
opens the notice socket, reads its view, submits a budget, sends a message to another team, reads its
view again (as a screen refreshes), and declares itself ready; the last `ready` resolves the round,
and the run ends when every client has seen the next round's notice, or at `--limit` seconds, which
it never outlives. It prints the latency percentiles of the requests, the time from the last `ready`
to every client knowing the round is resolved, and the errors; the floor is `GET /api/ping` on the
same connections (the network and the server without any game work).
"""

import argparse
import asyncio
import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

from benchmarks.figure import Figure
from benchmarks.processes import stop
from benchmarks.synthetic import generate, write

ROOT = Path(__file__).resolve().parents[1]
LOOPBACK = "127.0.0.1"
LIMIT_S = 30.0


@dataclass
class Result:
    clients: int
    latencies_ms: dict[str, list[float]] = field(default_factory=dict)
    ping_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    resolution_ms: float | None = None
    """From the last `ready` sent to the last client's notice of the next round."""
    seconds: float = 0.0
    finished: bool = False

    def all_ms(self) -> list[float]:
        return [value for values in self.latencies_ms.values() for value in values]

    def record(self, kind: str, ms: float) -> None:
        self.latencies_ms.setdefault(kind, []).append(ms)

    def to_data(self) -> dict[str, Any]:
        every = self.all_ms()
        return {
            "clients": self.clients, "requests": len(every), "errors": self.errors, "finished": self.finished,
            "seconds": round(self.seconds, 3), "resolution_ms": self.resolution_ms,
            "latency_ms": percentiles(every), "ping_ms": percentiles(self.ping_ms),
            "by_kind": {kind: percentiles(values) for kind, values in sorted(self.latencies_ms.items())},
        }


def percentiles(values: list[float]) -> dict[str, float | None]:
    if not values:
        return {"p50": None, "p90": None, "p99": None, "max": None}
    ordered = sorted(values)

    def at(share: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(share * len(ordered)))], 2)

    return {"p50": at(0.50), "p90": at(0.90), "p99": at(0.99), "max": round(ordered[-1], 2)}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        port: int = probe.getsockname()[1]
        return port


def new_save(folder: Path, clients: int) -> Path:
    """A game of `clients` states, every seat a human team, saved where the host will find it."""
    from game.scenario.loader import load_scenario
    from game.session.session import Session

    scenario = load_scenario(write(generate(clients, max(2, clients // 4), clients * 5, rounds=3,
                                            scenario_id=f"load-{clients}"), folder))
    save = folder / "load.json"
    Session.new(scenario, 1, None, saves_dir=None, path=save)
    return save


class Client:
    def __init__(self, port: int, seat: str, code: str, peer: str, result: Result) -> None:
        self.base = f"http://{LOOPBACK}:{port}"
        self.seat = seat
        self.code = code
        self.peer = peer
        self.result = result
        self.round_two = asyncio.Event()
        self.opened = asyncio.Event()

    async def call(self, http: aiohttp.ClientSession, kind: str, method: str, path: str,
                   body: dict[str, Any] | None = None) -> Any:
        started = time.perf_counter()
        try:
            async with http.request(method, self.base + path, json=body) as response:
                data = await response.json(content_type=None)
                if response.status != 200:
                    self.result.errors.append(f"{self.seat} {kind}: {response.status} {data}")
        except (aiohttp.ClientError, TimeoutError) as error:
            self.result.errors.append(f"{self.seat} {kind}: {error!r}")
            return None
        elapsed = (time.perf_counter() - started) * 1000
        if kind == "ping":
            self.result.ping_ms.append(elapsed)
        else:
            self.result.record(kind, elapsed)
        return data

    async def listen(self, http: aiohttp.ClientSession) -> None:
        with contextlib.suppress(aiohttp.ClientError, asyncio.CancelledError):
            async with http.ws_connect(self.base + "/api/events") as notices:
                self.opened.set()
                async for message in notices:
                    if json.loads(message.data)["round"] >= 2:
                        self.round_two.set()
                        return
        self.opened.set()

    async def play(self, start: asyncio.Event) -> float | None:
        """The client's round; the time it sent `ready` (perf_counter), or None if it could not."""
        headers = {"Authorization": f"Bearer {self.code}"}
        async with aiohttp.ClientSession(headers=headers, timeout=aiohttp.ClientTimeout(total=LIMIT_S)) as http:
            listener = asyncio.ensure_future(self.listen(http))
            await self.opened.wait()
            await start.wait()
            for _ in range(3):
                await self.call(http, "ping", "GET", "/api/ping")
            reply = await self.call(http, "view", "GET", "/api/view")
            if reply is None:
                listener.cancel()
                return None
            free = float(reply["player"]["me"]["available"])
            await self.call(http, "allocate", "POST", "/api/action", {"action": {
                "type": "allocate", "state": self.seat, "budget": {"enforcement": round(free / 2, 1)}}})
            await self.call(http, "message", "POST", "/api/action", {"action": {
                "type": "message", "state": self.seat, "to": [self.peer], "text": f"{self.seat} to {self.peer}"}})
            await self.call(http, "view", "GET", "/api/view")
            sent = time.perf_counter()
            await self.call(http, "ready", "POST", "/api/action", {"action": {"type": "ready", "state": self.seat}})
            await self.round_two.wait()
            listener.cancel()
            return sent


async def load(port: int, codes: dict[str, str], result: Result) -> None:
    seats = list(codes)
    clients = [Client(port, seat, codes[seat], seats[(i + 1) % len(seats)], result) for i, seat in enumerate(seats)]
    start = asyncio.Event()
    games = [asyncio.ensure_future(client.play(start)) for client in clients]
    await asyncio.gather(*(client.opened.wait() for client in clients))
    began = time.perf_counter()
    start.set()
    sent = await asyncio.gather(*games)
    seen = time.perf_counter()
    result.seconds = seen - began
    if all(stamp is not None for stamp in sent):
        result.resolution_ms = round((seen - max(s for s in sent if s is not None)) * 1000, 2)
        result.finished = True


def run_load(clients: int = 40, limit_s: float = LIMIT_S) -> Result:
    """One round of `clients` teams against a fresh host; never longer than `limit_s` seconds."""
    from game.net.codes import Codes, codes_path

    result = Result(clients)
    with tempfile.TemporaryDirectory(prefix="accord-net-load-") as name:
        folder = Path(name)
        save = new_save(folder, clients)
        port = free_port()
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        host = subprocess.Popen([sys.executable, "-m", "game", "host", str(save), "--port", str(port),
                                 "--bind", LOOPBACK], cwd=folder, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + limit_s
        try:
            path = codes_path(save)
            while not _answers(port):
                if host.poll() is not None or time.monotonic() > deadline:
                    assert host.stderr is not None
                    result.errors.append(f"the host did not start: {host.stderr.read().decode()[-300:]}")
                    return result
                time.sleep(0.05)
            codes = Codes.from_text(path.read_text(), str(path)).seats
            try:
                asyncio.run(asyncio.wait_for(load(port, codes, result), max(1.0, deadline - time.monotonic())))
            except TimeoutError:
                result.errors.append(f"stopped at the {limit_s:.0f} s limit before the round was seen resolved")
        finally:
            stop(host, signal.SIGTERM, 10)
    return result


def _answers(port: int) -> bool:
    with contextlib.suppress(OSError), socket.create_connection((LOOPBACK, port), timeout=0.2):
        return True
    return False


def net_figures(clients: int, reduced: bool) -> list[Figure]:
    """The load test as figures of `python -m benchmarks`: p50 and p99 latency, floor the ping."""
    result = run_load(clients)
    every = percentiles(result.all_ms())
    ping = percentiles(result.ping_ms)
    label = f"{clients} clients, one round"
    note = (f"{len(result.all_ms())} requests in {result.seconds:.2f} s, p90 {every['p90']} ms, max {every['max']} "
            f"ms; resolution seen by all {result.resolution_ms} ms after the last ready; "
            f"{len(result.errors)} error(s)" + (f": {result.errors[0]}" if result.errors else ""))
    return [
        Figure("net_p50", f"host latency p50, {label}", every["p50"], "ms", ping["p50"], "ping p50", None, reduced),
        Figure("net_p99", f"host latency p99, {label}", every["p99"], "ms", ping["p50"], "ping p50", None, reduced,
               note=note),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.net_load", description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=40, help="simulated teams (default: 40)")
    parser.add_argument("--limit", type=float, default=LIMIT_S, help=f"seconds at most (default: {LIMIT_S:.0f})")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    if not 2 <= args.clients <= 200:
        parser.error("--clients: from 2 to 200")
    result = run_load(args.clients, args.limit)
    data = result.to_data()
    if args.json:
        print(json.dumps(data, indent=1))
        return 0 if result.finished and not result.errors else 1
    every = data["latency_ms"]
    print(f"{args.clients} clients, one round on loopback: {data['requests']} requests in {data['seconds']} s")
    print(f"latency  p50 {every['p50']} ms  p90 {every['p90']} ms  p99 {every['p99']} ms  max {every['max']} ms")
    for kind, values in data["by_kind"].items():
        print(f"  {kind:<9} p50 {values['p50']} ms  p90 {values['p90']} ms  p99 {values['p99']} ms")
    print(f"ping     p50 {data['ping_ms']['p50']} ms (the floor: no game work)")
    print(f"the round resolved and every client saw it {data['resolution_ms']} ms after the last ready")
    print(f"errors: {len(result.errors)}" + "".join(f"\n  {error}" for error in result.errors[:10]))
    if not result.finished:
        print("the run did not finish within the limit")
    return 0 if result.finished and not result.errors else 1


if __name__ == "__main__":
    raise SystemExit(main())
