"""Ending a turn with a budget typed but not submitted says so: a hurried team typed 10.3 points,
left the confirmation with Esc, pressed r, and the dialog reported the 7.2 standing without a word
about the 10.3 it still showed on the Budget tab."""

import asyncio
from pathlib import Path

import pytest
from textual.pilot import Pilot

from game.tui.app import AccordApp
from game.tui.screens.notice import ConfirmScreen
from tests.tui.helpers import screen_text, tutorial
from tests.tui.test_typed_numbers import at_korvias_turn, field, settle


async def end_turn_text(pilot: Pilot[None], typed: str | None) -> str:
    return await leaving_text(pilot, "r", typed)


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


async def leaving_text(pilot: Pilot[None], key: str, typed: str | None) -> str:
    """The question `key` (r: end the turn, h: pass the screen, q: quit) asks, in a line, with `typed`
    in the enforcement field."""
    app = await at_korvias_turn(pilot)
    await pilot.press("b")
    await settle(pilot)
    if typed is not None:
        field(app, "enforcement").value = typed
        await settle(pilot)
    app.screen.set_focus(None)  # the keys go to the screen, not to the field
    await pilot.press(key)
    await settle(pilot)
    assert isinstance(app.screen, ConfirmScreen)
    return " ".join(screen_text(app).split())


@pytest.mark.parametrize(("key", "typed", "title", "warned"), [
    ("h", "3", "Hand over", True), ("q", "3", "Quit the game", True), ("h", None, "Hand over", False)])
def test_passing_the_screen_or_quitting_with_a_budget_typed_but_not_submitted_says_so(
        here: Path, key: str, typed: str | None, title: str, warned: bool) -> None:
    """h said 'Your orders so far are saved' while the points typed on the Budget tab were dropped
    with the screen: the team found its budget gone on its return. Nothing typed, nothing said."""
    async def run() -> None:
        async with AccordApp(Path("saves"), session=tutorial()).run_test(size=(80, 40)) as pilot:
            text = await leaving_text(pilot, key, typed)
            assert title in text and ("typed but not submitted" in text) == warned, text

    asyncio.run(run())
