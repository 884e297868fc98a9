"""The Diplomacy tab scrolled down to its agreements and messages kept its proposals out of sight
while the cursor moved through them: Up, PageUp and Home went to the proposals table, which has the
focus, and moved its cursor off screen, so a hurried student at 80x24 saw the detail of another
proposal change under text about agreements and could not bring the list back without the mouse."""

import asyncio
from pathlib import Path

from textual.widgets import DataTable

from game.model.actions import Propose
from game.tui.app import AccordApp
from game.tui.widgets.diplomacy_panel import DiplomacyPanel
from tests.tui.helpers import tutorial


def test_moving_through_the_proposals_brings_their_table_back_into_view(here: Path) -> None:
    session = tutorial()
    for partner in ("aldmark", "meridia"):
        session.submit(Propose(state="korvia", agreement="information_sharing", parties=["korvia", partner]))

    async def run() -> None:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("enter", "p")
            await pilot.pause()
            panel = app.screen.query_one(DiplomacyPanel)
            table = panel.query_one("#proposals-table", DataTable)
            panel.scroll_end(animate=False)
            await pilot.pause()
            assert panel.scroll_y > table.virtual_region.y, "scrolled past the table"
            table.focus()
            for key in ("down", "up", "pageup", "home", "end"):
                panel.scroll_end(animate=False)
                await pilot.pause()
                await pilot.press(key)
                await pilot.pause()
                assert panel.scroll_y <= table.virtual_region.y, (key, panel.scroll_y, table.virtual_region)

    asyncio.run(run())

