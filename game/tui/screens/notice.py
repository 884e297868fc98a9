"""Modal notices and yes/no questions: an error a player can read, or a choice to confirm."""

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from game.tui.text import escape
from game.tui.widgets.wrapped import Wrapped


class NoticeScreen(ModalScreen[None]):
    """A message and an OK button; never a traceback."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter", "close", "Close"),
    ]

    def __init__(self, text: str, *, title: str = "Notice", mark: str = "⚠", wide: bool = False) -> None:
        """`wide`: the width of an 80-column screen, for lines that must not wrap (paths)."""
        super().__init__()
        self.text = text
        self.heading = title
        self.mark = mark
        self.wide = wide

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide" if self.wide else "dialog"):
            yield Static(f"[b]{self.mark} {escape(self.heading)}[/]", classes="dialog-title")
            with VerticalScroll(classes="dialog-body"):
                yield Wrapped(escape(self.text), id="notice-text")  # bullets wrap under their text
            with Horizontal(classes="dialog-buttons"):
                yield Button("OK", id="ok", variant="primary", compact=True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)


class ConfirmScreen(ModalScreen[bool]):
    """A question with Yes (y, Enter) and No (n, Esc)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,enter", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str, *, title: str = "Are you sure?", yes: str = "Yes", no: str = "No") -> None:
        super().__init__()
        self.question = question
        self.heading = title
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(f"[b]{escape(self.heading)}[/]", classes="dialog-title")
            with VerticalScroll(classes="dialog-body"):
                yield Wrapped(self.question, id="confirm-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(f"{self.yes} (y)", id="yes", variant="primary", compact=True)
                yield Button(f"{self.no} (n)", id="no", compact=True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
