"""Editing keys take effect where they were typed, among the characters around them (issue: a
budget field showed 78 after Ctrl-A, Ctrl-K and '7.8' at the hot seat, 80x24).

`Input` ran its editing bindings (Ctrl-A, Ctrl-K, Ctrl-U, Ctrl-E...) only once the key had bubbled
up to the app and back, after the characters typed behind it: over '2.5', Home then Ctrl-K then
'7.8' typed fast left '78' ('7' made '72.5', the '.' of '7.2.5' was refused, '8' made '782.5',
Ctrl-K cut after '78'), and 'Ctrl-A Ctrl-K 7.8' left an empty field, Ctrl-K deleting what was typed
after it. Every field of the team's screens now edits in the order keys come (`LineField`).
"""

import asyncio
from pathlib import Path

import pytest
from textual import events
from textual.keys import _character_to_key
from textual.widgets import Checkbox, Input

from game.tui.app import AccordApp
from game.tui.screens.composer import ProposalComposer
from game.tui.widgets.line_field import LineField
from tests.tui.helpers import tutorial
from tests.tui.test_typed_numbers import at_korvias_turn, burst, field, settle, typed


@pytest.mark.parametrize("before", [["ctrl+a", "ctrl+k"], ["home", "ctrl+k"], ["ctrl+u"], ["end", "ctrl+u"],
                                    ["ctrl+a", "ctrl+k", "backspace"], ["ctrl+e", *["backspace"] * 3]])
@pytest.mark.parametrize("standing", ["2.5", "3", ""])
def test_a_budget_figure_retyped_fast_after_clearing_keys_reads_as_typed(here: Path, before: list[str],
                                                                         standing: str) -> None:
    async def run() -> str:
        async with AccordApp(Path("saves"), session=tutorial()).run_test(size=(80, 24)) as pilot:
            app = await at_korvias_turn(pilot)
            await pilot.press("b")
            await settle(pilot)
            points = field(app, "enforcement")
            points.value = standing
            points.cursor_position = len(standing)
            await settle(pilot)
            burst(app, *before, *typed("7.8"))  # none waits for the one before, as from a hurried student
            await settle(pilot)
            return points.value

    assert asyncio.run(run()) == "7.8"


def test_a_figure_typed_over_the_selected_standing_figure_replaces_it(here: Path) -> None:
    async def run() -> str:
        async with AccordApp(Path("saves"), session=tutorial()).run_test(size=(80, 24)) as pilot:
            app = await at_korvias_turn(pilot)
            burst(app, "b", "tab", "shift+tab")  # back into the first field: its figure is selected
            await settle(pilot)
            points = field(app, "enforcement")
            assert points.selected_text == points.value != ""
            burst(app, *typed("7.8"))
            await settle(pilot)
            return points.value

    assert asyncio.run(run()) == "7.8"


def test_a_note_retyped_fast_after_clearing_keys_is_kept_whole(here: Path) -> None:
    async def run() -> str:
        async with AccordApp(Path("saves"), session=tutorial()).run_test(size=(80, 24)) as pilot:
            app = await at_korvias_turn(pilot)
            await pilot.press("p", "N")
            await settle(pilot)
            composer = app.screen
            assert isinstance(composer, ProposalComposer)
            composer.query_one("#party-meridia", Checkbox).value = True
            note = composer.query_one("#note", Input)
            note.focus()
            await pilot.press(*"first thought")
            burst(app, "ctrl+a", "ctrl+k")
            for character in "half each":  # hard on the heels of Ctrl-K
                app.post_message(events.Key(_character_to_key(character), character))
            await settle(pilot)
            return note.value

    assert asyncio.run(run()) == "half each"


def test_every_typing_field_of_the_screens_edits_in_order() -> None:
    """A plain `Input` in a screen would bring the bug back: each is a `LineField` (or a number field)."""
    import ast

    import game.tui

    plain = []
    for path in sorted(Path(game.tui.__file__).parent.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Input":
                plain.append(f"{path.name}:{node.lineno}")
    assert plain == [], plain
    assert issubclass(LineField, Input)
