"""The budget tab's next-level column holds its longest verdict at 80 columns: a move too small for
one decimal is written with two ('▲ 3.00 to 3.01'), and the column cut it to '▲ 3.45 to'."""

import asyncio
from pathlib import Path

from game.model.actions import Allocate
from game.tui.app import AccordApp
from tests.tui.helpers import showing, tutorial
from tests.tui.test_typed_numbers import at_korvias_turn


def test_a_two_decimal_move_shows_whole_in_the_next_level_column_at_80_columns(here: Path) -> None:
    session = tutorial()
    session.state.states["korvia"].capacities["cyber"] = 3.0
    allocation = {**session.view("korvia").me.allocation, "cyber": 0.95}
    session.submit(Allocate(state="korvia", budget=allocation), by="korvia")

    async def run() -> None:
        async with AccordApp(Path("saves"), session=session).run_test(size=(80, 24)) as pilot:
            await at_korvias_turn(pilot)
            await pilot.press("b")
            text = await showing(pilot, "▲ 3.00 to 3.01")
            assert "▲ 3.00 to 3.01" in text, text

    asyncio.run(run())
