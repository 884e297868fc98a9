"""`verify`: re-run a save's log from the start and compare everything it records.

Every round's state hash and report, every snapshot, and the seals are checked; the first round
that differs is named. The seals tell the two causes apart: when a round's content no longer
matches its seal, the save was edited after it was written; when the seals are intact but the
re-run differs, the engine that re-runs it has other rules than the one that wrote it, and the
message says so instead of calling the save tampered.

The seals cover what the game is (the embedded scenario, the seed, every action with its submitter
and reason, every report and hash); not the facilitator's notes, the seats or the file's metadata,
which may be changed without touching the record of play.

Reports and snapshots are first compared with Python's `==` (in C), and walked only where that
finds a difference, to name it. `==` takes a yes/no written as 1 or 0 for the same value, as
loading a snapshot does (pydantic reads 1 as true), so such a snapshot still loads the same state;
a report so edited still breaks its seal.
"""

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.collector import collector_paused
from game.engine import new_game, resolve_round
from game.engine.serialize import report_to_data, state_hash, state_to_data, state_to_json
from game.model.state import GameState
from game.session.document import EngineStamp, SaveDocument
from game.session.errors import Diverged, SaveError
from game.session.log import unpacked
from game.session.positions import apply_all, numbered_ids
from game.session.seals import first_broken_seal, first_edited_snapshot
from game.session.store import read_save


@dataclass(frozen=True, slots=True)
class Verified:
    name: str
    rounds: int
    open_round: int | None
    open_actions: int
    snapshots: int
    written_by: EngineStamp

    def summary(self) -> str:
        text = f"verified {self.rounds} round{'' if self.rounds == 1 else 's'}"
        if self.open_round is not None and self.open_actions:
            text += f" and {self.open_actions} action{'' if self.open_actions == 1 else 's'} of round {self.open_round}"
        here = EngineStamp.current()
        if self.written_by.rules != here.rules:
            text += f" (written under {self.written_by}; re-run under {here})"
        return text


def verify(save: str | Path | SaveDocument) -> Verified:
    """The save re-run and found identical, or `Diverged` naming the first round that differs
    (`SaveError` for a file that cannot be read at all)."""
    document = save if isinstance(save, SaveDocument) else read_save(save)
    with collector_paused():  # the whole save stays alive while every round is re-run beside it
        return _Verifier(document).run()


def short(digest: str) -> str:
    return f"{digest[:12]}…"


class _Verifier:
    def __init__(self, document: SaveDocument) -> None:
        self.document = document
        self.name = document.name
        self.here = EngineStamp.current()
        self.edited = first_broken_seal(document)
        """The first round (0: the opening) whose content no longer matches its seal, else None."""

    def fail(self, round_no: int, detail: str) -> Diverged:
        where = "the opening position" if round_no == 0 else f"round {round_no}"
        written = self.document.engine
        if self.edited is not None and self.edited <= round_no:
            edited = "the opening" if self.edited == 0 else f"round {self.edited}"
            return Diverged(self.name, round_no, f"{where} diverges: {detail} (the save was edited after it was "
                                                  f"written: {edited} does not match its seal)")
        if written.rules != self.here.rules:
            build = written.build()
            return Diverged(self.name, round_no, f"written under {written}, but this is {self.here}: {where} "
                                                  f"re-runs differently under these rules ({detail}); the save "
                                                  f"itself is intact: verify it with {build}, or open it to "
                                                  "continue it under these rules in a new file")
        return Diverged(self.name, round_no, f"{where} diverges: {detail}; its seals are intact, so the engine "
                                              f"that wrote it ({written}) likely had other rules than this one "
                                              f"(changed without a rules version bump), or it was re-sealed after "
                                              f"an edit")

    def run(self) -> Verified:
        doc = self.document
        log = doc.log
        state = self._opening()
        snapshots = 1
        for closed in log.rounds:
            number = closed.round
            try:
                state = apply_all(state, closed.actions, number, self.name, numbered=numbered_ids(doc),
                                  written=doc.engine)
                state, report = resolve_round(state)
            except SaveError as error:
                raise self.fail(number, error.message.removeprefix(f"round {number}, ")) from None
            except Exception as error:  # a tampered figure can break the engine: name the round anyway
                raise self.fail(number, f"re-running it fails in the engine ({error!r})") from None
            if report.state_hash != closed.hash:
                raise self.fail(number, f"the save says hash {short(closed.hash)}, re-running gives "
                                        f"{short(report.state_hash)}")
            rerun = report_to_data(report)
            if closed.report_data != rerun:  # `==` in C first; the walk names what differs
                rerun = without_unrecorded_funding(closed.report_data, rerun)
                difference = first_difference(closed.report_data, rerun, "report")
                if difference:
                    raise self.fail(number, difference)
            if closed.stored is not None:
                snapshots += 1
                self._check_snapshot(number, unpacked(closed.stored), state)
        if self.edited is not None:
            where = "the opening" if self.edited == 0 else f"round {self.edited}"
            raise Diverged(self.name, self.edited, f"{where} was edited after it was written: it re-runs the same, "
                                                   f"but its content does not match its seal")
        open_round = doc.open_round
        if open_round is not None:
            try:
                apply_all(state, log.open, open_round, self.name, numbered=numbered_ids(doc), written=doc.engine)
            except SaveError as error:
                raise self.fail(open_round, error.message.removeprefix(f"round {open_round}, ")) from None
        return Verified(self.name, len(log.rounds), open_round, len(log.open), snapshots, doc.engine)

    def _opening(self) -> GameState:
        doc = self.document
        try:
            state = new_game(doc.scenario, doc.seed)
        except Exception as error:  # an edited scenario the loader's checks would have refused
            raise self.fail(0, f"the embedded scenario cannot be played ({error!r})") from None
        if state.world.scenario_hash != doc.scenario_hash:
            raise self.fail(0, f"the save says scenario hash {short(doc.scenario_hash)}, the embedded scenario "
                               f"hashes to {short(state.world.scenario_hash)}")
        opening = state_hash(state)
        if opening != doc.log.start.hash:
            raise self.fail(0, f"the save says hash {short(doc.log.start.hash)}, re-running gives {short(opening)}")
        self._check_snapshot(0, doc.log.start.stored, state)
        return state

    def _check_snapshot(self, round_no: int, snapshot: dict[str, Any] | str, state: GameState) -> None:
        if isinstance(snapshot, str) and snapshot.encode() == state_to_json(state):
            return  # a session's own snapshot, kept as the engine wrote it
        saved = json.loads(snapshot) if isinstance(snapshot, str) else snapshot
        rerun = state_to_data(state)
        if saved != rerun:  # `==` in C first; the walk names what differs
            difference = first_difference(saved, rerun, "snapshot")
            if difference:
                if self.document.engine.is_current_rules and first_edited_snapshot(self.document) == round_no:
                    where = "the opening" if round_no == 0 else f"round {round_no}"
                    raise Diverged(self.name, round_no, f"{where}'s snapshot was edited after it was written: "
                                                        f"{difference}; it no longer matches the state hash "
                                                        f"sealed with {where}")
                raise self.fail(round_no, difference)


def without_unrecorded_funding(saved: dict[str, Any], rerun: dict[str, Any]) -> dict[str, Any]:
    """`rerun` without the `funding` of the states whose figures in `saved` have none: a report
    written under the same rules before it recorded who funded a state's capacities (the state and
    every other figure are the same) still verifies. Taking the field out of a later save's report
    breaks its seal, which `verify` checks besides."""
    saved_states = saved.get("states", {})
    for state_id, figures in rerun.get("states", {}).items():
        if "funding" in figures and "funding" not in saved_states.get(state_id, {}):
            del figures["funding"]
    return rerun


def first_difference(saved: Any, rerun: Any, path: str) -> str | None:
    """Where two JSON values first differ, as `path: the save says X, re-running gives Y`."""
    if isinstance(saved, dict) and isinstance(rerun, dict):
        for key in sorted(set(saved) | set(rerun), key=str):
            here = f"{path}.{key}"
            if key not in rerun:
                return f"{here}: the save has {_show(saved[key])}, re-running has no such field"
            if key not in saved:
                return f"{here}: the save has no such field, re-running gives {_show(rerun[key])}"
            found = first_difference(saved[key], rerun[key], here)
            if found:
                return found
        return None
    if isinstance(saved, list) and isinstance(rerun, list):
        for index, (mine, theirs) in enumerate(zip(saved, rerun, strict=False)):
            found = first_difference(mine, theirs, f"{path}[{index}]")
            if found:
                return found
        if len(saved) != len(rerun):
            return f"{path}: the save lists {len(saved)} items, re-running gives {len(rerun)}"
        return None
    if _same(saved, rerun):
        return None
    return f"{path}: the save says {_show(saved)}, re-running gives {_show(rerun)}"


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, int | float) and isinstance(b, int | float):
        return a == b or (isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b))
    return bool(type(a) is type(b) and a == b)


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"
