"""A measured figure beside its floor, and the verdict against its target.

A target is either an absolute bound on the figure (`ms <= 1`) or a bound on its ratio to the floor
(`<= 3x json.dumps`). Where a quick run measured a smaller case than the target speaks of, the
verdict says so instead of judging it.
"""

from dataclasses import asdict, dataclass
from typing import Any, Literal

Verdict = Literal["met", "MISSED", "quick", "n/a"]


@dataclass(frozen=True, slots=True)
class Target:
    limit: float
    on: Literal["value", "ratio"]
    text: str
    """As the issue states it, e.g. `<= 1 ms` or `<= 3x floor`."""


@dataclass(slots=True)
class Figure:
    key: str
    label: str
    value: float | None
    """None when it could not be measured (the note says why)."""
    unit: str
    floor: float | None = None
    floor_label: str = ""
    target: Target | None = None
    reduced: bool = False
    """Measured on a smaller case than the target's (a quick run): reported, not judged."""
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.value is None or self.floor is None or self.floor <= 0:
            return None
        return self.value / self.floor

    @property
    def verdict(self) -> Verdict:
        if self.target is None or self.value is None:
            return "n/a"
        if self.reduced:
            return "quick"
        measured = self.value if self.target.on == "value" else self.ratio
        if measured is None:
            return "n/a"
        return "met" if measured <= self.target.limit else "MISSED"

    def to_data(self) -> dict[str, Any]:
        data = asdict(self)
        data["target"] = asdict(self.target) if self.target else None
        data["ratio"] = self.ratio
        data["verdict"] = self.verdict
        return data


def number(value: float | None, unit: str = "") -> str:
    """A figure as people read it: three significant digits, no exponent."""
    if value is None:
        return "-"
    size = abs(value)
    text = f"{value:,.0f}" if size >= 100 else f"{value:.1f}" if size >= 10 else f"{value:.2f}" \
        if size >= 1 else f"{value:.3f}"
    return f"{text} {unit}".rstrip()


def table(figures: list[Figure]) -> str:
    """The figures as a fixed-width table, then each figure's notes."""
    header = ("figure", "value", "floor", "ratio", "target", "verdict")
    rows = [header]
    for figure in figures:
        ratio = figure.ratio
        rows.append((
            figure.label, number(figure.value, figure.unit),
            f"{number(figure.floor, figure.unit)} ({figure.floor_label})" if figure.floor is not None else "-",
            f"{ratio:.2f}x" if ratio is not None else "-",
            figure.target.text if figure.target else "-", figure.verdict,
        ))
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * width for width in widths))
    notes = [f"  {figure.label}: {figure.note}" for figure in figures if figure.note]
    if notes:
        lines += ["", "notes:", *notes]
    return "\n".join(lines)
