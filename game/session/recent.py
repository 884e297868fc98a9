"""The scenario files a teacher opened before (`accord play FILE`, `accord host FILE`), so the
title screen's New game list offers them again. Kept in the user's own state folder, readable by
that user only: a path can name a school, a class or a person."""

import json
import os
import sys
from pathlib import Path

KEPT = 12
"""The most recent ones: an old list is of no use and only grows."""


def state_dir() -> Path:
    """`$XDG_STATE_HOME/accord` (`~/.local/state/accord`), or `%LOCALAPPDATA%\\accord` on Windows."""
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "accord"
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "accord"


def _file() -> Path:
    return state_dir() / "recent-scenarios.json"


def recent_scenarios() -> list[Path]:
    """The files remembered, most recent first, those still there; an unreadable list is no list."""
    try:
        data = json.loads(_file().read_text("utf-8"))
    except (OSError, ValueError):
        return []
    paths = [Path(p) for p in data if isinstance(p, str)] if isinstance(data, list) else []
    return [p for p in paths if p.is_file()]


def remember_scenario(path: Path) -> None:
    """Put `path` first on the list. Failing to write it (a read-only home) never stops a game."""
    chosen = path.resolve()
    paths = [str(chosen)] + [str(p) for p in recent_scenarios() if p.resolve() != chosen]
    folder = state_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        temporary = folder / ".recent-scenarios.json.tmp"
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(paths[:KEPT], out, indent=1)
        os.replace(temporary, _file())
    except OSError:
        return


def remember_opened(path: Path) -> None:
    """A scenario file of the teacher's own goes on the New game list; a shipped one is there anyway."""
    from game.scenario.library import is_shipped

    if not is_shipped(path):
        remember_scenario(path)
