"""Text whose long lines wrap under their own text, at the width the widget has.

Textual wraps a line back to the first column, so at 80 columns a bulleted or indented line ('  • you
adopted ...', '  ✓ entered into force: ...', '★ a1 ASEAN Convention ...') went on flush left and read
as a new heading or item. `hang` wraps each line itself, its continuation indented under the text
after the line's indent and bullet, at the width it is drawn at (`Hanging`); `Wrapped` is a `Static`
that shows its markup so, and may be given a function of the width for lines it lays out itself (the
Trust line, broken between its items: `text.item_lines`).
"""

import re
from collections.abc import Callable

from rich.cells import cell_len
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets import Static

BULLET = re.compile(r"( *)((?:[•✓✗…★⚠▲▼→·!?‼-]|\d+\.) )?")
"""A line's indent, and the bullet or mark after it that its continuation lines go under."""
WORD = re.compile(r"\S+\s*")

Source = str | Callable[[int], str]


def hang_width(plain: str) -> int:
    """The cells a line's continuation is indented by: its own indent and its bullet."""
    match = BULLET.match(plain)
    return cell_len(match.group(0)) if match else 0


def _breaks(plain: str, width: int, indent: int) -> list[int]:
    """Offsets where `plain` breaks into lines of `width` cells, the first one at full width and
    the others `indent` cells narrower: between words, inside a word only when it fills a line."""
    breaks: list[int] = []
    used, room = cell_len(plain) - cell_len(plain.lstrip()), width  # the line's own indent
    for match in WORD.finditer(plain):
        start, word = match.start(), match.group()
        size, bare = cell_len(word), cell_len(word.rstrip())
        if used and used + bare > room:
            breaks.append(start)
            used, room = 0, width - indent
        while bare > room and room > 0:  # a word longer than a line: cut it
            cut, taken = start, 0
            while cut < len(plain) and taken + cell_len(plain[cut]) <= room - used:
                taken += cell_len(plain[cut])
                cut += 1
            if cut == start:
                break
            breaks.append(cut)
            bare -= taken
            size -= taken
            start, used, room = cut, 0, width - indent
        used += size
    return breaks


def hang(markup: str, width: int) -> Content:
    """`markup` as Content, each line wrapped at `width` cells with its continuation lines under
    its text (`hang_width`); a line that fits, or a width too narrow to indent in, is left as it is."""
    content = Content.from_markup(markup)
    if width <= 0:
        return content
    lines: list[Content] = []
    for line in content.split("\n", allow_blank=True):
        plain = line.plain
        if cell_len(plain) <= width:
            lines.append(line)
            continue
        indent = hang_width(plain)
        if indent > width // 2:
            indent = 0
        pieces = line.divide(_breaks(plain, width, indent))
        lines.append(pieces[0].rstrip())
        lines.extend(piece.rstrip().pad_left(indent) for piece in pieces[1:] if piece.plain.strip())
    return Content("\n").join(lines)


class Hanging(Visual):
    """Markup (or a function from the width to markup) drawn as `hang` wraps it, at the width it is
    drawn at: a width read from the widget went stale when a scroll bar came or went."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self._kept: tuple[int, Content] | None = None

    def at(self, width: int) -> Content:
        if self._kept is None or self._kept[0] != width:
            markup = self.source(width) if callable(self.source) else self.source
            self._kept = (width, hang(markup, width))
        return self._kept[1]

    def __str__(self) -> str:
        """The text as written, unwrapped (what a test reads of `Static.render()`)."""
        return Content.from_markup(self.source(78) if callable(self.source) else self.source).plain

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        return self.at(width).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.at(container_width).get_optimal_width(rules, container_width)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self.at(width).get_height(rules, width)


class Wrapped(Static):
    """A `Static` whose lines wrap under their own text (`hang`) at the width it is drawn at:
    `update` takes markup, or a function from the width in cells to markup."""

    def __init__(self, source: Source = "", *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(Hanging(source), id=id, classes=classes)

    def update(self, content: object = "", *, layout: bool = True) -> None:
        if isinstance(content, str) or callable(content):
            content = Hanging(content)
        super().update(content, layout=layout)  # type: ignore[arg-type]
