"""The TUI from process start to its first interactive screen, against a trivial Textual app
started the same way: each is spawned under a pseudo-terminal, as a student's terminal runs it,
and the clock stops when the screen shows its marker text (the title menu's `New game`, the
trivial app's `Ready`). A program that exits before drawing a screen is reported as such."""

import fcntl
import os
import re
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

from benchmarks.figure import Figure, Target

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 20.0
COLUMNS, LINES = 120, 40
ANSI = re.compile(rb"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])")
TITLE_MARKER = b"New game"
TRIVIAL_MARKER = b"Ready"
TRIVIAL_APP = '''
from textual.app import App, ComposeResult
from textual.widgets import Static


class Trivial(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("Ready")


if __name__ == "__main__":
    Trivial().run()
'''


def first_screen_s(command: list[str], marker: bytes, cwd: Path, env: dict[str, str]) -> float | None:
    """Seconds from spawning `command` under a pseudo-terminal to `marker` on its screen; None if it
    exits or times out first."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
    start = time.perf_counter()
    process = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, cwd=cwd, env=env,
                               start_new_session=True)
    os.close(slave)
    seen = b""
    found: float | None = None
    try:
        while time.perf_counter() - start < TIMEOUT:
            ready, _, _ = select.select([master], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:
                    break  # the program closed its terminal: it exited
                if not chunk:
                    break
                seen += chunk
                if marker in ANSI.sub(b"", seen):
                    found = time.perf_counter() - start
                    break
            elif process.poll() is not None:
                break
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        os.close(master)
    return found


def tui_figure(repeats: int) -> Figure:
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(COLUMNS), "LINES": str(LINES)}
    with tempfile.TemporaryDirectory(prefix="accord-tui-") as folder:
        trivial = Path(folder) / "trivial.py"
        trivial.write_text(TRIVIAL_APP)
        # `accord` as installed runs `game.cli:main`; `python -m game` is the same entry point
        accord = [sys.executable, "-m", "game"]
        ours: list[float] = []
        floors: list[float] = []
        for _ in range(repeats):  # alternate, so that a noisy moment hits both alike
            floor = first_screen_s([sys.executable, str(trivial)], TRIVIAL_MARKER, ROOT, env)
            mine = first_screen_s(accord, TITLE_MARKER, Path(folder), env)
            if floor is not None:
                floors.append(floor)
            if mine is not None:
                ours.append(mine)
    target = Target(1.6, "ratio", "<= 1.6x floor")
    if not ours:
        return Figure("tui_first_screen", "TUI first screen", None, "s",
                      statistics.median(floors) if floors else None, "trivial Textual app", target,
                      note="`accord` showed no title screen (no `New game` within "
                           f"{TIMEOUT:.0f} s, or it exited first): not measured")
    return Figure("tui_first_screen", "TUI first screen", statistics.median(ours), "s",
                  statistics.median(floors) if floors else None, "trivial Textual app", target,
                  note=f"median of {len(ours)} starts under a pseudo-terminal, process start to `New game` on screen")
