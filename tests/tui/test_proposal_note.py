"""A proposal, and a counter-proposal, with the proposer's line: the composer's note field, sent with
the proposal (`Propose.note`) and read by every party in the proposal's detail ('Korvia says: ...')
as an answer's note is. A note too long or holding a control character gets the reason in the
composer and nothing is sent; an empty note is no note."""

import asyncio
from pathlib import Path

from textual import events
from textual.pilot import Pilot
from textual.widgets import Button, Checkbox, Input, Static

from game.model.actions import Propose
from game.model.view import ProposalView
from game.session.session import Session
from game.tui.app import AccordApp
from game.tui.notes import NOTE_LIMIT
from game.tui.screens.composer import ProposalComposer
from game.tui.screens.team import TeamScreen
from game.tui.widgets.diplomacy_panel import DiplomacyPanel
from tests.tui.helpers import screen_text, tutorial
from tests.tui.test_typed_numbers import settle

NOTE = "we carry your share for two years"
COUNTER = "half each, but for three years"


def proposals_of(session: Session, who: str, proposer: str) -> list[ProposalView]:
    return [p for p in session.view(who).proposals if p.proposer == proposer]


async def composing(pilot: Pilot[None], *keys: str, to: str | None = None) -> ProposalComposer:
    """The composer opened with `keys` at the team's desk, `to` ticked as a party, its note field
    focused."""
    await pilot.press(*keys)
    await settle(pilot)
    composer = pilot.app.screen
    assert isinstance(composer, ProposalComposer)
    if to is not None:
        composer.query_one(f"#party-{to}", Checkbox).value = True
    composer.query_one("#note", Input).focus()
    return composer


def test_a_proposal_sent_with_a_typed_note_is_read_by_every_party_beside_the_terms(here: Path) -> None:
    session = tutorial()

    async def korvia() -> str:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=(80, 24)) as pilot:
            await composing(pilot, "enter", "p", "N", to="meridia")
            await pilot.press(*NOTE)
            await settle(pilot)
            assert "✓ the rules accept this proposal" in screen_text(app)
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert isinstance(app.screen, TeamScreen)
            panel = app.screen.query_one(DiplomacyPanel)
            [mine] = proposals_of(session, "korvia", "korvia")
            await pilot.press(*["down"] * panel.proposal_ids.index(mine.id))
            await settle(pilot)
            return screen_text(app)

    own = asyncio.run(korvia())
    [sent] = proposals_of(session, "meridia", "korvia")
    assert sent.notes == {"korvia": NOTE}
    assert f"You said: {NOTE}" in " ".join(own.split()), own
    session.submit(session.parse_action({"type": "ready", "state": "korvia"}), by="korvia")

    async def meridia() -> str:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("enter", "p")
            await settle(pilot)
            panel = app.screen.query_one(DiplomacyPanel)
            await pilot.press(*["down"] * panel.proposal_ids.index(sent.id))
            await settle(pilot)
            detail = str(panel.query_one("#proposal-detail", Static).render())
            composer = await composing(pilot, "c")
            assert composer.query_one("#note", Input).value == "", "a counter-proposal says its own line"
            await pilot.press(*COUNTER, "ctrl+s")
            await settle(pilot)
            return detail

    detail = asyncio.run(meridia())
    assert f"Korvia says: {NOTE}" in " ".join(detail.split()), detail
    [counter] = proposals_of(session, "korvia", "meridia")
    assert counter.counters == sent.id and counter.notes == {"meridia": COUNTER}


def test_a_note_too_long_or_with_a_control_character_is_refused_in_the_composer(here: Path) -> None:
    session = tutorial()

    async def run() -> list[str]:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=(80, 24)) as pilot:
            composer = await composing(pilot, "enter", "p", "N", to="meridia")
            field = composer.query_one("#note", Input)
            field.value = "w" * (NOTE_LIMIT + 1)
            await settle(pilot)
            verdicts = [str(composer.query_one("#composer-verdict", Static).render())]
            assert composer.query_one("#send", Button).disabled
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert app.screen is composer, "nothing is sent"
            field.value = ""
            field.post_message(events.Paste("why\tnot"))  # a tab, pasted from a document
            await settle(pilot)
            verdicts.append(str(composer.query_one("#composer-verdict", Static).render()))
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert app.screen is composer
            return verdicts

    too_long, control = asyncio.run(run())
    assert too_long == (f"✗ the note is {NOTE_LIMIT + 1} characters long: {NOTE_LIMIT} at most "
                        "(a message, M, can say more)"), too_long
    assert "control character (a tab) at character 4" in control, control
    assert proposals_of(session, "meridia", "korvia") == []


def test_an_empty_note_is_no_note(here: Path) -> None:
    session = tutorial()

    async def run() -> None:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=(80, 24)) as pilot:
            await composing(pilot, "enter", "p", "N", to="meridia")
            await pilot.press("space", "space", "ctrl+s")
            await settle(pilot)

    asyncio.run(run())
    [sent] = proposals_of(session, "meridia", "korvia")
    assert sent.notes == {}
    kept = session.submitted()[-1].data
    assert kept["type"] == "propose" and Propose.model_validate(kept).note == ""


def test_the_note_title_counts_the_characters_typed_against_the_limit(here: Path) -> None:
    """Nothing said how long a note may be until it was refused (tui16)."""

    async def run() -> list[str]:
        app = AccordApp(Path("saves"), session=tutorial())
        async with app.run_test(size=(80, 24)) as pilot:
            composer = await composing(pilot, "enter", "p", "N", to="meridia")
            title = composer.query_one("#note-title", Static)
            shown = [str(title.render())]
            await pilot.press(*"half")
            await settle(pilot)
            shown.append(str(title.render()))
            return shown

    empty, typed = asyncio.run(run())
    assert "characters" not in empty, empty
    assert typed.endswith(f"· 4 of {NOTE_LIMIT} characters"), typed
