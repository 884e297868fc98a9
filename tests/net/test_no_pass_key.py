"""Issue 17.9: a team joined over the network has its own screen: `h Pass` is neither shown nor run."""

import asyncio
from pathlib import Path

from game.net.client import RemoteTable
from game.tui.join import JoinApp
from game.tui.screens.team import TeamScreen
from tests.net.helpers import hosted, tutorial_session
from tests.net.test_tui import until
from tests.tui.helpers import screen_text


def test_a_networked_team_is_not_offered_to_pass_the_screen(tmp_path: Path) -> None:
    session = tutorial_session(tmp_path / "class.json", ai=("aldmark",))
    with hosted(session) as (host, codes):
        remote = RemoteTable.connect(host.address, codes.seats["korvia"])

        async def run() -> None:
            app = JoinApp(host.address, remote)
            async with app.run_test(size=(100, 30)) as pilot:
                # the footer is drawn a few frames after the screen (longer on a busy machine): wait for it
                await until(pilot, lambda: isinstance(app.screen, TeamScreen) and "r Ready" in screen_text(app))
                assert "h Pass" not in screen_text(app)
                await pilot.press("h")
                await pilot.pause(0.2)
                assert isinstance(app.screen, TeamScreen), "h does nothing"

        asyncio.run(run())
