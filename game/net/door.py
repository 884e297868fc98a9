"""The host's door: how many connections it keeps open, and for how long.

A laptop's process may hold 1,024 descriptors (256 on macOS); about 1,100 idle connections opened by
anyone on the class network, with no code, used to lock every team out, and aiohttp kept an idle
connection for an hour. So:

- a connection that sends no request for `IDLE` seconds is closed (silent, half-open, or idle between
  requests: aiohttp's keep-alive timeout, which also runs from the moment a connection opens), a TLS
  handshake that does not finish within `HANDSHAKE` seconds likewise, and a request body that does
  not arrive within `BODY` seconds is refused (`game.net.host`);
- the host raises its soft descriptor limit toward the hard one where the system allows, and keeps
  the connections it holds under half of it (`connection_cap`), the rest being for its saves, its
  browser sessions' pipes and the loop itself;
- when the cap is reached a newcomer is not turned away: the oldest connection that is not serving a
  team (in its TLS handshake, between requests, or on a request without a valid code) is closed to
  make room, so a flood of idle connections only pushes out other strangers' while a team's request or
  notice socket is kept; only when every connection serves a team is a newcomer refused;
- all of that is said once per minute in one line, never a traceback per connection.

The accept loop is the host's own (a listening socket read when it is ready), because asyncio's
server accepts everything it can and logs every failure to accept with its traceback.
"""

import asyncio
import contextlib
import errno
import logging
import socket
import ssl
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from aiohttp import web

IDLE = 5.0
"""Seconds a connection may stay without sending a request."""
HANDSHAKE = 5.0
"""Seconds a TLS handshake may take."""
BODY = 10.0
"""Seconds a request's body may take to arrive."""
SAY_EVERY = 60.0
"""Seconds between two lines about refused or closed connections."""
ACCEPTS_AT_ONCE = 64
HELD = web.RequestKey("accord.door.held", bool)
"""The request key that says `Door.hold` holds its connection."""
MOST_DESCRIPTORS = 65536

log = logging.getLogger("accord.host")


class OncePerMinute(logging.Filter):
    """One line per kind of problem per minute, without its traceback: a stranger sending malformed
    requests on a thousand connections would otherwise fill the facilitator's terminal (and disk)
    with aiohttp's and asyncio's tracebacks, one per connection."""

    def __init__(self, every: float = SAY_EVERY) -> None:
        super().__init__()
        self.every = every
        self._last: dict[tuple[str, str], float] = {}
        self._quiet: dict[tuple[str, str], int] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        key = (record.name, str(record.msg))
        now = time.monotonic()
        if now - self._last.get(key, -self.every) < self.every:
            self._quiet[key] = self._quiet.get(key, 0) + 1
            return False
        self._last[key] = now
        if len(self._last) > 256:
            self._last.pop(next(iter(self._last)))
        words = record.getMessage()
        error = record.exc_info[1] if record.exc_info else None
        if error is not None:
            first = (str(error).splitlines() or [""])[0]
            words += f": {type(error).__name__}{': ' + first if first else ''}"
        quiet = self._quiet.pop(key, 0)
        if quiet:
            words += f" ({quiet} more like it since, not shown)"
        record.msg, record.args = f"{words} (said at most once a minute)", None
        record.exc_info, record.exc_text = None, None
        return True


NOISY = ("aiohttp.server", "aiohttp.web", "aiohttp.websocket", "asyncio")
"""The libraries' loggers that a stranger's connections can make speak."""


def quiet_libraries() -> None:
    """Put `OncePerMinute` on the libraries' loggers, once per process."""
    for name in NOISY:
        logger = logging.getLogger(name)
        if not any(isinstance(f, OncePerMinute) for f in logger.filters):
            logger.addFilter(OncePerMinute())


def descriptor_limit() -> int:
    """The descriptors this process may open, after raising the soft limit toward the hard one (up to
    `MOST_DESCRIPTORS`) where the system allows it (macOS refuses more than its OPEN_MAX)."""
    try:
        import resource
    except ImportError:  # not a POSIX system
        return 512
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    infinite = resource.RLIM_INFINITY
    ceiling = MOST_DESCRIPTORS if hard == infinite else min(hard, MOST_DESCRIPTORS)
    if soft == infinite:
        return MOST_DESCRIPTORS
    for wanted in (ceiling, 10240, 4096):
        if wanted <= soft:
            break
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
        except (ValueError, OSError):
            continue
        soft = wanted
        break
    return soft


def connection_cap(limit: int) -> int:
    """Connections held at once with `limit` descriptors: well under half of them."""
    return max(8, limit // 2 - 32)


@dataclass(slots=True)
class _Entry:
    socket: socket.socket
    task: "asyncio.Task[None] | None" = None
    """Taking the connection on (its TLS handshake): None once done."""
    transport: asyncio.BaseTransport | None = None


class Door:
    """The connections a host holds, and whether each is busy serving a team (`hold`)."""

    def __init__(self, cap: int, limit: int) -> None:
        self.cap = cap
        self.limit = limit
        self._entries: OrderedDict[int, _Entry] = OrderedDict()
        self._busy: dict[asyncio.BaseTransport, int] = {}
        self._closed = 0
        self._refused = 0
        self._said_at = -SAY_EVERY

    @property
    def open(self) -> int:
        self._sweep()
        return len(self._entries)

    def hold(self, request: web.Request) -> None:
        """The connection of `request`, from a team (a valid code or ticket), is busy until the request
        ends (a WebSocket's when it closes): never closed to make room. A stranger's request is not
        held, however slowly it comes, so strangers can only push out one another."""
        transport = request.transport
        if transport is None or request.get(HELD):
            return
        request[HELD] = True
        self._busy[transport] = self._busy.get(transport, 0) + 1

    @web.middleware
    async def middleware(self, request: web.Request,
                         handler: Callable[[web.Request], Awaitable[web.StreamResponse]]) -> web.StreamResponse:
        """Release what `hold` held, once the request is over."""
        try:
            return await handler(request)
        finally:
            transport = request.transport
            if request.get(HELD) and transport is not None:
                left = self._busy.get(transport, 1) - 1
                if left:
                    self._busy[transport] = left
                else:
                    self._busy.pop(transport, None)

    def _sweep(self) -> None:
        for key, entry in list(self._entries.items()):
            if entry.transport is not None and entry.transport.is_closing():
                del self._entries[key]
                self._busy.pop(entry.transport, None)

    def room(self) -> bool:
        """Whether a newcomer may come in, after closing the oldest idle connection if it must."""
        if len(self._entries) < self.cap:
            return True
        self._sweep()
        if len(self._entries) < self.cap:
            return True
        for key, entry in self._entries.items():
            if entry.task is not None:
                entry.task.cancel()
            elif entry.transport is not None and entry.transport not in self._busy:
                if isinstance(entry.transport, asyncio.Transport):
                    entry.transport.abort()
                else:
                    entry.transport.close()
            else:
                continue
            del self._entries[key]
            self._closed += 1
            self._say()
            return True
        self._refused += 1
        self._say()
        return False

    def _say(self) -> None:
        now = time.monotonic()
        if now - self._said_at < SAY_EVERY:
            return
        self._said_at = now
        log.warning("%s connections open, the most this host keeps (%s descriptors): idle ones are closed to "
                    "make room (%s so far) and newcomers refused when every one is busy (%s so far); said once "
                    "a minute", self.cap, self.limit, self._closed, self._refused)

    def add(self, entry: _Entry) -> None:
        self._entries[id(entry)] = entry

    def forget(self, entry: _Entry) -> None:
        self._entries.pop(id(entry), None)


class GuardedSite(web.BaseSite):
    """A TCP site that accepts through a `Door` and bounds TLS handshakes (see the module)."""

    def __init__(self, runner: web.BaseRunner, host: str, port: int, door: Door, *,
                 ssl_context: ssl.SSLContext | None = None, handshake: float = HANDSHAKE) -> None:
        super().__init__(runner, ssl_context=ssl_context)
        self._host = host
        self._port = port
        self.door = door
        self._handshake = handshake
        self._listener: socket.socket | None = None
        self._paused: asyncio.TimerHandle | None = None
        self._adopting: set[asyncio.Task[None]] = set()

    @property
    def name(self) -> str:
        return f"{'https' if self._ssl_context else 'http'}://{self._host}:{self.port}"

    @property
    def port(self) -> int:
        return int(self._listener.getsockname()[1]) if self._listener is not None else self._port

    async def start(self) -> None:
        await super().start()
        family = socket.AF_INET6 if ":" in self._host else socket.AF_INET
        listener = socket.create_server((self._host, self._port), family=family, backlog=512, reuse_port=False)
        listener.setblocking(False)
        self._listener = listener
        asyncio.get_running_loop().add_reader(listener.fileno(), self._accept)

    def _accept(self) -> None:
        listener = self._listener
        if listener is None:
            return
        for _ in range(ACCEPTS_AT_ONCE):
            try:
                connection, _ = listener.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError as error:  # out of descriptors or memory: wait a little, say it once
                if error.errno in (errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM):
                    self.door._refused += 1
                    self.door._say()
                    self._pause(0.2)
                return
            if not self.door.room():
                connection.close()
                continue
            connection.setblocking(False)
            entry = _Entry(connection)
            self.door.add(entry)
            task = asyncio.get_running_loop().create_task(self._adopt(entry))
            entry.task = task
            self._adopting.add(task)
            task.add_done_callback(self._adopting.discard)

    def _pause(self, seconds: float) -> None:
        loop = asyncio.get_running_loop()
        if self._listener is None or self._paused is not None:
            return
        loop.remove_reader(self._listener.fileno())

        def resume() -> None:
            self._paused = None
            if self._listener is not None:
                loop.add_reader(self._listener.fileno(), self._accept)

        self._paused = loop.call_later(seconds, resume)

    async def _adopt(self, entry: _Entry) -> None:
        loop = asyncio.get_running_loop()
        server = self._runner.server
        assert server is not None
        tls = self._ssl_context
        try:
            transport, _ = await loop.connect_accepted_socket(
                server, entry.socket, ssl=tls, ssl_handshake_timeout=self._handshake if tls is not None else None)
        except asyncio.CancelledError:
            entry.socket.close()
            self.door.forget(entry)
            raise
        except (OSError, ssl.SSLError, TimeoutError, ValueError):
            entry.socket.close()
            self.door.forget(entry)
            return
        entry.transport = transport
        entry.task = None

    async def stop(self) -> None:
        loop = asyncio.get_running_loop()
        if self._paused is not None:
            self._paused.cancel()
            self._paused = None
        if self._listener is not None:
            with contextlib.suppress(Exception):
                loop.remove_reader(self._listener.fileno())
            self._listener.close()
            self._listener = None
        for task in list(self._adopting):
            task.cancel()
        await asyncio.gather(*self._adopting, return_exceptions=True)
        self._runner._unreg_site(self)
