"""Every TUI test runs in its own folder, so saves and snapshots never depend on the machine."""

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh working folder: relative save paths (`saves/...`) print the same on every machine."""
    monkeypatch.chdir(tmp_path)
    yield tmp_path
