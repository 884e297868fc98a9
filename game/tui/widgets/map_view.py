"""The map as a student can read it in a terminal: the regions drawn where they lie (the layout of
`game.scenario.map_layout`, the same as the debrief's), who holds each, the routes this seat knows of
with their estimated flows, last round's displacement it may know of, then each region in words."""

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import ScrollableContainer
from textual.widgets import Static

from game.model.report import RoundReport
from game.model.view import PlayerView
from game.scenario.map_layout import MapMove, MapPicture, MapRoute, Place, holder_keys
from game.tui.text import bar, escape, num, short
from game.tui.views import SeatView, names_of
from game.tui.widgets.intel_panel import route_lines as path_lines
from game.tui.widgets.map_canvas import draw_map, legend
from game.tui.widgets.wrapped import Wrapped


def vulnerability_word(value: float) -> str:
    return "high" if value >= 0.45 else "medium" if value >= 0.25 else "low"


def seat_picture(view: SeatView, report: RoundReport | None) -> MapPicture:
    """What this seat may see drawn: its view's regions and known routes (estimates, never the
    truth), and the displacement in its own round report (`seat_reports.touches`)."""
    states = ([(view.me.id, view.me.name)] + [(s.id, s.name) for s in view.others] if isinstance(view, PlayerView)
              else [(s.id, s.name) for s in view.states])
    routes = [MapRoute(tuple(r.path), r.form, r.flow.value, r.flow.low, r.flow.high)
              for r in (view.routes if isinstance(view, PlayerView) else [])]
    moves = [] if report is None else [
        MapMove(report.round, m.network, m.form, tuple(m.dropped), tuple(m.opened) if m.opened else None,
                kept=m.cause == "site")
        for m in report.displacement]
    return MapPicture(
        places=[Place(r.id, tuple(r.neighbours), r.position, r.vulnerability) for r in view.regions],
        region_names={r.id: short(r.name) for r in view.regions},
        controller={r.id: r.controlled_by for r in view.regions},
        holders=holder_keys(states),
        routes=routes, moves=moves, yours=view.me.id,
    )


def route_lines(view: SeatView, picture: MapPicture, width: int = 78) -> list[str]:
    """`width`: the cells the text has; a route's path is broken between places to it, going on
    under its first place (`intel_panel.route_lines`), not back under the form column."""
    names = names_of(view)
    lines = [f"[b]Routes you know of[/]  (estimated people a {view.round_label}, with the range; the "
             "estimates move with noise, not only with what you do)"]
    if not picture.routes:
        lines.append("  none: routes appear when they touch your territory or partners share intelligence")
    top = max((route.high or route.flow for route in picture.routes), default=1)
    for route in picture.routes:
        places = [short(names.get(region, region)) for region in route.path]
        lines += [escape(line) for line in path_lines(f"  {route.form:<8} ", places, width)]
        lines.append(f"           {bar(route.flow, top, 12)} about {num(route.flow)} "
                     f"({num(route.low or 0)} to {num(route.high or 0)})")
    if picture.moves:
        lines += ["", f"[b]Displacement in {view.round_label} {picture.moves[0].round}[/] that touched you"]
    for move in picture.moves:
        dropped = " → ".join(short(names.get(r, r)) for r in move.dropped)
        opened = " → ".join(short(names.get(r, r)) for r in move.opened) if move.opened else "nowhere (lost)"
        if move.kept:  # part of its trade: the route stays, and the map does not cross it out
            lines.append(f"  ⇢ a {move.form} network moved some of its trade from {escape(dropped)} "
                         f"to {escape(opened)}")
        else:
            lines.append(f"  ⇢ a {move.form} network gave up {escape(dropped)} and took {escape(opened)}")
    return lines


def region_lines(view: SeatView) -> list[str]:
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
    return lines


def map_text(view: SeatView, report: RoundReport | None = None, width: int = 78) -> str:
    """The map's words (routes, displacement, regions), as markup, for a text `width` cells wide:
    the drawing is `draw_map`."""
    picture = seat_picture(view, report)
    return "\n".join(["", *route_lines(view, picture, width), "", *region_lines(view)])


class MapView(ScrollableContainer):
    """Scrolls both ways: a map with many columns stays readable in 80 columns."""

    DEFAULT_CSS = """
    MapView #map-drawing { width: auto; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="map-drawing")
        yield Wrapped(id="map-text")

    _shown: tuple[SeatView, RoundReport | None] | None = None
    _width = 0

    def show(self, view: SeatView, report: RoundReport | None = None) -> None:
        self._shown = (view, report)
        self._draw()
        self.query_one("#map-text", Wrapped).update(lambda width: map_text(view, report, width))

    def _draw(self) -> None:
        if self._shown is None:
            return
        picture = seat_picture(*self._shown)
        self._width = self.size.width or self.app.size.width
        self.query_one("#map-drawing", Static).update(
            Group(draw_map(picture, max(60, self._width - 4)), Text(), legend(picture, max(40, self._width - 2))))

    def on_resize(self) -> None:
        """A larger terminal gets wider cells and whole names; a smaller one, narrower cells."""
        if self.size.width and self.size.width != self._width:
            self._draw()
