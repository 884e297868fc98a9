"""Privacy at the hot seat: from the title screen, a game that is not over opens in the replay
viewer only with the facilitator's PIN (set on the new-game screen); one without a PIN is refused
with a notice saying how to set one; a finished game's replay opens for anyone."""

import asyncio
import json
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from game.session.session import Session
from game.tui.app import AccordApp
from game.tui.screens.new_game import NewGameScreen
from game.tui.screens.notice import NoticeScreen
from game.tui.screens.pin import PinScreen
from game.tui.screens.replay import ReplayScreen
from game.tui.screens.title import TitleScreen
from tests.tui.helpers import SAVE, finish_round, screen_text, tutorial

REPLAY_NEWEST = ("r", "enter")
"""From the title screen: the replay menu, then the newest save in the folder."""


def _replay_newest(then: Callable[[AccordApp, Pilot[None]], Awaitable[None]]) -> None:
    """Open the app on its title screen, ask for the replay of the newest save, then `then`."""

    async def run() -> None:
        app = AccordApp(Path("saves"))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(*REPLAY_NEWEST)
            await pilot.pause()
            await then(app, pilot)

    asyncio.run(run())


def test_a_game_in_progress_without_a_pin_is_refused_from_the_title_screen(here: Path) -> None:
    finish_round(tutorial())

    async def then(app: AccordApp, pilot: Pilot[None]) -> None:
        assert isinstance(app.screen, NoticeScreen), screen_text(app)
        assert "has no facilitator PIN" in app.screen.text and f"accord pin {SAVE}" in app.screen.text
        assert not any(isinstance(s, ReplayScreen) for s in app.screen_stack)
        await pilot.press("enter")
        assert isinstance(app.screen, TitleScreen)

    _replay_newest(then)


def test_a_game_in_progress_opens_only_with_the_facilitators_pin(here: Path) -> None:
    session = tutorial()
    session.set_pin("2468")
    finish_round(session)

    async def then(app: AccordApp, pilot: Pilot[None]) -> None:
        assert isinstance(app.screen, PinScreen), screen_text(app)
        assert "every team's private brief" in screen_text(app)
        await pilot.press("1", "2", "3", "4", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PinScreen) and "wrong PIN" in screen_text(app)
        assert "1234" not in screen_text(app)
        await pilot.press("2", "4", "6", "8")
        assert "2468" not in screen_text(app), "the PIN is typed hidden"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReplayScreen)
        await pilot.press("escape")

    _replay_newest(then)


def test_escape_or_too_many_wrong_pins_leave_the_replay_closed(here: Path) -> None:
    session = tutorial()
    session.set_pin("2468")

    async def then(app: AccordApp, pilot: Pilot[None]) -> None:
        for _ in range(5):
            await pilot.press("0", "0", "0", "0", "enter")
        await pilot.pause()
        assert isinstance(app.screen, TitleScreen)
        await pilot.press(*REPLAY_NEWEST)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TitleScreen)
        assert not any(isinstance(s, ReplayScreen) for s in app.screen_stack)

    _replay_newest(then)


def test_a_finished_game_replays_for_anyone(here: Path) -> None:
    session = tutorial(ai=("aldmark", "korvia", "meridia"))
    while not session.is_over:
        finish_round(session)

    async def then(app: AccordApp, pilot: Pilot[None]) -> None:
        assert isinstance(app.screen, ReplayScreen), screen_text(app)

    _replay_newest(then)


def test_the_new_game_screen_sets_the_pin_kept_as_a_salted_hash(here: Path) -> None:
    async def run() -> None:
        app = AccordApp(Path("saves"))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("n")
            await pilot.pause()
            assert isinstance(app.screen, NewGameScreen)
            assert "Facilitator PIN" in screen_text(app)
            app.screen.query_one("#pin", Input).value = "12"
            app.screen.action_start()
            await pilot.pause()
            assert "the facilitator PIN has 4 to 64 characters" in screen_text(app)
            app.screen.query_one("#pin", Input).value = "teacher-7731"
            app.screen.action_start()
            await pilot.pause()
            assert app.session is not None and app.session.path is not None
            saved = app.session.path.read_text()
            assert "teacher-7731" not in saved
            pin = json.loads(saved)["facilitator"]
            assert pin["kdf"] == "pbkdf2-sha256" and len(pin["salt"]) == 32 and len(pin["hash"]) == 64
            loaded = Session.load(app.session.path).document.facilitator
            assert loaded is not None and loaded.matches("teacher-7731") and not loaded.matches("teacher-7732")

    asyncio.run(run())


def test_a_hosted_game_in_progress_opens_with_the_facilitators_join_code(here: Path) -> None:
    from game.net.codes import codes_for

    finish_round(tutorial())
    codes = codes_for(SAVE, ["korvia", "meridia"])

    async def then(app: AccordApp, pilot: Pilot[None]) -> None:
        assert isinstance(app.screen, PinScreen), screen_text(app)
        assert "facilitator's join code" in screen_text(app)
        await pilot.press(*codes.seats["korvia"], "enter")
        await pilot.pause()
        assert isinstance(app.screen, PinScreen) and "wrong PIN" in screen_text(app)
        await pilot.press(*codes.facilitator, "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReplayScreen)

    _replay_newest(then)
