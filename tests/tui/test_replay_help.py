"""Help (?) in the replay viewer tells the viewer's own keys, not the players' rules (student21)."""

import asyncio
from pathlib import Path

from game.session.replay import Replay
from game.tui.app import AccordApp
from game.tui.screens.help import HelpScreen
from game.tui.screens.replay import ReplayScreen
from tests.tui.helpers import SAVE, finish_round, screen_text, tutorial


def test_help_in_the_replay_viewer_tells_the_viewers_keys(here: Path) -> None:
    session = tutorial()
    finish_round(session)

    async def run() -> None:
        app = AccordApp(Path("saves"), replay=Replay(SAVE))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, ReplayScreen)
            await pilot.press("question_mark")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            await pilot.pause(0.5)  # the Markdown renders after the screen opens
            text = screen_text(app)
            assert "The replay viewer" in text and "You step through the game as it was played" in text, text
            assert "branch a what-if" in app.screen.text
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, ReplayScreen)

    asyncio.run(run())
