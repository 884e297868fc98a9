"""The Diplomacy tab scrolled down to its agreements and messages kept its proposals out of sight
while the cursor moved through them: Up, PageUp and Home went to the proposals table, which has the
focus, and moved its cursor off screen, so a hurried student at 80x24 saw the detail of another
proposal change under text about agreements and could not bring the list back without the mouse."""

import asyncio
from pathlib import Path

from textual.widgets import DataTable

from game.tui.app import AccordApp
from game.tui.widgets.diplomacy_panel import DiplomacyPanel
from tests.tui.helpers import korvia_proposing


def test_moving_through_the_proposals_brings_their_table_back_into_view(here: Path) -> None:
    async def run() -> None:
        async with AccordApp(Path("saves"), session=korvia_proposing()).run_test(size=(80, 24)) as pilot:
            await pilot.press("enter", "p")
            await pilot.pause()
            panel = pilot.app.screen.query_one(DiplomacyPanel)
            table = panel.query_one("#proposals-table", DataTable)
            table.focus()
            for key in ("down", "up", "pageup", "home", "end"):
                panel.scroll_end(animate=False)
                await pilot.pause()
                assert panel.scroll_y > table.virtual_region.y, "scrolled past the table"
                await pilot.press(key)
                await pilot.pause()
                assert panel.scroll_y <= table.virtual_region.y, (key, panel.scroll_y, table.virtual_region)

    asyncio.run(run())


def test_pagedown_on_the_last_proposal_turns_the_tabs_page_to_the_agreements(here: Path) -> None:
    """With the proposals table focused (as the tab opens), PageDown only moved its cursor: at 80x24
    the agreements and messages below were out of reach from the keyboard."""
    async def run() -> None:
        async with AccordApp(Path("saves"), session=korvia_proposing()).run_test(size=(80, 24)) as pilot:
            await pilot.press("enter", "p")
            await pilot.pause()
            panel = pilot.app.screen.query_one(DiplomacyPanel)
            table = panel.query_one("#proposals-table", DataTable)
            table.focus()
            await pilot.pause()
            assert panel.scroll_y == 0
            await pilot.press("pagedown")
            await pilot.pause()
            assert table.cursor_row == table.row_count - 1, "the first goes to the last proposal"
            top = panel.scroll_y
            await pilot.press("pagedown")
            await pilot.pause()
            assert panel.scroll_y > top and table.cursor_row == table.row_count - 1
            await pilot.press("up")
            await pilot.pause()
            assert panel.scroll_y <= table.virtual_region.y, "the cursor keys bring the table back"

    asyncio.run(run())
