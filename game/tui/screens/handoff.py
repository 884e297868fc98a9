"""The screen between teams at a hot seat: it names the team to pass to and shows nothing private,
so the team leaving cannot see what comes next and the team arriving sees nothing of the last."""

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Static

from game.tui.text import capital, escape


class HandoffScreen(Screen[str]):
    """Dismissed with `go` (the named team is at the screen), `back` (to the table) or `quit`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "go", "We are ready"),
        Binding("escape", "back", "Back to the table"),
        Binding("q", "quit_game", "Quit"),
    ]

    def __init__(self, team: str, headline: str, purpose: str, *, private: bool = True) -> None:
        """`private`: a team's turn or report, which the others must not see; else (the final scores,
        for the facilitator to show the class) nobody is asked to look away."""
        super().__init__()
        self.team = team
        self.headline = headline
        self.purpose = purpose
        self.private = private

    def compose(self) -> ComposeResult:
        with Vertical(id="handoff-box"):
            yield Static(escape(self.headline), id="handoff-headline")
            yield Static("Pass the screen to the team of" if self.private else "Pass the screen to",
                         id="handoff-pass")
            yield Static(f"[b]{escape(self.team.upper())}[/]", id="handoff-team")
            yield Static(escape(self.purpose), id="handoff-purpose")
            if self.private:
                yield Static("Other teams: please look away.", id="handoff-away")
            go = f"We are {escape(self.team)}" if self.private else f"{escape(capital(self.team))} is here"
            with Center():
                yield Button(f"{go}: press Enter", id="handoff-go", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        # a toast from the last team ("✓ budget set: ...") must not stay up for the next one
        self.app.clear_notifications()
        self.query_one("#handoff-go", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss("go")

    def action_go(self) -> None:
        self.dismiss("go")

    def action_back(self) -> None:
        self.dismiss("back")

    def action_quit_game(self) -> None:
        self.dismiss("quit")
