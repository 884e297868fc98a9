"""An announced event's change to the team's capacity levels is said on the budget tab and counted
in its next-level column, in the engine's order: the events fire at the resolution before the
allocation funds the capacities (`round._resolve`: `fire_events`, then `fund_capacities`). europe's
war takes a level from Ukraine's enforcement and border in year 2; the tab promised '▲ to 3.0' and the
level came out at 2.1.

The view carries the change in `Announcement.capacities`; the engine's `views.announced` does not
fill it yet (reported), so these tests give the view the change the scenario's event makes, and check
the tab's figure against the level the engine then reaches."""

import asyncio
from pathlib import Path

import pytest
from textual.widgets import Label, Static

from game.model.actions import Allocate
from game.model.view import PlayerView
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario
from game.session.seats import Seat
from game.session.session import Session
from game.tui.app import AccordApp
from game.tui.dues import capacity_changes, event_capacity_lines
from game.tui.screens.team import TeamScreen
from game.tui.widgets.budget_panel import reaches
from tests.tui.helpers import SAVE, finish_round, showing

ALLOCATION = {"enforcement": 1.0, "border": 1.0, "protection": 0.5, "prevention": 0.5, "intelligence": 0.5,
              "cyber": 0.5, "labour_inspection": 0.0}


def europe_at_the_war() -> Session:
    """europe in year 2, the war announced, Ukraine and Italy at the keyboard, its allocation given."""
    scenario = load_scenario(resolve_scenario("europe"))
    seats = {seat.id: Seat.ai("cooperative") for seat in [*scenario.states, *scenario.organizations]
             if seat.id not in ("ukraine", "italy")}
    session = Session.new(scenario, 2005, seats, SAVE.parent, path=SAVE)
    finish_round(session)
    session.submit(Allocate(state="ukraine", budget=ALLOCATION), by="ukraine")
    return session


def with_the_war(view: PlayerView) -> PlayerView:
    """The view as it reads once `views.announced` says what the war does to Ukraine's levels."""
    items = [item.model_copy(update={"capacities": {"ukraine": {"enforcement": -1.0, "border": -1.0}}})
             if item.id == "ukraine-invasion" else item for item in view.announced]
    return view.model_copy(update={"announced": items})


def test_the_next_level_counts_an_announced_event_before_the_points_as_the_engine_does(here: Path) -> None:
    session = europe_at_the_war()
    view = with_the_war(session.view("ukraine"))
    assert capacity_changes(view) == {"enforcement": -1.0, "border": -1.0}
    lines = event_capacity_lines(view)
    assert lines and "takes 1 level from enforcement and 1 level from border" in lines[0], lines
    level = view.me.capacities["enforcement"]
    said = reaches(level, ALLOCATION["enforcement"], view.rules, -1.0)
    finish_round(session)
    reached = session.view("ukraine").me.capacities["enforcement"]
    assert said == f"▼ to {reached:.1f}", (said, reached)
    assert reaches(level, ALLOCATION["enforcement"], view.rules) != said, "without the event the tab promised more"


def test_an_event_changing_no_level_of_the_team_says_nothing(here: Path) -> None:
    view = europe_at_the_war().view("italy")
    assert capacity_changes(view) == {} and event_capacity_lines(view) == []


def test_the_budget_tab_says_the_change_and_counts_it(here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    session = europe_at_the_war()
    seen = session.view
    monkeypatch.setattr(session, "view", lambda who: with_the_war(seen(who)) if who == "ukraine" else seen(who))

    async def run() -> None:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("enter")
            await showing(pilot, "We are")
            while isinstance(app.screen, TeamScreen) and app.screen.team != "ukraine":
                await pilot.press("r", "y")
                await showing(pilot, "We are")
                await pilot.press("enter")
            assert isinstance(app.screen, TeamScreen) and app.screen.team == "ukraine"
            await pilot.press("b")
            await showing(pilot, "Submit budget")
            verdict = " ".join(str(app.screen.query_one("#budget-verdict", Static).render()).split())
            assert "takes 1 level from enforcement and 1 level from border" in verdict, verdict
            view = with_the_war(seen("ukraine"))
            trend = str(app.screen.query_one("#trend-enforcement", Label).render())
            assert trend == reaches(view.me.capacities["enforcement"], 1.0, view.rules, -1.0), trend
            assert trend.startswith("▼"), trend

    asyncio.run(run())
