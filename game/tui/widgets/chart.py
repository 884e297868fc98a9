"""Charts a terminal can draw: a column chart of one series and labelled sparklines, with the
numbers always printed beside the glyphs so a reader never needs to judge a bar's height. Both name
their axes: the rounds as the scenario names them under the round label ("year": 1 2 3, or 2020
2021 where the scenario gives a start year), and the unit of the figures."""

from dataclasses import dataclass

from game.model.rounds import round_tick
from game.tui.text import BLOCKS, escape, num, sparkline

COLUMN = 7
"""Characters a value of the figures table takes (a space parts two)."""

REPORT_WIDTH = 76
"""Characters a line of a round report holds at 80 columns, beside the scroll bar and the margins."""


@dataclass(slots=True)
class Series:
    name: str
    values: list[float]


def column_chart(title: str, rounds: list[int], values: list[float], *, height: int = 4, label: str = "round",
                 unit: str = "", start_year: int | None = None) -> str:
    """A small column chart, one column of width 6 a round: the values on top after the unit, the
    columns, and the rounds below after the round label, so that each axis says what it counts."""
    if not values:
        return f"[b]{escape(title)}[/]: nothing yet"
    gutter = max(len(unit), len(label)) + 1
    top = max(values) or 1.0
    levels = [v / top * height * 8 for v in values]
    rows = [f"[b]{escape(title)}[/]", f"{escape(unit):<{gutter}}" + "".join(f"{_short(v):>6}" for v in values)]
    for row in range(height, 0, -1):
        cells = []
        for level in levels:
            fill = level - (row - 1) * 8
            glyph = "█" if fill >= 8 else BLOCKS[max(0, int(fill))] if fill > 0 else " "
            cells.append(f"  {glyph * 3} ")
        rows.append(" " * gutter + "".join(cells))
    rows.append(f"{escape(label):<{gutter}}" + "".join(f"{round_tick(label, r, start_year):>5} " for r in rounds))
    return "\n".join(rows)


def spark_table(rounds: list[int], series: list[Series], label: str, start_year: int | None = None,
                width: int = REPORT_WIDTH) -> str:
    """A row a series: its name (with its unit), a sparkline over the rounds, and every value in
    words, under a head naming the rounds as the scenario does. Where the values of every round would
    run past `width` (mekong's ten years at 80 columns wrapped each row onto a second line, the
    numbers no longer under their year), only the latest rounds' values are written, the sparkline
    still drawing every round, and a last line says so."""
    if not rounds:
        return ""
    name_width = max(len(label), *(len(s.name) for s in series))
    fixed = name_width + 2 + len(rounds) + 2
    fits = max(1, (width - fixed + 1) // (COLUMN + 1))
    shown = rounds[-fits:]
    cut = len(rounds) - len(shown)
    head = f"{escape(label):<{name_width}}  {'':<{len(rounds)}}  " + " ".join(
        f"{round_tick(label, r, start_year):<{COLUMN}}" for r in shown)
    lines = [head.rstrip()]
    for item in series:
        values = " ".join(f"{_short(v):<{COLUMN}}" for v in item.values[cut:])
        lines.append(f"{escape(item.name):<{name_width}}  {sparkline(item.values)}  {values}".rstrip())
    if cut:
        lines.append(f"(the figures of the last {len(shown)} {label}s; the glyphs draw all {len(rounds)})")
    return "\n".join(lines)


def _short(value: float) -> str:
    if abs(value) >= 100_000:
        return f"{value / 1000:.0f}k"
    if abs(value) >= 10_000:
        return f"{value / 1000:.1f}k"
    return num(value)
