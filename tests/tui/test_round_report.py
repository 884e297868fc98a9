"""A team's round reports: the last one opens from its screen, and ← and → step through the earlier
ones, each showing that round's own figures."""

import asyncio
from pathlib import Path

from game.tui.app import AccordApp
from game.tui.screens.round_report import RoundReportScreen
from game.tui.screens.team import TeamScreen
from tests.tui.helpers import finish_round, settled, tutorial


def test_a_team_steps_back_through_its_earlier_round_reports(here: Path) -> None:
    session = tutorial()
    for _ in range(3):
        finish_round(session)
    convictions = {r.round: r.states["korvia"].convictions for r in session.reports}

    async def run() -> None:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.press("enter")
            assert isinstance(app.screen, TeamScreen) and app.screen.team == "korvia"
            await pilot.press("o")
            await pilot.pause()
            assert isinstance(app.screen, RoundReportScreen)
            text = await settled(pilot)
            assert "report on year 3 of 6 · year 4 comes next" in text
            assert "Earlier round" in text and "Later round" not in text
            for number in (2, 1):
                await pilot.press("left")
                text = await settled(pilot)
                assert f"report on year {number} of 6 · an earlier report: → for year {number + 1}" in text
                assert f"What happened in your territory in year {number}" in text, "that round's own report"
                assert f"convictions {convictions[number]:,} ·" in text
            assert "Earlier round" not in text and "Later round" in text
            await pilot.press("left")  # no round before the first: it stays
            assert "report on year 1 of 6" in await settled(pilot)
            await pilot.press("right", "right")
            text = await settled(pilot)
            assert "report on year 3 of 6 · year 4 comes next" in text
            await pilot.press("enter")
            assert isinstance(app.screen, TeamScreen)

    asyncio.run(run())
