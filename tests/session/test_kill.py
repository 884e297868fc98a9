"""A process killed at any moment leaves the last good save (issue 5.2).

A real child process plays and annotates a large game in a loop, autosaving after each change; it
is killed with SIGKILL at random moments, half of them while a temporary file shows it is in the
middle of writing. After every kill the save loads, verifies, and the next child carries on from it.
"""

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.session.session import Session
from game.session.verify import verify

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import sys
from pathlib import Path
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario
from game.session.session import Session

path = Path(sys.argv[1])
if path.exists():
    session = Session.load(path)
else:
    session = Session.new(load_scenario(resolve_scenario("europe")), 3, path=path)
print("ready", flush=True)
note = 0
while True:
    note += 1
    if not session.is_over and note % 3 == 0:
        session.resolve()
    else:
        session.annotate(min(session.round, session.scenario.rounds), f"note {note} " + "x" * 200_000)
"""


def _writing(path: Path) -> bool:
    return any(path.parent.glob(f".{path.name}.*.tmp"))


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killing_the_writer_at_any_moment_leaves_a_good_save(tmp_path: Path) -> None:
    path = tmp_path / "killed.json"
    rng = random.Random(20240611)
    caught_writing = 0
    sizes = []
    for attempt in range(6):
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(path)], cwd=ROOT, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True)
        try:
            assert child.stdout is not None
            assert child.stdout.readline().strip() == "ready", child.stderr.read() if child.stderr else ""
            time.sleep(rng.uniform(0.05, 0.4))
            if attempt % 2:
                deadline = time.monotonic() + 2.0
                while not _writing(path) and time.monotonic() < deadline:
                    pass
                caught_writing += _writing(path)
            os.kill(child.pid, signal.SIGKILL)
        finally:
            child.kill()
            child.wait(timeout=10)
        assert child.returncode == -signal.SIGKILL
        session = Session.load(path)
        assert verify(path).rounds == len(session.reports)
        sizes.append(path.stat().st_size)
    assert caught_writing >= 1, "no kill landed in the middle of a write"
    assert sizes[-1] > 1_000_000, "the save should be large enough that writing it takes time"
