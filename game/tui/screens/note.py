"""A one-line text prompt: the facilitator's note on a round, or a message to the teams."""

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from game.tui.text import escape
from game.tui.widgets.line_field import FIELD_MOVES, FieldKeys, LineField


class NoteScreen(FieldKeys, ModalScreen[str | None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel"), *FIELD_MOVES]

    def __init__(self, prompt: str, placeholder: str = "What should the class discuss?") -> None:
        super().__init__()
        self.prompt = prompt
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static(f"[b]{escape(self.prompt)}[/]  (Enter to save, Esc to cancel)", classes="dialog-title")
            yield LineField(placeholder=self.placeholder, id="note-text", compact=True)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
