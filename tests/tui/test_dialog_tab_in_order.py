"""Tab in a dialog moves on before the keys typed after it (a student at the hot seat, 80x24, typed
'2', Tab, '7' in a new proposal's contributions and read 27 for Thailand and nothing for Laos).

A dialog's Tab was an ordinary binding: it ran only once the key had bubbled up to the app, behind
the check the form runs on every change, and the keys typed after it had already gone to the field
it was leaving. The team's screens bind Tab with priority (`SeatScreen`); the dialogs now do too,
and Space and Enter on a checkbox, a button or a drop-down act as they come, before a Tab typed
after them moves on.
"""

import asyncio
from pathlib import Path

from textual.widgets import Checkbox, Input, Select

from game.tui.app import AccordApp
from game.tui.screens.composer import MessageComposer, ProposalComposer
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


def test_boxes_ticked_fast_between_tabs_are_the_boxes_ticked(here: Path) -> None:
    """Space, Tab, Tab, Space on the parties: the first and the third ticked, and nothing else (a
    Space waiting behind a priority Tab ticked the box the Tab moved to, or none)."""
    async def run() -> dict[str, bool]:
        async with AccordApp(Path("saves"), session=tutorial()).run_test(size=(80, 24)) as pilot:
            await pilot.press("enter", "p", "N")
            await settle(pilot)
            composer = pilot.app.screen
            assert isinstance(composer, ProposalComposer)
            boxes = list(composer.query(Checkbox))
            boxes[0].focus()
            await settle(pilot)
            burst(pilot.app, "space", "tab", "space", "tab", "tab", *typed("3"))
            await settle(pilot)
            return {box.id or "": box.value for box in boxes}

    ticked = asyncio.run(run())
    assert list(ticked.values()) == [True, True], ticked


def test_enter_on_a_drop_down_then_keys_typed_fast_choose_from_it(here: Path) -> None:
    async def run() -> object:
        async with AccordApp(Path("saves"), session=tutorial()).run_test(size=(80, 24)) as pilot:
            await pilot.press("enter", "p", "N")
            await settle(pilot)
            composer = pilot.app.screen
            assert isinstance(composer, ProposalComposer)
            kind = composer.query_one("#kind", Select)
            first = kind.value
            burst(pilot.app, "enter", "down", "enter")
            await settle(pilot)
            assert kind.value != first
            return kind.value

    asyncio.run(run())



def test_keys_typed_fast_in_an_open_drop_down_act_in_its_list_until_it_closes(here: Path) -> None:
    """Down and Enter typed hard on the Enter that opens a drop-down: its list takes them (the focus
    moves to the list a moment after it opens, and the keys went to the closed drop-down)."""
    async def run() -> tuple[object, object]:
        async with AccordApp(Path("saves"), session=tutorial()).run_test(size=(80, 24)) as pilot:
            await pilot.press("enter", "p", "N")
            await settle(pilot)
            composer = pilot.app.screen
            assert isinstance(composer, ProposalComposer)
            kind = composer.query_one("#kind", Select)
            first = kind.value
            burst(pilot.app, "enter", "down", "down", "enter")
            await settle(pilot)
            assert not kind.expanded
            return first, kind.value

    assert asyncio.run(run()) == ("information_sharing", "extradition"), "two down from the first kind"
