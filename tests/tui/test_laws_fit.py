"""The laws table fits 80 columns after a law is adopted: its status '… from year 2' widened the
first column and pushed Needs off the screen ('Crimina', a horizontal scrollbar)."""

import asyncio
from pathlib import Path

from textual.widgets import DataTable

from game.tui.app import AccordApp
from tests.tui.helpers import screen_text, tutorial
from tests.tui.test_typed_numbers import at_korvias_turn, settle


def test_a_pending_law_keeps_the_laws_table_inside_80_columns(here: Path) -> None:
    async def run() -> None:
        async with AccordApp(Path("saves"), session=tutorial()).run_test(size=(80, 24)) as pilot:
            app = await at_korvias_turn(pilot)
            await pilot.press("l")
            await settle(pilot)
            await pilot.press("down", "a")  # victim protection: adopted, in force next year
            await settle(pilot)
            table = app.screen.query_one("#laws-table", DataTable)
            assert "… year 2 " in screen_text(app) and "adopted: in force from year 2" in screen_text(app)
            assert table.virtual_size.width <= table.scrollable_content_region.width, (
                table.virtual_size.width, table.scrollable_content_region.width)
            assert "Criminal…" in screen_text(app), "the Needs column whole"

    asyncio.run(run())


def test_a_wider_screen_shows_the_laws_needed_whole(here: Path) -> None:
    """At 120 columns the Needs column still read 'Criminal…' with fifty columns to spare."""

    async def run() -> None:
        async with AccordApp(Path("saves"), session=tutorial()).run_test(size=(120, 40)) as pilot:
            app = await at_korvias_turn(pilot)
            await pilot.press("l")
            await settle(pilot)
            table = app.screen.query_one("#laws-table", DataTable)
            row = next(line for line in screen_text(app).splitlines() if "Victim protection" in line)
            assert row.rstrip().endswith("Criminalization of trafficking"), row
            assert table.virtual_size.width <= table.scrollable_content_region.width

    asyncio.run(run())


def test_a_law_in_force_is_told_by_its_upkeep_not_by_what_adopting_it_would_cost(here: Path) -> None:
    """Korvia's criminalization, in force from the start, read 'Costs 2 political capital ... in
    force 1 year after adoption' like a law still to adopt (student20)."""

    async def run() -> None:
        async with AccordApp(Path("saves"), session=tutorial()).run_test(size=(80, 24)) as pilot:
            app = await at_korvias_turn(pilot)
            await pilot.press("l")
            await settle(pilot)
            text = " ".join(screen_text(app).split())
            assert "Criminalization of trafficking:" in text
            assert "In force: it takes 1 point of budget every year; repealing it frees them." in text
            assert "after adoption" not in text
            await pilot.press("down")  # victim protection, not adopted
            await settle(pilot)
            assert "after adoption" in " ".join(screen_text(app).split())

    asyncio.run(run())


def test_a_long_law_name_is_cut_so_delay_and_needs_stay_inside_80_columns(here: Path) -> None:
    """Europe's 'Offence of knowingly using a victim's services' made the Law column 46 wide: at 80
    columns Delay read 'D' and Needs was off the screen, behind a horizontal scrollbar."""
    from game.scenario.library import resolve_scenario
    from game.scenario.loader import load_scenario
    from game.session.seats import Seat
    from game.session.session import Session

    seats = {state: Seat.ai("cooperative") for state in ("ukraine", "hungary", "austria", "italy", "netherlands")}
    session = Session.new(load_scenario(resolve_scenario("europe")), 2021, seats, Path("saves"),
                          path=Path("saves") / "europe.json")

    async def run() -> None:
        async with AccordApp(Path("saves"), session=session).run_test(size=(80, 24)) as pilot:
            app = await at_korvias_turn(pilot)
            await pilot.press("l")
            await settle(pilot)
            table = app.screen.query_one("#laws-table", DataTable)
            text = screen_text(app)
            assert "Delay" in text and "Needs" in text, text
            assert "Offence of knowingly" in text and "services " not in text, text
            assert table.virtual_size.width <= table.scrollable_content_region.width, (
                table.virtual_size.width, table.scrollable_content_region.width)

    asyncio.run(run())
