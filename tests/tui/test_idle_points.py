"""Ending a turn with points neither allocated nor owed says so: a year's points are not kept, and a
hurried team ended its turn on the standing allocation (1.8 of 9 points) without noticing."""

import asyncio
from pathlib import Path

from game.tui.app import AccordApp
from game.tui.screens.notice import ConfirmScreen
from tests.tui.helpers import screen_text, tutorial
from tests.tui.test_typed_numbers import at_korvias_turn, field, settle


def test_the_end_of_turn_question_names_points_left_idle_and_not_when_all_are_used(here: Path) -> None:
    session = tutorial(ai=())

    async def run() -> None:
        async with AccordApp(Path("saves"), session=session).run_test(size=(80, 24)) as pilot:
            app = await at_korvias_turn(pilot)
            me = session.view("korvia").me
            idle = me.available - sum(me.allocation.values()) - me.committed
            assert idle > 1
            await pilot.press("r")
            await settle(pilot)
            assert isinstance(app.screen, ConfirmScreen)
            assert "neither allocated nor owed" in screen_text(app) and "not kept" in screen_text(app)
            await pilot.press("n")
            await settle(pilot)
            await pilot.press("b")
            await settle(pilot)
            field(app, "enforcement").value = f"{me.available - sum(me.allocation.values()) + 0.6:.1f}"
            await settle(pilot)
            await pilot.press("ctrl+s")
            await settle(pilot)
            await pilot.press("y")
            await settle(pilot)
            await pilot.press("escape")
            await settle(pilot)
            await pilot.press("r")
            await settle(pilot)
            assert isinstance(app.screen, ConfirmScreen)
            assert "neither allocated nor owed" not in screen_text(app)

    asyncio.run(run())
