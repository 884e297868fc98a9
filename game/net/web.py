"""The join screen in a browser (`accord host --web`), through textual-serve, under /web/.

textual-serve runs a Textual app as a process per browser session and draws it in the page: here
the process is `accord join HOST:PORT` against this very host, over loopback, and the team types its
code in the browser (the code screen), so a team with only a browser plays the same screens with
the same code. Its aiohttp application is mounted in the host's own, so one port serves both.

What is adapted from textual-serve's `Server`: the page's URLs follow the address the browser used
(the library bakes one public URL in, which would send a classroom's browsers to 127.0.0.1), its
startup banner and logging are left out (the host prints its own), the number of browser
sessions at once is bounded, since each one is a process on the facilitator's machine, and the page
loads its font from this host (the Roboto Mono that textual-serve ships) instead of from Google
Fonts: a school's browsers tell no third party who is playing, and the page works offline.
"""

import asyncio
import contextlib
import logging
import re
import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import aiohttp_jinja2
import jinja2
from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server

if TYPE_CHECKING:
    from game.net.server import RunningHost

PREFIX = "/web"
REMOTE_FONT = re.compile(r"<link[^>]*fonts\.(googleapis|gstatic)\.com[^>]*>", re.S)
LOCAL_FONT = "<style>" + "".join(
    f'@font-face{{font-family:"Roboto Mono";font-style:{style};font-weight:100 700;font-display:swap;'
    f'src:url("{{{{ config.static.url }}}}fonts/{name}") format("truetype")}}'
    for style, name in (("normal", "RobotoMono-VariableFont_wght.ttf"),
                        ("italic", "RobotoMono-Italic-VariableFont_wght.ttf"))) + "</style>"
"""textual-serve ships the font its page fetches from Google: the page is pointed at that copy."""
QUIT_WAIT = 5.0
"""Seconds a browser session's process has to quit once its page is closed, before it is killed."""
log = logging.getLogger("accord.web")


class JoinServer(Server):
    def __init__(self, command: str, limit: int) -> None:
        super().__init__(command, title="Accord")
        self.limit = limit
        self.active = 0

    async def on_startup(self, app: web.Application) -> None:
        """No banner: the host prints how to join."""

    @aiohttp_jinja2.template("app_index.html")
    async def handle_index(self, request: web.Request) -> dict[str, Any]:
        root = f"{request.scheme}://{request.host}"
        router = request.app.router
        static = root + str(router["static"].url_for(filename="/")).rstrip("/") + "/"
        socket = root + str(router["websocket"].url_for())
        socket = ("wss:" if root.startswith("https") else "ws:") + socket.split(":", 1)[1]
        font_size = request.query.get("fontsize", "16")
        return {
            "font_size": int(font_size) if font_size.isdigit() else 16,
            "app_websocket_url": socket,
            "config": {"static": {"url": static}},
            "application": {"name": self.title},
        }

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """textual-serve's own, bounded, and waiting for the session's process to end, so that no
        process outlives its session or the host (the library leaves it to the garbage collector)."""
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

            service = AppService(self.command, write_bytes=socket.send_bytes, write_str=socket.send_str,
                                 close=close, download_manager=self.download_manager, debug=self.debug)
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


def page_template(templates: Path) -> str:
    """textual-serve's page with the font link to the internet replaced by the local font."""
    return REMOTE_FONT.sub(LOCAL_FONT, (templates / "app_index.html").read_text("utf-8"))


def join_command(address: str, ca: str | None = None) -> str:
    """The command textual-serve runs for each browser: this Python, this Accord, this host (its
    https:// URL and certificate when it serves TLS)."""
    return shlex.join([sys.executable, "-m", "game", "join", address, *(["--ca", ca] if ca else [])])


def add_web_join(app: web.Application, running: "RunningHost") -> None:
    """Mount the browser join screen at /web/ (and send / there)."""
    seats = sum(1 for seat in running.table.session.seats.values() if seat.is_human)
    tls = running.options.tls
    server = JoinServer(join_command(f"https://{running.address}" if tls else running.address,
                                     str(Path(tls.cert).resolve()) if tls else None), limit=2 * seats + 4)

    async def to_web(request: web.Request) -> web.StreamResponse:
        raise web.HTTPFound(f"{PREFIX}/")

    sub = web.Application()
    page = jinja2.DictLoader({"app_index.html": page_template(Path(server.templates_path))})
    aiohttp_jinja2.setup(sub, loader=jinja2.ChoiceLoader([page, jinja2.FileSystemLoader(server.templates_path)]))
    sub.add_routes([
        web.get("/", server.handle_index, name="index"),
        web.get("/ws", server.handle_websocket, name="websocket"),
        web.get("/download/{key}", server.handle_download, name="download"),
        web.static("/static", server.statics_path, name="static"),
    ])
    app.add_subapp(f"{PREFIX}/", sub)
    app.router.add_get("/", to_web)
