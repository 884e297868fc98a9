"""The dashboard's budget fits 80 columns: Thailand's line ('Budget 22 pts − law upkeep 5 = 17 free ·
allocated 7.2 · owed to agreements 4.5') ran one column over, and the figure owed wrapped alone
onto the next line."""

import asyncio
from pathlib import Path

from game.tui.app import AccordApp
from tests.tui.helpers import mekong, settled
from tests.tui.test_typed_numbers import at_korvias_turn


def test_the_figure_owed_to_agreements_stays_on_its_line_at_80_columns(here: Path) -> None:
    session = mekong()

    async def run() -> None:
        async with AccordApp(Path("saves"), session=session).run_test(size=(80, 24)) as pilot:
            await at_korvias_turn(pilot)
            text = await settled(pilot)
            line = next(line for line in text.splitlines() if "owed to agreements" in line)
            assert line.rstrip().endswith("owed to agreements 4.5"), text

    asyncio.run(run())


def test_an_approval_objective_reads_in_percent_and_the_scenarios_word_for_a_round(here: Path) -> None:
    """Korvia's dashboard, headed 'Year 1/6', read 'keep approval at 45 or more every round'."""
    from tests.tui.helpers import tutorial

    session = tutorial()

    async def run() -> None:
        async with AccordApp(Path("saves"), session=session).run_test(size=(120, 40)) as pilot:
            await at_korvias_turn(pilot)
            text = await settled(pilot)
            assert "keep approval at 45% or more every year (2 pts)" in text, text

    asyncio.run(run())
