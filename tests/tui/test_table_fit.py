"""The table screen fits 80 columns with mekong's organizations: 'UN Office on Drugs and Crime
(Southeast Asia office) AI · mandate' ran over, and '(organization) ✓ ready' wrapped onto a line
of its own under each of them."""

import asyncio
from pathlib import Path

from game.tui.app import AccordApp
from game.tui.screens.handoff import HandoffScreen
from game.tui.screens.table import TableScreen
from tests.tui.helpers import mekong, settled


def test_every_seat_of_the_table_is_one_line_at_80_columns(here: Path) -> None:
    session = mekong()

    async def run() -> None:
        async with AccordApp(Path("saves"), session=session).run_test(size=(80, 24)) as pilot:
            await settled(pilot)
            assert isinstance(pilot.app.screen, HandoffScreen)
            await pilot.press("escape")
            text = await settled(pilot)
            assert isinstance(pilot.app.screen, TableScreen)
            seats = [line for line in text.splitlines() if "human team" in line or "AI ·" in line]
            assert len(seats) == len(session.seats), text
            assert all(line.rstrip().endswith(("✓ ready", "… to play")) for line in seats), text
            assert "UN Office on Drugs and Crime " in text, text

    asyncio.run(run())
