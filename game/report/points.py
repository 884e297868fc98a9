"""Points as every screen and report writes them: to the hundredth, as a budget is typed and held
('Hold every level' fills hundredths), trailing zeros dropped ('9', '7.2', '8.39', '1,250.5'). The
dashboard wrote an allocation of 7.2 '7.20' beside the budget tab's '7.2'; the debrief's 'allocated
19.9857 points' stood beside the tab's 'Allocated 19.99'. One rule here, for the TUI and the reports."""

import math


def points_figure(value: float) -> str:
    """A number of points: to the hundredth, thousands separated. A figure that is not finite (which
    the rules never let in) is written as it is, and a typing slip (1e99) in one short word."""
    if not math.isfinite(value):
        return str(value)
    if abs(value) >= 1e15:
        return f"{value:.3g}"
    figure = f"{round(value, 2) + 0.0:,.2f}".rstrip("0").rstrip(".")
    return "0" if figure == "-0" else figure


def points_words(value: float) -> str:
    """A number of points with its noun: '1 point', '2.5 points' (never '1 points')."""
    figure = points_figure(value)
    return f"{figure} point" if figure == "1" else f"{figure} points"


def points_short(value: float, width: int = 0) -> str:
    """Points abbreviated, as in a column: '0.6 pts', '1 point' (never '1 pts'), the figure
    right-aligned in `width` cells."""
    figure = points_figure(value)
    return f"{figure:>{width}} {'point' if figure == '1' else 'pts'}"
