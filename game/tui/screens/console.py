"""The facilitator's console of a networked classroom (`accord join ... --code FACILITATOR_CODE`).

Who is connected and who is ready, every message, the events of the scenario (fired, due, or to
inject by hand), the notes, and on demand the whole truth behind the fog. The facilitator can force
a round to resolve when a team stalls, inject an event, pause and resume the game, and write a note
into the save. The truth is hidden until asked for (t), since a console is often on the projector.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from game.errors import AccordError
from game.net.client import RemoteFacilitator
from game.net.protocol import EventInfo, FacilitatorStatus
from game.tui.screens.desk import LinkChanged, TableChanged, follow, unfollow
from game.tui.screens.note import NoteScreen
from game.tui.screens.notice import ConfirmScreen
from game.tui.screens.replay import truth_summary
from game.tui.text import PENDING, escape

if TYPE_CHECKING:
    from game.tui.app import AccordApp

REFRESH = 5.0
"""Seconds between refreshes of 'last seen' when nothing else happens."""


def status_text(status: FacilitatorStatus) -> str:
    table = status.table
    names = {seat.id: seat.name for seat in table.seats}
    lines = ["[b]The table[/]"]
    for seat in table.seats:
        who = ("human team" if seat.human else "AI") + (" (org.)" if seat.organization else "")
        ready = "✓ ready" if seat.ready else ("… playing" if not table.over else "")
        if not seat.human:
            online = ""
        elif seat.connected:
            online = f"● online ({seat.connected})" if seat.connected > 1 else "● online"
        else:
            seen = status.last_seen.get(seat.id)
            online = "○ offline" + (f", seen {seen:.0f} s ago" if seen is not None else ", never joined")
        lines.append(f"  {escape(seat.name):<18} {who:<18} {ready:<10} {online}")
    waiting = [names.get(s, s) for s in table.waiting_for]
    if not table.over:
        lines.append(f"  waiting for: {escape(', '.join(waiting)) or 'nobody (the round resolves)'}")
    lines += ["", "[b]Events[/]  (i: inject one by hand)"]
    lines += [f"  {event_mark(e)} {escape(e.title)} [{escape(e.id)}]" + (f", scripted for round {e.round}" if e.round
                                                                         else ", on a condition")
              for e in status.events] or ["  this scenario has no events"]
    lines += ["", f"[b]Messages[/] ({len(status.messages)}, newest first)"]
    lines += [f"  R{m.round} {escape(names.get(m.sender, m.sender))} → "
              f"{escape(', '.join(names.get(t, t) for t in m.to))}: “{escape(m.text)}”"
              for m in reversed(status.messages)] or ["  none yet"]
    lines += ["", "[b]Notes[/]  (a: write one on this round)"]
    lines += [f"  round {r}: {escape(text)}" for r, texts in sorted(status.notes.items()) for text in texts] or [
        "  none yet"]
    if status.save:
        lines += ["", f"Saved after every order in {escape(status.save)}"]
    return "\n".join(lines)


def event_mark(event: EventInfo) -> str:
    if event.pending:
        return f"{PENDING} fires at this resolution:"
    return "✓ fired:" if event.fired else "·"


class InjectScreen(ModalScreen[str | None]):
    """Pick an event that has not fired yet."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, events: list[EventInfo]) -> None:
        super().__init__()
        self.events = [e for e in events if not e.fired and not e.pending]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static("[b]Fire an event when this round resolves[/]  (Enter to fire, Esc to cancel)",
                         classes="dialog-title")
            yield OptionList(*[Option(f"{e.title} [{e.id}]", id=e.id) for e in self.events], id="inject-events")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConsoleScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("R", "resolve", "Resolve now", key_display="R"),
        Binding("i", "inject", "Inject"),
        Binding("p", "pause", "Pause/resume"),
        Binding("a", "note", "Note"),
        Binding("t", "truth", "Truth"),
        Binding("q", "leave", "Leave"),
    ]

    def __init__(self, console: RemoteFacilitator) -> None:
        super().__init__()
        self.console = console
        self.status: FacilitatorStatus | None = None
        self.show_truth = False

    @property
    def accord(self) -> "AccordApp":
        return cast("AccordApp", self.app)

    def compose(self) -> ComposeResult:
        yield Static(id="console-title", classes="screen-title")
        with VerticalScroll(id="console-body"):
            yield Static(id="console-text")
            yield Static(id="console-truth")
        yield Footer()

    def on_mount(self) -> None:
        follow(self.console.connection, self)
        self.set_interval(REFRESH, self.refresh_status)
        self.query_one("#console-body").focus()
        self.refresh_status()

    def on_unmount(self) -> None:
        unfollow(self.console.connection)

    def refresh_status(self) -> None:
        title = self.query_one("#console-title", Static)
        try:
            status = self.status = self.console.status()
        except AccordError as error:
            title.update(f"[b]FACILITATOR[/] · ⚠ {escape(' '.join(error.lines()))}")
            return
        table = status.table
        where = ("the game is over" if table.over else
                 f"{table.round_label} {table.round} of {table.rounds}, orders open")
        paused = " · [b]⏸ PAUSED[/] (p resumes)" if table.paused else ""
        link = "" if self.console.connection.linked else " · ⚠ reconnecting…"
        title.update(f"[b]FACILITATOR[/] · {escape(table.title)} · {where}{paused}{link}")
        self.query_one("#console-text", Static).update(status_text(status))
        self.refresh_truth()

    def refresh_truth(self) -> None:
        panel = self.query_one("#console-truth", Static)
        if not self.show_truth:
            panel.update("\n[i]The truth behind the fog is hidden: t shows it (not on the projector!).[/]")
            return
        try:
            truth = self.console.truth()
        except AccordError as error:
            panel.update(f"\n⚠ {escape(' '.join(error.lines()))}")
            return
        panel.update("\n" + truth_summary(truth.truth, truth.names, truth.controller, truth.last_report))

    def on_table_changed(self, message: TableChanged) -> None:
        self.refresh_status()

    def on_link_changed(self, message: LinkChanged) -> None:
        if message.up:
            self.notify("✓ Connected to the host.", timeout=3)
        else:
            self.notify("⚠ The connection to the host dropped: reconnecting…", severity="warning", timeout=6)
        self.refresh_status()

    def _do(self, what: str, call: Callable[[], str]) -> None:
        try:
            done = call()
        except AccordError as error:
            self.accord.notice(" ".join(line.removeprefix("accord: error: ") for line in error.lines()),
                               title=f"Could not {what}")
            return
        self.notify(f"✓ {done}", timeout=4)
        self.refresh_status()

    def action_resolve(self) -> None:
        status = self.status
        if status is None or status.table.over:
            self.notify("There is no round to resolve.", timeout=4)
            return
        table = status.table
        names = {seat.id: seat.name for seat in table.seats}
        waiting = ", ".join(names.get(s, s) for s in table.waiting_for)
        question = (f"Resolve {table.round_label} {table.round} now?" +
                    (f"\n\nNot ready yet: {escape(waiting)}. Their standing orders carry on; what they "
                     "submitted so far counts." if waiting else ""))

        def answer(yes: bool | None) -> None:
            if yes:
                self._do("resolve the round", lambda: self.console.resolve(table.round))

        self.accord.push_screen(ConfirmScreen(question, title="Resolve the round", yes="Resolve"), answer)

    def action_inject(self) -> None:
        status = self.status
        if status is None:
            return
        screen = InjectScreen(status.events)
        if not screen.events:
            self.notify("Every event has fired or is due already.", timeout=4)
            return

        def chosen(event: str | None) -> None:
            if event:
                self._do("fire the event", lambda: self.console.inject(event))

        self.accord.push_screen(screen, chosen)

    def action_pause(self) -> None:
        if self.status is not None and self.status.table.paused:
            self._do("resume", self.console.resume)
        else:
            self._do("pause", self.console.pause)

    def action_note(self) -> None:
        round_no = self.status.table.round if self.status is not None else None

        def written(text: str | None) -> None:
            if text:
                self._do("keep the note", lambda: self.console.note(text))

        self.accord.push_screen(NoteScreen(f"A note on round {round_no}, kept in the save"), written)

    def action_truth(self) -> None:
        self.show_truth = not self.show_truth
        self.refresh_truth()

    def action_leave(self) -> None:
        def leave(yes: bool | None) -> None:
            if yes:
                self.accord.exit()

        self.accord.push_screen(ConfirmScreen("Leave the console? The host and the game go on; join again with "
                                              "the facilitator's code to come back.", title="Leave"), leave)
