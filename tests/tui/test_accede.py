"""Acceding to a convention from the diplomacy tab: the question names the cost and from when it
falls due, and the accession is recorded for the round's resolution."""

import asyncio
from pathlib import Path

from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario
from game.session.seats import Seat
from game.session.session import Session
from game.tui.app import AccordApp
from game.tui.screens.notice import ConfirmScreen
from tests.tui.helpers import SAVE, screen_text


def test_a_team_outside_a_convention_accedes_from_the_diplomacy_tab(here: Path) -> None:
    europe = load_scenario(resolve_scenario("europe"))
    coe = europe.agreements_in_force[0]
    outside = coe.model_copy(update={"parties": [p for p in coe.parties if p != "ukraine"]})
    scenario = europe.model_copy(update={"agreements_in_force": [outside]})
    seats = {s.id: Seat.ai("cooperative") for s in scenario.states if s.id != "ukraine"}
    session = Session.new(scenario, 3, seats, SAVE.parent, path=SAVE)

    async def run() -> None:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("enter", "p", "j")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmScreen)
            text = screen_text(app)
            assert "Accede to Council of Europe Convention" in text and "from year 2" in text
            await pilot.press("y")
            await pilot.pause()
            assert session.state.agreements["a1"].acceding == ["ukraine"]

    asyncio.run(run())
