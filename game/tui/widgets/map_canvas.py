"""The map drawn in characters: each region's name at its place on the layout's grid with its
holder's letter and colour, faint lines between neighbours, the routes a team knows of in heavy
lines, and last round's displacement (the path given up crossed out, the new one dashed; a route
that lost only part of its trade stays a route). The
letters, line shapes and the legend carry the meaning; colour only repeats it."""

from itertools import pairwise

from rich.style import Style
from rich.text import Text

from game.scenario.map_layout import NO_HOLDER, MapPicture, ink_on, name_lines

CELL_HEIGHT = 3
"""Lines a grid row takes: up to two for a name, one for the lines running between rows."""
MIN_CELL, MAX_CELL = 10, 24

NEIGHBOUR = Style(color="grey50")
ROUTE = Style(color="#d62728", bold=True)
DROPPED = Style(color="grey62", strike=True)
OPENED = Style(color="#9467bd", bold=True)

THIN = {(1, 0): "─", (0, 1): "│", (1, 1): "╲", (1, -1): "╱"}
HEAVY = {(1, 0): "━", (0, 1): "┃", (1, 1): "╲", (1, -1): "╱"}
DASHED = {(1, 0): "┅", (0, 1): "┇", (1, 1): "╲", (1, -1): "╱"}
CROSSED = {(1, 0): "×", (0, 1): "×", (1, 1): "×", (1, -1): "×"}


def cell_width(columns: int, width: int) -> int:
    """As wide as the space allows, so the map fits an 80-column terminal and uses a larger one."""
    return max(MIN_CELL, min(MAX_CELL, width // max(1, columns)))


class Canvas:
    def __init__(self, width: int, height: int) -> None:
        self.chars = [[" "] * width for _ in range(height)]
        self.styles: list[list[Style | None]] = [[None] * width for _ in range(height)]

    def put(self, x: int, y: int, char: str, style: Style | None) -> None:
        if 0 <= y < len(self.chars) and 0 <= x < len(self.chars[y]):
            self.chars[y][x] = char
            self.styles[y][x] = style

    def line(self, start: tuple[int, int], end: tuple[int, int], glyphs: dict[tuple[int, int], str],
             style: Style) -> None:
        """Bresenham from `start` to `end`, each step drawn with the glyph of its direction."""
        (x0, y0), (x1, y1) = start, end
        dx, dy = abs(x1 - x0), -abs(y1 - y0)
        sx, sy = (1 if x1 > x0 else -1), (1 if y1 > y0 else -1)
        error = dx + dy
        x, y = x0, y0
        while (x, y) != (x1, y1):
            double = 2 * error
            step_x = step_y = 0
            if double >= dy:
                error += dy
                step_x = sx
            if double <= dx:
                error += dx
                step_y = sy
            x, y = x + step_x, y + step_y
            if (x, y) != (x1, y1):
                if step_y == 0:
                    key = (1, 0)
                elif step_x == 0:
                    key = (0, 1)
                else:
                    key = (1, 1 if step_x * step_y > 0 else -1)
                self.put(x, y, glyphs[key], style)

    def text(self) -> Text:
        out = Text(no_wrap=True, overflow="crop")
        for number, (chars, styles) in enumerate(zip(self.chars, self.styles, strict=True)):
            if number:
                out.append("\n")
            for char, style in zip(chars, styles, strict=True):
                out.append(char, style or "")
        out.rstrip()
        return out


def draw_map(picture: MapPicture, width: int) -> Text:
    """The map in `width` columns (or wider, scrolled, when its columns cannot be narrower)."""
    cells = picture.cells()
    if not cells:
        return Text("(no regions)")
    columns = max(c for c, _ in cells.values()) + 1
    rows = max(r for _, r in cells.values()) + 1
    wide = cell_width(columns, width)
    canvas = Canvas(columns * wide, rows * CELL_HEIGHT - 1)
    labels = {region: name_lines(picture.region_names.get(region, region), wide - 3) for region in cells}
    anchors = {region: (c * wide + min(wide - 2, 2 + len(labels[region][0])) // 2, r * CELL_HEIGHT)
               for region, (c, r) in cells.items()}

    def path(regions: tuple[str, ...], glyphs: dict[tuple[int, int], str], style: Style) -> None:
        for here, there in pairwise(regions):
            if here in anchors and there in anchors:
                canvas.line(anchors[here], anchors[there], glyphs, style)

    for place in picture.places:
        for other in place.neighbours:
            if place.id < other and other in anchors:
                canvas.line(anchors[place.id], anchors[other], THIN, NEIGHBOUR)
    for route in picture.routes:
        path(route.path, HEAVY, ROUTE)
    for move in picture.moves:
        if not move.kept:  # a route that lost only part of its trade stays drawn as a route
            path(move.dropped, CROSSED, DROPPED)
    for move in picture.moves:
        if move.opened:
            path(move.opened, DASHED, OPENED)
    for region, (c, r) in cells.items():
        holder = picture.holders.get(picture.controller.get(region) or "")
        letter, colour = (holder.letter, holder.colour) if holder else ("·", NO_HOLDER)
        yours = picture.yours is not None and picture.controller.get(region) == picture.yours
        mark = Style(color=ink_on(colour), bgcolor=colour, bold=True)
        name = Style(bold=yours, underline=yours)
        x, y = c * wide, r * CELL_HEIGHT
        for offset, line in enumerate(labels[region]):
            text = (f"{letter} " if offset == 0 else "  ") + line
            canvas.put(x - 1, y + offset, " ", None)
            for index, char in enumerate(text):
                style = mark if offset == 0 and index == 0 else name
                canvas.put(x + index, y + offset, char, style)
            canvas.put(x + len(text), y + offset, " ", None)
    return canvas.text()


def legend(picture: MapPicture, width: int = 78) -> Text:
    """Who holds what, and what each kind of line means, in words, each holder's letter and name on
    one line (wrapped by the terminal, mekong's 'Held by' line at 80 columns put Cambodia's letter
    at the end of one line and its name at the start of the next)."""
    out = Text()
    out.append("Held by: ")
    used = len("Held by: ")
    for holder in picture.holders.values():
        name = f" {holder.name}{' (you)' if holder.id == picture.yours else ''}  "
        if used + 3 + len(name.rstrip()) > width:
            out.append("\n         ")
            used = len("Held by: ")
        out.append(f" {holder.letter} ", Style(color=ink_on(holder.colour), bgcolor=holder.colour, bold=True))
        out.append(name)
        used += 3 + len(name)
    if used + len(" ·  no state") > width:
        out.append("\n         ")
    out.append(" · ", Style(color="black", bgcolor=NO_HOLDER))
    out.append(" no state\n")
    out.append("── ", NEIGHBOUR)
    out.append("neighbours  ")
    out.append("━━ ", ROUTE)
    out.append("a route you know of  " if picture.yours else "a route  ")
    out.append("×× ", DROPPED)
    out.append("given up  ")
    out.append("┅┅ ", OPENED)
    out.append("taken instead")
    return out
