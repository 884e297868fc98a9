"""Points are written one way on every screen (`points_num`: to the hundredth, trailing zeros
dropped): the dashboard wrote an allocation of 7.2 '7.20' where the budget tab wrote '7.2', and one
of 8.39 '8.39' where the end-of-turn question wrote '8.4'."""

import asyncio
from pathlib import Path

from textual.widgets import Static

from game.model.actions import Allocate
from game.session.session import Session
from game.tui.app import AccordApp
from game.tui.screens.notice import ConfirmScreen
from game.tui.screens.team import TeamScreen
from game.tui.text import num_apart, points_num, points_text
from game.tui.widgets.dashboard import dashboard_text
from tests.tui.helpers import screen_text, tutorial
from tests.tui.test_typed_numbers import at_korvias_turn, settle


def words(text: str) -> str:
    return " ".join(text.split())


def test_points_are_written_to_the_hundredth_without_trailing_zeros() -> None:
    assert [points_num(v) for v in (9, 7.2, 7.2000000001, 8.39, 1250.5, -0.001, 1.25)] == [
        "9", "7.2", "7.2", "8.39", "1,250.5", "0", "1.25"]
    assert num_apart(8.39, 9) == "8.39" and num_apart(23.004, 23) == "23.004"
    assert points_text(8.39) == "8.39 points" and points_text(1) == "1 point"


def test_the_dashboard_the_budget_tab_and_the_end_of_turn_question_write_an_allocation_alike(here: Path) -> None:
    for allocation, written in (({"enforcement": 1.25, "border": 1.25, "protection": 2.35, "prevention": 2.35},
                                 "7.2"),
                                ({"enforcement": 2.39, "border": 2.0, "protection": 2.0, "prevention": 2.0}, "8.39")):
        session = tutorial(ai=())
        session.submit(Allocate(state="korvia", budget=allocation), by="korvia")
        assert f"allocated {written} ·" in words(dashboard_text(session.view("korvia")))

        async def run(session: Session, written: str) -> None:
            async with AccordApp(Path("saves"), session=session).run_test(size=(80, 24)) as pilot:
                app = await at_korvias_turn(pilot)
                assert isinstance(app.screen, TeamScreen)
                await pilot.press("b")
                await settle(pilot)
                total = words(str(app.screen.query_one("#budget-total", Static).render()))
                assert total.startswith(f"Allocated {written} of 9 free points"), total
                await pilot.press("escape", "r")
                await settle(pilot)
                assert isinstance(app.screen, ConfirmScreen)
                assert f"Budget: {written} of 9 free points allocated" in words(screen_text(app)), (
                    screen_text(app))

        asyncio.run(run(session, written))


def test_the_round_report_writes_the_points_spent_as_the_budget_tab_wrote_them(here: Path) -> None:
    """Korvia allocated 7.65 (protection 2.25); its report on the year read 'capacities 7.6' and
    'protection ... 2.2 allocated'."""
    from game.session import seat_reports
    from game.session.seat_reports import StateRoundReport
    from game.tui.screens.round_report import report_text
    from tests.tui.helpers import finish_round

    session = tutorial(ai=())
    session.submit(Allocate(state="korvia", budget={"enforcement": 0.6, "border": 3.0, "protection": 2.25,
                                                    "prevention": 1.5, "intelligence": 0.3}), by="korvia")
    finish_round(session)
    data = seat_reports.round_report(session, "korvia", 1)
    assert isinstance(data, StateRoundReport)
    text = words(report_text(data))
    assert "law upkeep 1, capacities 7.65, agreements 0" in text, text
    assert "2.25 allocated" in text and "2.2 allocated" not in text, text


def test_an_agreements_terms_write_a_contribution_as_the_dues_warning_does() -> None:
    """A contribution of 1.35 read '1.4' in the terms and the cost on the Diplomacy tab, and '1.35
    points' in the warning of what goes unpaid."""
    from game.model.terms import Terms
    from game.tui.widgets.diplomacy_panel import terms_text

    terms = Terms(duration=4, contributions={"korvia": 1.35, "aldmark": 2.0})
    text = terms_text(terms, 4, 2.0, {"korvia": "Korvia", "aldmark": "Aldmark"}, "year", ["korvia", "aldmark"])
    assert "Korvia 1.35, Aldmark 2" in text, text
