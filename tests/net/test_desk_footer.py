"""The desk's footer offers only keys that do something: `⏎ Your turn` while the team's turn is open,
not once it is ready (Enter did nothing) nor after the game."""

import asyncio
from pathlib import Path

from game.net.client import RemoteTable
from game.tui.join import JoinApp
from game.tui.screens.desk import DeskScreen, ScoresScreen
from game.tui.screens.team import TeamScreen
from tests.net.helpers import Api, hosted, tutorial_session
from tests.net.test_tui import until
from tests.tui.helpers import screen_text


def test_the_desk_shows_enter_your_turn_only_while_the_turn_is_open(tmp_path: Path) -> None:
    """Once the team is ready, and after the game, Enter does nothing: the footer must not offer it."""
    session = tutorial_session(tmp_path / "class.json", ai=("aldmark",))
    with hosted(session) as (host, codes):
        remote = RemoteTable.connect(host.address, codes.seats["korvia"])
        facilitator = Api(host.port, codes.facilitator)

        async def run() -> None:
            app = JoinApp(host.address, remote)
            async with app.run_test(size=(80, 24)) as pilot:
                await until(pilot, lambda: isinstance(app.screen, TeamScreen))
                await pilot.press("r", "y")
                await until(pilot, lambda: isinstance(app.screen, DeskScreen) and "Waiting for" in screen_text(app))
                await pilot.pause(0.3)
                footer = screen_text(app).splitlines()[-1]
                assert "Leave" in footer and "Your turn" not in footer, footer
                for round_no in range(1, session.scenario.rounds + 1):
                    assert facilitator.post("/api/facilitator/resolve", {"round": round_no}).status == 200
                await until(pilot, lambda: host.call(lambda: session.is_over))  # type: ignore[arg-type]
                for _ in range(40):  # reports and the final scores, each closed as a team would
                    if isinstance(app.screen, DeskScreen) and "The game is over" in screen_text(app):
                        break
                    await pilot.press("escape" if isinstance(app.screen, ScoresScreen) else "enter")
                    await pilot.pause(0.2)
                await until(pilot, lambda: isinstance(app.screen, DeskScreen) and "game is over" in screen_text(app))
                await pilot.pause(0.3)
                footer = screen_text(app).splitlines()[-1]
                assert "Leave" in footer and "Your turn" not in footer, footer

        try:
            asyncio.run(run())
        finally:
            remote.close()
