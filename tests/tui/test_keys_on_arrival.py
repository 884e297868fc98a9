"""Keys that reach everything (issue 17, point 4): arriving from the handoff, PageDown and the arrows
scroll the dashboard at once (a keyboard-only team reads its brief); on the Diplomacy tab the arrows
move through the proposals, not the page."""

import asyncio
from pathlib import Path

from textual.widgets import DataTable

from game.model.actions import Propose
from game.tui.app import AccordApp
from game.tui.widgets.dashboard import Dashboard
from tests.tui.helpers import tutorial
from tests.tui.test_typed_numbers import at_korvias_turn, settle


def test_page_down_scrolls_the_dashboard_on_arrival_from_the_handoff(here: Path) -> None:
    async def run() -> None:
        async with AccordApp(Path("saves"), session=tutorial()).run_test(size=(80, 24)) as pilot:
            app = await at_korvias_turn(pilot)
            dashboard = app.screen.query_one(Dashboard)
            assert app.focused is dashboard
            assert dashboard.max_scroll_y > 0, "at 80x24 the brief is below the fold"
            await pilot.press("pagedown")
            await settle(pilot)
            assert dashboard.scroll_y > 0

    asyncio.run(run())


def test_the_arrows_move_through_the_proposals_on_the_diplomacy_tab(here: Path) -> None:
    async def run() -> None:
        session = tutorial()
        for kind in ("information_sharing", "extradition"):
            session.submit(Propose(state="korvia", agreement=kind, parties=["korvia", "meridia"]), by="korvia")
        async with AccordApp(Path("saves"), session=session).run_test(size=(80, 24)) as pilot:
            app = await at_korvias_turn(pilot)
            await pilot.press("p")
            await settle(pilot)
            table = app.screen.query_one("#proposals-table", DataTable)
            assert app.focused is table and table.cursor_row == 0
            await pilot.press("down")
            await settle(pilot)
            assert table.cursor_row == 1

    asyncio.run(run())
