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
from game.net.protocol import EventInfo, FacilitatorStatus, TableStatus
from game.report.agreement_words import parties_words, standing_words
from game.session.clock import clock_words, reading_words
from game.tui.pledge_lines import LEGEND, standing_text
from game.tui.screens.desk import LinkChanged, TableChanged, follow, unfollow
from game.tui.screens.note import NoteScreen
from game.tui.screens.notice import ConfirmScreen
from game.tui.screens.replay import truth_summary
from game.tui.text import PENDING, capital, clip, escape, members_line, short
from game.tui.widgets.diplomacy_panel import answers_text, counterers, proposal_status
from game.tui.widgets.summits_panel import summit_text
from game.tui.widgets.wrapped import Wrapped

if TYPE_CHECKING:
    from game.tui.app import AccordApp

REFRESH = 5.0
"""Seconds between refreshes of 'last seen' when nothing else happens."""


def status_text(status: FacilitatorStatus) -> str:
    table = status.table
    names = {seat.id: seat.name for seat in table.seats}
    label = table.round_label
    lines = ["[b]The table[/]"]
    for seat in table.seats:
        who = ("human team" if seat.human else "AI") + (" (org.)" if seat.organization else "")
        ready = "✓ ready" if seat.ready else (f"{PENDING} playing" if not table.over else "")
        if not seat.human:
            online = ""
        elif seat.connected:
            online = f"● online ({seat.connected})" if seat.connected > 1 else "● online"
        else:
            seen = status.last_seen.get(seat.id)
            online = "○ offline" + (f", seen {seen:.0f} s ago" if seen is not None else ", never joined")
        lines.append(f"  {escape(f'{clip(short(seat.name), 24):<24}')} {who:<18} {ready:<10} {online}")
        if seat.roles:
            lines.append(f"    members: {escape(members_line(seat.roles, seat.members))}")
        lines.append(f"    {escape(orders_line(status, seat.id, label, seat.ready))}")
    waiting = [names.get(s, s) for s in table.waiting_for]
    if not table.over:
        lines.append(f"  waiting for: {escape(', '.join(waiting)) or 'nobody (the round resolves)'}")
    lines += ["", *negotiation_lines(status, names)]
    lines += ["", "[b]Events[/]  (i: fire one by hand when this round resolves)"]
    lines += [f"  {event_mark(e, table.round)} {escape(e.title)} {escape(f'[{e.id}]')}{event_when(e, label)}"
              for e in status.events] or ["  this scenario has no events"]
    lines += ["", "[b]Your messages to the teams[/]  (m: send one)"]
    lines += [f"  {capital(label)} {a.round} to {escape(', '.join(names.get(s, s) for s in a.to) or 'every team')}: "
              f"“{escape(a.text)}”" for a in reversed(table.announcements)] or ["  none yet"]
    lines += ["", f"[b]Messages[/] ({len(status.messages)}, newest first)"]
    lines += [f"  {capital(label)} {m.round} {escape(names.get(m.sender, m.sender))} → "
              f"{escape(', '.join(names.get(t, t) for t in m.to))}: “{escape(m.text)}”"
              for m in reversed(status.messages)] or ["  none yet"]
    lines += ["", f"[b]Notes[/]  (a: write one on this {label})"]
    lines += [f"  {label} {r}: {escape(text)}" for r, texts in sorted(status.notes.items()) for text in texts] or [
        "  none yet"]
    if status.save:
        lines += ["", f"Saved after every order in {escape(status.save)}"]
    return "\n".join(lines)


def orders_line(status: FacilitatorStatus, seat: str, label: str, ready: bool = False) -> str:
    """What a seat has ordered this round, and when it last gave an order through the host. A team
    that only pressed ready read 'no orders yet · last order 6 s ago', as if an order had gone
    missing: ending the turn is said as such (`ready` is the last order a team gives in a round)."""
    orders = "; ".join(status.orders.get(seat, []))
    done = orders or "no orders yet"
    if ready:
        done = f"{orders}, then ready" if orders else "ready, no new orders"
    acted = status.last_acted.get(seat)
    if acted is None:
        when = "no order through this host yet"
    else:
        when = f"{'turn ended' if ready else 'last order'} {ago(acted)}"
    return f"this {label}: {done} · {when}"


def ago(seconds: float) -> str:
    if seconds < 90:
        return f"{seconds:.0f} s ago"
    if seconds < 5400:
        return f"{seconds / 60:.0f} min ago"
    return f"{seconds / 3600:.1f} h ago"


def summit_call(text: str, states: list[str]) -> dict[str, object] | str:
    """The summit a facilitator's line asks for (`name: clause, clause`), or why it cannot be read."""
    name, colon, listed = text.partition(":")
    clauses = [c.strip() for c in listed.split(",") if c.strip()]
    if not colon or not name.strip() or not clauses:
        return "Write the summit's name, a colon, then its clauses separated by commas."
    return {"name": name.strip(), "participants": states, "clauses": [{"clause": c} for c in clauses],
            "min_ratifications": max(2, min(3, len(states)))}


def negotiation_lines(status: FacilitatorStatus, names: dict[str, str]) -> list[str]:
    """Every proposal with its answers, the agreements with their payments and breaches, and trust:
    what the facilitator needs to follow the negotiation from the console alone."""
    label = status.table.round_label
    catalogue = status.catalogue
    lines = ["[b]Proposals[/] (newest first; ✓ accepted · ✗ rejected · ↺ countered · ? not yet answered)"]
    countered = counterers(status.proposals)
    for proposal in sorted(status.proposals, key=lambda p: (p.status != "open", -p.round, p.id)):
        answers = answers_text(proposal, names, countered)
        counter = f", countering {proposal.counters}" if proposal.counters else ""
        lines.append(f"  {proposal.id} {escape(catalogue.get(proposal.kind, proposal.kind))} from "
                     f"{escape(short(names.get(proposal.proposer, proposal.proposer)))} ({label} {proposal.round}"
                     f"{counter}): {proposal_status(proposal, '')}; {escape(answers)}")
    if not status.proposals:
        lines.append("  none yet")
    lines += ["", "[b]Agreements[/] (payments and breaches)"]
    for agreement in status.agreements:
        parties = parties_words(agreement.parties, agreement.terms, lambda p: short(names.get(p) or p), label)
        state = standing_words(agreement, lambda p: short(names.get(p) or p), label)
        unpaid = ", ".join(short(names.get(p, p)) for p in agreement.unpaid)
        paid = f"✗ breach: {unpaid} did not pay" if unpaid else "✓ no party in breach"
        lines.append(f"  {agreement.id} {escape(catalogue.get(agreement.kind, agreement.kind))} ({escape(parties)}): "
                     f"{state} · {escape(paid)}")
    if not status.agreements:
        lines.append("  none yet")
    if status.summits:
        lines += ["", "[b]Summits[/] (the chair's view: amendments and votes, signatures, ratifications)"]
        lines += [line for summit in status.summits
                  for line in summit_text(summit, names, label, ids=True).splitlines()]
    if status.pledges:
        lines += ["", f"[b]Pledges[/] ({LEGEND})"]
        for pledge in status.pledges:  # broken as soon as the engine knows, not at the due round only
            lines.append(f"  {escape(short(names.get(pledge.seat, pledge.seat)))} ({label} {pledge.made}): "
                         f"{escape(pledge.text)}: {escape(standing_text(pledge))}")
    lines += ["", "[b]Trust[/] (0 to 1; 0.50 is no record either way)"]
    for truster, row in status.trust.items():
        known = {other: value for other, value in row.items() if abs(value - 0.5) > 0.005}
        if known:
            shown = " · ".join(f"{short(names.get(o, o))} {v:.2f}" for o, v in known.items())
            lines.append(f"  {escape(short(names.get(truster, truster)))} trusts: {escape(shown)}")
    if len(lines) and lines[-1].startswith("[b]Trust"):
        lines.append("  no record yet: no agreement paid or broken")
    return lines


def event_when(event: EventInfo, label: str) -> str:
    """When an event fires or fired, and by whom: an event fired by hand in year 2 read 'fired: …,
    scripted for year 3', as if its script had fired it."""
    scripted = f"scripted for {label} {event.round}" if event.round else "on a condition"
    if event.fired and event.by_hand:
        where = f" in {label} {event.fired_in}" if event.fired_in is not None else ""
        return f", fired by the facilitator{where} ({scripted})"
    if event.fired and event.fired_in is not None and not event.round:
        return f", on a condition, fired in {label} {event.fired_in}"
    return f", {scripted}"


def event_mark(event: EventInfo, round_no: int) -> str:
    if event.pending:
        return f"{PENDING} fires at this resolution (injected):"
    if event.fired:
        return "✓ fired:"
    if event.round == round_no:
        return f"{PENDING} due at this resolution:"
    if event.condition_holds:
        return f"{PENDING} its condition holds: due at this resolution unless that changes:"
    return "·"


class PickScreen(ModalScreen[str | None]):
    """A choice from a list: Enter picks the highlighted option's id, Esc cancels (None)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, options: list[Option]) -> None:
        super().__init__()
        self.heading = title
        self.options = options

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static(f"[b]{self.heading}[/]  (Enter to choose, Esc to cancel)", classes="dialog-title")
            yield OptionList(*self.options)

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


def clock_text(table: TableStatus) -> str:
    """The round timer's time left, for a title line ("" when the game has none)."""
    if table.time_left is None:
        return ""
    wait = table.reading
    if wait is not None:  # the countdown waits for the teams reading the last report
        return (f" · 📖 {reading_words(wait.done, wait.teams, wait.left, table.timer_paused)}, "
                f"then ⏱ {clock_words(table.time_left)}")
    return f" · ⏱ {clock_words(table.time_left, table.timer_paused)} left"


class InjectScreen(PickScreen):
    """Pick an event that has not fired yet."""

    def __init__(self, events: list[EventInfo]) -> None:
        self.events = [e for e in events if not e.fired and not e.pending]
        super().__init__("Fire an event when this round resolves",
                         [Option(escape(f"{e.title} [{e.id}]"), id=e.id) for e in self.events])


EVERYONE = "*"


def recipients(teams: list[tuple[str, str]]) -> PickScreen:
    """Whom the facilitator's message is for: every team, or one of them."""
    return PickScreen("A message to whom?", [Option("Every team", id=EVERYONE),
                                             *[Option(escape(name), id=seat) for seat, name in teams]])


class ConsoleScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("R", "resolve", "Resolve now", key_display="R"),
        Binding("i", "inject", "Inject"),
        Binding("p", "pause", "Pause/resume"),
        Binding("plus", "more_time", "+2 min", key_display="+"),
        Binding("a", "note", "Note"),
        Binding("m", "broadcast", "Message"),
        Binding("S", "chair_summit", "Summit", key_display="S"),
        Binding("t", "truth", "Truth"),
        Binding("q", "leave", "Leave"),
        Binding("question_mark", "console_help", "Help", key_display="?"),
    ]

    def __init__(self, console: RemoteFacilitator) -> None:
        super().__init__()
        self.console = console
        self.status: FacilitatorStatus | None = None
        self.show_truth = False
        self._truth_seen = False

    @property
    def accord(self) -> "AccordApp":
        return cast("AccordApp", self.app)

    def compose(self) -> ComposeResult:
        yield Static(id="console-title", classes="screen-title")
        with VerticalScroll(id="console-body"):
            yield Wrapped(id="console-text")
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
        title.update(f"[b]FACILITATOR[/] · {escape(table.title)} · {where}{paused}{clock_text(table)}{link}")
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
        status = self.status
        names = truth.names | (status.catalogue if status is not None else {})
        label = status.table.round_label if status is not None else "round"
        over = status is not None and status.table.over
        panel.update("\n" + truth_summary(truth.truth, names, truth.controller, truth.last_report, label,
                                          orders_open=not over))
        if not self._truth_seen:  # asked for: bring it into sight once, then leave the scrolling to the reader
            self._truth_seen = True
            self.call_after_refresh(panel.scroll_visible, animate=False, top=True)

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

    def action_more_time(self) -> None:
        self._do("add two minutes", lambda: self.console.more_time(2.0))

    def action_note(self) -> None:
        """A note on the round being played, in the scenario's word ('A note on year 3')."""
        status = self.status
        if status is None:
            self.notify("The console has not heard from the host yet: try again in a moment.", timeout=4)
            return
        label, round_no = status.table.round_label, status.table.round

        def written(text: str | None) -> None:
            if text:
                self._do("keep the note", lambda: self.console.note(text))

        self.accord.push_screen(NoteScreen(f"A note on {label} {round_no}, kept in the save"), written)

    def action_broadcast(self) -> None:
        """A message to the teams: every team, or one picked from the list."""
        status = self.status
        if status is None:
            return
        teams = [(seat.id, seat.name) for seat in status.table.seats if seat.human]

        def write(to: str | None) -> None:
            if to is None:
                return
            seats = [] if to == EVERYONE else [to]
            whom = "every team" if not seats else next(name for seat, name in teams if seat == to)

            def send(text: str | None) -> None:
                if text:
                    self._do("send the message", lambda: self.console.broadcast(text, seats))

            self.accord.push_screen(NoteScreen(f"A message to {whom}: it shows on their screens at once",
                                               placeholder="What should the teams know?"), send)

        self.accord.push_screen(recipients(teams), write)

    def action_chair_summit(self) -> None:
        """Convene a summit the facilitator chairs, of every state: one line, `name: clause, clause`."""
        status = self.status
        if status is None:
            return
        states = [seat.id for seat in status.table.seats if not seat.organization]

        def written(text: str | None) -> None:
            if not text:
                return
            call = summit_call(text, states)
            if isinstance(call, str):
                self.accord.notice(call, title="Could not call the summit")
                return
            self._do("call the summit", lambda: self.console.chair_summit(call))

        self.accord.push_screen(NoteScreen(
            f"A summit of every state, chaired by you: its name, a colon, its clauses (it drafts next "
            f"{status.table.round_label})",
            placeholder="Review conference: information_sharing, non_punishment, extradition"), written)

    def action_console_help(self) -> None:
        """The console's own keys and words: the students' help says nothing about R, i or p."""
        from game.tui.screens.help import FACILITATOR_HELP, HelpScreen

        self.accord.push_screen(HelpScreen(FACILITATOR_HELP))

    def action_truth(self) -> None:
        self.show_truth = not self.show_truth
        self._truth_seen = False
        self.refresh_truth()

    def action_leave(self) -> None:
        def leave(yes: bool | None) -> None:
            if yes:
                self.accord.exit()

        self.accord.push_screen(ConfirmScreen("Leave the console? The host and the game go on; join again with "
                                              "the facilitator's code to come back.", title="Leave"), leave)
