"""Every test keeps the user's state folder (`game.session.recent`) in its own temporary folder:
a test run never writes to, or reads, the real one."""

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def private_state_folder(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path_factory.mktemp("state")
    monkeypatch.setenv("XDG_STATE_HOME", str(folder))
    return folder
