"""A proposal's detail shows what the parties said with their answers: a student saw '✗ rejected'
and learned why only from the news once the round was resolved (student11's europe game)."""

import asyncio
from pathlib import Path

from game.model.actions import Propose, Respond
from game.tui.app import AccordApp
from tests.tui.helpers import screen_text, tutorial


def test_the_proposal_detail_shows_a_refusals_note(here: Path) -> None:
    session = tutorial()
    session.submit(Propose(state="korvia", agreement="information_sharing", parties=["korvia", "meridia"]))
    proposal = session.view("korvia").proposals[0].id
    session.submit(Respond(state="meridia", proposal=proposal, answer="reject",
                           note="cannot pay 2 points a year (it could pay 0.4)"), by="meridia")

    async def run() -> str:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("enter", "p")
            await pilot.pause()
            return screen_text(app)

    text = asyncio.run(run())
    assert "Meridia says: cannot pay 2 points a year (it could pay 0.4)" in text, text
