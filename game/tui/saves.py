"""The saves in a folder, newest first, read from their names and file times only: listing a
class's saves must not parse every game."""

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

_NAME = re.compile(r"^(?P<scenario>.+)-(?P<when>\d{8}-\d{6})-(?P<id>[0-9a-f]+)\.json(\.gz)?$")


@dataclass(frozen=True, slots=True)
class SaveEntry:
    path: Path
    scenario: str
    modified: datetime

    @property
    def label(self) -> str:
        return f"{self.scenario:<10} last played {self.modified:%Y-%m-%d %H:%M}  {self.path.name}"


def list_saves(folder: Path) -> list[SaveEntry]:
    """Every save file in `folder`, the most recently written first (an empty list if none)."""
    try:
        files = [p for p in folder.iterdir() if p.is_file() and p.name.endswith((".json", ".json.gz"))]
    except OSError:
        return []
    entries = []
    for path in files:
        match = _NAME.match(path.name)
        try:
            stamp = path.stat().st_mtime
        except OSError:
            continue
        scenario = match.group("scenario") if match else path.stem
        entries.append(SaveEntry(path, scenario, datetime.fromtimestamp(stamp)))
    return sorted(entries, key=lambda entry: (entry.modified, entry.path.name), reverse=True)


def latest_save(folder: Path) -> Path | None:
    """The autosave to continue: the newest file in the saves folder."""
    entries = list_saves(folder)
    return entries[0].path if entries else None
