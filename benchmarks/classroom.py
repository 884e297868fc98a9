"""`python -m benchmarks.classroom [--prefix NAME]`: what the interface costs a class, measured.

Not part of `python -m benchmarks` (it drives a terminal for minutes). Two measurements, for the
facilitator guide's timings (docs/teaching/facilitator-guide.md):

- **hot seat**: `accord play tutorial --rounds 4 --turn-minutes 5`, three human teams, run in a tmux
  window of 80x24 and played by a script as hurried students would play it: each turn reads the
  news, types a budget on two lines and confirms it, adopts a law, (two teams) propose or accept an
  agreement, and ends the turn; each team then reads its round report (two pages) and passes on.
  Every key is sent alone and the clock runs until the screen stops changing: the sum is the
  machine's part of a turn; the keys and the screens opened are what a student must press and read.
  Then a second game with `--turn-minutes 0.25` in which a team presses nothing: the time until the
  screen passes on measures the timer's end of a turn.
- **teams in parallel**: `accord host tutorial --rounds 4 --round-minutes 0.5` as a child process,
  and one scripted client per team over loopback, each playing the cooperative AI's orders through
  the same API a team's screen uses, after a pause for deliberation (2 s, 4 s; the third team never
  presses ready, so every round ends on the timer). Measured: each round from its opening to the
  next, the time the host takes past the timer, and the clients' request times.

Students' deliberation is not measured here: a machine cannot; the guide says which figures are
the trial class's and which are these.
"""

import argparse
import itertools
import json
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.processes import stop

ROOT = Path(__file__).resolve().parents[1]
ACCORD = [sys.executable, "-m", "game"]
POLL = 0.015
STILL = 0.25
"""A screen unchanged this long has finished drawing."""
QUIET = 3.0
"""A key whose screen has not changed after this long changed nothing visible (a field already
holding the digit typed, Esc leaving a field): it counts no machine time."""
CLOCK = re.compile(r"⏱[^\n]*")


# --- the hot seat, in a terminal ---------------------------------------------------------------

class Terminal:
    """A tmux window running one command: keys in, the screen's text out."""

    def __init__(self, name: str, command: list[str], cwd: Path) -> None:
        self.name = name
        env = f"PYTHONPATH={ROOT}"
        shell = " ".join(["env", env, *command])
        subprocess.run(["tmux", "new-session", "-d", "-s", name, "-x", "80", "-y", "24", "-c", str(cwd), shell],
                       check=True)
        self.keys = 0
        self.unchanged = 0

    def screen(self) -> str:
        text = subprocess.run(["tmux", "capture-pane", "-p", "-t", self.name], capture_output=True, text=True,
                              check=False).stdout
        return CLOCK.sub("⏱", text)  # the turn clock ticks every second: not a change of screen

    def settle(self, before: str, timeout: float = 30.0) -> float:
        """Seconds from now until the screen, changed from `before`, stops changing (when it last
        changed); 0 when it has not changed within `QUIET`."""
        start = time.perf_counter()
        last_text, last_change = before, start
        while time.perf_counter() - start < timeout:
            text = self.screen()
            now = time.perf_counter()
            if text != last_text:
                last_text, last_change = text, now
            elif last_text != before and now - last_change >= STILL:
                return last_change - start
            elif last_text == before and now - start >= QUIET:
                self.unchanged += 1
                return 0.0
            time.sleep(POLL)
        return time.perf_counter() - start

    def press(self, key: str) -> float:
        """Send one key; the machine's time to draw what it leads to."""
        before = self.screen()
        subprocess.run(["tmux", "send-keys", "-t", self.name, key], check=True)
        self.keys += 1
        return self.settle(before)

    def wait_for(self, marker: str, timeout: float) -> float:
        start = time.perf_counter()
        while marker not in self.screen():
            if time.perf_counter() - start > timeout:
                raise TimeoutError(f"'{marker}' did not appear in {timeout:g} s:\n{self.screen()}")
            time.sleep(POLL)
        return time.perf_counter() - start

    def close(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.name], check=False, capture_output=True)


@dataclass
class Turn:
    round: int
    team: str
    kind: str
    """`turn` (orders) or `report` (reading the round's report)."""
    keys: int = 0
    screens: int = 0
    machine: float = 0.0
    slowest: float = 0.0


@dataclass
class HotSeat:
    turns: list[Turn] = field(default_factory=list)
    resolutions: list[float] = field(default_factory=list)
    """Seconds from the last team's `y` to the first report's handoff on screen (the round resolves)."""
    orders: dict[str, int] = field(default_factory=dict)
    """What the script's keys did, read back from the save: how many orders of each type."""
    quiet_keys: int = 0
    """Keys that changed nothing visible (see `QUIET`)."""
    timer_end: float = 0.0
    """Seconds from a timed turn's start to the next team's handoff, with a 15-second timer."""


def play_turn(term: Terminal, turn: Turn, steps: list[tuple[str, bool]]) -> float:
    """`steps`: (key, whether it opens a screen, a tab or a dialog). The last key's time."""
    seconds = 0.0
    for key, opens in steps:
        seconds = term.press(key)
        turn.keys += 1
        turn.machine += seconds
        turn.slowest = max(turn.slowest, seconds)
        turn.screens += opens
    return seconds


def hurried_turn(round_no: int, team: int) -> list[tuple[str, bool]]:
    """What a hurried team does: the news, a budget on two lines, a law, an agreement (Korvia proposes
    one to Meridia in year 2, Meridia accepts it in year 3), and ready."""
    steps = [("Enter", True), ("n", True), ("b", True), ("2", False), ("Tab", False), ("1", False),
             ("C-s", True), ("y", False), ("Escape", False), ("l", True)]
    steps += [("Down", False)] * (1 + (round_no + team) % 5) + [("a", False)]
    if round_no == 2 and team == 0:
        steps += [("p", True), ("N", True), ("Tab", False), ("Tab", False), ("Space", False), ("C-s", False)]
    if round_no == 3 and team == 1:
        steps += [("p", True), ("a", False)]
    return [*steps, ("r", True), ("y", True)]


def hot_seat(prefix: str, folder: Path) -> HotSeat:
    teams = ["Korvia", "Meridia", "Aldmark"]
    result = HotSeat()
    term = Terminal(f"{prefix}-hotseat", [*ACCORD, "play", "tutorial", "--rounds", "4", "--turn-minutes", "5",
                                          "--saves", str(folder / "hot")], folder)
    try:
        term.wait_for("We are Korvia", 30)
        for round_no in range(1, 5):
            for index, team in enumerate(teams):
                term.wait_for(f"We are {team}", 30)
                turn = Turn(round_no, team, "turn")
                last = play_turn(term, turn, hurried_turn(round_no, index))
                result.turns.append(turn)
                if index == len(teams) - 1:
                    result.resolutions.append(last)  # the last team's `y` resolved the round
            for team in teams:
                term.wait_for(f"We are {team}", 30)
                report = Turn(round_no, team, "report")
                play_turn(term, report, [("Enter", True), ("PageDown", False), ("PageDown", False), ("Enter", True)])
                result.turns.append(report)
        result.quiet_keys = term.unchanged
    finally:
        term.close()
    result.orders = orders_in(next((folder / "hot").glob("*.json")))
    timed = Terminal(f"{prefix}-timer", [*ACCORD, "play", "tutorial", "--rounds", "4", "--turn-minutes", "0.25",
                                         "--saves", str(folder / "timer")], folder)
    try:
        timed.wait_for("We are Korvia", 30)
        timed.press("Enter")
        start = time.perf_counter()
        timed.wait_for("We are Meridia", 60)
        result.timer_end = time.perf_counter() - start
    finally:
        timed.close()
    return result


def orders_in(save: Path) -> dict[str, int]:
    from collections import Counter

    from game.session.store import read_save

    document = read_save(save)
    return dict(sorted(Counter(entry.action.type for closed in document.log.rounds
                               for entry in closed.actions if entry.by is not None).items()))


# --- teams in parallel, on the host --------------------------------------------------------------

@dataclass
class Parallel:
    round_minutes: float
    rounds: list[float] = field(default_factory=list)
    """Seconds from a round's opening (as a client first sees it) to the next round's."""
    requests: list[float] = field(default_factory=list)
    """Seconds per request of the scripted clients (views and orders)."""
    refused: int = 0


def parallel(folder: Path, round_minutes: float = 0.5, thinking: tuple[float, ...] = (2.0, 4.0, 0.0)) -> Parallel:
    from game.ai.registry import strategy
    from game.errors import AccordError
    from game.model.actions import Ready
    from game.net.client import RemoteTable, connect

    saves = folder / "host"
    # no reading time: the figure is how closely the host keeps the timer, from a round's opening
    process = subprocess.Popen([*ACCORD, "host", "tutorial", "--rounds", "4", "--round-minutes", f"{round_minutes:g}",
                                "--reading-minutes", "0", "--port", "0", "--saves", str(saves)], cwd=folder,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               env={**os.environ, "PYTHONPATH": str(ROOT)}, text=True)
    result = Parallel(round_minutes)
    try:
        assert process.stdout is not None
        port = None
        deadline = time.monotonic() + 30
        while port is None and time.monotonic() < deadline:
            found = re.search(r"accord join 127\.0\.0\.1:(\d+)", process.stdout.readline())
            port = int(found.group(1)) if found else None
        if port is None:
            raise RuntimeError("the host did not say its port")
        codes = json.loads(next(saves.glob("*.codes")).read_text())["seats"]
        lock = threading.Lock()
        openings: dict[int, float] = {}

        def timed(call: Any, *args: Any) -> Any:
            start = time.perf_counter()
            try:
                return call(*args)
            finally:
                with lock:
                    result.requests.append(time.perf_counter() - start)

        def team(seat: str, think: float) -> None:
            table = connect(f"127.0.0.1:{port}", codes[seat])
            assert isinstance(table, RemoteTable)
            plays = strategy("cooperative")
            rng = random.Random(seat)
            seen = 0
            try:
                while True:
                    status = timed(table.status)
                    if status.over:
                        return
                    if status.round == seen:
                        time.sleep(0.05)
                        continue
                    seen = status.round
                    with lock:
                        openings.setdefault(seen, time.perf_counter())
                    view = timed(table.seat_view, seat)
                    moves = plays.propose_and_legislate(view, rng)
                    if think:
                        time.sleep(think)
                    view = timed(table.seat_view, seat)
                    moves += plays.answer_and_allocate(view, rng)
                    for move in moves:
                        if isinstance(move.action, Ready) and not think:
                            continue  # this team never says it is ready: the timer ends its rounds
                        try:
                            timed(table.submit, move.action, seat)
                        except AccordError:
                            result.refused += 1
            finally:
                table.close()

        threads = [threading.Thread(target=team, args=pair) for pair in zip(codes, thinking, strict=True)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=4 * round_minutes * 60 + 60)
        ended = time.perf_counter()
        marks = [openings[number] for number in sorted(openings)] + [ended]
        result.rounds = [later - earlier for earlier, later in itertools.pairwise(marks)]

    finally:
        stop(process, signal.SIGINT, 20)
    return result


# --- the figures -----------------------------------------------------------------------------------

def hot_summary(hot: HotSeat) -> dict[str, Any]:
    turns = [t for t in hot.turns if t.kind == "turn"]
    reports = [t for t in hot.turns if t.kind == "report"]
    return {
        "turn_keys_median": statistics.median(t.keys for t in turns),
        "turn_keys_range": [min(t.keys for t in turns), max(t.keys for t in turns)],
        "turn_screens_median": statistics.median(t.screens for t in turns),
        "turn_machine_seconds_median": round(statistics.median(t.machine for t in turns), 2),
        "turn_machine_seconds_max": round(max(t.machine for t in turns), 2),
        "slowest_key_seconds": round(max(t.slowest for t in hot.turns), 2),
        "keys_that_changed_nothing_visible": hot.quiet_keys,
        "report_keys": statistics.median(t.keys for t in reports),
        "report_machine_seconds_median": round(statistics.median(t.machine for t in reports), 2),
        "round_machine_seconds": [round(sum(t.machine for t in hot.turns if t.round == r), 1) for r in range(1, 5)],
        "resolution_seconds": [round(s, 2) for s in hot.resolutions],
        "timer_15s_turn_ends_after_seconds": round(hot.timer_end, 1),
        "orders_in_the_save": hot.orders,
    }


def net_summary(net: Parallel) -> dict[str, Any]:
    return {
        "round_minutes": net.round_minutes,
        "round_seconds": [round(s, 1) for s in net.rounds],
        "past_the_timer_seconds": [round(s - net.round_minutes * 60, 1) for s in net.rounds],
        "request_seconds_median": round(statistics.median(net.requests), 3),
        "request_seconds_max": round(max(net.requests), 3),
        "requests": len(net.requests),
        "refused_orders": net.refused,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prefix", default="classroom", help="prefix of the tmux sessions this run starts")
    parser.add_argument("--only", choices=["hot-seat", "parallel"], help="one of the two measurements")
    args = parser.parse_args()
    if shutil.which("tmux") is None and args.only != "parallel":
        print("the hot-seat measurement needs tmux", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="accord-classroom-") as name:
        folder = Path(name)
        figures: dict[str, Any] = {}
        if args.only != "parallel":
            hot = hot_seat(args.prefix, folder)
            for turn in hot.turns:
                print(f"{turn.kind:6} year {turn.round} {turn.team:8} keys {turn.keys:2} screens {turn.screens:2} "
                      f"machine {turn.machine:5.2f} s (slowest key {turn.slowest:.2f} s)", file=sys.stderr)
            figures["hot_seat"] = hot_summary(hot)
        if args.only != "hot-seat":
            figures["parallel"] = net_summary(parallel(folder))
        print(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
