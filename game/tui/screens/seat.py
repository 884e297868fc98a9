"""What every team's screen shares, a state's or an organization's: tabs one key each, orders
posted up by the panels and submitted through the session, and the keys that end a turn (r), pass
the screen on (h), open the last report (o) or quit (q). Only this seat's own view is ever shown.
"""

from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Static, TabbedContent, TabPane, Tabs

from game.engine import ActionRejected
from game.errors import AccordError
from game.report.describe import describe
from game.session.session import Session
from game.tui.messages import Order, Refused
from game.tui.orders import Probe
from game.tui.screens.notice import ConfirmScreen
from game.tui.text import escape
from game.tui.turns import actor
from game.tui.views import SeatView
from game.tui.widgets.diplomacy_panel import DiplomacyPanel

if TYPE_CHECKING:
    from game.tui.app import AccordApp


class SeatScreen(Screen[str]):
    """Dismissed with `ready` (turn ended), `pass` (handed on, turn still open) or `quit`."""

    TABS: ClassVar[list[tuple[str, str, str]]] = []
    """(key, id, label) of each tab."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "ready", "Ready"),
        Binding("h", "hand_over", "Pass"),
        Binding("o", "report", "Report"),
        Binding("escape", "leave_field", "Leave field", show=False),
        Binding("N", "diplomacy('compose_proposal')", "New proposal", show=False),
        Binding("M", "diplomacy('compose_message')", "Message", show=False),
        Binding("q", "quit_game", "Quit"),
    ]

    def __init__(self, session: Session, team: str) -> None:
        super().__init__()
        self.session = session
        self.team = team
        self.probe = Probe(session, team)
        self.view: SeatView = self.seat_view()

    @property
    def accord(self) -> "AccordApp":

        return cast("AccordApp", self.app)

    # --- what a subclass says --------------------------------------------------------------------

    def seat_view(self) -> SeatView:
        raise NotImplementedError

    def panel(self, tab: str) -> Widget:
        raise NotImplementedError

    def header(self, view: SeatView) -> str:
        raise NotImplementedError

    def show_panels(self, view: SeatView) -> None:
        raise NotImplementedError

    # --- layout --------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(id="team-header")
        with TabbedContent(initial=self.TABS[0][1], id="team-tabs"):
            for key, tab, label in self.TABS:
                with TabPane(f"[b]{key}[/] {label}", id=tab):
                    yield self.panel(tab)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.show_view()

    def show_view(self) -> None:
        """Send the seat's current view down to the header and every panel."""
        view = self.view = self.seat_view()
        self.query_one("#team-header", Static).update(self.header(view))
        self.show_panels(view)

    # --- orders --------------------------------------------------------------------------------

    def on_order(self, message: Order) -> None:
        message.stop()
        try:
            self.session.submit(message.action, by=self.team)
        except ActionRejected as error:
            message.origin.post_message(Refused(str(error)))
            self.notify(f"✗ {error}", severity="warning", timeout=6)
            return
        except AccordError as error:
            self.accord.notice(" ".join(error.lines()), title="That order could not be saved")
            return
        self.notify(f"✓ {message.done}", timeout=4)
        self.show_view()

    # --- keys ----------------------------------------------------------------------------------

    def action_tab(self, tab: str) -> None:
        self.query_one("#team-tabs", TabbedContent).active = tab
        self._focus_tab_content(tab)

    def _focus_tab_content(self, tab: str) -> None:
        """Focus the tab's first control, so its keys (a adopt, x reject...) work at once."""
        pane = self.query_one(f"#{tab}", TabPane)
        focusable = [w for w in pane.query("*") if w.can_focus and not w.disabled]
        if focusable:
            focusable[0].focus()
        else:
            self.query_one(Tabs).focus()

    def action_leave_field(self) -> None:
        self.query_one(Tabs).focus()

    def action_diplomacy(self, what: str) -> None:
        """N and M work from any tab: they open the diplomacy tab and its composer."""
        self.query_one("#team-tabs", TabbedContent).active = "diplomacy"
        panel = self.query_one(DiplomacyPanel)
        if what == "compose_proposal":
            panel.action_compose_proposal()
        else:
            panel.action_compose_message()

    def budget_line(self) -> str:
        """The budget as the ready question shows it."""
        return ""

    def action_ready(self) -> None:
        view = self.view
        label = view.round_label
        mine = [s for s in self.session.submitted() if actor(s.data) == self.team and s.type != "ready"]
        world = self.session.document.world
        orders = "\n".join(f"  • {escape(describe(s.data, world))}" for s in mine)
        orders = orders or "  • no new orders (what stands carries on)"
        question = (f"End {escape(view.me.name)}'s turn for {label} {view.round}?\n\n"
                    f"Your orders this {label}:\n{orders}\n\n{self.budget_line()}"
                    "After this you cannot change your orders until the round resolves.")

        def answer(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.session.submit(self.probe.build({"type": "ready"}), by=self.team)
            except ActionRejected as error:
                self.accord.notice(str(error), title="Not ready yet")
                return
            except AccordError as error:
                self.accord.notice(" ".join(error.lines()), title="That order could not be saved")
                return
            self.dismiss("ready")

        self.accord.push_screen(ConfirmScreen(question, title="End your turn", yes="End turn", no="Not yet"), answer)

    def action_hand_over(self) -> None:
        def answer(yes: bool | None) -> None:
            if yes:
                self.dismiss("pass")

        self.accord.push_screen(ConfirmScreen(
            "Hand the screen to the next team without ending your turn? Your orders so far are saved, and your "
            "turn comes round again once the others have played.", title="Hand over"), answer)

    def action_report(self) -> None:
        if not self.session.reports:
            self.notify("No round has been resolved yet: reports come after the first.", timeout=4)
            return
        from game.tui.screens.round_report import RoundReportScreen

        self.accord.push_screen(RoundReportScreen(self.session, self.team, self.session.reports[-1]))

    def action_quit_game(self) -> None:
        def answer(yes: bool | None) -> None:
            if yes:
                self.dismiss("quit")

        self.accord.push_screen(ConfirmScreen(
            "Quit to the title screen? Everything submitted is saved: 'Continue the latest game' goes on from "
            "this team and this round.", title="Quit the game"), answer)
