"""The error every layer raises for bad input, so the command line can print it as lines; and the
crash log, where an unexpected error's details go instead of the screen.

A crash log holds a traceback, which can quote a game's private text, so it is the user's own: one
new file per crash in the user's state folder (`$XDG_STATE_HOME/accord/crashes`, else
`~/.local/state/accord/crashes`; `~/Library/Logs/Accord` on macOS, `%LOCALAPPDATA%\\Accord\\crashes`
on Windows), the folder made private (0700), each file created private (0600) and only if no file
or link of that name exists (`O_EXCL`, `O_NOFOLLOW`), so a link planted there is never followed and
no other user's crash is mixed in. Older logs beyond the newest `KEEP_CRASHES` are removed.
"""

import contextlib
import os
import secrets
import stat
import sys
import time
import traceback
from pathlib import Path

KEEP_CRASHES = 50
"""Crash logs kept in the folder; older ones are removed when a new one is written."""


class AccordError(Exception):
    """A problem the user can fix; `lines()` is what they read, one problem a line."""

    def lines(self) -> list[str]:
        return [f"accord: error: {self}"]


def crash_folder() -> Path:
    """Where this user's crash logs go (see the module's docstring)."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return (Path(base) if base else Path.home() / "AppData" / "Local") / "Accord" / "crashes"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Logs" / "Accord"
    state = os.environ.get("XDG_STATE_HOME", "")
    base = Path(state) if state and os.path.isabs(state) else Path.home() / ".local" / "state"
    return base / "accord" / "crashes"


def log_internal_error(error: BaseException) -> Path | None:
    """Write the traceback of an unexpected error to a new private file and return its path, or
    None when it cannot be written safely (the folder is not this user's, or a link)."""
    text = "".join(traceback.format_exception(error))
    try:
        folder = _private_folder(crash_folder())
        path = folder / f"crash-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{secrets.token_hex(3)}.log"
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        handle = os.open(path, flags, 0o600)
        with os.fdopen(handle, "w", encoding="utf-8") as log:
            log.write(text)
    except (OSError, RuntimeError):
        return None
    _prune(folder)
    return path


def where_logged(path: Path | None) -> str:
    """The words that point the user at a crash log: `details in PATH`, or why there are none."""
    if path is None:
        return f"the details could not be written to {crash_folder()}"
    return f"details in {path}"


def _private_folder(folder: Path) -> Path:
    """`folder`, created 0700 if missing; refused (OSError) unless it is a real folder of this user's."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    info = os.lstat(folder)
    if not stat.S_ISDIR(info.st_mode):
        raise OSError(f"{folder} is not a folder (a link?)")
    if hasattr(os, "getuid"):
        if info.st_uid != os.getuid():
            raise OSError(f"{folder} belongs to another user")
        if stat.S_IMODE(info.st_mode) & 0o077:
            os.chmod(folder, 0o700)
    return folder


def _prune(folder: Path) -> None:
    with contextlib.suppress(OSError):
        logs = sorted(folder.glob("crash-*.log"), key=lambda p: (p.stat().st_mtime_ns, p.name))
        for old in logs[:-KEEP_CRASHES]:
            old.unlink()
