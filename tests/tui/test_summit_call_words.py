"""Calling a summit with no clause ticked: the Summits tab read '✗ the clauses needs at least 1
entries', pydantic's count in broken English, where a team needed to be told to tick a clause."""

import asyncio
from pathlib import Path

from textual.widgets import Button, SelectionList

from game.tui.app import AccordApp
from tests.tui.helpers import screen_text
from tests.tui.test_summits_tab import mekong_at_the_summit


def test_calling_a_summit_with_no_clause_ticked_says_to_tick_one_and_records_nothing(here: Path) -> None:
    session = mekong_at_the_summit(here)

    async def run() -> None:
        async with AccordApp(Path("saves"), session=session).run_test(size=(120, 40)) as pilot:
            await pilot.press("enter", "s")
            await pilot.pause()
            panel = pilot.app.screen.query_one("#summits-panel")
            assert not panel.query_one("#call-clauses", SelectionList).selected
            panel.query_one("#call", Button).press()
            await pilot.pause()
            text = " ".join(screen_text(pilot.app).split())
            assert "tick at least one clause" in text and "entries" not in text, text
            assert list(session.state.summits) == ["asean-summit"], "no summit called"

    asyncio.run(run())
