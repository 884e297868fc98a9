"""`accord join`: a networked team makes a pledge from its own screen (P): the host judges the form as
it is typed, refuses an impossible pledge in words with nothing recorded, and records the one it
accepts."""

import asyncio
from pathlib import Path

from textual.widgets import Input, Select

from game.net.client import RemoteTable
from game.tui.join import JoinApp
from game.tui.screens.pledge import PledgeComposer
from game.tui.screens.team import TeamScreen
from tests.net.helpers import hosted, tutorial_session
from tests.net.test_tui import until
from tests.tui.helpers import screen_text


def flat(text: str) -> str:
    return " ".join(text.replace("│", " ").split())


def test_a_networked_team_makes_a_pledge_and_the_host_refuses_an_impossible_one(tmp_path: Path) -> None:
    session = tutorial_session(tmp_path / "class.json", ai=("aldmark",))
    with hosted(session) as (host, codes):
        remote = RemoteTable.connect(host.address, codes.seats["korvia"])

        async def run() -> None:
            app = JoinApp(host.address, remote)
            async with app.run_test(size=(100, 40)) as pilot:
                await until(pilot, lambda: isinstance(app.screen, TeamScreen))
                await pilot.press("P")
                await until(pilot, lambda: isinstance(app.screen, PledgeComposer))
                dialog = app.screen
                dialog.query_one("#pledge-what", Select).value = "adopt_law"
                dialog.query_one("#pledge-due", Input).value = "40"
                await pilot.pause()
                dialog.query_one("#pledge-law", Select).value = "victim_protection"
                await until(pilot, lambda: "could never be judged" in flat(screen_text(app)))
                await pilot.press("ctrl+s")
                await pilot.pause()
                assert isinstance(app.screen, PledgeComposer)
                assert not [p for p in host.call(lambda: list(session.state.pledges)) if p.seat == "korvia"]
                dialog.query_one("#pledge-due", Input).value = "3"
                await until(pilot, lambda: "✓ the rules accept it" in flat(screen_text(app)))
                await pilot.press("ctrl+s")
                await until(pilot, lambda: any(p.seat == "korvia" for p in host.call(
                    lambda: list(session.state.pledges))))  # type: ignore[union-attr]

        asyncio.run(run())
    mine = [p for p in session.state.pledges if p.seat == "korvia"]
    assert [(p.kind, p.law, p.due) for p in mine] == [("adopt_law", "victim_protection", 3)]
