"""Timing helpers: medians of repeated runs, in milliseconds, with the garbage collector left on
(a game runs with it on) but collected before each sample so one run's garbage is not billed to the
next.

Work that only computes is timed on this process's CPU clock (`cpu`): on a shared machine, time
spent waiting for a core while another process runs is not the code's, and wall time would bill it.
Work that waits on the disk (save, load) or spans processes (the TUI, `--jobs`) is timed on the
wall clock (`wall`), since the wait is part of what it costs.
"""

import gc
import statistics
import time
from collections.abc import Callable

Clock = Callable[[], float]
cpu: Clock = time.process_time
wall: Clock = time.perf_counter


def sample_ms(action: Callable[[], object], repeats: int, clock: Clock = cpu) -> list[float]:
    times = []
    for _ in range(repeats):
        gc.collect()
        start = clock()
        action()
        times.append((clock() - start) * 1000.0)
    return times


def median_ms(action: Callable[[], object], repeats: int, clock: Clock = cpu) -> float:
    return statistics.median(sample_ms(action, repeats, clock))


class Stopwatch:
    """Milliseconds accumulated over several timed sections."""

    def __init__(self, clock: Clock = cpu) -> None:
        self.ms = 0.0
        self._clock = clock
        self._start = 0.0

    def __enter__(self) -> "Stopwatch":
        self._start = self._clock()
        return self

    def __exit__(self, *_: object) -> None:
        self.ms += (self._clock() - self._start) * 1000.0
