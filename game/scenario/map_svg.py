"""The map as SVG for the debrief and the class briefing: the same layout as the terminal's Map tab (`map_layout`), each
region a box in its holder's colour with the holder's letter, neighbours joined by thin lines, the
routes as arrows as thick as their flow, and the game's displacement (the path given up dashed
grey, the new path dashed purple). Inline, no script, no font fetched: it prints and opens offline."""

from html import escape
from itertools import pairwise

from game.model.report import RoundReport
from game.model.scenario import Scenario
from game.scenario.map_layout import (
    NO_HOLDER,
    MapMove,
    MapPicture,
    MapRoute,
    Place,
    holder_keys,
    ink_on,
    name_lines,
)

CELL_W, CELL_H = 180, 86
BOX_W, BOX_H = 156, 42
MARGIN = 14
ROUTE_COLOUR, OPENED_COLOUR, DROPPED_COLOUR = "#d62728", "#9467bd", "#8a8a8a"
KEY_CHAR_W = 6.8
"""The width of a character of the legend at 12 px in a sans-serif, a little generous, in pixels."""

Point = tuple[float, float]


def game_picture(scenario: Scenario, reports: list[RoundReport]) -> MapPicture:
    """The whole class's map after the game: the routes the networks held at the end with their
    true flows, and every move they made away from pressure, round by round."""
    routes: list[MapRoute] = []
    if reports:
        routes = [MapRoute(tuple(route.path), route.form, float(route.flow))
                  for network in reports[-1].networks.values() for route in network.routes
                  if route.held and route.flow > 0]
    moves = [MapMove(report.round, move.network, move.form, tuple(move.dropped),
                     tuple(move.opened) if move.opened else None)
             for report in reports for move in report.displacement]
    return MapPicture(
        places=[Place(r.id, tuple(r.neighbours), r.position, r.vulnerability) for r in scenario.regions],
        region_names={r.id: r.name for r in scenario.regions},
        controller={r.id: r.controlled_by for r in scenario.regions},
        holders=holder_keys((s.id, s.name) for s in scenario.states),
        routes=routes, moves=moves,
    )


def _centre(cell: tuple[int, int]) -> Point:
    return MARGIN + cell[0] * CELL_W + BOX_W / 2, MARGIN + cell[1] * CELL_H + BOX_H / 2


def _clipped(start: Point, end: Point, shift: float = 0.0) -> tuple[Point, Point]:
    """The segment between two boxes' centres, moved `shift` px sideways, cut at the boxes' edges."""
    dx, dy = end[0] - start[0], end[1] - start[1]
    length = max(1e-9, (dx * dx + dy * dy) ** 0.5)
    nx, ny = -dy / length * shift, dx / length * shift
    t = min((BOX_W / 2 + 3) / abs(dx) if dx else 1.0, (BOX_H / 2 + 3) / abs(dy) if dy else 1.0, 0.45)
    return ((start[0] + dx * t + nx, start[1] + dy * t + ny), (end[0] - dx * t + nx, end[1] - dy * t + ny))


def _polyline(points: list[Point]) -> str:
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in points)


def _path_points(path: tuple[str, ...], centres: dict[str, Point], shift: float) -> list[Point]:
    points: list[Point] = []
    for here, there in pairwise(path):
        if here in centres and there in centres:
            start, end = _clipped(centres[here], centres[there], shift)
            points += [start, end]
    return points


def map_svg(picture: MapPicture, *, label: str = "round", caption: str = "") -> str:
    """The picture as one inline <svg> (inline in HTML, so without a namespace: the debrief links
    to nothing), with a legend under it."""
    cells = picture.cells()
    if not cells:
        return ""
    columns = max(c for c, _ in cells.values()) + 1
    rows = max(r for _, r in cells.values()) + 1
    width = max(2 * MARGIN + (columns - 1) * CELL_W + BOX_W, 2 * MARGIN + 3 * 230)
    map_height = 2 * MARGIN + (rows - 1) * CELL_H + BOX_H
    legend, legend_height = _legend(picture, map_height, label, width)
    height = map_height + legend_height + 8
    centres = {region: _centre(cell) for region, cell in cells.items()}
    title = caption or "Map"
    # its own max-width: a page that forgets the rule (the briefing did) still shows it whole at 1024 px
    out = [f'<svg class="map" viewBox="0 0 {width} {height}" width="{width}" '
           f'height="{height}" style="max-width:100%;height:auto" role="img" aria-label="{escape(title)}" '
           'font-family="system-ui, sans-serif" font-size="12">', f"<title>{escape(title)}</title>",
           "<defs>" + "".join(
               f'<marker id="arrow-{name}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="11" '
               f'markerHeight="11" markerUnits="userSpaceOnUse" orient="auto-start-reverse">'
               f'<path d="M0,0 L10,5 L0,10 z" fill="{colour}"/></marker>'
               for name, colour in (("route", ROUTE_COLOUR), ("opened", OPENED_COLOUR))) + "</defs>"]
    drawn: set[tuple[str, str]] = set()
    for place in picture.places:
        for other in place.neighbours:
            pair = (min(place.id, other), max(place.id, other))
            if other in centres and pair not in drawn:
                drawn.add(pair)
                start, end = _clipped(centres[place.id], centres[other])
                out.append(f'<line x1="{start[0]:.1f}" y1="{start[1]:.1f}" x2="{end[0]:.1f}" y2="{end[1]:.1f}" '
                           'stroke="#c8c8c8" stroke-width="1.5"/>')
    top = max((route.flow for route in picture.routes), default=1.0) or 1.0
    for index, route in enumerate(picture.routes):
        points = _path_points(route.path, centres, ((index % 5) - 2) * 3.0)
        if len(points) < 2:
            continue
        names = " → ".join(picture.region_names.get(r, r) for r in route.path)
        flow = f"about {route.flow:,.0f}" + (f" ({route.low:,.0f} to {route.high:,.0f})"
                                             if route.low is not None and route.high is not None else "")
        out.append(f'<polyline points="{_polyline(points)}" fill="none" stroke="{ROUTE_COLOUR}" stroke-opacity=".7" '
                   f'stroke-width="{1.5 + 7 * route.flow / top:.1f}" stroke-linejoin="round" '
                   f'marker-end="url(#arrow-route)"><title>{escape(route.form)}: {escape(names)}, {escape(flow)} '
                   f'people a {escape(label)}</title></polyline>')
        mid = flow_label_point(points)
        out.append(f'<text x="{mid[0]:.1f}" y="{mid[1] + 3:.1f}" font-size="10" fill="{ROUTE_COLOUR}" '
                   f'text-anchor="middle" stroke="#fff" stroke-width="3" paint-order="stroke">'
                   f'{route.flow:,.0f}</text>')
    on_top: list[str] = []
    """Written after the boxes, so that no box hides them."""
    for move in picture.moves:
        dropped = _path_points(move.dropped, centres, 6.0)
        if len(dropped) >= 2:
            out.append(f'<polyline points="{_polyline(dropped)}" fill="none" stroke="{DROPPED_COLOUR}" '
                       f'stroke-width="2" stroke-dasharray="2 4"><title>{escape(label)} {move.round}: '
                       f'{escape(move.network)} gave up this {escape(move.form)} path</title></polyline>')
        opened = _path_points(move.opened or (), centres, -6.0)
        if len(opened) >= 2:
            out.append(f'<polyline points="{_polyline(opened)}" fill="none" stroke="{OPENED_COLOUR}" '
                       f'stroke-width="2.5" stroke-dasharray="7 4" marker-end="url(#arrow-opened)">'
                       f'<title>{escape(label)} {move.round}: {escape(move.network)} moved its '
                       f'{escape(move.form)} flow here</title></polyline>')
            end = opened[-1]
            on_top.append(f'<text x="{end[0]:.1f}" y="{end[1] + 12:.1f}" font-size="10" fill="{OPENED_COLOUR}" '
                       f'stroke="#fff" stroke-width="3" paint-order="stroke">{escape(label)} {move.round}</text>')
    for region, (x, y) in centres.items():
        holder = picture.holders.get(picture.controller.get(region) or "")
        colour, letter = (holder.colour, holder.letter) if holder else (NO_HOLDER, "·")
        left, top_y = x - BOX_W / 2, y - BOX_H / 2
        lines = name_lines(picture.region_names.get(region, region), 19)
        out.append(f'<g><title>{escape(picture.region_names.get(region, region))}: '
                   f'{escape(holder.name if holder else "no state")}</title>'
                   f'<rect x="{left:.1f}" y="{top_y:.1f}" width="{BOX_W}" height="{BOX_H}" rx="6" fill="#fff"/>'
                   f'<rect x="{left:.1f}" y="{top_y:.1f}" width="{BOX_W}" height="{BOX_H}" rx="6" fill="{colour}" '
                   f'fill-opacity=".18" stroke="{colour}" stroke-width="2"/>'
                   f'<rect x="{left:.1f}" y="{top_y:.1f}" width="20" height="{BOX_H}" rx="6" fill="{colour}"/>'
                   f'<text x="{left + 10:.1f}" y="{y + 4:.1f}" text-anchor="middle" font-weight="700" '
                   f'fill="{ink_on(colour)}">{escape(letter)}</text>')
        first = y + 4 - 7 * (len(lines) - 1)
        for number, line in enumerate(lines):
            out.append(f'<text x="{left + 26:.1f}" y="{first + 14 * number:.1f}">{escape(line)}</text>')
        out.append("</g>")
    out += on_top
    out += legend
    out.append("</svg>")
    return "".join(out)


def flow_label_point(points: list[Point]) -> Point:
    """Where a route's flow is written: the middle of its middle stretch between two boxes (the
    points come in pairs, one pair a hop, each cut at the boxes' edges), so the figure sits in the
    open and not on a region's name."""
    hop = (len(points) // 2 - 1) // 2
    (x1, y1), (x2, y2) = points[2 * hop], points[2 * hop + 1]
    return (x1 + x2) / 2, (y1 + y2) / 2


def legend_keys(picture: MapPicture, label: str) -> list[tuple[str, str, str]]:
    """The line styles the drawing uses, and only those: a briefing without routes explains none."""
    keys = []
    if picture.routes:
        keys.append((ROUTE_COLOUR, "", "a route (width: its flow, people a " + label + ")"))
    if any(move.dropped for move in picture.moves):
        keys.append((DROPPED_COLOUR, "2 4", "a path given up under pressure"))
    if any(move.opened for move in picture.moves):
        keys.append((OPENED_COLOUR, "7 4", "the path taken instead, with the " + label))
    return keys


def _legend(picture: MapPicture, top: float, label: str, width: float) -> tuple[list[str], float]:
    """The holders' colours four to a row, then the line styles, wrapped to the drawing's width; and
    the height they take."""
    out = []
    y = top + 16
    entries = [(h.letter, h.colour, h.name) for h in picture.holders.values()] + [("·", NO_HOLDER, "no state")]
    for index, (letter, colour, name) in enumerate(entries):
        x = MARGIN + (index % 4) * 170
        row_y = y + (index // 4) * 20
        out.append(f'<rect x="{x}" y="{row_y - 11}" width="16" height="15" rx="3" fill="{colour}"/>'
                   f'<text x="{x + 8}" y="{row_y}" text-anchor="middle" font-weight="700" '
                   f'fill="{ink_on(colour)}">{escape(letter)}</text>'
                   f'<text x="{x + 22}" y="{row_y}">{escape(name)}</text>')
    y += ((len(entries) + 3) // 4) * 20
    x = MARGIN
    keys = legend_keys(picture, label)
    for colour, dash, words in keys:
        needed = 48 + round(KEY_CHAR_W * len(words))
        if x > MARGIN and x + needed - 16 > width - MARGIN:
            x, y = MARGIN, y + 20
        out.append(f'<line x1="{x}" y1="{y - 4}" x2="{x + 26}" y2="{y - 4}" stroke="{colour}" stroke-width="3" '
                   f'stroke-dasharray="{dash or "none"}"/><text x="{x + 32}" y="{y}">{escape(words)}</text>')
        x += needed
    return out, y - top - (0 if keys else 20)


def map_figure(picture: MapPicture, label: str, rounds: int) -> str:
    """The debrief's map section: the drawing and a sentence saying what it shows."""
    when = f"at the end of {label} {rounds}" if rounds else "before play"
    caption = (f"The map {when}: who holds each region, the routes the networks held with their true flows "
               f"(people a {label}), and every move away from pressure.")
    return (f"<h2>The map</h2><figure>{map_svg(picture, label=label, caption=caption)}"
            f"<figcaption>{escape(caption)}</figcaption></figure>")


def briefing_figure(scenario: Scenario) -> str:
    """The class briefing's map: the regions and who holds each, no route (the networks' routes are
    each team's to discover through its intelligence), with the debrief's layout."""
    picture = game_picture(scenario, [])
    caption = ("The map: who holds each region. The routes are not shown: each team learns of those that "
               "touch its territory, or that partners share, during the game.")
    return (f"<h2>The map</h2><figure>{map_svg(picture, label=scenario.round_label, caption=caption)}"
            f"<figcaption>{escape(caption)}</figcaption></figure>")
