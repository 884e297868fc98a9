"""The first screen of a join without a code (a browser, or `accord join HOST:PORT` alone): the
team types the join code the facilitator gave it. A wrong code is said plainly, with nothing that
tells which codes exist."""

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from game.tui.text import escape
from game.tui.widgets.line_field import LineField


class CodeScreen(Screen[str]):
    """Dismissed with the code as typed (the app tries it, and calls `refused` when it fails)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+q", "app.quit", "Quit")]

    def __init__(self, address: str) -> None:
        super().__init__()
        self.address = address

    def compose(self) -> ComposeResult:
        with Vertical(id="handoff-box"):
            yield Static("[b]ACCORD[/] · join a game", id="handoff-headline")
            yield Static(f"Host: {escape(self.address)}", id="handoff-pass")
            yield Static("Type your team's join code (the facilitator has it), then Enter.", id="handoff-purpose")
            yield LineField(placeholder="XXXX-XXXX-XXXX-XXXX", id="join-code", max_length=64)
            yield Static("", id="join-error", classes="refusal")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        code = event.value.strip()
        if not code:
            self.refused("type the code first")
            return
        self.query_one("#join-error", Static).update("joining…")
        self.dismiss(code)

    def refused(self, reason: str) -> None:
        self.query_one("#join-error", Static).update(f"✗ {escape(reason)}")
        self.query_one(Input).value = ""
