"""A student answers a proposal with a line for its parties: A accepts and X rejects with a note
typed in a dialog, which every party reads in the proposal's detail ('Korvia says: ...'). The rules
took a note with an answer, and computer players' refusals carried one, but a student could not
write one. A note too long or holding a control character gets a clear line in the dialog and
nothing is sent; an empty note is no note."""

import asyncio
import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

from textual import events
from textual.keys import _character_to_key
from textual.pilot import Pilot
from textual.widgets import Input, Static

from game.model.actions import Propose
from game.model.view import ProposalView
from game.session.session import Session
from game.tui.app import AccordApp
from game.tui.notes import NOTE_LIMIT, note_problem
from game.tui.screens.answer import AnswerDialog
from game.tui.screens.team import TeamScreen
from game.tui.widgets.diplomacy_panel import DiplomacyPanel
from tests.tui.helpers import screen_text, tutorial
from tests.tui.test_typed_numbers import settle

NOTE = "we cannot pay 2 a year; we could pay 1"


def meridias_offer(session: Session) -> str:
    """Meridia proposes information sharing to Korvia, who plays first at the hot seat."""
    session.submit(Propose(state="meridia", agreement="information_sharing", parties=["korvia", "meridia"]),
                   by="meridia")
    return next(p.id for p in session.view("korvia").proposals if p.proposer == "meridia")


def korvias(session: Session, proposal: str) -> ProposalView:
    return next(p for p in session.view("meridia").proposals if p.id == proposal)


@contextlib.asynccontextmanager
async def on_proposal(session: Session, proposal: str) -> AsyncIterator[tuple[AccordApp, Pilot[None]]]:
    """The hot seat at 80x24 on Korvia's diplomacy tab, the cursor on `proposal`."""
    app = AccordApp(Path("saves"), session=session)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "p")
        await settle(pilot)
        assert isinstance(app.screen, TeamScreen)
        panel = app.screen.query_one(DiplomacyPanel)
        await pilot.press(*["down"] * panel.proposal_ids.index(proposal))
        current = panel.current()
        assert current is not None and current.id == proposal
        yield app, pilot


async def dialog_verdict(pilot: Pilot[None]) -> str:
    await pilot.press("enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, AnswerDialog), "a refused note must keep the dialog open, with what was typed"
    return str(screen.query_one("#answer-verdict", Static).render())


def test_x_rejects_with_a_typed_note_that_every_party_reads_beside_the_answer(here: Path) -> None:
    session = tutorial()
    proposal = meridias_offer(session)

    async def run() -> str:
        async with on_proposal(session, proposal) as (app, pilot):
            await pilot.press("X")
            await settle(pilot)
            assert isinstance(app.screen, AnswerDialog)
            await pilot.press(*NOTE)
            await settle(pilot)
            dialog = screen_text(app)
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, TeamScreen)
            return dialog + screen_text(app)

    text = asyncio.run(run())
    assert f"Reject {proposal} with a note" in text and f"{len(NOTE)} of {NOTE_LIMIT} characters" in text, text
    answered = korvias(session, proposal)
    assert answered.answers == {"korvia": "reject"} and answered.notes == {"korvia": NOTE}
    assert f"You said: {NOTE}" in text, text  # Korvia reads what the others read of its answer


def test_a_note_typed_hard_on_the_heels_of_x_lands_whole_in_the_note(here: Path) -> None:
    """A hurried 'Xwe cannot pay', the keys arriving together: the words typed while the dialog
    came up were lost."""
    session = tutorial()
    proposal = meridias_offer(session)

    async def run() -> str:
        async with on_proposal(session, proposal) as (app, pilot):
            for character in "X" + NOTE:  # none waits for the one before, as from a fast typist
                key = character if character.isalnum() else _character_to_key(character)
                app.post_message(events.Key(key, character))
            await settle(pilot)
            assert isinstance(app.screen, AnswerDialog)
            return app.screen.query_one("#answer-note", Input).value

    assert asyncio.run(run()) == NOTE


def test_a_note_too_long_or_with_a_control_character_is_refused_in_the_dialog_and_nothing_is_sent(
        here: Path) -> None:
    session = tutorial()
    proposal = meridias_offer(session)

    async def run() -> list[str]:
        async with on_proposal(session, proposal) as (app, pilot):
            await pilot.press("A")
            await settle(pilot)
            field = app.screen.query_one("#answer-note", Input)
            field.value = "w" * (NOTE_LIMIT + 1)
            verdicts = [await dialog_verdict(pilot), screen_text(app)]
            field.value = ""
            field.post_message(events.Paste("why\tnot"))  # a tab, pasted from a document
            await settle(pilot)
            verdicts.append(await dialog_verdict(pilot))
            await pilot.press("escape")
            await settle(pilot)
            assert isinstance(app.screen, TeamScreen)
            return verdicts

    too_long, screen, control = asyncio.run(run())
    assert too_long == (f"✗ the note is {NOTE_LIMIT + 1} characters long: {NOTE_LIMIT} at most "
                        "(a message, M, can say more)")
    assert f"{NOTE_LIMIT + 1} of {NOTE_LIMIT} characters: 1 too many" in screen, screen
    assert "control character (a tab) at character 4" in control, control
    assert korvias(session, proposal).answers == {}  # nothing was sent


def test_an_empty_note_is_no_note_and_answers_as_a_does(here: Path) -> None:
    session = tutorial()
    proposal = meridias_offer(session)

    async def run() -> None:
        async with on_proposal(session, proposal) as (_app, pilot):
            await pilot.press("A", "space", "space", "enter")
            await settle(pilot)

    asyncio.run(run())
    answered = korvias(session, proposal)
    assert answered.answers == {"korvia": "accept"} and answered.notes == {}


def test_a_or_x_on_a_proposal_the_team_cannot_answer_says_why_and_opens_no_dialog(here: Path) -> None:
    session = tutorial()
    session.submit(Propose(state="korvia", agreement="information_sharing", parties=["korvia", "meridia"]))
    own = session.view("korvia").proposals[0].id

    async def run() -> str:
        async with on_proposal(session, own) as (app, pilot):
            await pilot.press("X")
            await settle(pilot)
            assert isinstance(app.screen, TeamScreen)
            return screen_text(app)

    assert "withdraw it instead of answering it" in asyncio.run(run())


def test_a_note_is_judged_as_the_rules_keep_it() -> None:
    assert note_problem("") is None and note_problem("é" * NOTE_LIMIT) is None
    assert note_problem("x" * (NOTE_LIMIT + 1)) is not None
    assert "escape" in (note_problem("red \x1b[31m") or "")


def test_the_help_names_the_keys_and_the_rules_limit() -> None:
    from game.tui.screens.help import RULES_IN_BRIEF

    keys = " ".join(RULES_IN_BRIEF.split())
    assert "`A` / `X` accept / reject with a note" in keys and f"up to {NOTE_LIMIT} characters" in keys


def test_a_and_x_answer_with_a_note_on_the_diplomacy_tab_only(here: Path) -> None:
    session = tutorial()
    proposal = meridias_offer(session)

    async def run() -> None:
        async with on_proposal(session, proposal) as (app, pilot):
            for tab in ("l", "d", "b"):
                await pilot.press(tab, "X", "A")
                await settle(pilot)
                assert isinstance(app.screen, TeamScreen), tab

    asyncio.run(run())
    assert korvias(session, proposal).answers == {}
