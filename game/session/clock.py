"""A round timer: how long a team's turn (hot seat) or a round (network) may still take.

Only a clock for the people in the room: it never enters the game's state, the log or a hash. When it
runs out, the screen or the host ends the turn or the round as a team's `ready` or the
facilitator's `resolve` would, so the standing orders stand. The facilitator can pause it and add
time. The time source is passed in (`time.monotonic` in play), so the tests drive it by hand.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from time import monotonic

MINUTE = 60.0
MAX_MINUTES = 24 * 60
"""The longest timer a command line, the new-game screen or a save accepts: a day."""
EXTENSION = 2 * MINUTE
"""What the facilitator's "more time" key adds."""


@dataclass
class RoundClock:
    seconds: float
    """The time each turn or round is given."""
    now: Callable[[], float] = monotonic
    _left: float = field(default=0.0, init=False)
    _since: float | None = field(default=None, init=False)
    """When it last started running; None while paused."""

    def __post_init__(self) -> None:
        if not self.seconds > 0 or self.seconds != self.seconds or self.seconds == float("inf"):
            raise ValueError(f"a round timer needs a positive number of minutes, not {self.seconds / MINUTE:g}")
        self.restart()

    def restart(self) -> None:
        """A new turn or round: the full time, running."""
        self._left = self.seconds
        self._since = self.now()

    @property
    def paused(self) -> bool:
        return self._since is None

    def pause(self) -> None:
        if self._since is not None:
            self._left = self.left
            self._since = None

    def resume(self) -> None:
        if self._since is None:
            self._since = self.now()

    def extend(self, seconds: float = EXTENSION) -> None:
        self._left = self.left + seconds
        if self._since is not None:
            self._since = self.now()

    @property
    def left(self) -> float:
        """Seconds left, never below 0."""
        if self._since is None:
            return max(self._left, 0.0)
        return max(self._left - (self.now() - self._since), 0.0)

    @property
    def expired(self) -> bool:
        return self.left <= 0.0

    def text(self) -> str:
        """`4:05`, and `(paused)` after it while paused."""
        return clock_words(self.left, self.paused)


def clock_words(seconds: float, paused: bool = False) -> str:
    """Time left as a screen shows it: `4:05`, whole seconds rounded up, `(paused)` after it."""
    whole = int(seconds + 0.999)
    return f"{whole // 60}:{whole % 60:02d}" + (" (paused)" if paused else "")


def reading_words(done: int, teams: int, left: float, paused: bool = False) -> str:
    """The wait before a host's countdown, as every screen says it: `reading the report (2 of 3
    teams done, 1:30 at most)`; `left`: seconds of the reading allowance."""
    return (f"reading the report ({done} of {teams} team{'' if teams == 1 else 's'} done, "
            f"{clock_words(left, paused)} at most)")


def minutes(value: str) -> float:
    """A command line's `--turn-minutes` or `--round-minutes`: seconds, or ValueError saying why not."""
    try:
        number = float(value)
    except ValueError:
        raise ValueError(f"'{value}' is not a number of minutes") from None
    if not 0 < number <= MAX_MINUTES:  # also refuses nan and inf
        raise ValueError(f"'{value}': give more than 0 and at most {MAX_MINUTES} minutes")
    return number * MINUTE
