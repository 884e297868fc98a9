"""How sure a lesson's verdict is: a margin between two tables with its standard error over the
games played, so that a verdict resting on a difference smaller than the spread between games says
so rather than passing for a finding."""

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

NOISE = 2.0
"""A margin smaller than this many standard errors (of its seed-by-seed differences) is within the
noise of the games played: the verdict it gives could turn with other seeds."""


@dataclass(frozen=True)
class Margin:
    """How far one figure is above another, over the games played."""

    value: float
    """The mean difference."""
    error: float | None
    """Its standard error (the differences' spread / sqrt(games)); None under 2 games."""
    games: int

    @property
    def within_noise(self) -> bool:
        return self.error is not None and abs(self.value) < NOISE * self.error


def margin(differences: Sequence[float], fallback: float) -> Margin:
    """The margin of game-by-game `differences` (two tables compared on the seeds both played, so
    that a game's own luck, a network that splits or a shock, cancels out of each); `fallback`, with
    no error, where no game pairs up."""
    if not differences:
        return Margin(fallback, None, 0)
    error = statistics.stdev(differences) / math.sqrt(len(differences)) if len(differences) >= 2 else None
    return Margin(statistics.fmean(differences), error, len(differences))


def pooled(margins: Sequence[Margin]) -> Margin:
    """The mean of several margins from independent tables, its error from theirs."""
    if not margins:
        return Margin(0.0, None, 0)
    value = statistics.fmean(m.value for m in margins)
    errors = [m.error for m in margins if m.error is not None]
    if len(errors) < len(margins):
        return Margin(value, None, margins[0].games)
    return Margin(value, math.sqrt(sum(e * e for e in errors)) / len(margins), margins[0].games)


def figures(*margins: Margin) -> dict[str, float]:
    """A lesson's `margin_se`, the largest standard error of the margins that decide its verdict (left
    out under 2 games), and `within_noise`, 1 when one of them is within the noise."""
    errors = [m.error for m in margins if m.error is not None]
    found: dict[str, float] = {"within_noise": float(any(m.within_noise for m in margins))}
    if errors:
        found["margin_se"] = round(max(errors), 1)
    return found


def note(margins: Sequence[Margin], baseline: float) -> str:
    """A detail's closing words when a margin that decides the verdict is within the noise."""
    close = [m for m in margins if m.within_noise and m.error is not None]
    if not close or baseline <= 0:
        return ""
    first = close[0]
    assert first.error is not None
    return (f" The margin ({first.value / baseline:+.2%} of the baseline) is within the noise of {first.games} games "
            f"(standard error {first.error / baseline:.2%}): more games (--games) would tell.")
