"""Tab in a dialog moves on before the keys typed after it (a student at the hot seat, 80x24, typed
'2', Tab, '7' in a new proposal's contributions and read 27 for Thailand and nothing for Laos).

A dialog's Tab was an ordinary binding: it ran only once the key had bubbled up to the app, behind
the check the form runs on every change, and the keys typed after it had already gone to the field
it was leaving. The team's screens bind Tab with priority (`SeatScreen`); the dialogs now do too.
"""

import asyncio
from pathlib import Path

from textual.widgets import Input

from game.tui.app import AccordApp
from game.tui.screens.composer import MessageComposer
from tests.tui.helpers import open_composer, tutorial
from tests.tui.test_typed_numbers import burst, settle, typed


def test_a_figure_typed_right_after_tab_in_the_proposal_composer_lands_in_the_next_field(here: Path) -> None:
    async def run() -> tuple[str, str]:
        async with AccordApp(Path("saves"), session=tutorial()).run_test(size=(80, 24)) as pilot:
            composer = await open_composer(pilot, "information_sharing", "meridia")
            mine = composer.query_one("#contribution-korvia", Input)
            mine.focus()
            await settle(pilot)
            burst(pilot.app, *typed("2"), "tab", *typed("7"), "tab", *typed("1.5"))  # none waits
            await settle(pilot)
            return mine.value, composer.query_one("#contribution-meridia", Input).value

    assert asyncio.run(run()) == ("2", "7")


def test_shift_tab_in_a_dialog_moves_back_before_the_keys_typed_after_it(here: Path) -> None:
    async def run() -> tuple[str, str]:
        async with AccordApp(Path("saves"), session=tutorial()).run_test(size=(80, 24)) as pilot:
            composer = await open_composer(pilot, "information_sharing", "meridia")
            theirs = composer.query_one("#contribution-meridia", Input)
            theirs.focus()
            await settle(pilot)
            burst(pilot.app, *typed("4"), "shift+tab", *typed("3"))
            await settle(pilot)
            return composer.query_one("#contribution-korvia", Input).value, theirs.value

    assert asyncio.run(run()) == ("3", "4")


def test_a_message_typed_right_after_tab_from_the_recipients_lands_in_the_text(here: Path) -> None:
    async def run() -> str:
        async with AccordApp(Path("saves"), session=tutorial()).run_test(size=(80, 24)) as pilot:
            await pilot.press("enter", "p", "M")
            await settle(pilot)
            composer = pilot.app.screen
            assert isinstance(composer, MessageComposer)
            burst(pilot.app, "space", "tab", "tab", *typed("hi"))
            await settle(pilot)
            return composer.query_one("#message-text", Input).value

    assert asyncio.run(run()) == "hi"
