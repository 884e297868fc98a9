"""An organization's turn: its dashboard, the map, its instruments, diplomacy, the states'
published records and the news, built from the table's view of this organization only."""

from typing import ClassVar

from textual.binding import BindingType
from textual.widget import Widget

from game.model.rounds import round_short
from game.model.view import OrgView
from game.tui.screens.seat import SeatScreen, tab_keys
from game.tui.text import escape, num, points_num, points_text, pts_text, short
from game.tui.views import SeatView
from game.tui.widgets.diplomacy_panel import DiplomacyPanel
from game.tui.widgets.map_view import MapView
from game.tui.widgets.news_panel import NewsPanel
from game.tui.widgets.org_panels import InstrumentsPanel, OrgDashboard, StatesPanel

TABS: list[tuple[str, str, str]] = [
    ("d", "dashboard", "Dashboard"),
    ("m", "map", "Map"),
    ("i", "instruments", "Instruments"),
    ("p", "diplomacy", "Diplomacy"),
    ("s", "states", "States"),
    ("n", "news", "News"),
]


class OrgScreen(SeatScreen):
    TABS = TABS
    BINDINGS: ClassVar[list[BindingType]] = tab_keys(TABS)

    def panel(self, tab: str) -> Widget:
        view = self.view
        assert isinstance(view, OrgView)
        if tab == "dashboard":
            return OrgDashboard(id="dashboard-panel")
        if tab == "map":
            return MapView(id="map-panel")
        if tab == "instruments":
            return InstrumentsPanel(self.probe, view, id="instruments-panel")
        if tab == "diplomacy":
            return DiplomacyPanel(self.probe, id="diplomacy-panel")
        if tab == "states":
            return StatesPanel(id="states-panel")
        return NewsPanel(id="news-panel")

    def header(self, view: SeatView) -> str:
        assert isinstance(view, OrgView)
        me = view.me
        when = round_short(view.round_label, min(view.round, view.rounds), view.rounds, view.start_year)
        return f"[b]{escape(short(me.name).upper())}[/] · {when} · {points_num(me.left)} of {pts_text(me.budget)} left"

    def show_panel(self, panel: Widget, view: SeatView) -> None:
        assert isinstance(view, OrgView)
        if isinstance(panel, NewsPanel | MapView):
            panel.show(view, self.table.last_report(self.team))
        elif isinstance(panel, OrgDashboard | InstrumentsPanel | DiplomacyPanel | StatesPanel):
            panel.show(view)

    def budget_line(self) -> str:
        view = self.view
        assert isinstance(view, OrgView)
        return f"Budget: {num(view.me.left)} of {points_text(view.me.budget)} left unused.\n"
