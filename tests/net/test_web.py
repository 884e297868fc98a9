"""`accord host --web`: the join screen in a browser, through textual-serve, on the host's own port.
A browser session is an `accord join` process on the host's machine, started only for a valid code:
the page asks for it first (no process, nothing held open), a valid code gets a ticket good once, and
the terminal opened with it goes straight to the team's desk; after a host restart the same code gets
a new ticket, which is how the page comes back by itself."""

import asyncio
import re
from pathlib import Path

import aiohttp

from game.net.codes import Codes
from game.net.roles import DEFAULT_SPLIT, INTERIOR
from game.net.server import HostOptions, HostThread
from game.net.table import HostTable
from tests.net.helpers import Api, free_port, hosted, tutorial_session

TERMINAL_CODES = re.compile(rb"\x1b\[[0-9;?$]*[a-zA-Z]|\x1b\][^\x07]*\x07")


async def ticket_for(client: aiohttp.ClientSession, base: str, code: str) -> str:
    async with client.post(f"{base}/web/ticket", json={"code": code}) as reply:
        assert reply.status == 200, await reply.text()
        ticket: str = (await reply.json())["ticket"]
        return ticket


async def socket_url(client: aiohttp.ClientSession, base: str, ticket: str) -> str:
    """The terminal's address as a browser opens it: the play page's websocket URL with the query that
    textual.js appends to it (`"?width=" + cols + "&height=" + rows`)."""
    async with client.get(f"{base}/web/play", params={"ticket": ticket}) as page:
        found = re.search(r'data-session-websocket-url="([^"]+)"', await page.text())
    assert found is not None
    return found.group(1) + "?width=100&height=30"


async def terminal_until(client: aiohttp.ClientSession, base: str, ticket: str, words: bytes) -> bytes:
    """What a browser's terminal opened with `ticket` shows, as text, until `words` appear."""
    seen = b""
    async with client.ws_connect(await socket_url(client, base, ticket)) as socket:
        async with asyncio.timeout(30):
            async for message in socket:
                if isinstance(message.data, bytes | str):
                    seen += message.data if isinstance(message.data, bytes) else message.data.encode()
                if words in TERMINAL_CODES.sub(b"", seen):
                    break
        await socket.close()
    return TERMINAL_CODES.sub(b"", seen)


def test_no_browser_session_process_starts_before_a_valid_code(tmp_path: Path) -> None:
    with hosted(tutorial_session(None), web=True) as (host, _):
        api = Api(host.port)
        page = api.send("GET", "/web/")
        assert page.status == 200 and "join code" in page.data and "<form" in page.data
        root = api.send("GET", "/")
        assert root.status == 302 and root.headers["Location"] == "/web/", "/ leads to the join page"
        assert api.send("GET", "/web/ws").status == 403
        assert api.send("GET", "/web/ws?ticket=made-up").status == 403
        assert api.send("GET", "/web/ws/made-up?width=80&height=24").status == 403
        wrong = api.send("POST", "/web/ticket", b'{"code": "AAAA-BBBB-CCCC-DDDD"}')
        assert wrong.status == 401 and "not valid for this game" in wrong.data["error"]
        web = host.running.web
        assert web is not None and web.started == 0 and web.active == 0, "no process for anyone without a code"


def test_the_terminal_page_follows_the_address_the_browser_used(tmp_path: Path) -> None:
    with hosted(tutorial_session(None), web=True) as (host, _):
        api = Api(host.port)
        page = api.send("GET", "/web/play?ticket=T1", headers={"Host": "192.168.1.20:8470"})
        assert page.status == 200
        assert 'data-session-websocket-url="ws://192.168.1.20:8470/web/ws/T1"' in page.data, (
            "no query of its own: textual.js appends ?width=..&height=.. to it")
        assert "http://192.168.1.20:8470/web/static/js/textual.js" in page.data
        assert "sessionStorage" in page.data and "/api/ping" in page.data, "it comes back after a restart"
        assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page.data, (
            "a tablet shows the terminal at its own width, not a zoomed-out desktop page")
        assert api.send("GET", "/web/static/js/textual.js").status == 200


def test_a_valid_code_opens_the_teams_desk_in_the_browser_once_per_ticket(tmp_path: Path) -> None:
    with hosted(tutorial_session(None), web=True) as (host, codes):
        base = f"http://127.0.0.1:{host.port}"

        async def browse() -> tuple[bytes, int]:
            async with aiohttp.ClientSession() as client:
                ticket = await ticket_for(client, base, codes.seats["korvia"].lower())
                screen = await terminal_until(client, base, ticket, b"KORVIA")
                async with client.get(await socket_url(client, base, ticket)) as again:
                    return screen, again.status

        screen, again = asyncio.run(browse())
        assert b"KORVIA" in screen and b"join code" not in screen, "straight to the team, no code asked again"
        assert again == 403, "a ticket is good once"
        assert host.running.web is not None and host.running.web.started == 1


def test_after_a_host_restart_the_same_code_gets_a_new_ticket(tmp_path: Path) -> None:
    save = tmp_path / "game.json"
    session = tutorial_session(save)
    codes = Codes.new(["korvia", "meridia", "aldmark"])
    port = free_port()
    base = f"http://127.0.0.1:{port}"

    async def ticket() -> str:
        async with aiohttp.ClientSession() as client:
            return await ticket_for(client, base, codes.seats["meridia"])

    host = HostThread(HostTable(session), codes, HostOptions(port=port, web=True)).start()
    first = asyncio.run(ticket())
    host.stop()
    from game.session.session import Session

    host = HostThread(HostTable(Session.load(save)), codes, HostOptions(port=port, web=True)).start()
    try:
        assert asyncio.run(ticket()) != first
    finally:
        host.stop()


def test_a_team_members_code_opens_the_team_in_the_browser_in_its_role(tmp_path: Path) -> None:
    with hosted(tutorial_session(None), split=DEFAULT_SPLIT, web=True) as (host, codes):
        base = f"http://127.0.0.1:{host.port}"

        async def browse() -> bytes:
            async with aiohttp.ClientSession() as client:
                ticket = await ticket_for(client, base, codes.members["korvia"][INTERIOR])
                return await terminal_until(client, base, ticket, b"interior minister")

        screen = asyncio.run(browse())
        assert b"KORVIA" in screen and b"interior minister" in screen
