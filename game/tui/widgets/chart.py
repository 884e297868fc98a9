"""Charts a terminal can draw: a column chart of one series and labelled sparklines, with the
numbers always printed beside the glyphs so a reader never needs to judge a bar's height."""

from dataclasses import dataclass

from game.tui.text import BLOCKS, escape, num, sparkline


@dataclass(slots=True)
class Series:
    name: str
    values: list[float]


def column_chart(title: str, rounds: list[int], values: list[float], *, height: int = 4, label: str = "") -> str:
    """A small column chart, one column of width 5 a round, with its value on top and the round below."""
    if not values:
        return f"[b]{escape(title)}[/]: nothing yet"
    top = max(values) or 1.0
    levels = [v / top * height * 8 for v in values]
    rows = [f"[b]{escape(title)}[/]", "".join(f"{_short(v):>6}" for v in values)]
    for row in range(height, 0, -1):
        cells = []
        for level in levels:
            fill = level - (row - 1) * 8
            glyph = "█" if fill >= 8 else BLOCKS[max(0, int(fill))] if fill > 0 else " "
            cells.append(f"  {glyph * 3} ")
        rows.append("".join(cells))
    rows.append("".join(f"{label[:1].upper()}{r:>4} " for r in rounds))
    return "\n".join(rows)


def spark_table(rounds: list[int], series: list[Series], label: str) -> str:
    """A row a series: its name, a sparkline over the rounds, and every value in words."""
    if not rounds:
        return ""
    width = max(len(s.name) for s in series)
    head = f"{'':<{width}}  {'':<{len(rounds)}}  " + " ".join(f"{label[:1].upper()}{r:<6}" for r in rounds)
    lines = [head.rstrip()]
    for item in series:
        values = " ".join(f"{_short(v):<7}" for v in item.values)
        lines.append(f"{escape(item.name):<{width}}  {sparkline(item.values)}  {values}".rstrip())
    return "\n".join(lines)


def _short(value: float) -> str:
    if abs(value) >= 100_000:
        return f"{value / 1000:.0f}k"
    if abs(value) >= 10_000:
        return f"{value / 1000:.1f}k"
    return num(value)
