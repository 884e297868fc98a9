"""Running a host: bind, serve until told to stop, close cleanly.

`RunningHost` is the host on the current event loop (what `accord host` runs); `HostThread` runs the
same on a loop of its own in a background thread, for tests and for a host whose own terminal shows
the facilitator's console. Loopback is the default address: serving a room is a choice the
facilitator makes with `--bind`.
"""

import asyncio
import contextlib
import shlex
import ssl
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from aiohttp import web

from game.errors import AccordError
from game.net.codes import Codes
from game.net.host import BURST, FAILED_BURST, FAILED_RATE, RATE, Host
from game.net.table import HostTable

if TYPE_CHECKING:
    from game.net.door import Door
    from game.net.web import JoinServer

LOOPBACK = "127.0.0.1"


@dataclass(frozen=True, slots=True)
class HostTls:
    """The host's certificate (its file, which teams may need for `accord join --ca`) and the context
    built from it and its key (`game.net.tls.server_context`)."""

    cert: str
    context: ssl.SSLContext


@dataclass(frozen=True, slots=True)
class HostOptions:
    bind: str = LOOPBACK
    port: int = 8470
    """0: any free port (the bound one is then in `RunningHost.port`)."""
    web: bool = False
    """Also serve the join screen to browsers, through textual-serve, under /web/."""
    tls: HostTls | None = None
    """Serve HTTPS and WSS rather than plain HTTP."""
    rate: float = RATE
    burst: float = BURST
    failed_rate: float = FAILED_RATE
    failed_burst: float = FAILED_BURST


class RunningHost:
    def __init__(self, table: HostTable, codes: Codes, options: HostOptions) -> None:
        self.table = table
        self.codes = codes
        self.options = options
        self.host = Host(table, codes, rate=options.rate, burst=options.burst, failed_rate=options.failed_rate,
                         failed_burst=options.failed_burst)
        self.port = options.port
        self._runner: web.AppRunner | None = None
        self.web: JoinServer | None = None
        """The browser join screen (`--web`), once started."""
        self.door: Door | None = None
        """The connections held (`game.net.door`), once started."""

    @property
    def address(self) -> str:
        """HOST:PORT as `accord join` on this machine takes it (loopback when bound to every interface)."""
        bind = self.options.bind
        shown = LOOPBACK if bind in ("0.0.0.0", "") else ("localhost" if bind == "::" else bind)
        return f"[{shown}]:{self.port}" if ":" in shown else f"{shown}:{self.port}"

    @property
    def url(self) -> str:
        return f"{'https' if self.options.tls else 'http'}://{self.address}"

    def join_target(self, address: str) -> str:
        """What `accord join` takes to reach this host at `address` (HOST:PORT): the address, or its
        https:// URL and the certificate to trust when the host serves TLS."""
        tls = self.options.tls
        return address if tls is None else f"https://{address} --ca {shlex.quote(tls.cert)}"

    async def start(self) -> None:
        from game.net.door import IDLE, Door, GuardedSite, connection_cap, descriptor_limit, quiet_libraries

        app = self.host.application()
        if self.options.web:
            from game.net.web import add_web_join

            add_web_join(app, self)
        quiet_libraries()
        limit = descriptor_limit()
        self.door = Door(connection_cap(limit), limit)
        app.middlewares.insert(0, self.door.middleware)
        self.host.door = self.door
        self._runner = web.AppRunner(app, handle_signals=False, access_log=None, shutdown_timeout=2.0,
                                     keepalive_timeout=IDLE)
        await self._runner.setup()
        tls = self.options.tls
        site = GuardedSite(self._runner, self.options.bind, self.options.port, self.door,
                           ssl_context=tls.context if tls is not None else None)
        try:
            await site.start()
        except OSError as error:
            await self._runner.cleanup()
            raise AccordError(f"cannot listen on {self.options.bind}:{self.options.port}: "
                              f"{error.strerror or error} (is another host running? choose --port)") from None
        self.port = site.port
        self.table.advance()  # AI seats play the open round (a round with no human waiting resolves)
        await self.host.journal.durable()

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None


async def serve(table: HostTable, codes: Codes, options: HostOptions, ready: Callable[[RunningHost], None],
                stop: asyncio.Event) -> None:
    """Serve until `stop` is set."""
    running = RunningHost(table, codes, options)
    await running.start()
    ready(running)
    try:
        await stop.wait()
    finally:
        await running.stop()


async def cancel_all() -> None:
    """Cancel every other task of the running loop and wait for them to end."""
    tasks = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


class HostThread:
    """A host on its own event loop in a daemon thread: `start()` returns once it listens."""

    def __init__(self, table: HostTable, codes: Codes, options: HostOptions) -> None:
        self.running = RunningHost(table, codes, options)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="accord-host", daemon=True)

    @property
    def port(self) -> int:
        return self.running.port

    @property
    def address(self) -> str:
        return self.running.address

    def start(self, timeout: float = 10.0) -> "HostThread":
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self.running.start(), self._loop).result(timeout)
        return self

    async def _shutdown(self) -> None:
        """Stop serving, then end whatever the server left running (a connection still open), as
        `asyncio.run` does, so that no task is left to be destroyed while pending."""
        await self.running.stop()
        await cancel_all()

    def call(self, function: Callable[[], object], timeout: float = 10.0) -> object:
        """Run `function` on the host's loop (the only thread that may touch its session)."""
        async def run() -> object:
            return function()

        return asyncio.run_coroutine_threadsafe(run(), self._loop).result(timeout)

    def stop(self, timeout: float = 10.0) -> None:
        if not self._thread.is_alive():
            return
        with contextlib.suppress(Exception):
            asyncio.run_coroutine_threadsafe(self._shutdown(), self._loop).result(timeout)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout)
        if not self._thread.is_alive():
            self._loop.close()
