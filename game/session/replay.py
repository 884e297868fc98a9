"""Replay: any moment of a saved game, for the facilitator's screen, the debrief and what-ifs.

A moment is a round and a phase: `orders` (the round open, with its first `step` actions applied;
all of them by default), `resolved` (just after the round's resolution, with its report) and
`over` (the end). `seek` starts from the nearest snapshot, so it resolves no round when a snapshot is
stored each round (the default), and it remembers what it computed.

`branch(round)` reopens a round in a new session, saved as its own file naming its parent: "what if
they had signed in round 3?"
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from game.engine import apply, resolve_round, truth, view
from game.engine.serialize import state_hash, state_to_data
from game.model.report import RoundReport
from game.model.state import GameState
from game.model.view import PlayerView
from game.session.document import EngineStamp, SaveDocument
from game.session.errors import SessionError
from game.session.log import Log, Submitted
from game.session.naming import new_id, now, save_path
from game.session.positions import apply_all, numbered_ids, opening_state, snapshot_state
from game.session.seals import edit_warning
from game.session.session import Session
from game.session.store import is_compressed_name, read_save

ReplayPhase = Literal["orders", "resolved", "over"]
PHASES: tuple[ReplayPhase, ...] = ("orders", "resolved", "over")


@dataclass(slots=True)
class Moment:
    round: int
    phase: ReplayPhase
    state: GameState
    """Read it, never change it: the replay keeps it for the next seek."""
    actions: list[Submitted]
    """The round's actions applied at this moment, in order."""
    report: RoundReport | None
    """The round's report once it is resolved (as the save records it)."""

    @property
    def hash(self) -> str:
        return state_hash(self.state)

    @property
    def messages(self) -> list[Submitted]:
        """The messages among the actions (shown apart; they are actions like any other in the log)."""
        return [submitted for submitted in self.actions if submitted.type == "message"]

    def view(self, who: str) -> PlayerView:
        if who not in self.state.states:
            raise SessionError(f"no state '{who}' in this game; its states are {', '.join(self.state.states)}")
        return view(self.state, who)

    def views(self) -> dict[str, PlayerView]:
        """Every team's view, for a facilitator going through the table."""
        return {state_id: view(self.state, state_id) for state_id in self.state.states}

    def truth(self) -> dict[str, Any]:
        return truth(self.state)


class Replay:
    def __init__(self, save: "SaveDocument | Session | str | Path") -> None:
        self.warning: str | None = None
        """One line when the save was edited after it was written (`seals`); a live session's own
        record is not checked again."""
        if isinstance(save, Session):
            self.document = save.document
            self.path = save.path
            self.warning = save.warning
        elif isinstance(save, SaveDocument):
            self.document = save
            self.path = None if save.name.startswith("<") else Path(save.name)
            self.warning = edit_warning(save)
        else:
            self.document = read_save(save)
            self.path = Path(save)
            self.warning = edit_warning(self.document)
        self.same_rules = self.document.engine.is_current_rules
        self.note: str | None = None if self.same_rules else (
            f"written under {self.document.engine}; states are re-run under {EngineStamp.current()} and may "
            f"differ from the reports the save records")
        self._openings: dict[int, GameState] = {}

    @property
    def rounds_played(self) -> int:
        return self.document.rounds_played

    @property
    def over(self) -> bool:
        return self.document.over

    @property
    def last_round(self) -> int:
        """The last round with anything in it: the open round, or the last resolved one when over."""
        return self.rounds_played if self.over else self.rounds_played + 1

    def positions(self) -> list[tuple[int, ReplayPhase]]:
        """Every moment one can seek, in order of play."""
        result: list[tuple[int, ReplayPhase]] = []
        for number in range(1, self.rounds_played + 1):
            result += [(number, "orders"), (number, "resolved")]
        result.append((self.rounds_played, "over") if self.over else (self.rounds_played + 1, "orders"))
        return result

    def actions(self, round_no: int) -> list[Submitted]:
        return list(self.document.log.actions(round_no))

    def messages(self, round_no: int) -> list[Submitted]:
        return [s for s in self.document.log.actions(round_no) if s.type == "message"]

    def report(self, round_no: int) -> RoundReport:
        self._check_resolved(round_no)
        return self.document.log.rounds[round_no - 1].report

    @property
    def reports(self) -> list[RoundReport]:
        return [closed.report for closed in self.document.log.rounds]

    def seek(self, round_no: int, phase: ReplayPhase = "orders", step: int | None = None) -> Moment:
        if phase == "orders":
            if not 1 <= round_no <= self.last_round:
                raise SessionError(f"round {round_no} is not in this save; it has rounds 1 to {self.last_round}")
            actions = self.document.log.actions(round_no)
            count = len(actions) if step is None else step
            if not 0 <= count <= len(actions):
                raise SessionError(f"round {round_no} has {len(actions)} actions; step {step} is out of range")
            state = apply_all(self._opening(round_no), actions[:count], round_no, self.document.name,
                              numbered=numbered_ids(self.document), written=self.document.engine)
            return Moment(round_no, phase, state, list(actions[:count]), None)
        if phase == "resolved":
            self._check_resolved(round_no)
        elif phase == "over":
            if not self.over:
                raise SessionError(f"the game is not over: {self.rounds_played} of {self.document.scenario.rounds} "
                                   "rounds are resolved")
            round_no = self.rounds_played
        else:
            raise SessionError(f"unknown phase '{phase}'; phases are {', '.join(PHASES)}")
        closed = self.document.log.rounds[round_no - 1]
        return Moment(round_no, phase, self._opening(round_no + 1), list(closed.actions), closed.report)

    def _check_resolved(self, round_no: int) -> None:
        if not 1 <= round_no <= self.rounds_played:
            played = f"rounds 1 to {self.rounds_played} are" if self.rounds_played else "no round is"
            raise SessionError(f"round {round_no} is not resolved in this save; {played} resolved")

    def _opening(self, round_no: int) -> GameState:
        """The state when `round_no` opened (`rounds + 1`: the end), from the cache, a snapshot or a re-run."""
        cached = self._openings.get(round_no)
        if cached is not None:
            return cached
        if self.same_rules:
            stored = snapshot_state(self.document, round_no - 1)
            if stored is not None:
                self._openings[round_no] = stored
                return stored
        earlier = [n for n in self._openings if n < round_no]
        if earlier:
            base = max(earlier)
            state = self._openings[base]
        else:
            base = 1
            state = opening_state(self.document, 1, use_snapshots=self.same_rules)
            self._openings[1] = state
        for number in range(base, round_no):
            state = apply_all(state, self.document.log.actions(number), number, self.document.name,
                              numbered=numbered_ids(self.document), written=self.document.engine)
            state, _ = resolve_round(state)
            self._openings[number + 1] = state
        return state

    def branch(self, round_no: int, *, keep: int = 0, saves_dir: str | Path | None = None,
               keep_ready: bool = True) -> Session:
        """A new session with rounds before `round_no` as played, and `round_no` reopened with its
        first `keep` actions; saved in `saves_dir` (default: beside this save) as a file naming this
        one as its parent. A save written under other rules is first replayed under these.

        `keep_ready=False` leaves the teams' `ready` out of the kept actions, so that every team
        plays on in the what-if instead of finding its turn already over."""
        source = self.document
        if not self.same_rules:
            replayed = Session._replayed(source, self.path or Path(source.name), autosave=False).document
            replayed.name = "<memory>"
            branch = Replay(replayed).branch(round_no, keep=keep, saves_dir=saves_dir or self._folder(),
                                             keep_ready=keep_ready)
            assert branch.document.parent is not None
            branch.document.parent.update(id=source.id, path=str(self.path) if self.path else None)
            if branch.path is not None:
                branch.save()
            return branch
        last = min(self.last_round, source.scenario.rounds)
        if not 1 <= round_no <= last:
            raise SessionError(f"cannot branch at round {round_no}; this save can reopen rounds 1 to {last}")
        actions = source.log.actions(round_no)
        if not 0 <= keep <= len(actions):
            raise SessionError(f"round {round_no} has {len(actions)} actions; cannot keep {keep}")
        rounds = list(source.log.rounds[:round_no - 1])
        if rounds and not rounds[-1].has_snapshot:
            rounds[-1] = rounds[-1].with_snapshot(state_to_data(self._opening(round_no)))
        state = self._opening(round_no)
        kept = [s for s in actions[:keep] if keep_ready or s.type != "ready"]
        for submitted in kept:
            state = apply(state, submitted.action, by=submitted.by)
        created = now()
        document = SaveDocument(
            id=new_id(), created=created.isoformat(), engine=EngineStamp.current(), scenario=source.scenario,
            scenario_data=source.scenario_data, scenario_hash=source.scenario_hash, seed=source.seed,
            seats=dict(source.seats), snapshot_every=source.snapshot_every,
            log=Log(source.log.start, rounds, kept),
            annotations={k: list(v) for k, v in source.annotations.items() if k < round_no},
            parent={"id": source.id, "path": str(self.path) if self.path else None, "round": round_no,
                    "actions": keep, "reason": "branch"},
            facilitator=source.facilitator, turn_minutes=source.turn_minutes, _world=source.world,
        )
        folder = Path(saves_dir) if saves_dir is not None else self._folder()
        path = None if folder is None else save_path(
            folder, source.scenario.id, document.id, created,
            is_compressed_name(self.path) if self.path else False)
        if path is not None:
            document.name = str(path)
        session = Session(document, state, path)
        if path is not None:
            session.save()
        return session

    def _folder(self) -> Path | None:
        return self.path.parent if self.path is not None else None
