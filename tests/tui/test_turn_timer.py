"""The hot seat's turn timer (issue 16.3): the clock shows on the team's screen, the facilitator can
pause it and add two minutes, and when it runs out the team's turn ends with its orders standing
and the screen passes to the next team. The clock is driven by hand, not by waiting."""

import asyncio
from pathlib import Path

import pytest
from textual.pilot import Pilot

from game.session.clock import EXTENSION, RoundClock, minutes
from game.tui.app import AccordApp
from game.tui.screens.handoff import HandoffScreen
from game.tui.screens.team import TeamScreen
from tests.tui.helpers import screen_text, tutorial


class Hand:
    """A clock's time source moved by the test."""

    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def test_the_clock_counts_down_pauses_and_extends() -> None:
    hand = Hand()
    clock = RoundClock(300, now=hand)
    hand.t += 60
    assert clock.left == 240 and clock.text() == "4:00"
    clock.pause()
    hand.t += 500
    assert clock.left == 240 and clock.paused and clock.text() == "4:00 (paused)"
    clock.resume()
    clock.extend()
    assert clock.left == 240 + EXTENSION
    hand.t += 240 + EXTENSION
    assert clock.expired and clock.left == 0
    clock.restart()
    assert clock.left == 300


@pytest.mark.parametrize("bad", ["0", "-1", "nan", "inf", "1e999", "two"])
def test_a_timer_of_no_time_is_refused_with_a_reason(bad: str) -> None:
    with pytest.raises(ValueError, match="minutes"):
        minutes(bad)


def test_when_a_teams_time_runs_out_its_turn_ends_and_the_screen_passes_on(here: Path) -> None:
    session = tutorial(ai=("aldmark",), turn_minutes=5)

    async def run() -> None:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=(100, 40), notifications=True) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, HandoffScreen) and app.screen.team == "Korvia"
            await pilot.press("enter")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, TeamScreen) and screen.clock is not None
            hand = Hand()
            screen.clock.now = hand
            screen.clock.restart()
            screen.tick()
            await pilot.pause()
            assert "5:00 left for this turn" in screen_text(app)
            await pilot.press("T")
            hand.t += 600
            screen.tick()
            await pilot.pause()
            assert "5:00 (paused)" in screen_text(app), "a paused clock does not run"
            await pilot.press("T", "plus")
            screen.tick()
            await pilot.pause()
            assert "7:00 left" in screen_text(app)
            await pilot.press("l", "down", "a")
            await pilot.pause()
            await pilot.press("N")  # a composer left open when time runs out is closed too
            await pilot.pause()
            hand.t += 7 * 60
            screen.tick()
            await pilot.pause()
            await pilot.pause()
            assert isinstance(app.screen, HandoffScreen) and app.screen.team == "Meridia"
            assert "korvia" in session.ready_seats()
            kinds = [s.type for s in session.submitted() if s.state == "korvia"]
            assert kinds == ["adopt_law", "ready"], "the orders given stand and the turn is ended"

    asyncio.run(run())


def test_without_a_timer_the_team_screen_shows_no_clock(here: Path) -> None:
    session = tutorial(ai=("aldmark",))

    async def run() -> None:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=(100, 40), notifications=True) as pilot:
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, TeamScreen) and app.screen.clock is None
            assert "left for this turn" not in screen_text(app)

    asyncio.run(run())


def test_the_final_screens_w_writes_the_class_and_the_facilitators_debriefs(here: Path) -> None:
    """Issue 13.3: two versions, clearly named; the facilitator's keeps a private message's text and
    is readable by its owner only."""
    from game.model.actions import Message
    from game.tui.screens.final import FinalScreen
    from tests.session.helpers import short
    from tests.session.helpers import tutorial as tutorial_scenario
    from tests.tui.helpers import finish_round

    session = tutorial(scenario=short(tutorial_scenario(), 2))
    session.submit(Message(state="korvia", to=["meridia"], text="A PRIVATE WORD"), by="korvia")
    while not session.is_over:
        finish_round(session)

    async def run() -> None:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=(100, 40), notifications=True) as pilot:
            await pilot.press("enter")
            assert isinstance(app.screen, FinalScreen)
            await app.workers.wait_for_complete()
            await pilot.press("w")
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()

    asyncio.run(run())
    assert session.path is not None
    stem = session.path.name.removesuffix(".json")
    written = {p.name.removeprefix(stem) for p in session.path.parent.iterdir() if p.name != session.path.name}
    assert written == {"-debrief-class.html", "-debrief-class.md", "-debrief-facilitator.html",
                       "-debrief-facilitator.md"}
    folder = session.path.parent
    assert "A PRIVATE WORD" not in (folder / f"{stem}-debrief-class.html").read_text("utf-8")
    facilitator = folder / f"{stem}-debrief-facilitator.md"
    assert "A PRIVATE WORD" in facilitator.read_text("utf-8")
    assert facilitator.stat().st_mode & 0o077 == 0


async def start_with_timer(app: AccordApp, pilot: Pilot[None], typed: str) -> None:
    """The title screen's n, the turn timer typed on the new-game screen, and Enter."""
    from textual.widgets import Input

    from game.tui.screens.new_game import NewGameScreen

    await pilot.press("n")
    await pilot.pause()
    assert isinstance(app.screen, NewGameScreen)
    assert "Turn timer" in screen_text(app)
    app.screen.query_one("#turn-minutes", Input).focus()
    await pilot.press(*typed, "enter")
    await pilot.pause()


@pytest.mark.parametrize(("typed", "why"), [
    ("-3", "'-3': give more than 0 and at most 1440 minutes"),
    ("0", "'0': give more than 0 and at most 1440 minutes"),
    ("1e999", "'1e999': give more than 0 and at most 1440 minutes"),
    ("nan", "'nan': give more than 0 and at most 1440 minutes"),
    ("abc", "'abc' is not a number of minutes"),
])
def test_the_new_game_screen_refuses_a_turn_timer_that_is_no_time(here: Path, typed: str, why: str) -> None:

    from game.tui.screens.new_game import NewGameScreen

    async def run() -> None:
        app = AccordApp(Path("saves"))
        async with app.run_test(size=(80, 24)) as pilot:
            await start_with_timer(app, pilot, typed)
            assert isinstance(app.screen, NewGameScreen), "the form stays, with what was typed"
            assert f"✗ turn timer {why}" in screen_text(app)
            assert app.session is None and not Path("saves").exists(), "no game is made"

    asyncio.run(run())


def test_a_turn_timer_set_on_the_new_game_screen_is_saved_and_runs(here: Path) -> None:

    from game.session.session import Session

    async def run() -> None:
        app = AccordApp(Path("saves"))
        async with app.run_test(size=(80, 24)) as pilot:
            await start_with_timer(app, pilot, " 4.5 ")
            assert app.session is not None and app.session.path is not None
            assert app.session.turn_seconds == 270
            assert Session.load(app.session.path).turn_seconds == 270
            assert isinstance(app.screen, HandoffScreen)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, TeamScreen) and app.screen.clock is not None
            assert app.screen.clock.seconds == 270

    asyncio.run(run())


def test_a_game_continued_from_its_save_keeps_its_turn_timer(here: Path) -> None:
    session = tutorial(ai=("aldmark",), turn_minutes=3)
    assert session.path is not None

    async def run() -> None:
        app = AccordApp(Path("saves"))
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            app.load_and_play(session.path)  # the title screen's l, Enter on the save
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, TeamScreen) and app.screen.clock is not None
            assert app.screen.clock.seconds == 180
            assert "left for this turn" in screen_text(app)

    asyncio.run(run())


def test_accord_play_saves_its_turn_timer_with_the_game(here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import game.tui
    from game.cli import main
    from game.session.session import Session

    started: list[Session] = []
    monkeypatch.setattr(game.tui, "has_terminal", lambda: True)
    monkeypatch.setattr(game.tui, "run_app", lambda folder, *, session: started.append(session) or 0)
    assert main(["play", "tutorial", "--turn-minutes", "5", "--saves", "saves"]) == 0
    [session] = started
    assert session.path is not None and Session.load(session.path).turn_seconds == 300


@pytest.mark.parametrize("typed", ["-3", "1e999", "abc"])
def test_accord_play_refuses_a_turn_timer_that_is_no_time_in_one_line(
        here: Path, typed: str, capsys: pytest.CaptureFixture[str]) -> None:
    from game.cli import main

    assert main(["play", "tutorial", f"--turn-minutes={typed}"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"accord: error: --turn-minutes '{typed}'") and err.count("\n") == 1
    assert not Path("saves").exists()
