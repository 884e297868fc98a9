"""Rules 17: a standing allocation given before a budget cut gives way to the contributions in every
later round until the team allocates again, and the screens say so rather than warn of a breach the
engine will not make (mekong's Covid cuts Thailand's budget by 2 in year 1)."""

import asyncio
from pathlib import Path

from textual.widgets import Label, Static

from game.model.actions import Allocate
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario
from game.session import seat_reports
from game.session.seat_reports import StateRoundReport
from game.session.seats import Seat
from game.session.session import Session
from game.tui.app import AccordApp
from game.tui.dues import dues_warnings, gives_way, unpaid
from game.tui.screens.round_report import report_text
from game.tui.screens.team import TeamScreen
from game.tui.widgets.budget_panel import reaches
from tests.tui.helpers import SAVE, finish_round, mekong, showing

HOLD = {"enforcement": 1.35, "border": 1.2, "protection": 1.05, "prevention": 0.75, "intelligence": 1.2,
        "cyber": 1.05, "labour_inspection": 0.6}


def test_an_allocation_given_before_the_cut_is_said_to_give_way_and_does(here: Path) -> None:
    session = mekong()
    allocation = {**HOLD, "enforcement": 8.15}  # 14 of 17 free points, given against a budget of 22
    session.submit(Allocate(state="thailand", budget=allocation), by="thailand")
    finish_round(session)  # year 1: Covid cuts the budget by 2; the allocation stands
    view = session.view("thailand")
    assert view.me.allocated_against is not None and view.me.allocated_against > view.me.budget
    room = gives_way(view, 14)
    assert room is not None and room < 14
    standing = dues_warnings(view, 14, standing=True)
    assert standing and "it gives way to your agreements" in standing[0], standing
    assert "breach" not in standing[0].split("An allocation you give now")[0], standing
    named = sorted(due.agreement for due in unpaid(view, view.me.available - room))
    new = dues_warnings(view, 14)
    assert new and "a party that does not pay is in breach" in new[0], "an allocation given now is the team's choice"
    finish_round(session)  # year 2: nothing typed, the standing allocation gives way as said
    figures = session.reports[-1].states["thailand"]
    assert abs(sum(figures.spent.values()) - room) < 0.01, (sum(figures.spent.values()), room)
    breached = sorted(e.id.split("-")[1] for e in session.reports[-1].events
                      if e.kind == "breach" and e.id.endswith("-thailand"))
    assert breached == named, "what goes unpaid is what the warning named"


def test_the_budget_tab_says_a_standing_allocation_larger_than_the_cut_budget_gives_way(here: Path) -> None:
    """europe's war cuts Ukraine's budget by 4 in year 2: its year-1 allocation of 8 of 9 free points
    stands against 5 in year 3. The tab refused it ('✗ not enough budget') and promised the levels of
    its full points, beside a dashboard and an end-of-turn question saying it gives way, as it does."""
    humans = ("ukraine", "italy")
    scenario = load_scenario(resolve_scenario("europe"))
    seats = {seat.id: Seat.ai("cooperative") for seat in [*scenario.states, *scenario.organizations]
             if seat.id not in humans}
    session = Session.new(scenario, 2005, seats, SAVE.parent, path=SAVE)
    allocation = {"enforcement": 2.0, "border": 2.0, "protection": 1.5, "prevention": 1.0, "intelligence": 1.0,
                  "cyber": 0.5, "labour_inspection": 0.0}
    session.submit(Allocate(state="ukraine", budget=allocation), by="ukraine")
    finish_round(session)
    finish_round(session)  # year 2: the war cuts the budget from 14 to 10; the allocation stands
    view = session.view("ukraine")
    room = gives_way(view, 8)
    assert view.me.available == 5 and room is not None and abs(room - 4) < 1e-9, (view.me.available, room)

    async def run() -> None:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("enter")
            assert isinstance(app.screen, TeamScreen) and app.screen.team == "ukraine"
            await pilot.press("b")
            await showing(pilot, "Submit budget")
            verdict = " ".join(str(app.screen.query_one("#budget-verdict", Static).render()).split())
            assert "✗" not in verdict and "not enough budget" not in verdict, verdict
            assert "so it gives way to your agreements, which get 1, and your capacities 4" in verdict, verdict
            total = " ".join(str(app.screen.query_one("#budget-total", Static).render()).split())
            assert "left over 0" not in total and "capacities get 4, agreements 1" in total, total
            # the levels the points reach once scaled down to 4 of 8, as the round report then says
            trend = str(app.screen.query_one("#trend-enforcement", Label).render())
            level = view.me.capacities["enforcement"]
            assert trend == reaches(level, 1.0, view.rules), trend

    asyncio.run(run())
    finish_round(session)  # year 3: nothing typed; the capacities get what the tab said, no breach
    figures = session.reports[-1].states["ukraine"]
    assert abs(sum(figures.spent.values()) - 4) < 0.01, figures.spent
    assert not [e for e in session.reports[-1].events if e.kind == "breach" and e.id.endswith("-ukraine")]
    data = seat_reports.round_report(session, "ukraine", 3)
    assert isinstance(data, StateRoundReport)
    assert ("⚠ your allocation of 8 was scaled down to 4 (4 less) to fit:\n    it was given when your budget was "
            "14: at 10 it gives way to your agreements until you allocate again") in report_text(data), \
        "the report names the cut, not the law upkeep, as the screens did"
