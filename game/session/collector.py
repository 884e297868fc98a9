"""Pausing Python's cycle collector while a save is built from its JSON or re-run in full.

Parsing a save creates hundreds of thousands of dicts and lists that form no cycle, and while they
are alive every collection walks all of them again: for a large save that doubled the time of
`json.loads` and of every round re-run beside it. Reference counting still frees everything that
is not a cycle; the collector resumes afterwards, as it was.
"""

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
