"""An organization's seat at the table: its own screen, an instrument used through the form and
checked by the rules, its round report, and nothing of a state's private brief on its screens."""

import asyncio
from pathlib import Path

from textual.widgets import Select

from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario
from game.session.seats import Seat
from game.session.session import Session
from game.tui.app import AccordApp
from game.tui.screens.handoff import HandoffScreen
from game.tui.screens.org_team import OrgScreen
from game.tui.screens.round_report import RoundReportScreen
from tests.tui.helpers import screen_text
from tests.tui.test_hot_seat import lines_of, windows


def test_an_organization_trains_a_state_and_reads_its_report(here: Path) -> None:
    scenario = load_scenario(resolve_scenario("mekong"))
    human = {"myanmar", "unodc"}
    seats = {s.id: Seat.ai("cooperative") for s in scenario.states if s.id not in human}
    seats |= {o.id: Seat.ai("mandate") for o in scenario.organizations if o.id not in human}
    session = Session.new(scenario, 3, seats, Path("saves"))
    brief = next(s.brief for s in scenario.states if s.id == "myanmar")

    async def run() -> None:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=(100, 60)) as pilot:
            await pilot.press("enter", "r", "y")
            assert isinstance(app.screen, HandoffScreen) and app.screen.team == "UN Office on Drugs and Crime"
            await pilot.press("enter")
            assert isinstance(app.screen, OrgScreen)
            await pilot.press("i")
            await pilot.pause()
            assert "✗ choose a state" in screen_text(app)
            app.screen.query_one("#target", Select).value = "thailand"
            await pilot.pause()
            assert "✓ the rules accept this (costs 3)" in screen_text(app)
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert [s.type for s in session.submitted() if s.by == "unodc"] == ["train"]
            shown = [screen_text(app)]
            for key in "dmpsn":
                await pilot.press(key)
                await pilot.pause()
                shown.append(screen_text(app))
            for screen in shown:
                lines = lines_of(screen)
                assert not [w for w in windows(brief) if any(w in line for line in lines)]
            await pilot.press("r", "y", "enter", "enter", "enter")
            assert isinstance(app.screen, RoundReportScreen)
            assert "trained: Thailand (enforcement)" in screen_text(app)

    asyncio.run(run())
