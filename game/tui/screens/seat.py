"""What every team's screen shares, a state's or an organization's: tabs one key each, orders
posted up by the panels and submitted through the table (the session here, or a host across the
network), and the keys that end a turn (r), pass the screen on (h), open the last report (o) or
quit (q). Only this seat's own view is ever shown: the table serves nothing else.
"""

from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Input, Select, Static, TabbedContent, TabPane, Tabs

from game.engine import ActionRejected
from game.errors import AccordError
from game.session.clock import RoundClock, clock_words, reading_words
from game.tui.messages import Order, Refused
from game.tui.orders import Probe
from game.tui.screens.notice import ConfirmScreen
from game.tui.table import LocalTable, NotConfirmed, Table
from game.tui.text import escape
from game.tui.views import SeatView
from game.tui.widgets.diplomacy_panel import DiplomacyPanel
from game.tui.widgets.line_field import FIELD_MOVES, FieldKeys

if TYPE_CHECKING:
    from game.tui.app import AccordApp

ROLE_LOG = 6
"""Orders of the round shown under a team member's header (the newest; the ready question lists all)."""
HOST_CLOCK_REFRESH = 5.0
"""Seconds between two looks at a host's round timer from a team's screen."""


def round_clock_text(left: float, paused: bool, label: str) -> str:
    """The host's round timer on a team's screen, in one line of an 80-column terminal: it read
    '⏱ about 5:40 (paused) left in this year: then the round resolves with the', cut before the
    orders it resolves with, and said "round" in a game of years."""
    return f"⏱ {clock_words(left, paused)} left in this {label}; then it is resolved with the orders given"


def tab_keys(tabs: list[tuple[str, str, str]]) -> list[BindingType]:
    """One key a tab. Priority bindings: the app runs them the moment the key arrives, so the keys
    typed right after (`b 2 . 4`) reach the field the tab's key focused; as ordinary bindings they
    ran only once the key had bubbled back up, and the keys after it had already gone to what had
    focus before, and were lost. No field of a team's screen takes these letters (modal forms,
    which do, are other screens)."""
    return [Binding(key, f"tab('{tab}')", label, show=False, priority=True) for key, tab, label in tabs]


class SeatScreen(FieldKeys, Screen[str]):
    """Dismissed with `ready` (turn ended), `pass` (handed on, turn still open) or `quit`."""

    TABS: ClassVar[list[tuple[str, str, str]]] = []
    """(key, id, label) of each tab."""

    can_pass = True
    """Whether `h` hands the screen on: only at a hot seat with another human team to pass to (the
    hot seat's table and the network desk set it on the screen they open)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "ready", "Ready"),
        Binding("h", "hand_over", "Pass"),
        Binding("o", "report", "Report"),
        Binding("escape", "leave_field", "Leave field"),
        *FIELD_MOVES,  # from the app's queue, in order: the keys typed after Tab go to the field it moved to
        Binding("N", "diplomacy('compose_proposal')", "New proposal", show=False),
        Binding("M", "diplomacy('compose_message')", "Message", show=False),
        Binding("P", "diplomacy('compose_pledge')", "Statement or pledge", show=False),
        # priority, on the diplomacy tab only: the keys typed right after reach the note's field (as
        # ordinary bindings, a hurried 'Xwe cannot pay' lost the words typed while the dialog came up)
        Binding("A", "answer_with_note('accept')", "Accept with a note", show=False, priority=True),
        Binding("X", "answer_with_note('reject')", "Reject with a note", show=False, priority=True),
        Binding("q", "quit_game", "Quit"),
        Binding("T", "timer_pause", "Pause the timer", show=False),
        Binding("plus", "timer_more", "Two more minutes", show=False),
    ]

    QUIT_QUESTION = ("Quit to the title screen? Everything submitted is saved: 'Continue the latest game' goes on "
                     "from this team and this round.")
    """What `q` asks; a screen fed by a host across the network says where the game goes on instead."""

    badge = ""
    """Markup before the header: what the host says of the whole table (paused), over the network."""

    def __init__(self, table: Table, team: str) -> None:
        super().__init__()
        self.table = table
        self.team = team
        self.probe = Probe(table, team)
        self.view: SeatView = self.seat_view()
        self._panels: dict[str, Widget] = {}
        """Tab id -> its panel, once built (a tab's panel is built the first time it is opened)."""
        self.clock: RoundClock | None = None
        """The turn's timer at a hot seat (`accord play --turn-minutes`), else None."""

    @property
    def accord(self) -> "AccordApp":

        return cast("AccordApp", self.app)

    # --- what a subclass says --------------------------------------------------------------------

    def seat_view(self) -> SeatView:
        return self.table.seat_view(self.team)

    def panel(self, tab: str) -> Widget:
        raise NotImplementedError

    def header(self, view: SeatView) -> str:
        raise NotImplementedError

    def show_panel(self, panel: Widget, view: SeatView) -> None:
        """Send `view` down to one of this screen's panels."""
        raise NotImplementedError

    # --- layout --------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(id="turn-clock")
        yield Static(id="team-header")
        yield Static(id="team-roles")
        first = self.TABS[0][1]
        with TabbedContent(initial=first, id="team-tabs"):
            for key, tab, label in self.TABS:
                with TabPane(f"[b]{key}[/] {label}", id=tab):
                    if tab == first:
                        self._panels[tab] = self.panel(tab)
                        yield self._panels[tab]
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.show_view()
        # the first tab's keys work on arrival (PageDown and the arrows scroll the brief at once)
        self.call_after_refresh(self._focus_panel, self._panels[self.TABS[0][1]])
        seconds = getattr(self.app, "turn_seconds", None)
        clock = self.query_one("#turn-clock", Static)
        if seconds and isinstance(self.table, LocalTable):
            self.clock = RoundClock(seconds)
            self.set_interval(1.0, self.tick)
            self.tick()
        else:
            clock.display = False
            if callable(getattr(self.table, "status", None)):  # a host's round timer, across the network
                self.set_interval(HOST_CLOCK_REFRESH, self.host_tick)
                self.host_tick()

    def host_tick(self) -> None:
        """The host's round timer, looked at every few seconds: shown while the game has one."""
        try:
            status = self.table.status()  # type: ignore[attr-defined]
        except AccordError:
            return
        clock = self.query_one("#turn-clock", Static)
        left = getattr(status, "time_left", None)
        clock.display = left is not None and not status.over
        wait = getattr(status, "reading", None)
        if left is not None and wait is not None:
            # 'then 10:00' and no more: within 80 columns with the largest counts
            clock.update(f"⏱ {reading_words(wait.done, wait.teams, wait.left, status.timer_paused)}: then "
                         f"{clock_words(left)}")
        elif left is not None:
            clock.update(round_clock_text(left, status.timer_paused, status.round_label))

    # --- the turn's timer ----------------------------------------------------------------------

    def tick(self) -> None:
        """Once a second: the time left, and the end of the turn when it runs out."""
        if self.clock is None or not self.is_attached:
            return
        if self.clock.expired:
            self.time_up()
            return
        self.query_one("#turn-clock", Static).update(
            f"⏱ {self.clock.text()} left for this turn · T pause/resume · + two more minutes")

    def time_up(self) -> None:
        """The turn ends as if the team pressed r: the orders it gave stand, and so do last round's."""
        self.clock = None
        while self.app.screen is not self and len(self.app.screen_stack) > 1:
            self.app.pop_screen()  # a question or a composer left open: time is up for it too
        try:
            self.table.submit(self.probe.build({"type": "ready"}), self.team)
        except (ActionRejected, AccordError) as error:
            self.accord.notice(f"Time is up, but the turn could not be ended: {error}. The screen passes on; "
                               "your turn comes round again.", title="Time is up")
            self.dismiss("pass")
            return
        self.notify("⏱ Time is up: your orders stand, and the screen passes on.", timeout=6)
        self.dismiss("ready")

    def action_timer_pause(self) -> None:
        if self.clock is None:
            self.notify("This game has no turn timer (accord play --turn-minutes N sets one).", timeout=4)
            return
        if self.clock.paused:
            self.clock.resume()
        else:
            self.clock.pause()
        self.tick()

    def action_timer_more(self) -> None:
        if self.clock is None:
            self.notify("This game has no turn timer (accord play --turn-minutes N sets one).", timeout=4)
            return
        self.clock.extend()
        self.tick()

    def panels(self) -> list[Widget]:
        """The panels mounted so far: a tab's panel is built the first time it is opened, so a
        team that only ends its turn does not pay for seven panels."""
        return [panel for panel in self._panels.values() if panel.is_mounted]

    async def ensure_panel(self, tab: str) -> Widget:
        """The tab's panel, built and filled now if this is the first time it is opened. The key
        and the tab's activation both ask; the first one builds it, the other gets the same one."""
        panel = self._panels.get(tab)
        if panel is None:
            panel = self._panels[tab] = self.panel(tab)
            await self.query_one(f"#{tab}", TabPane).mount(panel)
            self.show_panel(panel, self.view)
        return panel

    async def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id is not None:
            await self.ensure_panel(event.pane.id)

    def show_view(self) -> None:
        """Send the seat's current view down to the header and every panel built so far."""
        view = self.view = self.seat_view()
        self.query_one("#team-header", Static).update(self.badge + self.header(view))
        self.show_roles()
        for panel in self.panels():
            self.show_panel(panel, view)

    def show_roles(self) -> None:
        """When the team plays in roles (`accord host --roles`): this member's role and part, and who
        in the team did what this round (the host's order log, each order with its member's role)."""
        member = self.table.member()
        if member is None:  # the line stays hidden (as the stylesheet has it): no layout to redo
            return
        line = self.query_one("#team-roles", Static)
        line.display = True
        try:
            done = self.table.orders(self.team)
        except AccordError:
            done = []
        shown = done[::-1][:ROLE_LOG]
        log = " · ".join(escape(order) for order in shown) if shown else "no orders yet"
        if len(done) > len(shown):
            log += f" · … {len(done) - len(shown)} earlier"
        line.update(f"[b]You: {escape(member.role)}[/] ({escape(member.part)})\n"
                    f"[b]Team this {self.view.round_label}, newest first:[/] {log}")

    # --- orders --------------------------------------------------------------------------------

    def on_order(self, message: Order) -> None:
        message.stop()
        proposing = message.action.type in ("propose", "convene")
        before = {p.id for p in self.table.seat_view(self.team).proposals} if proposing else set()
        try:
            self.table.submit(message.action, self.team)
        except ActionRejected as error:
            reason = self.probe.words(str(error))
            message.origin.post_message(Refused(reason))
            self.notify(f"✗ {reason}", severity="warning", timeout=6)
            return
        except NotConfirmed as error:  # the host may have it: never say "not saved" before it says so
            self.notify(f"⋯ {message.done}: {error}", title="Not confirmed yet", severity="warning", timeout=10)
            return
        except AccordError as error:
            self.accord.notice(" ".join(error.lines()), title="That order was not recorded")
            return
        done = message.done
        if proposing:  # its id, so the team can name it in messages ("about p3: ...")
            made = [p.id for p in self.table.seat_view(self.team).proposals if p.id not in before]
            if made:
                done = f"{done}: it is proposal {made[-1]} (name it so in messages)"
        self.notify(f"✓ {done}", timeout=8 if proposing else 4)
        self.show_view()

    # --- keys ----------------------------------------------------------------------------------

    async def action_tab(self, tab: str) -> None:
        self.query_one("#team-tabs", TabbedContent).active = tab
        panel = await self.ensure_panel(tab)
        # now, before this key's action returns: the keys typed after it are still waiting in the
        # app's queue and go to what has focus when they are taken, the panel's first field
        # (focused after a refresh, they went to whatever had focus before and were lost)
        self._focus_panel(panel)

    def _focus_panel(self, panel: Widget) -> None:
        """Focus the panel's first control (a budget field, the proposals' table), so its keys work
        at once; a panel without one (a page to read) takes focus itself, so PageDown scrolls it."""
        controls = [w for w in panel.query("*") if w.can_focus and not w.disabled]
        if controls:
            self.set_focus(controls[0])
        elif panel.can_focus:
            self.set_focus(panel)
        else:
            self.set_focus(self.query_one(Tabs))

    def action_leave_field(self) -> None:
        self.query_one(Tabs).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Esc is shown in the footer while a field has the keys: it gives them back to the screen.
        `h Pass` is neither shown nor run where there is no screen to pass (network play, or one
        human team at this screen)."""
        if action == "leave_field":
            return isinstance(self.focused, Input | Select)
        if action == "answer_with_note":  # elsewhere the letter is the field's, or nothing
            tabs = self.query("#team-tabs").results(TabbedContent)  # none yet while the screen is built
            return any(tab.active == "diplomacy" for tab in tabs)
        return self.can_pass or action != "hand_over"

    async def action_answer_with_note(self, answer: str) -> None:
        """A or X on the diplomacy tab: answer the proposal under the cursor with a note."""
        panel = await self.ensure_panel("diplomacy")
        assert isinstance(panel, DiplomacyPanel)
        await panel.action_answer_with_note(answer)

    async def action_diplomacy(self, what: str) -> None:
        """N, M and P work from any tab: they open the diplomacy tab and its composer."""
        self.query_one("#team-tabs", TabbedContent).active = "diplomacy"
        panel = await self.ensure_panel("diplomacy")
        assert isinstance(panel, DiplomacyPanel)
        if what == "compose_proposal":
            panel.action_compose_proposal()
        elif what == "compose_pledge":
            panel.action_compose_pledge()
        else:
            panel.action_compose_message()

    def budget_line(self) -> str:
        """The budget as the ready question shows it."""
        return ""

    def unsent_words(self) -> str:
        """What is typed on this screen and not yet given as an order, in a line ending in a newline,
        for the questions that leave the screen (ready, pass, quit): a team that typed its budget and
        pressed h was told 'your orders so far are saved' and found the points gone on its return."""
        return ""

    def unsent_warning(self) -> str:
        """`unsent_words` set apart from the question that follows it."""
        words = self.unsent_words()
        return f"{words}\n" if words else ""

    def action_ready(self) -> None:
        view = self.view
        label = view.round_label
        if self.table.member() is not None:  # a team member whose part it may not be: say so before asking
            refusal = self.table.refusal(self.probe.build({"type": "ready"}), self.team)
            if refusal is not None:
                self.accord.notice(self.probe.words(refusal), title="Not your part")
                return
        try:
            mine = self.table.orders(self.team)
        except AccordError as error:
            self.accord.notice(" ".join(error.lines()), title="Cannot end the turn now")
            return
        orders = "\n".join(f"  • {escape(line)}" for line in mine)
        orders = orders or "  • no new orders (what stands carries on)"
        question = (f"End {escape(view.me.name)}'s turn for {label} {view.round}?\n\n"
                    f"Your orders this {label}:\n{orders}\n\n{self.budget_line()}"
                    f"After this you cannot change your orders until this {label} is resolved.")

        def answer(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.table.submit(self.probe.build({"type": "ready"}), self.team)
            except ActionRejected as error:
                self.accord.notice(str(error), title="Not ready yet")
                return
            except NotConfirmed as error:
                self.accord.notice(f"Ending your turn is {error}", title="Not confirmed yet")
                return
            except AccordError as error:
                self.accord.notice(" ".join(error.lines()), title="That order was not recorded")
                return
            self.dismiss("ready")

        self.accord.push_screen(ConfirmScreen(question, title="End your turn", yes="End turn", no="Not yet"), answer)

    def action_hand_over(self) -> None:
        def answer(yes: bool | None) -> None:
            if yes:
                self.dismiss("pass")

        self.accord.push_screen(ConfirmScreen(
            f"{self.unsent_warning()}Hand the screen to the next team without ending your turn? Your orders so far "
            "are saved, and your turn comes round again once the others have played.", title="Hand over"), answer)

    def action_report(self) -> None:
        if self.view.round <= 1:
            self.notify("No round has been resolved yet: reports come after the first.", timeout=4)
            return
        from game.tui.screens.round_report import RoundReportScreen

        last = min(self.view.round, self.view.rounds + 1) - 1
        self.accord.push_screen(RoundReportScreen(self.table, self.team, last))

    def action_quit_game(self) -> None:
        def answer(yes: bool | None) -> None:
            if yes:
                self.dismiss("quit")

        self.accord.push_screen(ConfirmScreen(f"{self.unsent_warning()}{self.QUIT_QUESTION}", title="Quit the game"),
                                answer)
