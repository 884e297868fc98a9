"""The hand-over to the final scores asks nobody to look away: the scores are for the whole class.
It read 'Pass the screen to the team of THE FACILITATOR ... Other teams: please look away ... show
them to the whole class'."""

import asyncio
from pathlib import Path

from game.tui.app import AccordApp
from game.tui.screens.final import FinalScreen
from game.tui.screens.handoff import HandoffScreen
from tests.session.helpers import short
from tests.session.helpers import tutorial as tutorial_scenario
from tests.tui.helpers import finish_round, screen_text, tutorial


def test_the_last_hand_over_is_to_the_facilitator_for_the_whole_class(here: Path) -> None:
    session = tutorial(scenario=short(tutorial_scenario(), 1))
    while not session.is_over:
        finish_round(session)

    async def run() -> None:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, HandoffScreen)
            text = screen_text(app)
            assert "THE FACILITATOR" in text and "whole class" in text
            assert "look away" not in text and "team of" not in text
            assert "The facilitator is here: press Enter" in text
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, FinalScreen)

    asyncio.run(run())


def test_a_teams_hand_over_still_asks_the_others_to_look_away(here: Path) -> None:
    async def run() -> None:
        app = AccordApp(Path("saves"), session=tutorial())
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, HandoffScreen)
            text = screen_text(app)
            assert "Pass the screen to the team of" in text and "Other teams: please look away." in text
            assert "We are Korvia: press Enter" in text

    asyncio.run(run())
