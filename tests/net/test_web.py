"""`accord host --web`: the join screen in a browser, through textual-serve, on the host's own port.
A browser session is an `accord join` process on the host's machine; the team types its code in it."""

import asyncio
import re
from pathlib import Path

import aiohttp

from tests.net.helpers import Api, hosted, tutorial_session

TERMINAL_CODES = re.compile(rb"\x1b\[[0-9;?$]*[a-zA-Z]|\x1b\][^\x07]*\x07")


def test_the_page_follows_the_address_the_browser_used(tmp_path: Path) -> None:
    with hosted(tutorial_session(None), web=True) as (host, _):
        api = Api(host.port)
        page = api.send("GET", "/web/", headers={"Host": "192.168.1.20:8470"})
        assert page.status == 200
        assert 'data-session-websocket-url="ws://192.168.1.20:8470/web/ws"' in page.data
        assert "http://192.168.1.20:8470/web/static/js/textual.js" in page.data
        assert api.send("GET", "/web/static/js/textual.js").status == 200
        root = api.send("GET", "/")
        assert root.status == 302 and root.headers["Location"] == "/web/", "/ leads to the join page"


async def terminal_until_join_code(client: aiohttp.ClientSession, base: str) -> bytes:
    """What a browser's terminal at `base`/web/ shows, as text, until it asks for the join code."""
    seen = b""
    async with client.ws_connect(f"{base}/web/ws?width=90&height=24") as socket:
        async with asyncio.timeout(20):
            async for message in socket:
                if isinstance(message.data, bytes | str):
                    seen += message.data if isinstance(message.data, bytes) else message.data.encode()
                if b"join code" in TERMINAL_CODES.sub(b"", seen):
                    break
        await socket.close()
    return TERMINAL_CODES.sub(b"", seen)


def test_a_browser_session_asks_for_the_join_code(tmp_path: Path) -> None:
    with hosted(tutorial_session(None), web=True) as (host, _):
        async def browse() -> bytes:
            async with aiohttp.ClientSession() as client:
                return await terminal_until_join_code(client, f"http://127.0.0.1:{host.port}")

        screen = asyncio.run(browse())
        assert b"join a game" in screen and b"join code" in screen
