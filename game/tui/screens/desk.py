"""A team's desk in a networked classroom: the base screen of `accord join` for one team.

It does for one team what the hot seat's table screen does for all: it opens the team's screen
while its turn is open, shows who the table is waiting for once the team is ready, and when the
host resolves the round it brings up the team's report, then the next round. The host decides
everything; the desk follows its notices, and when the connection drops it says so and carries on
as soon as the connection is back (the team's orders are on the host, so nothing is lost).
"""

import contextlib
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.worker import Worker, WorkerState

from game.errors import AccordError
from game.net.client import Connection, RemoteTable
from game.net.protocol import Notice, TableStatus
from game.session.clock import clock_words, reading_words
from game.tui.arrivals import Arrivals
from game.tui.screens.notice import ConfirmScreen
from game.tui.screens.seat import SeatScreen
from game.tui.text import clip, escape, members_line, short

if TYPE_CHECKING:
    from game.tui.app import AccordApp

CLOCK_REFRESH = 5.0
"""Seconds between two looks at the host's round timer, while the game has one."""
PAUSED_BADGE = "[b reverse] ⏸ PAUSED [/]"
"""On the team's screen and the desk's title while the facilitator has paused the game."""
RESEND_EVERY = 3.0
"""Seconds between two sendings of an order the host has not answered."""
LEAVE = ("Leave the game on this machine? Everything you submitted is on the host: join again with the same "
         "code to go on from here.")


class TableChanged(Message):
    """The host's notice that the game changed (posted from the connection's thread)."""

    def __init__(self, notice: Notice) -> None:
        super().__init__()
        self.notice = notice


class LinkChanged(Message):
    def __init__(self, up: bool) -> None:
        super().__init__()
        self.up = up


def follow(connection: Connection, screen: Screen[Any]) -> None:
    """The host's notices and the link's ups and downs as messages to `screen`, from the
    connection's thread (`post_message` is thread-safe); the notice socket opens if it was not."""
    def changed(notice: Notice) -> None:
        screen.post_message(TableChanged(notice))

    def linked(up: bool) -> None:
        screen.post_message(LinkChanged(up))

    connection.on_change = changed
    connection.on_link = linked
    connection.listen()


def unfollow(connection: Connection) -> None:
    connection.on_change = None
    connection.on_link = None


class DeskScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "desk", "Your turn"),
        Binding("o", "report", "Last report"),
        Binding("s", "scores", "Scores", show=False),
        Binding("q", "leave", "Leave"),
    ]

    def __init__(self, table: RemoteTable) -> None:
        super().__init__()
        self.table = table
        self.team = table.seat
        self.round: int | None = None
        """The round this desk last showed: a notice with another one means a round was resolved."""
        self.seat_screen: SeatScreen | None = None
        self.reporting = False
        self.status: TableStatus | None = None
        self._ticking = False
        self.scores_shown = False
        self.heard: int | None = None
        """The number of the facilitator's last message shown here (None until the first status)."""
        self.told_read: int | None = None
        """The round whose report the host last heard this screen closed (`RemoteTable.report_read`)."""
        self.arrivals = Arrivals()
        """The proposals and messages to this team told so far, whichever tab or screen it has open."""

    @property
    def accord(self) -> "AccordApp":
        return cast("AccordApp", self.app)

    def compose(self) -> ComposeResult:
        with Vertical(id="table-box"):
            yield Static(id="table-title", classes="screen-title")
            yield Static(id="table-status")
            yield Static("", id="desk-link")
            yield Static("", id="table-hint")
        yield Footer()

    def on_mount(self) -> None:
        follow(self.table.connection, self)
        self.call_after_refresh(self.advance)
        self.set_interval(RESEND_EVERY, self.resend_unconfirmed)

    # --- orders the host has not answered yet ------------------------------------------------------

    def resend_unconfirmed(self) -> None:
        """Orders sent that the host has not answered go again, under their ids, until it does."""
        if self.table.unconfirmed or self.table.settled:
            self._resend()

    @work(thread=True, exclusive=True, group="resend", exit_on_error=False)
    def _resend(self) -> None:
        for line in self.table.resend():
            self.app.call_from_thread(self.notify, line, severity="information" if line.startswith("✓") else "warning",
                                      timeout=8)
        self.app.call_from_thread(self._show_link)

    def _show_link(self) -> None:
        waiting = len(self.table.unconfirmed)
        text = "" if self.table.connection.linked else "⚠ not connected to the host: reconnecting…"
        if waiting:
            text += (f"{'  ' if text else ''}⋯ {waiting} order{'s' if waiting > 1 else ''} not confirmed yet: "
                     "sent again until the host answers")
        self.query_one("#desk-link", Static).update(text)

    def on_unmount(self) -> None:
        unfollow(self.table.connection)

    # --- what the desk shows -------------------------------------------------------------------------

    def refresh_status(self) -> TableStatus | None:
        try:
            status = self.status = self.table.status()
        except AccordError as error:
            self.query_one("#desk-link", Static).update(f"[b]⚠ {escape(' '.join(error.lines()))}[/]")
            return None
        self.hear(status)
        self.tell_arrivals()
        label = status.round_label
        where = (f"The game is over: {status.rounds} {label}s played." if status.over else
                 f"{label.capitalize()} {status.round} of {status.rounds}: orders are open.")
        if status.paused:
            where += f"  {PAUSED_BADGE} by the facilitator: orders wait"
        if status.time_left is not None and not status.over and status.reading is not None:
            wait = status.reading
            where += (f"  📖 {reading_words(wait.done, wait.teams, wait.left, status.timer_paused)}; "
                      f"then ⏱ {clock_words(status.time_left)} for this {label}")
        elif status.time_left is not None and not status.over:
            where += f"  ⏱ {clock_words(status.time_left, status.timer_paused)} left in this {label}"
            if not self._ticking:  # the round timer runs between notices: look again every few seconds
                self._ticking = True
                self.set_interval(CLOCK_REFRESH, self.refresh_status)
        self.query_one("#table-title", Static).update(f"[b]{escape(status.title)}[/]   {where}")
        member = self.table.member()
        you = self.table.hello.name + (f", {member.role}" if member is not None else "")
        lines = [f"[b]The table[/]  (you are {escape(you)})"]
        for seat in status.seats:
            who = "human team" if seat.human else "AI"
            if seat.organization:
                who += " (organization)"
            mark = "✓ ready" if seat.ready else ("… to play" if not status.over else "")
            online = "" if not seat.human else ("● online" if seat.connected else "○ offline")
            lines.append(f"  {escape(f'{clip(short(seat.name), 24):<24}')} {who:<24} {mark:<10} {online}")
            if seat.roles and seat.id == self.team:
                lines.append(f"    your team: {escape(members_line(seat.roles, seat.members))}")
        self.query_one("#table-status", Static).update("\n".join(lines))
        self._show_link()
        self._show_paused(status.paused)
        return status

    def your_turn_open(self) -> bool:
        """Whether the team's turn is open, so Enter takes it there: not once it is ready (Enter did
        nothing, under a footer saying `⏎ Your turn`), nor after the game."""
        status = self.status
        if status is None or status.over or self.reporting:
            return False
        me = next((seat for seat in status.seats if seat.id == self.team), None)
        return me is not None and not me.ready

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.your_turn_open() if action == "desk" else True

    def _show_paused(self, paused: bool) -> None:
        """The badge on the team's own screen too: the desk's title is hidden under it."""
        if self.seat_screen is not None:
            badge = f"{PAUSED_BADGE} " if paused else ""
            if self.seat_screen.badge != badge:
                self.seat_screen.badge = badge
                if self.seat_screen.is_mounted:
                    with contextlib.suppress(AccordError):
                        self.seat_screen.show_view()

    def hear(self, status: TableStatus) -> None:
        """Show the facilitator's messages not shown yet, in front of whatever the team has open; on
        joining, only those of the round being played (older ones are in the save's notes)."""
        if self.heard is None:
            self.heard = max((a.number for a in status.announcements if a.round < status.round), default=0)
        for announcement in status.announcements:
            if announcement.number > self.heard:
                self.heard = announcement.number
                self.accord.notice(announcement.text, title="A message from the facilitator", mark="•")

    def tell_arrivals(self) -> None:
        """A notice for each proposal to the team and each message to it that arrived since the last
        look (the view is fetched again only when the host's version moved): a team on its budget tab
        learned of them only by opening the diplomacy tab."""
        try:
            view = self.table.seat_view(self.team)
        except AccordError:
            return  # the link line says why; the next notice looks again
        lines = self.arrivals.news(view)
        if lines:
            self.notify("\n".join(escape(line) for line in lines), title="Diplomacy", timeout=12)

    def tell_read(self, status: TableStatus) -> None:
        """The report is closed (or was never opened here: a desk that joined while the others
        read): the host's countdown of the round need not wait for this screen. Said once a round;
        a host that did not hear it waits at most its reading time, so a failure is only retried."""
        wait = status.reading
        if wait is None or self.reporting or self.told_read == wait.round:
            return
        try:
            self.table.report_read(wait.round)
        except AccordError:
            return
        self.told_read = wait.round

    def hint(self, text: str) -> None:
        self.query_one("#table-hint", Static).update(text)

    # --- the cycle ---------------------------------------------------------------------------------

    def advance(self) -> None:
        """Show the team what is next: its turn, the wait for the others, a report, or the end."""
        status = self.refresh_status()
        if status is None:
            self.hint("Waiting for the host…")
            return
        if self.round is not None and status.round > self.round and not self.reporting:
            self.show_report(min(status.round, status.rounds + 1) - 1)
            return
        self.round = status.round
        self.tell_read(status)
        me = next(seat for seat in status.seats if seat.id == self.team)
        if status.over:
            self.hint("The game is over. s: the final scores · o: your report on the last round.")
            if not self.scores_shown:
                self.scores_shown = True
                self.action_scores()
        elif me.ready:
            waiting = [s.name for s in status.seats if s.id in status.waiting_for]
            self.hint("You are ready. Waiting for: " + (escape(", ".join(waiting)) or "the resolution") + ".")
        elif self.seat_screen is None:
            self.open_seat()
        else:
            self.hint("Enter: back to your turn.")
        if self.app.screen is self:  # `⏎ Your turn` only while Enter opens one (Textual refreshes the
            self.refresh_bindings()  # footer itself when the desk comes back on top: not under a screen)

    def open_seat(self) -> None:
        from game.tui.screens.org_team import OrgScreen
        from game.tui.screens.team import TeamScreen

        kind = OrgScreen if self.table.hello.organization else TeamScreen
        try:
            screen = kind(self.table, self.team)
        except AccordError as error:
            self.hint(escape(" ".join(error.lines())))
            return
        screen.can_pass = False
        screen.QUIT_QUESTION = LEAVE
        screen.badge = f"{PAUSED_BADGE} " if self.status is not None and self.status.paused else ""
        self.seat_screen = screen
        self.hint("Enter: back to your turn.")
        self.accord.push_screen(screen, self.after_turn)

    def after_turn(self, result: str | None) -> None:
        self.seat_screen = None
        if result == "quit":
            self.accord.exit()
            return
        if result == "pass":
            self.refresh_status()
            self.hint("Your turn is still open: Enter to go back to it.")
            return
        self.advance()

    def show_report(self, round_no: int) -> None:
        """Close whatever the team had open (the round it was for is over) and show its report."""
        from game.tui.screens.round_report import RoundReportScreen

        while self.app.screen is not self and len(self.app.screen_stack) > 1:
            self.app.pop_screen()
        self.seat_screen = None
        self.reporting = True
        self.round = round_no + 1

        def shown(_: object) -> None:
            self.reporting = False
            self.advance()

        self.accord.push_screen(RoundReportScreen(self.table, self.team, round_no), shown)

    # --- the host's notices --------------------------------------------------------------------------

    def on_table_changed(self, message: TableChanged) -> None:
        notice = message.notice
        was_paused = self.status is not None and self.status.paused  # before any refresh below
        if notice.paused != was_paused:
            if notice.paused:
                self.notify("⏸ The facilitator paused the game: orders wait until it resumes.", title="Paused",
                            severity="warning", timeout=10)
            elif self.status is not None:
                self.notify("▶ The facilitator resumed the game: orders are open again.", timeout=6)
        if self.round is not None and notice.round > self.round and not self.reporting:
            self.refresh_status()
            self.show_report(min(notice.round, self.status.rounds + 1 if self.status else notice.round) - 1)
            return
        if self.seat_screen is not None and self.seat_screen.is_mounted:
            if self.ended_by_teammate():
                return
            with contextlib.suppress(AccordError):  # the link line says it; the next notice refreshes again
                self.seat_screen.show_view()
        if self.seat_screen is None and not self.reporting:
            self.advance()
        else:
            self.refresh_status()

    def ended_by_teammate(self) -> bool:
        """A team member's screen (`accord host --roles`) when another member ended the team's turn:
        back to the desk, which says who the table waits for; the orders given stand."""
        if self.table.member() is None or self.refresh_status() is None or self.status is None:
            return False
        me = next((seat for seat in self.status.seats if seat.id == self.team), None)
        if me is None or not me.ready:
            return False
        while self.app.screen is not self and len(self.app.screen_stack) > 1:
            self.app.pop_screen()
        self.seat_screen = None
        self.notify("The team's turn is over for this round: the head of government ended it. Your orders stand.",
                    timeout=8)
        self.advance()
        return True

    def on_link_changed(self, message: LinkChanged) -> None:
        if message.up:
            self.notify("✓ Connected to the host.", timeout=3)
        else:
            self.notify("⚠ The connection to the host dropped: reconnecting…", severity="warning", timeout=6)
        self._show_link()
        if message.up:
            self.resend_unconfirmed()

    # --- keys --------------------------------------------------------------------------------------

    def action_desk(self) -> None:
        if self.seat_screen is None and not self.reporting:
            self.advance()

    def action_report(self) -> None:
        from game.tui.screens.round_report import RoundReportScreen

        status = self.status
        if status is None or status.round <= 1:
            self.notify("No round has been resolved yet: reports come after the first.", timeout=4)
            return
        self.accord.push_screen(RoundReportScreen(self.table, self.team, min(status.round, status.rounds + 1) - 1))

    def action_scores(self) -> None:
        if self.status is None or not self.status.over:
            self.notify("The scores come after the last round.", timeout=4)
            return
        self.accord.push_screen(ScoresScreen(self.table))

    def action_leave(self) -> None:
        def leave(yes: bool | None) -> None:
            if yes:
                self.accord.exit()

        self.accord.push_screen(ConfirmScreen(LEAVE, title="Leave the game"), leave)


class ScoresScreen(Screen[None]):
    """The final scores, as the host computed them: the hidden truth, revealed at the end."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter,escape", "close", "Back")]

    def __init__(self, table: RemoteTable) -> None:
        super().__init__()
        self.table = table

    def compose(self) -> ComposeResult:
        yield Static("[b]THE GAME IS OVER[/] · the final scores", classes="screen-title")
        with VerticalScroll(id="final-body"):
            yield Static("Asking the host for the scores (it plays the game once more with nobody acting)…",
                         id="final-text")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#final-body").focus()
        self.fetch()

    @work(thread=True, exit_on_error=False, group="scores")
    def fetch(self) -> str:
        from game.tui.screens.final import scores_text

        final = self.table.connection.final()
        return scores_text(final.score, final.names, final.seats, final.round_label, None, debrief=False)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        text = self.query_one("#final-text", Static)
        if event.state == WorkerState.SUCCESS and isinstance(event.worker.result, str):
            text.update(event.worker.result)
        elif event.state == WorkerState.ERROR:
            error = event.worker.error
            words = " ".join(error.lines()) if isinstance(error, AccordError) else repr(error)
            text.update(f"✗ The scores could not be fetched: {escape(words)} (s on the desk tries again)")

    def action_close(self) -> None:
        self.dismiss(None)
