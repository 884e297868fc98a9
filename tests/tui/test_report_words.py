"""A report that cannot be shown (asked for a round not resolved yet) speaks the scenario's word:
its title said "Report on round 2" and its reason "round 2 is not resolved yet" in a game of years."""

import asyncio
from pathlib import Path

from game.tui.app import AccordApp
from game.tui.screens.round_report import RoundReportScreen
from game.tui.table import LocalTable
from tests.tui.helpers import screen_text, tutorial


def test_a_report_that_cannot_be_shown_says_year_in_its_title_and_its_reason(here: Path) -> None:
    """A report asked for a round not resolved yet: its title and the reason say "year 2"."""
    session = tutorial()

    async def run() -> str:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=(80, 24)) as pilot:
            await app.push_screen(RoundReportScreen(LocalTable(session), "korvia", 2))
            await pilot.pause()
            return screen_text(app)

    text = asyncio.run(run())
    assert "Report on year 2" in text and "year 2 is not resolved yet" in text, text
    assert "round" not in text.lower().replace("year", ""), text
