"""Ending a turn with a budget typed but not submitted says so: a hurried team typed 10.3 points,
left the confirmation with Esc, pressed r, and the dialog reported the 7.2 standing without a word
about the 10.3 it still showed on the Budget tab."""

import asyncio
from pathlib import Path

from textual.pilot import Pilot

from game.tui.app import AccordApp
from game.tui.screens.notice import ConfirmScreen
from tests.tui.helpers import screen_text, tutorial
from tests.tui.test_typed_numbers import at_korvias_turn, field, settle


async def end_turn_text(pilot: Pilot[None], typed: str | None) -> str:
    app = await at_korvias_turn(pilot)
    await pilot.press("b")
    await settle(pilot)
    if typed is not None:
        field(app, "enforcement").value = typed
        await settle(pilot)
    await pilot.press("r")
    await settle(pilot)
    assert isinstance(app.screen, ConfirmScreen)
    return screen_text(app)


def test_the_end_turn_dialog_names_a_budget_typed_but_not_submitted(here: Path) -> None:
    async def run() -> None:
        async with AccordApp(Path("saves"), session=tutorial()).run_test(size=(80, 40)) as pilot:
            text = " ".join((await end_turn_text(pilot, "3")).split())
            assert "typed but not submitted" in text, text

    asyncio.run(run())


def test_the_end_turn_dialog_is_silent_when_the_budget_tab_matches_the_table(here: Path) -> None:
    async def run() -> None:
        async with AccordApp(Path("saves"), session=tutorial()).run_test(size=(80, 40)) as pilot:
            text = " ".join((await end_turn_text(pilot, None)).split())
            assert "typed but not submitted" not in text, text
            assert "End your turn" in text

    asyncio.run(run())
