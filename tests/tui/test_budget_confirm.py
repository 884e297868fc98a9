"""The budget's confirmation says once, for each capacity, the level it reaches: it read '▲ rises,
▲ to 2.5' and '= holds, = stays 1.0', the same thing twice."""

import asyncio
from pathlib import Path

from game.tui.app import AccordApp
from game.tui.screens.notice import ConfirmScreen
from tests.tui.helpers import screen_text, tutorial
from tests.tui.test_typed_numbers import at_korvias_turn, field, settle


def test_the_budget_confirmation_gives_each_capacity_its_next_level_once(here: Path) -> None:
    async def run() -> None:
        async with AccordApp(Path("saves"), session=tutorial()).run_test(size=(80, 24)) as pilot:
            app = await at_korvias_turn(pilot)
            await pilot.press("b")
            await settle(pilot)
            field(app, "enforcement").value = "3"
            await settle(pilot)
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert isinstance(app.screen, ConfirmScreen)
            text = screen_text(app)
            enforcement = next(line for line in text.splitlines() if "enforcement" in line)
            assert "3 pts  ▲ to " in enforcement and enforcement.count("▲") == 1, enforcement
            border = next(line for line in text.splitlines() if "border" in line and "pts" in line)
            assert "= stays 1.0" in border and "holds" not in border, border
            assert "level next year" in text

    asyncio.run(run())


def test_the_budget_confirmation_gives_each_capacity_the_points_as_typed(here: Path) -> None:
    """1.35 typed read '1.4 pts' in the question, as if the game had changed it."""
    async def run() -> None:
        async with AccordApp(Path("saves"), session=tutorial()).run_test(size=(80, 24)) as pilot:
            app = await at_korvias_turn(pilot)
            await pilot.press("b")
            await settle(pilot)
            field(app, "enforcement").value = "1.35"
            await settle(pilot)
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert isinstance(app.screen, ConfirmScreen)
            text = screen_text(app)
            enforcement = next(line for line in text.splitlines() if "enforcement" in line)
            assert " 1.35 pts  " in enforcement, enforcement
            border = next(line for line in text.splitlines() if "border" in line and "pts" in line)
            assert " 0.3 pts  " in border, border
            assert "Allocate 2.55 of your 9 free points" in text, text

    asyncio.run(run())
