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


def test_the_news_gives_the_cut_beside_the_announced_story(here: Path) -> None:
    from game.tui.widgets.news_panel import announced_text

    told = announced_text(mekong().view("thailand"))
    assert "  → it cuts your budget by 2 at this year's resolution (b: Budget)" in told, told
    assert not any("budget by" in line for line in announced_text(mekong().view("laos")))


def test_a_funding_pledge_that_the_cut_or_a_lower_allocation_would_break_is_warned_of(here: Path) -> None:
    from game.model.actions import Pledge
    from game.tui.dues import pledge_warnings

    session = mekong()
    session.submit(Pledge(state="thailand", kind="fund", capacity="border", points=3, due=3), by="thailand")
    allocation = {**HOLD, "border": 3.0, "protection": 2.0, "prevention": 2.0}  # 11.2: scaled to 10.5 by the cut
    view = session.view("thailand")
    assert pledge_warnings(view, allocation) == [
        "⚠ your pledge to fund border with at least 3 points a year through year 3 would be broken this year: "
        "border gets 2.81 of your points once the cut scales your allocation down"]
    assert pledge_warnings(view, HOLD) == [
        "⚠ your pledge to fund border with at least 3 points a year through year 3 would be broken this year: "
        "border gets 1.2 of your points"]
    assert pledge_warnings(view, {**HOLD, "border": 3.0}) == [], "9 of 17: the cut leaves it whole"
    session.submit(Allocate(state="thailand", budget=allocation), by="thailand")
    finish_round(session)
    assert [p.standing for p in session.view("thailand").pledges if p.seat == "thailand"] == ["broken"]


def test_the_pledge_dialog_warns_that_the_cut_will_scale_a_pledged_capacity_below_the_pledge(here: Path) -> None:
    from game.model.actions import Pledge
    from game.tui.screens.pledge import PledgeComposer

    session = mekong()
    allocation = {**HOLD, "border": 3.0, "protection": 2.0, "prevention": 2.0}
    session.submit(Allocate(state="thailand", budget=allocation), by="thailand")
    dialog = PledgeComposer(session.view("thailand"), None)  # type: ignore[arg-type]
    pledge = Pledge(state="thailand", kind="fund", capacity="border", points=3, due=3)
    assert said(dialog.caution(pledge)) == (
        "! It counts from this year: this year's event cuts your budget, and your allocation will be scaled down, "
        "giving border 2.81. Lower the allocation to fit the cut (b), or the pledge is broken then.")
    assert dialog.caution(pledge.model_copy(update={"points": 2.5})) == ""


def test_what_is_kept_aside_and_pays_no_contribution_in_full_is_counted_back_as_the_engine_does(here: Path) -> None:
    """13.2 of 17 leaves 3.8 for the 4.5 owed: it pays 3.5 of them, and the other 0.3 goes back to
    the capacities (11.5, not 11.2)."""
    session = mekong()
    allocation = {**HOLD, "border": 2.0, "protection": 5.0, "prevention": 2.0}  # 13.2
    session.submit(Allocate(state="thailand", budget=allocation), by="thailand")
    lines = event_budget_lines(session.view("thailand"), 13.2)
    assert "it will be scaled down to 11.5, 3.5 being kept for agreements" in lines[0], lines
    finish_round(session)
    assert abs(sum(session.reports[-1].states["thailand"].spent.values()) - 11.5) < 1e-6


def test_the_levels_promised_are_those_the_points_reach_once_the_cut_has_scaled_them(here: Path) -> None:
    """'border 3 pts ▲ to 4.3' stood beside the line saying the cut would scale the 3 to 2.8."""
    from textual.widgets import Label

    session = mekong()
    allocation = {**HOLD, "border": 3.0, "protection": 2.0, "prevention": 2.0}  # 11.2: scaled to 10.5
    session.submit(Allocate(state="thailand", budget=allocation), by="thailand")

    async def run() -> None:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("enter", "b")
            await showing(pilot, "Submit budget")
            return str(app.screen.query_one("#trend-border", Label).render())

    trend = asyncio.run(run())
    finish_round(session)
    level = session.state.states["thailand"].capacities["border"]
    assert trend == f"▲ to {level:.1f}", (trend, level)
