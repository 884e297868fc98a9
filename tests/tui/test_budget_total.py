"""The budget's total counts only the fields that hold a valid amount: 99999999999999 typed in a
field got the right refusal below, while the line above read 'Allocated 100,000,000,000,000.2 of 9
free points', and the end-turn dialog said the Budget tab held that many points typed."""

import asyncio
from pathlib import Path

from textual.widgets import Label, Static

from game.model.amounts import MAX_POINTS
from game.tui.app import AccordApp
from game.tui.screens.notice import ConfirmScreen
from tests.tui.helpers import screen_text, tutorial
from tests.tui.test_typed_numbers import at_korvias_turn, field, settle, typed, verdict


def total_line(app: AccordApp) -> str:
    return str(app.screen.query_one("#budget-total", Static).render())


def test_a_figure_over_the_models_limit_is_left_out_of_the_total_and_named(here: Path) -> None:
    async def run() -> None:
        async with AccordApp(Path("saves"), session=tutorial()).run_test(size=(80, 24)) as pilot:
            app = await at_korvias_turn(pilot)
            await pilot.press("b", "end", "backspace", "backspace", "backspace", *typed("99999999999999"))
            await settle(pilot)
            assert field(app, "enforcement").value == "99999999999999"
            assert "1,000,000 or less" in verdict(app), verdict(app)
            total = total_line(app)
            # the other four levels held at 0.3 each: 1.2, and the enforcement field named, not added
            assert total.startswith("Allocated 1.2 of 9 free points"), total
            assert "enforcement not counted (not a valid amount)" in total, total
            assert "100,000,000" not in screen_text(app)
            trend = str(app.screen.query_one("#trend-enforcement", Label).render())
            assert trend == "✗ not valid", "no level promised for an amount the model refuses"

    asyncio.run(run())


def test_the_limit_is_the_models_own(here: Path) -> None:
    """At the model's maximum the figure counts (and the rules refuse it as more than the budget);
    a hundredth above, it is left out."""
    async def run() -> None:
        async with AccordApp(Path("saves"), session=tutorial()).run_test(size=(80, 24)) as pilot:
            app = await at_korvias_turn(pilot)
            await pilot.press("b")
            await settle(pilot)
            field(app, "cyber").value = f"{MAX_POINTS:.0f}"
            await settle(pilot)
            assert "not counted" not in total_line(app) and "1,000,001.8" in total_line(app), total_line(app)
            assert "not enough budget" in verdict(app), verdict(app)
            field(app, "cyber").value = f"{MAX_POINTS + 0.01}"
            await settle(pilot)
            assert total_line(app).startswith("Allocated 1.8 of 9"), total_line(app)
            assert "cyber not counted" in total_line(app), total_line(app)

    asyncio.run(run())


def test_no_number_and_an_impossible_figure_are_both_left_out(here: Path) -> None:
    async def run() -> None:
        async with AccordApp(Path("saves"), session=tutorial()).run_test(size=(80, 24)) as pilot:
            app = await at_korvias_turn(pilot)
            await pilot.press("b")
            await settle(pilot)
            field(app, "enforcement").value = "1e999"
            field(app, "border").value = "-2"
            await settle(pilot)
            total = total_line(app)
            assert total.startswith("Allocated 0.9 of 9"), total
            assert "enforcement, border not counted (not valid amounts)" in total, total
            assert str(app.screen.query_one("#trend-enforcement", Label).render()) == "? no number"
            assert str(app.screen.query_one("#trend-border", Label).render()) == "✗ not valid"

    asyncio.run(run())


def test_the_end_turn_dialog_names_an_invalid_field_instead_of_its_figure(here: Path) -> None:
    async def run() -> None:
        async with AccordApp(Path("saves"), session=tutorial()).run_test(size=(80, 40)) as pilot:
            app = await at_korvias_turn(pilot)
            await pilot.press("b")
            await settle(pilot)
            field(app, "enforcement").value = "99999999999999"
            await settle(pilot)
            await pilot.press("r")
            await settle(pilot)
            assert isinstance(app.screen, ConfirmScreen)
            text = " ".join(screen_text(app).replace("│", " ").split())
            assert "100,000,000" not in text, text
            assert "not a valid amount (enforcement)" in text, text

    asyncio.run(run())


def test_the_total_is_written_in_the_decimals_typed_as_the_rules_refusal_writes_it(here: Path) -> None:
    """'Allocated 59.9 of 17 free points' stood above 'you allocated 59.95 points'."""
    async def run() -> None:
        async with AccordApp(Path("saves"), session=tutorial()).run_test(size=(80, 24)) as pilot:
            app = await at_korvias_turn(pilot)
            await pilot.press("b", "end", "backspace", "backspace", "backspace", *typed("20.05"))
            await settle(pilot)
            total, said = total_line(app), verdict(app)
            assert "you allocated 21.25 points" in said, said  # with the other four fields' 1.2
            assert total.startswith("Allocated 21.25 of 9 free points"), total

    asyncio.run(run())
