"""The composer's party ticks and contribution fields stay on an 80-column screen with six other
states to choose from: on europe, Germany's row of ticks ran off the dialog after the fourth, and the
contributions of the fifth party on were out of sight, ticked or typed blind."""

import asyncio
from pathlib import Path

from textual.widgets import Checkbox, Input

from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario
from game.session.seats import Seat
from game.session.session import Session
from game.tui.app import AccordApp
from game.tui.screens.composer import ProposalComposer
from tests.tui.helpers import SAVE


def test_every_party_tick_and_contribution_is_on_an_80_column_screen(here: Path) -> None:
    scenario = load_scenario(resolve_scenario("europe"))
    seats = {s.id: Seat.ai("cooperative") for s in scenario.states if s.id != "germany"}
    session = Session.new(scenario, 3, seats, SAVE.parent, path=SAVE)
    width = 80

    async def run() -> None:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=(width, 24)) as pilot:
            await pilot.press("enter", "p", "N")
            await pilot.pause()
            composer = app.screen
            assert isinstance(composer, ProposalComposer)
            ticks = list(composer.query(Checkbox))
            assert len(ticks) == 6
            for tick in ticks:
                tick.value = True
            await pilot.pause()
            body = composer.query_one("#composer-body").content_region
            fields = [f for f in composer.query(Input) if (f.id or "").startswith("contribution-") and f.display]
            assert len(fields) == 7, "Germany and the six it ticked"
            for widget in [*ticks, *fields]:
                region = widget.region
                assert region.width > 0 and body.x <= region.x and region.right <= body.right, (widget.id, region, body)

    asyncio.run(run())
