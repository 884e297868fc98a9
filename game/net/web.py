"""The join screen in a browser (`accord host --web`), through textual-serve, under /web/.

textual-serve runs a Textual app as a process per browser session and draws it in the page: here
the process is `accord join HOST:PORT` against this very host, over loopback, so a team with only a
browser plays the same screens with the same code. Its aiohttp application is mounted in the host's
own, so one port serves both.

A process costs the facilitator's machine some 60 MB, so none is started for a stranger: /web/ is a
small page of the host's own that asks for the code and checks it (wrong codes are rate limited per
address, as on the API); a valid code gets a ticket, good once and for a minute, and only a terminal
opened with a ticket starts a process, whose `accord join` receives the code in its environment
(`ACCORD_CODE`, never on a command line) and opens the team's desk at once. A page that never gives
a code holds nothing but an ordinary request, which the host's door closes within seconds.

The browser keeps the code for its tab (sessionStorage): when the host restarts, the terminal page
waits for it to answer again, asks for a new ticket with that code and comes back by itself.

What is adapted from textual-serve's `Server`: the page's URLs follow the address the browser used
(the library bakes one public URL in, which would send a classroom's browsers to 127.0.0.1), its
startup banner and logging are left out (the host prints its own), the number of browser
sessions at once is bounded, since each one is a process on the facilitator's machine, and the page
loads its font from this host (the Roboto Mono that textual-serve ships) instead of from Google
Fonts: a school's browsers tell no third party who is playing, and the page works offline.
"""

import asyncio
import contextlib
import json
import logging
import secrets
import shlex
import sys
import time
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import aiohttp_jinja2
import jinja2
from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server

if TYPE_CHECKING:
    from game.net.server import RunningHost

PREFIX = "/web"
QUIT_WAIT = 5.0
"""Seconds a browser session's process has to quit once its page is closed, before it is killed."""
TICKET_LIFE = 60.0
"""Seconds a ticket (a checked code's right to start one browser session) stays good."""
TICKETS = 256
"""Tickets kept at once (the oldest go first)."""
CODE_VARIABLE = "ACCORD_CODE"
TEMPLATES = Path(__file__).parent / "pages"
log = logging.getLogger("accord.web")


@dataclass(frozen=True, slots=True)
class Ticket:
    code: str
    expires: float


class Tickets:
    """Tickets, each good once and for `TICKET_LIFE` seconds, for a code already checked."""

    def __init__(self) -> None:
        self._tickets: OrderedDict[str, Ticket] = OrderedDict()

    def issue(self, code: str) -> str:
        ticket = secrets.token_urlsafe(24)
        self._tickets[ticket] = Ticket(code, time.monotonic() + TICKET_LIFE)
        while len(self._tickets) > TICKETS:
            self._tickets.popitem(last=False)
        return ticket

    def take(self, ticket: str) -> str | None:
        """The code `ticket` was issued for, once; None if unknown, used or expired."""
        found = self._tickets.pop(ticket, None)
        return found.code if found is not None and found.expires > time.monotonic() else None


class CodeService(AppService):
    """A browser session's `accord join`, with its code in the environment (not on a command line,
    which every user of the machine can read)."""

    def __init__(self, *args: Any, code: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.code = code

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        environment = super()._build_environment(width, height)
        environment[CODE_VARIABLE] = self.code
        return environment


class JoinServer(Server):
    def __init__(self, command: str, limit: int, running: "RunningHost") -> None:
        super().__init__(command, title="Accord")
        self.limit = limit
        self.active = 0
        self.started = 0
        """Browser session processes started so far."""
        self.running = running
        self.tickets = Tickets()

    def session_command(self) -> str:
        """`accord join` at this host's address as bound (a host asked for any free port has one now)."""
        running = self.running
        tls = running.options.tls
        return join_command(f"https://{running.address}" if tls else running.address,
                            str(Path(tls.cert).resolve()) if tls else None)

    async def on_startup(self, app: web.Application) -> None:
        """No banner: the host prints how to join."""

    @aiohttp_jinja2.template("code.html")
    async def handle_index(self, request: web.Request) -> dict[str, Any]:
        """The page that asks for the code: no process, nothing kept open."""
        scenario = self.running.table.session.scenario
        return {"title": scenario.title, "ticket_url": f"{PREFIX}/ticket", "play_url": f"{PREFIX}/play"}

    async def handle_ticket(self, request: web.Request) -> web.Response:
        """A ticket for a valid code (JSON `{"code": ...}`), or 401/429 with the reason."""
        host = self.running.host
        address = request.remote or "?"
        try:
            raw = await asyncio.wait_for(request.content.read(1024), 2.0)
            given = json.loads(raw or b"{}").get("code", "")
        except (ValueError, AttributeError, TimeoutError):
            given = ""
        role = host.codes.role(given) if isinstance(given, str) and given.strip() else None
        if role is None:
            if not host.failures.allow(address):
                wait = max(1, round(host.failures.retry_after(address)))
                return web.json_response({"error": f"too many wrong codes; wait {wait} s"}, status=429,
                                         headers={"Retry-After": str(wait)})
            return web.json_response({"error": "this code is not valid for this game: check it with the facilitator"},
                                     status=401)
        return web.json_response({"ticket": self.tickets.issue(given.strip())})

    async def handle_play(self, request: web.Request) -> web.Response:
        """The terminal page for a ticket (its terminal starts the session; the ticket is not taken here)."""
        ticket = request.query.get("ticket", "")
        root = f"{request.scheme}://{request.host}"
        router = request.app.router
        static = root + str(router["static"].url_for(filename="/")).rstrip("/") + "/"
        # the ticket goes in the path: textual.js appends "?width=..&height=.." to this URL as it is
        socket = root + str(router["websocket"].url_for(ticket=quote(ticket, safe="") or "none"))
        socket = ("wss:" if root.startswith("https") else "ws:") + socket.split(":", 1)[1]
        font_size = request.query.get("fontsize", "16")
        context = {
            "font_size": int(font_size) if font_size.isdigit() and int(font_size) <= 64 else 16,
            "app_websocket_url": socket,
            "static_url": static,
            "ticket_url": f"{PREFIX}/ticket",
            "play_url": f"{PREFIX}/play",
            "code_url": f"{PREFIX}/",
            "ping_url": "/api/ping",
        }
        return aiohttp_jinja2.render_template("terminal.html", request, context)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """textual-serve's own, for a ticket only, bounded, and waiting for the session's process to
        end, so that no process outlives its session or the host (the library leaves it to the
        garbage collector)."""
        code = self.tickets.take(request.match_info.get("ticket", ""))
        if code is None:
            raise web.HTTPForbidden(text="give your join code first: this browser session has no valid ticket")
        if self.running.door is not None:
            self.running.door.hold(request)
        if self.active >= self.limit:
            raise web.HTTPServiceUnavailable(text="too many browser sessions on this host at once; close one first")
        self.active += 1
        socket = web.WebSocketResponse(heartbeat=15)
        width, height = _size(request.query.get("width"), 80), _size(request.query.get("height"), 24)
        service: AppService | None = None
        try:
            await socket.prepare(request)

            async def close() -> None:
                await socket.close()

            service = CodeService(self.session_command(), write_bytes=socket.send_bytes, write_str=socket.send_str,
                                  close=close, download_manager=self.download_manager, debug=self.debug, code=code)
            self.started += 1
            await service.start(width, height)
            await self._process_messages(socket, service)
        except asyncio.CancelledError:
            await socket.close()
        except Exception:
            log.exception("a browser session failed")
        finally:
            self.active -= 1
            if service is not None:
                await _end(service)
        return socket


def _size(text: str | None, default: int) -> int:
    return min(int(text), 1000) if text is not None and text.isdigit() and int(text) > 0 else default


async def _end(service: AppService) -> None:
    """Ask the session's app to quit, then make sure its process is gone and reaped."""
    with contextlib.suppress(Exception):
        await asyncio.wait_for(service.stop(), QUIT_WAIT)
    process = service._process
    if process is None:
        return
    if process.returncode is None:
        with contextlib.suppress(ProcessLookupError):
            process.kill()
    with contextlib.suppress(Exception):
        await asyncio.wait_for(process.wait(), QUIT_WAIT)


def join_command(address: str, ca: str | None = None) -> str:
    """The command textual-serve runs for each browser: this Python, this Accord, this host (its
    https:// URL and certificate when it serves TLS)."""
    return shlex.join([sys.executable, "-m", "game", "join", address, *(["--ca", ca] if ca else [])])


def add_web_join(app: web.Application, running: "RunningHost") -> None:
    """Mount the browser join screen at /web/ (and send / there)."""
    seats = sum(1 for seat in running.table.session.seats.values() if seat.is_human)
    server = JoinServer("accord join", limit=2 * seats + 4, running=running)
    running.web = server

    async def to_web(request: web.Request) -> web.StreamResponse:
        raise web.HTTPFound(f"{PREFIX}/")

    sub = web.Application()
    aiohttp_jinja2.setup(sub, loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True)
    sub.add_routes([
        web.get("/", server.handle_index, name="index"),
        web.post("/ticket", server.handle_ticket, name="ticket"),
        web.get("/play", server.handle_play, name="play"),
        web.get("/ws", server.handle_websocket),
        web.get("/ws/{ticket}", server.handle_websocket, name="websocket"),
        web.static("/static", server.statics_path, name="static"),
    ])
    app.add_subapp(f"{PREFIX}/", sub)
    app.router.add_get("/", to_web)
