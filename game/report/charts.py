"""Line charts as inline SVG: no script, no library, no network, so the debrief opens anywhere.

Each series has its own marker shape and dash pattern as well as its colour (Okabe-Ito, safe for
colour blindness), and the legend names it in text, so no reading depends on colour alone. Every
point carries a tooltip with its exact value, and the chart has a title and a text description for
screen readers.
"""

import math
from dataclasses import dataclass
from html import escape
from itertools import count

COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]
DASHES = ["", "7 4", "2 3", "10 3 2 3", "4 2", "12 4", "1 3"]
MARKERS = ["circle", "square", "triangle", "diamond", "down", "plus", "cross"]

_ids = count(1)


@dataclass(slots=True)
class Series:
    name: str
    values: list[float]


def nice_step(span: float, ticks: int = 5) -> float:
    """A round tick interval (1, 2, 2.5 or 5 times a power of ten) giving about `ticks` ticks."""
    if span <= 0:
        return 1.0
    raw = span / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * power:
            return float(factor * power)
    return float(10 * power)


def number(value: float) -> str:
    if abs(value) >= 10_000:
        return f"{value / 1000:,.0f}k"
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.1f}"


def marker(shape: str, x: float, y: float, colour: str, tip: str = "") -> str:
    title = f"<title>{escape(tip)}</title>" if tip else ""
    style = f'fill="{colour}" stroke="{colour}"'
    if shape == "circle":
        body = f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.6" {style}>{title}</circle>'
    elif shape == "square":
        body = f'<rect x="{x - 3.3:.1f}" y="{y - 3.3:.1f}" width="6.6" height="6.6" {style}>{title}</rect>'
    elif shape in ("triangle", "down", "diamond"):
        points = {
            "triangle": [(0, -4.6), (4.2, 3.4), (-4.2, 3.4)],
            "down": [(0, 4.6), (4.2, -3.4), (-4.2, -3.4)],
            "diamond": [(0, -4.8), (4.2, 0), (0, 4.8), (-4.2, 0)],
        }[shape]
        text = " ".join(f"{x + dx:.1f},{y + dy:.1f}" for dx, dy in points)
        body = f'<polygon points="{text}" {style}>{title}</polygon>'
    else:
        arms = [(-4, 0, 4, 0), (0, -4, 0, 4)] if shape == "plus" else [(-3.3, -3.3, 3.3, 3.3), (-3.3, 3.3, 3.3, -3.3)]
        lines = "".join(f'<line x1="{x + a:.1f}" y1="{y + b:.1f}" x2="{x + c:.1f}" y2="{y + d:.1f}"/>'
                        for a, b, c, d in arms)
        body = f'<g stroke="{colour}" stroke-width="2.2">{title}{lines}</g>'
    return body


def line_chart(title: str, rounds: list[int], series: list[Series], *, x_label: str, y_label: str,
               width: int = 680, height: int = 300, ticks: list[str] | None = None) -> str:
    """An SVG line chart of `series` over `rounds`, with axes, ticks, tooltips and a legend. `ticks`
    name the rounds on the axis (calendar years where the scenario gives them); without, the numbers,
    and the tooltips say `Year 3`."""
    ident = f"chart{next(_ids)}"
    names = ticks or [str(r) for r in rounds]
    when = ticks or [f"{x_label} {r}" for r in rounds]
    left, right, top = 70, 20, 34
    # the widest legend entry, estimated: 7 pixels a character at 12 px, plus the line sample
    widest = max((len(s.name) for s in series), default=0) * 7 + 44
    columns = max(1, min(len(series), (width - left - right) // widest))
    legend_rows = math.ceil(len(series) / columns)
    plot_bottom = height - 48
    total_height = height + 22 * legend_rows
    plot_w, plot_h = width - left - right, plot_bottom - top
    peak = max((v for s in series for v in s.values), default=0.0)
    step = nice_step(peak)
    top_value = max(step, math.ceil(peak / step) * step)

    def xpos(index: int) -> float:
        return left + (plot_w / 2 if len(rounds) == 1 else index * plot_w / (len(rounds) - 1))

    def ypos(value: float) -> float:
        return plot_bottom - value / top_value * plot_h

    desc = ". ".join(f"{s.name}: " + "; ".join(f"{w}: {number(v)}"
                                                for w, v in zip(when, s.values, strict=False)) for s in series)
    out = [
        f'<svg class="chart" role="img" aria-labelledby="{ident}-t {ident}-d" viewBox="0 0 {width} {total_height}" '
        f'width="{width}" height="{total_height}" font-family="system-ui, sans-serif" font-size="12">',
        f'<title id="{ident}-t">{escape(title)}</title><desc id="{ident}-d">{escape(desc)}</desc>',
        f'<text x="{left}" y="18" font-size="14" font-weight="600">{escape(title)}</text>',
    ]
    for tick in range(round(top_value / step) + 1):
        value = tick * step
        y = ypos(value)
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{number(value)}</text>')
    for index, name in enumerate(names):
        x = xpos(index)
        out.append(f'<line x1="{x:.1f}" y1="{plot_bottom}" x2="{x:.1f}" y2="{plot_bottom + 4}" stroke="#333"/>')
        out.append(f'<text x="{x:.1f}" y="{plot_bottom + 17}" text-anchor="middle">{escape(name)}</text>')
    out.append(f'<line x1="{left}" y1="{plot_bottom}" x2="{width - right}" y2="{plot_bottom}" stroke="#333"/>')
    out.append(f'<line x1="{left}" y1="{top}" x2="{left}" y2="{plot_bottom}" stroke="#333"/>')
    out.append(f'<text x="{left + plot_w / 2:.1f}" y="{plot_bottom + 34}" text-anchor="middle">'
               f'{escape(x_label)}</text>')
    out.append(f'<text transform="translate(16 {top + plot_h / 2:.1f}) rotate(-90)" text-anchor="middle">'
               f'{escape(y_label)}</text>')
    for number_, line in enumerate(series):
        colour, dash, shape = (COLOURS[number_ % len(COLOURS)], DASHES[number_ % len(DASHES)],
                               MARKERS[number_ % len(MARKERS)])
        points = [(xpos(i), ypos(v)) for i, v in enumerate(line.values[:len(rounds)])]
        dashed = f' stroke-dasharray="{dash}"' if dash else ""
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"{dashed}/>')
        for (x, y), moment, value in zip(points, when, line.values, strict=False):
            out.append(marker(shape, x, y, colour, f"{line.name}, {moment}: {number(value)}"))
        row, column = divmod(number_, columns)
        lx = left + column * (plot_w / columns)
        ly = height + 4 + row * 22
        out.append(f'<line x1="{lx:.1f}" y1="{ly:.1f}" x2="{lx + 28:.1f}" y2="{ly:.1f}" stroke="{colour}" '
                   f'stroke-width="2"{dashed}/>')
        out.append(marker(shape, lx + 14, ly, colour))
        out.append(f'<text x="{lx + 34:.1f}" y="{ly + 4:.1f}">{escape(line.name)}</text>')
    out.append("</svg>")
    return "".join(out)
