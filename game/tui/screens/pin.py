"""The facilitator's PIN (or a hosted game's facilitator code), asked before a game in progress opens
in the replay viewer (which shows every team's secrets). Dismissed with True once the PIN matches, False on Esc or after
`MAX_TRIES` wrong PINs; a wrong one is said plainly and the field emptied."""

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from game.session.pin import MAX_LENGTH
from game.tui.text import escape
from game.tui.widgets.line_field import FIELD_MOVES, FieldKeys, LineField

MAX_TRIES = 5


class PinScreen(FieldKeys, ModalScreen[bool]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Back"), *FIELD_MOVES]

    def __init__(self, key: Callable[[str], bool], why: str, *, hosted: bool = False) -> None:
        super().__init__()
        self.key = key
        self.why = why
        self.hosted = hosted
        self.tries = 0

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("[b]🔒 Facilitator only[/]", classes="dialog-title")
            yield Static(escape(self.why))
            what = "the facilitator PIN or the facilitator's join code" if self.hosted else "the facilitator PIN"
            yield Static(f"Type {what}, then Enter (Esc: back).")
            yield LineField(password=True, max_length=MAX_LENGTH, id="pin-input", compact=True)
            yield Static("", id="pin-error", classes="refusal")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.key(event.value):
            self.dismiss(True)
            return
        self.tries += 1
        if self.tries >= MAX_TRIES:
            self.dismiss(False)
            return
        self.query_one(Input).value = ""
        self.query_one("#pin-error", Static).update(f"✗ wrong PIN ({MAX_TRIES - self.tries} tries left)")

    def action_cancel(self) -> None:
        self.dismiss(False)
