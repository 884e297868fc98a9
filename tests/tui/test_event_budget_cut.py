"""A scripted event that cuts a state's budget is told where the money is decided, as the round
opens: the budget tab and the end-of-turn question say by how much and whether the standing
allocation still fits (mekong's Covid cuts Thailand's budget by 2 in year 1; the team read it in
the news only, and its report then said its capacities had been scaled down)."""

import asyncio
from pathlib import Path

from textual.widgets import Static

from game.model.actions import Allocate
from game.tui.app import AccordApp
from game.tui.dues import event_budget_lines
from game.tui.screens.notice import ConfirmScreen
from game.tui.screens.team import TeamScreen
from tests.tui.helpers import finish_round, mekong, screen_text, showing

HOLD = {"enforcement": 1.35, "border": 1.2, "protection": 1.05, "prevention": 0.75, "intelligence": 1.2,
        "cyber": 1.05, "labour_inspection": 0.6}


def said(text: str) -> str:
    return " ".join(text.replace("│", " ").split())


def test_the_announced_cut_says_by_how_much_and_that_the_standing_allocation_still_fits(here: Path) -> None:
    view = mekong().view("thailand")
    assert [item.budget for item in view.announced] == [{"thailand": -2.0}]
    assert event_budget_lines(view, 7.2) == [
        "⚠ this year's event (2020: Covid-19 closes the borders) cuts your budget by 2 at the resolution: 15 free "
        "points, not 17. Your allocation of 7.2 still fits, and leaves 7.8 for agreements that cost 4.5."]
    assert event_budget_lines(mekong().view("laos"), 5) == [], "no event touches Laos's budget in year 1"


def test_an_allocation_the_cut_leaves_too_little_for_is_said_to_be_scaled_down_as_the_engine_does(here: Path) -> None:
    session = mekong()
    allocation = {**HOLD, "enforcement": 8.15}  # 14 of 17: 3 left, kept for the 4.5 owed
    session.submit(Allocate(state="thailand", budget=allocation), by="thailand")
    lines = event_budget_lines(session.view("thailand"), 14)
    assert lines and ("Your allocation of 14 no longer fits: it will be scaled down to 12, 3 being kept for "
                      "agreements. Lower it yourself to choose what gives way.") in lines[0]
    finish_round(session)
    spent = session.reports[-1].states["thailand"]
    assert abs(sum(spent.spent.values()) - 12) < 1e-6, "the engine scaled it to what the line said"


def test_the_budget_tab_and_the_end_of_turn_question_tell_the_cut(here: Path) -> None:
    session = mekong()

    async def run() -> None:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("enter")
            assert isinstance(app.screen, TeamScreen) and app.screen.team == "thailand"
            await pilot.press("b")
            await showing(pilot, "Submit budget")
            verdict = said(str(app.screen.query_one("#budget-verdict", Static).render()))
            assert "cuts your budget by 2 at the resolution: 15 free points, not 17" in verdict, verdict
            assert "Your allocation of 7.2 still fits" in verdict, verdict
            await pilot.press("escape", "r")
            text = await showing(pilot, "End your turn")
            assert isinstance(app.screen, ConfirmScreen)
            assert "cuts your budget by 2 at the resolution" in said(text), text
            assert "3.3 points are neither allocated nor owed" in said(screen_text(app)), "after the cut, not 5.3"

    asyncio.run(run())
