"""The map as a student can read it in a terminal: each region with who holds it, its neighbours,
and the routes this state knows of with their estimated flows and ranges."""

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from game.model.view import PlayerView
from game.tui.text import bar, escape, num, short
from game.tui.views import SeatView, names_of


def vulnerability_word(value: float) -> str:
    return "high" if value >= 0.45 else "medium" if value >= 0.25 else "low"


def map_text(view: SeatView) -> str:
    names = names_of(view)
    me = view.me.id
    lines = ["[b]Regions[/]  (★ yours; population in millions; vulnerability 0 to 1)"]
    ordered = sorted(view.regions, key=lambda region: region.controlled_by != me)
    for region in ordered:
        mark = "★" if region.controlled_by == me else "·"
        holder = names.get(region.controlled_by, region.controlled_by) if region.controlled_by else "no state"
        demand = ", ".join(f"{form} {level:.2f}" for form, level in region.demand.items() if level > 0) or "none"
        lines.append(f"{mark} [b]{escape(region.name)}[/] held by {escape(holder)}")
        lines.append(f"    {region.population:g} M people · vulnerability {region.vulnerability:.2f} "
                     f"({vulnerability_word(region.vulnerability)}) · demand: {demand}")
        lines.append(f"    neighbours: {escape(', '.join(short(names.get(n, n)) for n in region.neighbours))}")
    lines += ["", f"[b]Routes you know of[/]  (estimated people a {view.round_label}, with the range)"]
    routes = view.routes if isinstance(view, PlayerView) else []
    if not routes:
        lines.append("  none: routes appear when they touch your territory or partners share intelligence")
    top = max((route.flow.high for route in routes), default=1)
    for route in routes:
        path = " → ".join(short(names.get(region, region)) for region in route.path)
        lines.append(f"  {route.form:<8} {escape(path)}")
        lines.append(f"           {bar(route.flow.value, top, 12)} about {num(route.flow.value)} "
                     f"({num(route.flow.low)} to {num(route.flow.high)})  [dim]{escape(route.id)}[/]")
    return "\n".join(lines)


class MapView(VerticalScroll):
    def compose(self) -> ComposeResult:
        yield Static(id="map-text")

    def show(self, view: SeatView) -> None:
        self.query_one("#map-text", Static).update(map_text(view))
