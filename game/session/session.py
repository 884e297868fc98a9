"""A game in progress: the scenario, the seed, a seat per state, and the log of everything accepted.

The session is the only writer of save files. Every accepted action and every resolved round is an
append to its log followed by an autosave, and a change that cannot be saved is undone and
reported, so the file on disk and the game in memory never disagree. The log is the single source
of truth (the current state is a cache of it), which is what lets seats sit on other machines
later: a remote seat sends an action, the host submits it, and the log entry is what travels.

No UI here: the TUI, the command line and a network host all drive the same methods.
"""

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import ValidationError

from game.ai.driver import AiMove, play_round
from game.engine import ActionRejected, apply, is_over, legal_actions, new_game, org_view, resolve_round, truth, view
from game.engine.diplomacy.ids import numbered_as
from game.engine.serialize import report_to_data, state_hash, state_to_json
from game.model.actions import ACTION_ADAPTER, Action
from game.model.plain import plain_error
from game.model.report import RoundReport
from game.model.scenario import Scenario
from game.model.state import GameState
from game.model.view import OrgView, PlayerView
from game.session.clock import MINUTE
from game.session.document import EngineStamp, SaveDocument
from game.session.errors import SaveError, SessionError
from game.session.log import ClosedRound, Log, Start, Submitted, compact, packed, round_seal, start_seal
from game.session.naming import DEFAULT_SAVES, new_id, now, save_path
from game.session.pin import FacilitatorPin
from game.session.positions import apply_all, numbered_ids, opening_state
from game.session.seals import edit_warning
from game.session.seats import Seat
from game.session.store import is_compressed_name, parse_save, read_save, write_save, write_save_parts

if TYPE_CHECKING:
    from game.session.replay import Replay

Phase = Literal["orders", "over"]

SNAPSHOT_EVERY = 1
"""Rounds between snapshots. A snapshot costs about as much as a round's report and lets `seek`
reach any moment without resolving a round, which keeps it within a few milliseconds."""


class Session:
    def __init__(self, document: SaveDocument, state: GameState, path: Path | None, autosave: bool = True,
                 note: str | None = None) -> None:
        """Use `Session.new` or `Session.load`; this is their common end."""
        self.document = document
        self._state = state
        self.path = path
        """Where autosaves go; None for a game kept in memory only."""
        self.autosave = autosave
        self.note = note
        """Something the facilitator should know about how this session was opened, else None."""
        self.warning: str | None = None
        """One line when the save it was opened from was edited after it was written (`seals`)."""

    # --- opening -------------------------------------------------------------------------------

    @classmethod
    def new(
        cls,
        scenario: Scenario,
        seed: int | None = None,
        seats: Mapping[str, Seat] | None = None,
        saves_dir: str | Path | None = DEFAULT_SAVES,
        *,
        path: str | Path | None = None,
        snapshot_every: int = SNAPSHOT_EVERY,
        autosave: bool = True,
        compress: bool = False,
        pin: str | None = None,
        turn_minutes: float | None = None,
    ) -> "Session":
        """A new game, saved at once to `path`, else to a new file in `saves_dir` (None: memory only).
        `pin`: the facilitator's PIN, which opens the replay before the game is over (`facilitator`).
        `turn_minutes`: a hot-seat team's time at the keyboard, kept with the save (None: no timer)."""
        if snapshot_every < 1:
            raise SessionError(f"snapshot_every must be 1 or more, not {snapshot_every}")
        state = new_game(scenario, seed)
        world = state.world
        scenario_data: dict[str, Any] = scenario.model_dump(mode="json", by_alias=True)
        opening = state_hash(state)
        seal = start_seal(scenario_data, world.scenario_hash, state.seed, opening)
        start = Start(opening, seal, state_to_json(state).decode())
        created = now()
        document = SaveDocument(
            id=new_id(), created=created.isoformat(), engine=EngineStamp.current(), scenario=scenario,
            scenario_data=scenario_data, scenario_hash=world.scenario_hash, seed=state.seed,
            seats=seat_table(scenario, seats), snapshot_every=snapshot_every, log=Log(start), _world=world,
            facilitator=None if pin is None else FacilitatorPin.of(pin), turn_minutes=turn_minutes,
        )
        target: Path | None = Path(path) if path is not None else None
        if target is None and saves_dir is not None:
            target = save_path(Path(saves_dir), scenario.id, document.id, created, compress)
        if target is not None:
            document.name = str(target)
        session = cls(document, state, target, autosave)
        if target is not None and autosave:
            session.save()
        return session

    @classmethod
    def load(cls, path: str | Path, *, autosave: bool = True) -> "Session":
        """The game in a save, ready to continue.

        The current state comes from the last snapshot and the open round's actions. A save written
        under other engine rules is replayed under these rules instead, and continues in a new file
        beside it (its parent), so that the original record is never overwritten.
        """
        target = Path(path)
        document = read_save(target)
        warning = edit_warning(document)
        session: Session | None = None
        if document.engine.is_current_rules:
            log = document.log
            state = opening_state(document, document.rounds_played + 1)
            if state_hash(state) == (log.rounds[-1].hash if log.rounds else log.start.hash):
                state = apply_all(state, log.open, document.rounds_played + 1, document.name)
                session = cls(document, state, target, autosave)
            # else the snapshots are unreadable, or the re-run disagrees with the sealed hashes:
            # the engine changed without a rules bump (an edited snapshot is never used: `positions`)
        if session is None:
            session = cls._replayed(document, target, autosave)
        session.warning = warning
        return session

    @classmethod
    def from_text(cls, text: str, path: Path | None, *, autosave: bool = True) -> "Session":
        """The game in a save's text as this engine wrote it (`SaveDocument.to_text`): how a host goes
        back to its last save without reading the disk, which may be what just failed."""
        document = parse_save(text.encode(), str(path) if path is not None else "the last save")
        state = opening_state(document, document.rounds_played + 1)
        state = apply_all(state, document.log.open, document.rounds_played + 1, document.name)
        return cls(document, state, path, autosave)

    @classmethod
    def _replayed(cls, document: SaveDocument, target: Path, autosave: bool) -> "Session":
        fresh = cls.new(document.scenario, document.seed, document.seats, None,
                        snapshot_every=document.snapshot_every, autosave=False)
        here = EngineStamp.current()
        for closed in document.log.rounds:
            fresh._resubmit(closed.actions, closed.round, document, here)
            fresh.resolve()
        fresh._resubmit(document.log.open, document.rounds_played + 1, document, here)
        fresh.document.annotations = {k: list(v) for k, v in document.annotations.items()}
        fresh.document.facilitator = document.facilitator
        fresh.document.turn_minutes = document.turn_minutes
        fresh.document.parent = {
            "id": document.id, "path": str(target), "round": min(document.rounds_played + 1, document.scenario.rounds),
            "actions": len(document.log.open), "reason": "rules",
        }
        fresh.path = save_path(target.parent, document.scenario.id, fresh.document.id, now(),
                               is_compressed_name(target))
        fresh.document.name = str(fresh.path)
        fresh.autosave = autosave
        why = (f"was written under {document.engine}" if document.engine.rules != here.rules else
               f"does not match this engine's states ({here}, changed since without a rules version bump)")
        fresh.note = (f"{target} {why}; it was replayed under {here} and continues in {fresh.path} "
                      f"(the original is left as it was)")
        return fresh

    def _resubmit(self, actions: list[Submitted], round_no: int, source: SaveDocument, here: EngineStamp) -> None:
        numbered = numbered_ids(source)
        for index, submitted in enumerate(actions, start=1):
            try:
                action = numbered_as(self._state, submitted.action) if numbered else submitted.action
                self.submit(action, by=submitted.by, reason=submitted.reason, role=submitted.role)
            except (ActionRejected, ValueError) as error:
                raise SaveError(source.name, f"written under {source.engine}; under {here}, round {round_no} "
                                             f"action {index} ({submitted.state} {submitted.type}) is refused: "
                                             f"{error}. Open it with {source.engine.build()}") from None

    # --- playing -------------------------------------------------------------------------------

    @staticmethod
    def parse_action(data: Mapping[str, Any]) -> Action:
        """An action from plain data (a form, a network message), or `ActionRejected` saying why not."""
        try:
            return ACTION_ADAPTER.validate_python(dict(data))
        except ValidationError as error:
            raise ActionRejected(plain_error(error)) from None

    def submit(self, action: Action, by: str | None = None, reason: str | None = None,
               request: str | None = None, role: str | None = None) -> GameState:
        """Accept `action` from seat `by` (None: the facilitator), append it to the log and autosave.
        An AI seat gives its one-line `reason`, kept in the log for the debrief; a networked seat its
        `request` id, kept so that a restarted host answers a retry instead of applying it again, and
        the `role` of the team member who sent it (`game.net.roles`), kept as a record only.

        `ActionRejected` if the rules refuse it; `SaveError` (and nothing recorded) if it cannot be saved.
        """
        if by is not None and by not in self.document.seats:
            raise ActionRejected(f"no seat '{by}' at this table; the seats are {', '.join(self.document.seats)}")
        after = apply(self._state, action, by=by)
        log = self.document.log
        log.open.append(Submitted.of(action, by, reason, request, role))
        try:
            self._autosave()
        except BaseException:
            log.open.pop()
            raise
        self._state = after
        return after

    def resolve(self) -> RoundReport:
        """Resolve the open round with every order submitted so far. The caller decides when: for
        example once `waiting_for()` is empty."""
        after, report = resolve_round(self._state)
        log = self.document.log
        every = self.document.snapshot_every
        report_data = report_to_data(report)
        closed = ClosedRound(
            report.round, log.open, report.state_hash, compact(report_data),
            round_seal(log.seal, report.round, log.open, report.state_hash, report_data),
            packed(state_to_json(after)), _report=report,
        )
        del report_data  # freed before the autosave: the round keeps the text (a third of the dicts)
        previous = log.rounds[-1] if log.rounds else None
        trimmed = previous is not None and previous.round % every != 0 and previous.has_snapshot
        if previous is not None and trimmed:
            log.rounds[-1] = previous.without_snapshot()
        log.rounds.append(closed)
        opened, log.open = log.open, []
        try:
            self._autosave()
        except BaseException:
            log.rounds.pop()
            log.open = opened
            if previous is not None and trimmed:
                log.rounds[-1] = previous
            raise
        self._state = after
        return report

    def annotate(self, round_no: int, text: str) -> None:
        """A facilitator's note on a round (0: before the first), kept with the save for the debrief."""
        text = text.strip()
        if not text:
            raise SessionError("an annotation needs some text")
        last = min(self.document.rounds_played + 1, self.scenario.rounds)
        if not 0 <= round_no <= last:
            raise SessionError(f"round {round_no} is not in this game yet; annotate rounds 0 to {last}")
        notes = self.document.annotations.setdefault(round_no, [])
        notes.append(text)
        try:
            self._autosave()
        except BaseException:
            notes.pop()
            if not notes:
                del self.document.annotations[round_no]
            raise

    @property
    def paused(self) -> bool:
        return self.document.paused

    @property
    def turn_seconds(self) -> float | None:
        """A hot-seat team's time at the keyboard, in seconds (None: no turn timer)."""
        minutes = self.document.turn_minutes
        return None if minutes is None else minutes * MINUTE

    def set_paused(self, paused: bool) -> None:
        """The facilitator pauses or resumes a hosted game; kept with the save (autosaved), so that a
        host restarted on it stays paused until the facilitator resumes."""
        before = self.document.paused
        self.document.paused = paused
        try:
            self._autosave()
        except BaseException:
            self.document.paused = before
            raise

    def set_pin(self, pin: str) -> None:
        """Set (or change) the facilitator's PIN, kept with the save as a salted hash (autosaved)."""
        before = self.document.facilitator
        self.document.facilitator = FacilitatorPin.of(pin)
        try:
            self._autosave()
        except BaseException:
            self.document.facilitator = before
            raise

    def set_seat(self, state_id: str, seat: Seat) -> None:
        """Hand a state to another player (a team leaves, an AI takes over)."""
        if state_id not in self.document.seats:
            raise SessionError(f"no state '{state_id}' in this game; its states are {', '.join(self.document.seats)}")
        before = self.document.seats[state_id]
        self.document.seats[state_id] = seat
        try:
            self._autosave()
        except BaseException:
            self.document.seats[state_id] = before
            raise

    # --- saving --------------------------------------------------------------------------------

    def save(self, path: str | Path | None = None) -> Path:
        """Write the save now (to `path`, which then becomes the session's file)."""
        target = Path(path) if path is not None else self.path
        if target is None:
            raise SessionError("this session is kept in memory only; give a path to save it")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise SaveError(str(target.parent), f"cannot create the folder: {error.strerror or error}") from None
        write_save(target, self.document)
        self.path = target
        self.document.name = str(target)
        return target

    def save_later(self) -> Callable[[], Path]:
        """The save as it stands now, to be written by calling what this returns, on any thread.

        For a host that acknowledges orders only once they are on disk and groups the orders that
        arrive during one write into the next (one fsync for many teams): it turns autosave off,
        takes this where the session lives, and writes in the background. The text is taken now, so
        later changes to the session do not reach this write (its pieces, `SaveDocument.to_parts`,
        are strings, which nothing changes).
        """
        target = self.path
        if target is None:
            raise SessionError("this session is kept in memory only; give a path to save it")
        parts = self.document.to_parts()

        def write() -> Path:
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise SaveError(str(target.parent), f"cannot create the folder: {error.strerror or error}") from None
            write_save_parts(target, parts)
            return target

        return write

    def _autosave(self) -> None:
        if self.autosave and self.path is not None:
            self.save()

    # --- reading -------------------------------------------------------------------------------

    @property
    def state(self) -> GameState:
        """The current state; read it, never change it (the engine returns new states)."""
        return self._state

    @property
    def scenario(self) -> Scenario:
        return self.document.scenario

    @property
    def seed(self) -> int:
        return self.document.seed

    @property
    def seats(self) -> dict[str, Seat]:
        return dict(self.document.seats)

    @property
    def id(self) -> str:
        return self.document.id

    @property
    def parent(self) -> dict[str, Any] | None:
        return self.document.parent

    @property
    def round(self) -> int:
        """The round open for orders (the scenario's rounds + 1 once the game is over)."""
        return self._state.round

    @property
    def phase(self) -> Phase:
        return "over" if is_over(self._state) else "orders"

    @property
    def is_over(self) -> bool:
        return is_over(self._state)

    @property
    def reports(self) -> list[RoundReport]:
        return [closed.report for closed in self.document.log.rounds]

    @property
    def log(self) -> Log:
        return self.document.log

    @property
    def annotations(self) -> dict[int, list[str]]:
        return {k: list(v) for k, v in self.document.annotations.items()}

    def submitted(self, round_no: int | None = None) -> list[Submitted]:
        """The actions accepted in a round (the open one by default), in order."""
        return list(self.document.log.actions(self.round if round_no is None else round_no))

    def play_ai(self) -> list[AiMove]:
        """Let every AI seat act for the open round (laws and proposals, then answers, budget and
        `ready`), each move submitted and logged with its reason like any seat's order."""
        seats = {state_id: seat.personality for state_id, seat in self.seats.items()
                 if not seat.is_human and seat.personality is not None}
        if not seats or self.is_over:
            return []

        def submit(action: Action, by: str, reason: str) -> GameState:
            return self.submit(action, by=by, reason=reason)

        _, moves = play_round(self._state, seats, submit)
        return moves

    def ready_seats(self) -> list[str]:
        states = [state_id for state_id, record in self._state.states.items() if record.ready]
        return states + [org_id for org_id, org in self._state.organizations.items() if org.ready]

    def waiting_for(self) -> list[str]:
        """Human seats not ready yet: when it is empty, the table can resolve the round."""
        ready = set(self.ready_seats())
        return [state_id for state_id, seat in self.document.seats.items() if seat.is_human and state_id not in ready]

    def legal_actions(self, who: str) -> list[Action]:
        return legal_actions(self._state, who)

    def view(self, who: str) -> PlayerView:
        if who not in self._state.states:
            raise SessionError(f"no state '{who}' in this game; its states are {', '.join(self._state.states)}")
        return view(self._state, who)

    def org_view(self, who: str) -> OrgView:
        """What an organization's team may see (see `game.engine.views.org_view`)."""
        if who not in self._state.organizations:
            raise SessionError(f"no organization '{who}' in this game")
        return org_view(self._state, who)

    def truth(self) -> dict[str, Any]:
        return truth(self._state)

    def replay(self) -> "Replay":
        from game.session.replay import Replay

        return Replay(self)

    def branch(self, round_no: int, *, keep: int = 0, saves_dir: str | Path | None = None) -> "Session":
        """A new session reopening round `round_no` (keeping its first `keep` actions): a what-if."""
        return self.replay().branch(round_no, keep=keep, saves_dir=saves_dir)


def seat_table(scenario: Scenario, seats: Mapping[str, Seat] | None) -> dict[str, Seat]:
    """A seat for every state, then every organization, in scenario order: the given ones, humans
    for the rest."""
    ids = [state.id for state in scenario.states] + [org.id for org in scenario.organizations]
    given = dict(seats or {})
    unknown = sorted(set(given) - set(ids))
    if unknown:
        noun, seats_are = ("state or organization", "seats") if scenario.organizations else ("state", "states")
        raise SessionError(f"no {noun} {', '.join(repr(u) for u in unknown)} in {scenario.id}; "
                           f"its {seats_are} are {', '.join(ids)}")
    return {state_id: given.get(state_id, Seat.human()) for state_id in ids}

