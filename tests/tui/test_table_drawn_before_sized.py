"""The proposals table is drawn right even when the screen draws it before the table has measured
its rows. In a networked game at 80x24 (`accord join`), proposals arriving together left the table
cut to its headers' widths for good ('p-  Mutual le  … open  Meri  ? Korvi'): `DataTable` sized its
columns at its next idle moment and kept the lines drawn before under the same cache key. The rows
are now measured before they are added (`game.tui.widgets.fitted_table`)."""

import asyncio
from pathlib import Path

from textual.widgets import DataTable

from game.tui.app import AccordApp
from tests.diplomacy.deals import propose
from tests.tui.helpers import screen_text, tutorial
from tests.tui.test_typed_numbers import at_korvias_turn, settle


def test_proposals_drawn_before_the_table_is_idle_are_shown_whole(here: Path) -> None:
    session = tutorial(ai=())

    async def run() -> str:
        async with AccordApp(Path("saves"), session=session).run_test(size=(80, 24)) as pilot:
            app = await at_korvias_turn(pilot)
            await pilot.press("p")
            await settle(pilot)
            # one proposal in the placeholder's row: the table keeps its height, so no resize
            # clears what it drew (as when proposals come and go in a full table)
            session.submit(propose("meridia", "mutual_legal_assistance", "korvia"), by="meridia")
            app.screen.show_view()  # type: ignore[attr-defined]  # as a host's notice does
            table = app.screen.query_one("#proposals-table", DataTable)
            for y in range(table.size.height):  # the screen draws the table before its idle moment
                table.render_line(y)
            await settle(pilot)
            return screen_text(app)

    lines = asyncio.run(run()).splitlines()
    header = next(line for line in lines if line.lstrip().startswith("Id "))
    assert "Id      Agreement" in header, header
    rows = [line for line in lines if "Meridia  ? Korvia" in line]
    assert [row.split()[1:4] for row in rows] == [["Mutual", "legal", "assistance"]], lines

