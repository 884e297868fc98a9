"""Quitting mid-round loses nothing: 'continue' reopens the latest autosave at the right team and
round, with every order submitted before quitting. And an illegal order is explained where it is
made, before and after trying it, with nothing recorded."""

import asyncio
from pathlib import Path

from game.tui.app import AccordApp
from game.tui.screens.handoff import HandoffScreen
from game.tui.screens.team import TeamScreen
from game.tui.screens.title import TitleScreen
from tests.tui.helpers import finish_round, screen_text, tutorial


def test_quit_mid_round_then_continue_at_the_same_team(here: Path) -> None:
    session = tutorial()
    finish_round(session)

    async def run() -> None:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=(80, 24)) as pilot:
            # Korvia adopts victim protection and ends its turn; Meridia adopts a law, then quits
            await pilot.press("enter", "l", "down", "a", "r", "y")
            assert isinstance(app.screen, HandoffScreen) and app.screen.team == "Meridia"
            await pilot.press("enter", "l", "down", "down", "down", "a", "q", "y")
            await pilot.pause()
            assert isinstance(app.screen, TitleScreen), screen_text(app)
        # a new app, as after closing the terminal: continue the latest game
        again = AccordApp(Path("saves"))
        async with again.run_test(size=(80, 24)) as pilot:
            await pilot.press("c")
            await pilot.pause()
            assert isinstance(again.screen, HandoffScreen) and again.screen.team == "Meridia"
            resumed = again.session
            assert resumed is not None and resumed.round == 2
            assert "victim_protection" in resumed.view("korvia").me.pending_laws
            assert "national_rapporteur" in resumed.view("meridia").me.pending_laws
            assert resumed.waiting_for() == ["meridia"]

    asyncio.run(run())


def test_an_illegal_law_is_explained_where_it_is_chosen(here: Path) -> None:
    session = tutorial()

    async def run() -> None:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("enter", "l", "down", "down")
            await pilot.pause()
            assert isinstance(app.screen, TeamScreen)
            text = screen_text(app)
            assert "– blocked   National referral mechanism" in text
            assert "✗ missing prerequisite: National referral mechanism needs Victim protection in" in text
            before = len(session.submitted())
            await pilot.press("a")
            await pilot.pause()
            assert "✗ missing prerequisite" in screen_text(app)
            assert len(session.submitted()) == before

    asyncio.run(run())


def test_a_bad_save_is_a_notice_and_the_title_screen_goes_on(here: Path) -> None:
    Path("saves").mkdir()
    broken = Path("saves") / "tutorial-20250101-090000-0000dead.json"
    broken.write_text("{not json", encoding="utf-8")

    async def run() -> None:
        app = AccordApp(Path("saves"))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("c")
            await pilot.pause()
            text = screen_text(app)
            assert "Cannot open that save" in text and "Traceback" not in text
            await pilot.press("enter")
            assert isinstance(app.screen, TitleScreen)

    asyncio.run(run())


def test_a_game_continued_before_anyone_played_the_new_round_opens_with_the_reports(here: Path) -> None:
    """Quitting while the reports went round (at Meridia's, after Korvia's) and continuing went
    straight to the next round's turns: Meridia's report on the round was never shown. A continued
    game in which no team has given an order since the resolution shows every team its report."""
    session = tutorial()
    finish_round(session)
    assert session.round == 2 and session.path is not None

    async def run() -> list[str]:
        app = AccordApp(Path("saves"))
        seen = []
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("c")
            await pilot.pause()
            for _ in range(2):
                screen = app.screen
                assert isinstance(screen, HandoffScreen), screen_text(app)
                seen.append(f"{screen.team}: {screen.headline}")
                await pilot.press("enter")
                await pilot.pause()
                assert "report on year 1" in screen_text(app), screen_text(app)
                await pilot.press("enter")
                await pilot.pause()
            screen = app.screen
            assert isinstance(screen, HandoffScreen) and screen.headline.startswith("Year 2"), screen_text(app)
            seen.append(f"{screen.team}: turn")
        return seen

    assert asyncio.run(run()) == ["Korvia: Year 1 is resolved", "Meridia: Year 1 is resolved", "Korvia: turn"]
