"""Timing helpers: medians of repeated runs, in milliseconds, with the garbage collector left on
(a game runs with it on) but collected before each sample so one run's garbage is not billed to the
next."""

import gc
import statistics
import time
from collections.abc import Callable


def sample_ms(action: Callable[[], object], repeats: int) -> list[float]:
    times = []
    for _ in range(repeats):
        gc.collect()
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000.0)
    return times


def median_ms(action: Callable[[], object], repeats: int) -> float:
    return statistics.median(sample_ms(action, repeats))


class Stopwatch:
    """Milliseconds accumulated over several timed sections."""

    def __init__(self) -> None:
        self.ms = 0.0
        self._start = 0.0

    def __enter__(self) -> "Stopwatch":
        self._start = time.perf_counter()
        return self

    def __exit__(self, *_: object) -> None:
        self.ms += (time.perf_counter() - self._start) * 1000.0
