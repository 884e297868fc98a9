"""The proposals table fits 80 columns once a proposal is sent: the placeholder's sentence ('no
proposals yet: press N to propose one') had set the Agreement column 42 wide for good, and Answers
ran off the screen."""

import asyncio
from pathlib import Path

from textual.widgets import DataTable

from game.tui.app import AccordApp
from tests.diplomacy.deals import propose
from tests.tui.helpers import tutorial
from tests.tui.test_typed_numbers import at_korvias_turn, settle


def test_the_proposals_table_shrinks_back_once_a_proposal_replaces_the_placeholder(here: Path) -> None:
    session = tutorial(ai=())

    async def run() -> None:
        async with AccordApp(Path("saves"), session=session).run_test(size=(80, 24)) as pilot:
            app = await at_korvias_turn(pilot)
            await pilot.press("p")
            await settle(pilot)
            table = app.screen.query_one("#proposals-table", DataTable)
            assert "no proposals yet" in str(table.get_row_at(0))
            session.submit(propose("korvia", "information_sharing", "meridia", "aldmark"), by="korvia")
            app.screen.show_view()  # type: ignore[attr-defined]
            await settle(pilot)
            assert table.row_count == 1 and "no proposals yet" not in str(table.get_row_at(0))
            assert table.virtual_size.width <= table.scrollable_content_region.width, (
                table.virtual_size.width, table.scrollable_content_region.width)

    asyncio.run(run())
