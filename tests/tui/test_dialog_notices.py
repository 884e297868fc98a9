"""A dialog's buttons stay clear of the notices: at 80x24 the toasts of the laws just adopted sat at
the bottom right, over the end-turn dialog's "End turn", so a hurried student could neither see nor
click it. On a dialog they come down from the top of the screen instead."""

import asyncio
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Button
from textual.widgets._toast import Toast

from game.tui.app import AccordApp
from game.tui.screens.notice import ConfirmScreen
from tests.tui.helpers import tutorial
from tests.tui.test_typed_numbers import at_korvias_turn, settle


async def end_turn_dialog_with_notices(pilot: Pilot[None], more: int) -> tuple[AccordApp, list[Toast], list[Button]]:
    """Victim protection adopted on the laws tab (its notice showing), `more` notices besides, and
    the end-turn dialog open: where the toasts fall depends on how many there are."""
    app = await at_korvias_turn(pilot)
    await pilot.press("l", "down", "a")
    await settle(pilot)
    for number in range(more):
        app.notify(f"✓ another order, number {number + 1}", timeout=30)
    await pilot.press("r")
    await settle(pilot)
    assert isinstance(app.screen, ConfirmScreen)
    toasts = list(app.screen.query(Toast))
    assert len(toasts) == 1 + more, "the notices are still showing"
    return app, toasts, list(app.screen.query(Button))


@pytest.mark.parametrize("more", [0, 1, 2])
def test_notices_do_not_cover_the_end_turn_dialogs_buttons_at_80x24(here: Path, more: int) -> None:
    async def run() -> None:
        async with AccordApp(Path("saves"), session=tutorial()).run_test(size=(80, 24), notifications=True) as pilot:
            _, toasts, buttons = await end_turn_dialog_with_notices(pilot, more)
            assert [b.id for b in buttons] == ["yes", "no"]
            for toast in toasts:
                for button in buttons:
                    assert not toast.region.overlaps(button.region), (
                        f"a notice at {toast.region} covers {button.id} at {button.region}")

    asyncio.run(run())


@pytest.mark.parametrize("more", [0, 1])
def test_the_end_turn_button_is_what_a_click_on_it_reaches_with_notices_showing(here: Path, more: int) -> None:
    async def run() -> None:
        async with AccordApp(Path("saves"), session=tutorial()).run_test(size=(80, 24), notifications=True) as pilot:
            app, _, buttons = await end_turn_dialog_with_notices(pilot, more)
            for button in buttons:  # every cell of it: what the mouse reaches there, a notice on top or it
                region = button.region
                for x in range(region.x, region.right):
                    reached, _ = app.screen.get_widget_at(x, region.y)
                    assert reached is button, f"a click at ({x}, {region.y}) reaches {reached}, not {button.id}"
            await pilot.click("#yes")
            await settle(pilot)
            assert not isinstance(app.screen, ConfirmScreen)
            assert app.session is not None and "korvia" not in app.session.waiting_for()

    asyncio.run(run())


def test_the_keys_still_answer_the_dialog_with_notices_showing(here: Path) -> None:
    async def run() -> None:
        async with AccordApp(Path("saves"), session=tutorial()).run_test(size=(80, 24), notifications=True) as pilot:
            app, _, _ = await end_turn_dialog_with_notices(pilot, 1)
            await pilot.press("n")
            await settle(pilot)
            assert not isinstance(app.screen, ConfirmScreen)
            assert app.session is not None and "korvia" in app.session.waiting_for()
            await pilot.press("r")
            await settle(pilot)
            await pilot.press("y")
            await settle(pilot)
            assert "korvia" not in app.session.waiting_for()

    asyncio.run(run())
