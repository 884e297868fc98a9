"""The end-of-turn question opens clear of the toast of the order just given: a hurried team that
submitted its budget and pressed r at once read '✓ budget set: 7.65 points allocated' over the
question's title and top right corner (the question lists the order anyway)."""

import asyncio
from pathlib import Path

from game.tui.app import AccordApp
from game.tui.screens.notice import ConfirmScreen
from tests.tui.helpers import screen_text, tutorial
from tests.tui.test_typed_numbers import at_korvias_turn, field, settle


def test_the_end_of_turn_question_is_not_covered_by_the_last_orders_toast(here: Path) -> None:
    session = tutorial(ai=())

    async def run() -> None:
        async with AccordApp(Path("saves"), session=session).run_test(size=(80, 24)) as pilot:
            app = await at_korvias_turn(pilot)
            await pilot.press("b")
            await settle(pilot)
            field(app, "border").value = "3"
            await settle(pilot)
            await pilot.press("ctrl+s")
            await settle(pilot)
            await pilot.press("y")
            await settle(pilot)
            toasts = [note.message for note in app._notifications]
            assert any("budget set" in toast for toast in toasts), toasts
            await pilot.press("escape", "r")
            await settle(pilot)
            assert isinstance(app.screen, ConfirmScreen)
            assert not list(app._notifications), "no toast left over the question"
            text = screen_text(app)
            assert "End your turn" in text, text
            assert "allocated 4.5 points" in " ".join(text.split()), "the question lists the order"

    asyncio.run(run())
