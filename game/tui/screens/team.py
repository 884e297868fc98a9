"""A state's turn: its dashboard, map, laws, budget, diplomacy, intelligence and news, one key each,
built from the table's view of this team only, so nothing here belongs to another team."""

from typing import ClassVar

from rich.text import Text
from textual.binding import BindingType
from textual.widget import Widget

from game.model.rounds import round_short
from game.model.view import PlayerView
from game.tui.dues import budget_change, dues_warnings, event_budget_lines, owed_words, pledge_warnings
from game.tui.screens.seat import SeatScreen, tab_keys
from game.tui.text import (
    capacity_label,
    escape,
    num_apart,
    points_num,
    points_text,
    pts_text,
    tier_label,
    tier_markup,
)
from game.tui.views import SeatView
from game.tui.widgets.budget_panel import BudgetPanel
from game.tui.widgets.dashboard import Dashboard
from game.tui.widgets.diplomacy_panel import DiplomacyPanel
from game.tui.widgets.intel_panel import IntelPanel
from game.tui.widgets.laws_panel import LawsPanel
from game.tui.widgets.map_view import MapView
from game.tui.widgets.news_panel import NewsPanel
from game.tui.widgets.summits_panel import SummitsPanel, unanswered_words

TABS: list[tuple[str, str, str]] = [
    ("d", "dashboard", "Dashboard"),
    ("m", "map", "Map"),
    ("l", "laws", "Laws"),
    ("b", "budget", "Budget"),
    ("p", "diplomacy", "Diplomacy"),
    ("s", "summits", "Summits"),
    ("i", "intel", "Intel"),
    ("n", "news", "News"),
]


def top_bar(name: str, when: str, free: str, capital: float, approval: float, tier: str, width: int) -> str:
    """The team's top bar on one line: in words when the screen is wide enough, else with capital
    and approval shortened ("PC", "appr.") so that the tier at the end is never cut off."""
    for capital_word, approval_word in (("capital ", "approval "), ("PC ", "appr. ")):
        parts = [name, when, free, f"{capital_word}{capital:.1f}", f"{approval_word}{approval:.0f}%", tier_label(tier)]
        if len(" · ".join(parts)) <= width or width <= 0:
            break
    return " · ".join([f"[b]{escape(name)}[/]", *parts[1:-1], tier_markup(tier)])


class TeamScreen(SeatScreen):
    TABS = TABS
    BINDINGS: ClassVar[list[BindingType]] = tab_keys(TABS)

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
        if tab == "summits":
            return SummitsPanel(self.probe, id="summits-panel")
        return NewsPanel(id="news-panel")

    def header(self, view: SeatView) -> str:
        assert isinstance(view, PlayerView)
        me = view.me
        when = round_short(view.round_label, min(view.round, view.rounds), view.rounds, view.start_year)
        badge = Text.from_markup(self.badge).cell_len if self.badge else 0
        return top_bar(me.name.upper(), when, f"{pts_text(me.available)} free", me.political_capital, me.approval,
                       me.tier, self.size.width - 2 - badge)

    def show_panel(self, panel: Widget, view: SeatView) -> None:
        assert isinstance(view, PlayerView)
        if isinstance(panel, NewsPanel | MapView):
            panel.show(view, self.table.last_report(self.team))
        elif isinstance(panel, Dashboard | LawsPanel | BudgetPanel | DiplomacyPanel | IntelPanel | SummitsPanel):
            panel.show(view)

    def unsent_words(self) -> str:
        """A budget typed on the Budget tab and not submitted, in a line, else nothing."""
        panel = next(iter(self.query(BudgetPanel)), None)
        typed = panel.unsent() if panel is not None else None
        invalid = panel.invalid() if panel is not None else []
        if invalid:  # its total counts the valid fields only: 'holds 100,000,000,000,000.2 points typed'
            names = ", ".join(capacity_label(capacity) for capacity in invalid)
            return (f"⚠ the Budget tab holds a figure that is not a valid amount ({names}), and what is "
                    "not submitted does not count (b, correct it, then ^s).\n")
        if typed is not None:
            return (f"⚠ the Budget tab holds {points_text(typed)} typed but not submitted, and what is not "
                    "submitted does not count (b, then ^s).\n")
        return ""

    def budget_line(self) -> str:
        view = self.view
        assert isinstance(view, PlayerView)
        allocated = sum(view.me.allocation.values())
        warnings = "".join(f"{line}\n" for line in dues_warnings(view, allocated, standing=True))
        warnings += "".join(f"{escape(line)}\n" for line in event_budget_lines(view, allocated)
                            + pledge_warnings(view, view.me.allocation))
        # from the free points at the resolution, after an announced event's change to the budget
        idle = max(0.0, view.me.available + budget_change(view)) - allocated - view.me.committed
        if idle >= 0.05:  # a hurried team ended its turn on the standing 1.8 of 9 points, unaware
            spare = points_text(idle)
            verb = "is" if spare.endswith("point") else "are"
            warnings += (f"{spare} {verb} neither allocated nor owed: a {view.round_label}'s points "
                         f"are not kept for the next (b: Budget).\n")
        warnings += self.unsent_words() + escape(unanswered_words(view))
        return (f"Budget: {num_apart(allocated, view.me.available)} of {points_num(view.me.available)} free points "
                f"allocated; {owed_words(view, allocated)}.\n{warnings}")
