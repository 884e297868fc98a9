"""Group commit: the host acknowledges a change only once it is on disk, and the changes that arrive
while one save is being written share the next one.

At the hot seat the session saves after every order (an fsync of the file and of its folder, about
15 ms on an ordinary disk); forty teams ordering at once would queue behind forty such writes in a
row. Here the session keeps its changes in memory (autosave off), and each request that changed it
waits for `durable()`: the save then running, if it started after the change, or the next one, which
takes the session's text on the event loop (a consistent moment) and writes it on a worker thread, so
the loop keeps serving views meanwhile. One write covers every change made before it started.

A write that fails fails every request waiting on it and on the one after (made on top of it), and
the table goes back to the last save on disk: nothing is acknowledged that a restarted host would not
find, and nothing is kept that a team was told had failed.
"""

import asyncio
from typing import Protocol

from game.session.session import Session


class Journaled(Protocol):
    """What the journal needs of the table it saves."""

    @property
    def session(self) -> Session: ...

    def taking(self) -> int:
        """The save's text is being taken now: a mark of what it covers."""
        ...

    def written(self, mark: int) -> None:
        """What `mark` covers is on disk."""
        ...

    def lost(self, error: BaseException) -> None:
        """A save failed: go back to the last one on disk."""
        ...


class Journal:
    def __init__(self, table: Journaled) -> None:
        self.table = table
        self._writing: asyncio.Future[None] | None = None
        """The save being written now."""
        self._next: asyncio.Future[None] | None = None
        """The save that will cover the changes made since `_writing` took its text."""
        self._flushing: asyncio.Future[None] | None = None
        self.writes = 0

    async def durable(self) -> None:
        """Return once every change made so far is on disk (`SaveError` if it could not be written)."""
        if self.table.session.path is None:
            return
        if self._next is None:
            self._next = asyncio.get_running_loop().create_future()
            if self._writing is None:
                self._flushing = asyncio.ensure_future(self._flush())
        await asyncio.shield(self._next)

    async def settled(self) -> None:
        """Return once the save due to cover the changes made so far is written, or has failed (the
        table then went back to the last save), without asking for one: at once if none is due. Only
        that save: under steady traffic the writes never stop, and a wait for all of them would not end."""
        pending = self._next or self._writing
        if pending is None:
            return
        try:
            await asyncio.shield(pending)
        except Exception:  # a failed write: `lost` has gone back to the save, and says so
            return

    async def _flush(self) -> None:
        loop = asyncio.get_running_loop()
        while self._next is not None:
            batch, self._next = self._next, None
            self._writing = batch
            try:
                write = self.table.session.save_later()
                mark = self.table.taking()
                await loop.run_in_executor(None, write)
            except BaseException as error:
                waiting = [batch] + ([self._next] if self._next is not None else [])
                self._next = None
                self._writing = None
                self.table.lost(error)
                for future in waiting:
                    if not future.done():
                        future.set_exception(error)
                        future.exception()  # retrieved: each waiter raises it on its own
                if isinstance(error, asyncio.CancelledError):
                    raise
                return
            self.writes += 1
            self._writing = None
            self.table.written(mark)
            if not batch.done():
                batch.set_result(None)
