"""Helpers for the TUI tests: the screen as plain text, games set up through the session, and the
text snapshots kept in `tests/tui/snapshots/` (rewrite them with ACCORD_UPDATE_SNAPSHOTS=1)."""

import io
import os
from pathlib import Path

from rich.console import Console
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Checkbox, Select

from game.model.actions import Ready
from game.model.scenario import Scenario
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario
from game.session.seats import Seat
from game.session.session import Session
from game.tui.screens.composer import ProposalComposer

SNAPSHOTS = Path(__file__).parent / "snapshots"
UPDATE = os.environ.get("ACCORD_UPDATE_SNAPSHOTS") == "1"


def screen_text(app: App[object]) -> str:
    """What the terminal shows, as text: the same rendering as `export_screenshot`, without styles."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True, color_system=None,
                      record=True, legacy_windows=False, safe_box=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    lines = [line.rstrip() for line in console.export_text(styles=False).splitlines()]
    return "\n".join(lines).rstrip() + "\n"


SAVE = Path("saves") / "tutorial-20250101-090000-0000abcd.json"


async def settled(pilot: Pilot[object]) -> str:
    """The screen once it has stopped changing (the footer follows focus a frame or two later)."""
    text = ""
    for _ in range(20):
        await pilot.pause()
        now = screen_text(pilot.app)
        if now == text:
            return now
        text = now
    return text


async def showing(pilot: Pilot[object], wanted: str, pauses: int = 60) -> str:
    """The screen once it shows `wanted`, or as it stands after `pauses` pauses (the caller's assert
    then prints it): under a loaded CI machine a tab's layout can take many frames to settle."""
    text = screen_text(pilot.app)
    for _ in range(pauses):
        if wanted in text:
            break
        await pilot.pause()
        text = screen_text(pilot.app)
    return text


def tutorial(*, ai: tuple[str, ...] = ("aldmark",), seed: int = 7, scenario: Scenario | None = None,
             turn_minutes: float | None = None) -> Session:
    """The tutorial saved in `./saves` under a fixed name, human teams except the `ai` seats."""
    scenario = scenario or load_scenario(resolve_scenario("tutorial"))
    seats = {state_id: Seat.ai("cooperative") for state_id in ai}
    return Session.new(scenario, seed, seats, SAVE.parent, path=SAVE, turn_minutes=turn_minutes)


def korvia_proposing() -> Session:
    """The tutorial with Korvia's two open proposals of information sharing, to Aldmark and to Meridia."""
    from game.model.actions import Propose

    session = tutorial()
    for partner in ("aldmark", "meridia"):
        session.submit(Propose(state="korvia", agreement="information_sharing", parties=["korvia", partner]))
    return session


def mekong() -> Session:
    """Mekong (seed 2015) saved like `tutorial`, Thailand, Laos and Vietnam (the three with victim
    protection, which a convention needs) at the keyboard, Myanmar, Cambodia and China played by the
    AI: Thailand plays first."""
    seats = {state: Seat.ai("cooperative") for state in ("myanmar", "cambodia", "china")}
    return Session.new(load_scenario(resolve_scenario("mekong")), 2015, seats, SAVE.parent, path=SAVE)


def finish_round(session: Session) -> None:
    """Every seat acts and is ready, and the round resolves: rounds a test is not about."""
    session.play_ai()
    for state_id in session.waiting_for():
        session.submit(Ready(state=state_id), by=state_id)
    session.resolve()


def assert_snapshot(name: str, text: str) -> None:
    """Compare with the committed snapshot; with ACCORD_UPDATE_SNAPSHOTS=1, write it instead."""
    path = SNAPSHOTS / f"{name}.txt"
    if UPDATE or not path.exists():
        SNAPSHOTS.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if not UPDATE:
            raise AssertionError(f"{path} did not exist and was written: check it, commit it, and run again")
        return
    expected = path.read_text(encoding="utf-8")
    assert text == expected, (f"the screen differs from {path}; if the change is intended, rewrite the snapshots "
                              f"with ACCORD_UPDATE_SNAPSHOTS=1 and review the diff.\n--- expected\n{expected}"
                              f"--- got\n{text}")


async def open_composer(pilot: Pilot[None], kind: str, *partners: str) -> ProposalComposer:
    """The proposal composer of the seat at the keyboard, opened from its diplomacy tab, set to
    `kind`, with `partners` ticked."""
    await pilot.press("enter", "p", "N")
    await pilot.pause()
    composer = pilot.app.screen
    assert isinstance(composer, ProposalComposer)
    composer.query_one("#kind", Select).value = kind
    await pilot.pause()
    for partner in partners:
        composer.query_one(f"#party-{partner}", Checkbox).value = True
    await pilot.pause()
    return composer
