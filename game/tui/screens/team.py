"""A state's turn: its dashboard, map, laws, budget, diplomacy, intelligence and news, one key each,
built from the table's view of this team only, so nothing here belongs to another team."""

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widget import Widget

from game.model.view import PlayerView
from game.tui.dues import dues_warnings
from game.tui.screens.seat import SeatScreen
from game.tui.text import escape, num, tier_markup
from game.tui.views import SeatView
from game.tui.widgets.budget_panel import BudgetPanel
from game.tui.widgets.dashboard import Dashboard
from game.tui.widgets.diplomacy_panel import DiplomacyPanel
from game.tui.widgets.intel_panel import IntelPanel
from game.tui.widgets.laws_panel import LawsPanel
from game.tui.widgets.map_view import MapView
from game.tui.widgets.news_panel import NewsPanel

TABS: list[tuple[str, str, str]] = [
    ("d", "dashboard", "Dashboard"),
    ("m", "map", "Map"),
    ("l", "laws", "Laws"),
    ("b", "budget", "Budget"),
    ("p", "diplomacy", "Diplomacy"),
    ("i", "intel", "Intel"),
    ("n", "news", "News"),
]


class TeamScreen(SeatScreen):
    TABS = TABS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(key, f"tab('{tab}')", label, show=False) for key, tab, label in TABS
    ]

    def panel(self, tab: str) -> Widget:
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

    def header(self, view: SeatView) -> str:
        assert isinstance(view, PlayerView)
        me = view.me
        return (f"[b]{escape(me.name.upper())}[/] · {view.round_label.capitalize()} {min(view.round, view.rounds)}/"
                f"{view.rounds} · {num(me.available)} of {num(me.budget)} pts free · capital "
                f"{me.political_capital:.1f} · approval {me.approval:.0f}% · {tier_markup(me.tier)}")

    def show_panel(self, panel: Widget, view: SeatView) -> None:
        assert isinstance(view, PlayerView)
        if isinstance(panel, NewsPanel):
            panel.show(view, self.table.last_report(self.team))
        elif isinstance(panel, Dashboard | MapView | LawsPanel | BudgetPanel | DiplomacyPanel | IntelPanel):
            panel.show(view)

    def budget_line(self) -> str:
        view = self.view
        assert isinstance(view, PlayerView)
        allocated = sum(view.me.allocation.values())
        warnings = "".join(f"{line}\n" for line in dues_warnings(view, allocated))
        return (f"Budget: {num(allocated)} of {num(view.me.available)} free points allocated; agreements take "
                f"{num(view.me.committed)} of the rest this {view.round_label}.\n{warnings}")
