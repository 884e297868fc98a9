"""The budget tab's focus order does not hang on its verdict: the Submit button was disabled while
the budget was refused, so a student who mended an over-budget field and pressed Tab and Enter
fast (before the verdict caught up) landed on 'Hold every level', and Enter wiped every figure
typed (europe at 80x24, Romania's turn)."""

import asyncio
from pathlib import Path

from textual.widgets import Button, Input

from game.tui.app import AccordApp
from game.tui.screens.notice import ConfirmScreen
from game.tui.screens.team import TeamScreen
from tests.tui.helpers import tutorial
from tests.tui.test_typed_numbers import at_korvias_turn, burst, settle, typed, verdict


def test_tab_from_the_last_budget_field_reaches_submit_even_while_the_budget_is_refused(here: Path) -> None:
    async def run() -> None:
        async with AccordApp(Path("saves"), session=tutorial()).run_test(size=(80, 24)) as pilot:
            app = await at_korvias_turn(pilot)
            await pilot.press("b", *typed("99"))
            await settle(pilot)
            assert verdict(app).startswith("✗")
            focus_order = [widget.id for widget in app.screen.focus_chain]
            assert focus_order.index("submit-budget") == focus_order.index("points-labour_inspection") + 1
            # the figure mended and Tab, Tab, ... Enter typed at once, as a hurried student does
            burst(app, "end", "backspace", "backspace", *typed("2.5"), *["tab"] * 7, "enter")
            await settle(pilot)
            assert isinstance(app.screen, ConfirmScreen), "Enter on Submit asks to confirm the budget"
            team = app.screen_stack[-2]
            assert team.query_one("#points-enforcement", Input).value == "2.5", "the figure typed is kept"

    asyncio.run(run())


def test_submit_pressed_on_a_refused_budget_says_why_and_submits_nothing(here: Path) -> None:
    async def run() -> None:
        async with AccordApp(Path("saves"), session=tutorial()).run_test(size=(80, 24)) as pilot:
            app = await at_korvias_turn(pilot)
            await pilot.press("b", *typed("99"))
            await settle(pilot)
            app.screen.query_one("#submit-budget", Button).press()
            await settle(pilot)
            assert isinstance(app.screen, TeamScreen)
            assert "not enough budget" in verdict(app), verdict(app)
            assert app.session is not None and app.session.view("korvia").me.allocation.get("enforcement", 0) < 99

    asyncio.run(run())
