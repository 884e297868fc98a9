"""A team's turn: its state's dashboard, map, laws, budget, diplomacy, intelligence and news, one
key each, built from `session.view(team)` only, so nothing here belongs to another team.

Panels post `Order` messages; this screen submits them through the session (which checks, logs
and autosaves) and sends the refreshed view back down, or the engine's reason back to the panel.
"""

from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Static, TabbedContent, TabPane, Tabs

from game.engine import ActionRejected
from game.errors import AccordError
from game.model.actions import Ready
from game.model.view import PlayerView
from game.report.describe import describe
from game.session.session import Session
from game.tui.messages import Order, Refused
from game.tui.orders import Probe
from game.tui.screens.notice import ConfirmScreen
from game.tui.text import escape, num, tier_markup
from game.tui.widgets.budget_panel import BudgetPanel
from game.tui.widgets.dashboard import Dashboard
from game.tui.widgets.diplomacy_panel import DiplomacyPanel
from game.tui.widgets.intel_panel import IntelPanel
from game.tui.widgets.laws_panel import LawsPanel
from game.tui.widgets.map_view import MapView
from game.tui.widgets.news_panel import NewsPanel

if TYPE_CHECKING:
    from game.tui.app import AccordApp

TABS: list[tuple[str, str, str]] = [
    ("d", "dashboard", "Dashboard"),
    ("m", "map", "Map"),
    ("l", "laws", "Laws"),
    ("b", "budget", "Budget"),
    ("p", "diplomacy", "Diplomacy"),
    ("i", "intel", "Intel"),
    ("n", "news", "News"),
]


class TeamScreen(Screen[str]):
    """Dismissed with `ready` (turn ended), `pass` (handed on, turn still open) or `quit`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *[Binding(key, f"tab('{tab}')", label, show=False) for key, tab, label in TABS],
        Binding("r", "ready", "Ready"),
        Binding("h", "hand_over", "Pass on"),
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
        self.view: PlayerView = session.view(team)

    @property
    def accord(self) -> "AccordApp":

        return cast("AccordApp", self.app)

    def compose(self) -> ComposeResult:
        yield Static(id="team-header")
        with TabbedContent(initial="dashboard", id="team-tabs"):
            for key, tab, label in TABS:
                with TabPane(f"[b]{key}[/] {label}", id=tab):
                    yield self._panel(tab)
        yield Footer(compact=True)

    def _panel(self, tab: str) -> Widget:
        if tab == "dashboard":
            return Dashboard(id="dashboard-panel")
        if tab == "map":
            return MapView(id="map-panel")
        if tab == "laws":
            return LawsPanel(self.probe, id="laws-panel")
        if tab == "budget":
            return BudgetPanel(self.probe, id="budget-panel")
        if tab == "diplomacy":
            return DiplomacyPanel(self.probe, id="diplomacy-panel")
        if tab == "intel":
            return IntelPanel(id="intel-panel")
        return NewsPanel(id="news-panel")

    def on_mount(self) -> None:
        self.show_view()

    def show_view(self) -> None:
        """Send the team's current view down to the header and every panel."""
        view = self.view = self.session.view(self.team)
        me = view.me
        self.query_one("#team-header", Static).update(
            f"[b]{escape(me.name.upper())}[/] · {view.round_label.capitalize()} {min(view.round, view.rounds)}/"
            f"{view.rounds} · {num(me.available)} of {num(me.budget)} pts free · capital {me.political_capital:.1f}"
            f" · approval {me.approval:.0f}% · {tier_markup(me.tier)}"
        )
        news = self.session.reports[-1] if self.session.reports else None
        self.query_one(Dashboard).show(view)
        self.query_one(MapView).show(view)
        self.query_one(LawsPanel).show(view)
        self.query_one(BudgetPanel).show(view)
        self.query_one(DiplomacyPanel).show(view)
        self.query_one(IntelPanel).show(view)
        self.query_one(NewsPanel).show(view, news)

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
        self.call_after_refresh(self._focus_tab_content, tab)

    def _focus_tab_content(self, tab: str) -> None:
        pane = self.query_one(f"#{tab}", TabPane)
        focusable = [w for w in pane.query("*") if w.focusable]
        if focusable:
            focusable[0].focus()
        else:
            self.query_one(Tabs).focus()

    def action_diplomacy(self, what: str) -> None:
        """N and M work from any tab: they open the diplomacy tab and its composer."""
        self.query_one("#team-tabs", TabbedContent).active = "diplomacy"
        panel = self.query_one(DiplomacyPanel)
        if what == "compose_proposal":
            panel.action_compose_proposal()
        else:
            panel.action_compose_message()

    def action_leave_field(self) -> None:
        self.query_one(Tabs).focus()

    def action_ready(self) -> None:
        view = self.view
        label = view.round_label
        mine = [s for s in self.session.submitted() if s.state == self.team and s.type != "ready"]
        world = self.session.document.world
        orders = "\n".join(f"  • {escape(describe(s.data, world))}" for s in mine)
        orders = orders or "  • no new orders (the standing allocation and laws carry on)"
        allocated = sum(view.me.allocation.values())
        question = (f"End {escape(view.me.name)}'s turn for {label} {view.round}?\n\n"
                    f"Your orders this {label}:\n{orders}\n\n"
                    f"Budget: {num(allocated)} of {num(view.me.available)} free points allocated.\n"
                    "After this you cannot change your orders until the round resolves.")

        def answer(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.session.submit(Ready(state=self.team), by=self.team)
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
