"""Pausing Python's cycle collector through work that makes many objects and no cycles: reading a
save, verifying one, the AI seats' passes.

Parsing a save creates hundreds of thousands of dicts and lists, and while they are alive every
collection walks all of them again: for a large save that doubled the time of `json.loads` and of
every round re-run beside it. AI seats build a view per seat and pass, and a large table spent a
third of its time collecting them. Reference counting still frees everything that is not a cycle;
the collector resumes afterwards, as it was, and collects any cycle then.
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
