"""Where the drawn map puts each region, and what it draws there: one layout for the terminal's Map
tab and for the SVG in the debrief, so a class sees the same picture on the screen and on paper.

A scenario may place regions itself (`position: [column, row]`); the rest are placed here, from the
neighbour graph alone, deterministically (no random draw, no dependence on dict order): layered by
distance from the most vulnerable region (where trafficking starts), ordered within a layer by the
places of their neighbours, snapped to a grid of columns and rows.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import count

Cell = tuple[int, int]
"""(column, row): column 0 is the west, row 0 the north."""

HOLDER_COLOURS = ("#e69f00", "#56b4e9", "#009e73", "#cc79a7", "#0072b2", "#d55e00", "#999933", "#882255",
                  "#44aa99", "#aa4499", "#117733", "#332288")
"""Okabe-Ito first, then Tol's muted set: told apart by most colour-blind readers too."""
NO_HOLDER = "#888888"


@dataclass(frozen=True, slots=True)
class Place:
    """A region as the layout needs it."""

    id: str
    neighbours: tuple[str, ...]
    position: Cell | None = None
    vulnerability: float = 0.0


@dataclass(frozen=True, slots=True)
class Holder:
    """How the map marks a state's regions: a letter (the terminal without colour) and a colour."""

    id: str
    name: str
    letter: str
    colour: str


@dataclass(frozen=True, slots=True)
class MapRoute:
    path: tuple[str, ...]
    form: str
    flow: float
    low: float | None = None
    high: float | None = None
    """The range of an estimate; None where the flow is the true figure (the debrief)."""


@dataclass(frozen=True, slots=True)
class MapMove:
    """A network moving away from pressure: the path it gave up and the one it took (None: lost)."""

    round: int
    network: str
    form: str
    dropped: tuple[str, ...]
    opened: tuple[str, ...] | None
    kept: bool = False
    """Only part of the trade moved and the route stays (`Displacement.cause` `site`): not given up."""


@dataclass(slots=True)
class MapPicture:
    """Everything one drawing of the map shows; the renderers only decide how."""

    places: list[Place]
    region_names: dict[str, str]
    controller: dict[str, str | None]
    holders: dict[str, Holder]
    routes: list[MapRoute] = field(default_factory=list)
    moves: list[MapMove] = field(default_factory=list)
    yours: str | None = None
    """The seat looking at it, whose regions are marked ★ (None: the whole class)."""

    def cells(self) -> dict[str, Cell]:
        return layout(self.places)


def holder_keys(states: Iterable[tuple[str, str]]) -> dict[str, Holder]:
    """A letter and a colour per state, in the order of their names (the same for every seat and
    the debrief): the first free letter of its name, so Thailand is T and Myanmar M, and a second
    state starting with T takes another of its letters."""
    taken: set[str] = set()
    keys: dict[str, Holder] = {}
    for index, (state_id, name) in enumerate(sorted(states, key=lambda s: (s[1], s[0]))):
        letters = [c.upper() for c in name + state_id if c.isalnum()] + [str(d) for d in range(10)]
        letter = next((c for c in letters if c not in taken), "?")
        taken.add(letter)
        keys[state_id] = Holder(state_id, name, letter, HOLDER_COLOURS[index % len(HOLDER_COLOURS)])
    return keys


def ink_on(colour: str) -> str:
    """Black or white, whichever reads better on `colour` (`#rrggbb`) by the WCAG contrast ratio: a
    holder's letter was black on every colour, 4.2:1 on Okabe-Ito's blue and 1.8:1 on Tol's indigo."""
    def channel(hex_pair: str) -> float:
        value = int(hex_pair, 16) / 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(colour[i:i + 2]) for i in (1, 3, 5))
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return "#000000" if (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) else "#ffffff"


def name_lines(name: str, room: int) -> list[str]:
    """A name in at most two lines of `room` characters: whole if it fits, else its first part
    ('Mae Sot and Tak province' -> 'Mae Sot'), else its first words ending in …."""
    for candidate in (name, *_first_parts(name)):
        lines = _wrapped(candidate, room)
        if len(lines) <= 2:
            return lines
    lines = _wrapped(min((name, *_first_parts(name)), key=len), room)[:2]
    lines[-1] = lines[-1][:room - 1] + "…"
    return lines


def _first_parts(name: str) -> list[str]:
    return [name.split(cut)[0].strip() for cut in (" (", ",", " and ", " & ") if cut in name]


def _wrapped(name: str, room: int) -> list[str]:
    """Words filled into lines of `room` characters; a word longer than a line is cut."""
    lines: list[str] = []
    for word in name.split():
        word = word if len(word) <= room else word[:room - 1] + "…"
        if lines and len(lines[-1]) + 1 + len(word) <= room:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def layout(places: Sequence[Place]) -> dict[str, Cell]:
    """Each region's cell, with the top-left cell used at (0, 0). Given positions are kept; the
    others are placed automatically (`_layered` when none is given, else next to their neighbours)."""
    if not places:
        return {}
    neighbours = _symmetric(places)
    fixed = {p.id: p.position for p in places if p.position is not None}
    cells = _around(places, neighbours, dict(fixed)) if fixed else _layered(places, neighbours)
    left = min(c for c, _ in cells.values())
    top = min(r for _, r in cells.values())
    return {region: (c - left, r - top) for region, (c, r) in cells.items()}


def _symmetric(places: Sequence[Place]) -> dict[str, list[str]]:
    known = {p.id for p in places}
    links: dict[str, set[str]] = {p.id: set() for p in places}
    for place in places:
        for other in place.neighbours:
            if other in known and other != place.id:
                links[place.id].add(other)
                links[other].add(place.id)
    return {region: sorted(others) for region, others in links.items()}


def _layered(places: Sequence[Place], neighbours: dict[str, list[str]]) -> dict[str, Cell]:
    """Columns by distance from each component's most vulnerable region, rows ordered so that a
    region sits near its neighbours in the column before (and after), components stacked."""
    vulnerability = {p.id: p.vulnerability for p in places}
    unplaced = sorted(vulnerability, key=lambda r: (-vulnerability[r], r))
    cells: dict[str, Cell] = {}
    top = 0
    while unplaced:
        root = unplaced[0]
        layers = _bfs_layers(root, neighbours)
        _order(layers, neighbours)
        height = max(len(layer) for layer in layers)
        for column, layer in enumerate(layers):
            offset = (height - len(layer)) // 2
            for index, region in enumerate(layer):
                cells[region] = (column, top + offset + index)
        top += height
        done = {region for layer in layers for region in layer}
        unplaced = [r for r in unplaced if r not in done]
    return cells


def _bfs_layers(root: str, neighbours: dict[str, list[str]]) -> list[list[str]]:
    layers = [[root]]
    seen = {root}
    while True:
        following = sorted({n for r in layers[-1] for n in neighbours[r] if n not in seen})
        if not following:
            return layers
        seen.update(following)
        layers.append(following)


def _order(layers: list[list[str]], neighbours: dict[str, list[str]]) -> None:
    """Barycentre sweeps, down and up and down: fewer crossings, the same result every time."""
    def sweep(indices: Iterable[int], step: int) -> None:
        for i in indices:
            before = {region: n for n, region in enumerate(layers[i - step])}
            centres = {region: _centre(region, before, neighbours) for region in layers[i]}
            layers[i].sort(key=lambda region: (centres[region], region))

    for _ in range(2):
        sweep(range(1, len(layers)), 1)
        sweep(range(len(layers) - 2, -1, -1), -1)
    sweep(range(1, len(layers)), 1)


def _centre(region: str, before: dict[str, int], neighbours: dict[str, list[str]]) -> float:
    """The mean place of a region's neighbours in the layer next to it (those without any go last)."""
    near = [before[n] for n in neighbours[region] if n in before]
    return sum(near) / len(near) if near else len(before)


def _around(places: Sequence[Place], neighbours: dict[str, list[str]], cells: dict[str, Cell]) -> dict[str, Cell]:
    """The regions a scenario did not place go to the free cell nearest the middle of their placed
    neighbours, those next to placed ones first; a region with none goes to the east of the map."""
    taken = set(cells.values())
    pending = [p.id for p in places if p.id not in cells]
    while pending:
        pending.sort(key=lambda r: (-sum(n in cells for n in neighbours[r]), r))
        region = pending.pop(0)
        near = [cells[n] for n in neighbours[region] if n in cells]
        if near:
            aim = (sum(c for c, _ in near) / len(near), sum(r for _, r in near) / len(near))
        else:
            aim = (max(c for c, _ in taken) + 1.0, 0.0)
        cell = _nearest_free(aim, taken)
        cells[region] = cell
        taken.add(cell)
    return cells


def _nearest_free(aim: tuple[float, float], taken: set[Cell]) -> Cell:
    x, y = round(aim[0]), round(aim[1])
    for radius in count():
        ring = [(c, r) for c in range(x - radius, x + radius + 1) for r in range(max(0, y - radius), y + radius + 1)
                if max(abs(c - x), abs(r - y)) == radius and c >= 0 and (c, r) not in taken]
        if ring:
            return min(ring, key=lambda cell: ((cell[0] - aim[0]) ** 2 + (cell[1] - aim[1]) ** 2, cell[1], cell[0]))
    raise AssertionError("count() never ends")
