"""A save in memory: the header (scenario, seed, seats, engine), the log, and facilitator notes.

`to_text` writes it in the current format, reusing the text of every closed round, so that an
autosave after each action costs little more than writing the round in progress.
"""

import hashlib
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from game import __version__
from game.engine.serialize import REPORT_ADAPTER
from game.engine.version import ENGINE_RULES
from game.model.report import RoundReport
from game.model.scenario import Scenario
from game.model.world import World
from game.scenario.checks import check_draft
from game.scenario.draft import Draft
from game.scenario.positions import Positions
from game.scenario.reporter import Reporter
from game.session.errors import SaveError
from game.session.formats import FORMAT
from game.session.layout import KIND, SaveLayout, SubmittedLayout
from game.session.log import ClosedRound, Log, Piece, Start, Submitted, compact, piece_text, start_seal
from game.session.pin import FacilitatorPin
from game.session.seats import Seat


@dataclass(frozen=True, slots=True)
class EngineStamp:
    """Which program and which rules wrote a save."""

    accord: str
    rules: int

    @classmethod
    def current(cls) -> "EngineStamp":
        return cls(__version__, ENGINE_RULES)

    @property
    def is_current_rules(self) -> bool:
        return self.rules == ENGINE_RULES

    def __str__(self) -> str:
        return f"accord {self.accord}, engine rules {self.rules}"

    def build(self) -> str:
        """The program to open such a save with, in words: a development build can change the rules
        under the same release ("accord 0.1.0" then named the very program that could not)."""
        if self.accord != __version__:
            return f"accord {self.accord}"
        return f"an earlier build of accord {self.accord} (engine rules {self.rules})"


@dataclass(slots=True)
class SaveDocument:
    id: str
    created: str
    """When the session began (ISO 8601, UTC): metadata only, never part of a hash."""
    engine: EngineStamp
    scenario: Scenario
    scenario_data: dict[str, Any]
    """The scenario exactly as embedded, which is what the first seal covers."""
    scenario_hash: str
    seed: int
    seats: dict[str, Seat]
    snapshot_every: int
    log: Log
    annotations: dict[int, list[str]] = field(default_factory=dict)
    parent: dict[str, Any] | None = None
    paused: bool = False
    """The facilitator paused the game (a hosted one): a host started on the save keeps it paused.
    Metadata, like the notes: never part of a hash or a seal."""
    facilitator: FacilitatorPin | None = None
    """The facilitator's PIN (its salted hash), which opens the replay of the game in progress
    (`session.facilitator`). Metadata: never part of a hash or a seal."""
    turn_minutes: float | None = None
    """A hot-seat team's time at the keyboard (`accord play --turn-minutes`, or the new-game
    screen), so that a game continued from its save keeps its timer; None: no timer. A setting of
    the room, like `paused`: never part of a hash or a seal."""
    name: str = "<memory>"
    """Where it was read from, for messages."""
    _world: World | None = field(default=None, repr=False)
    _scenario_text: str | None = field(default=None, repr=False)

    @property
    def world(self) -> World:
        if self._world is None:
            self._world = World(self.scenario)
        return self._world

    @property
    def rounds_played(self) -> int:
        return len(self.log.rounds)

    @property
    def over(self) -> bool:
        return self.rounds_played >= self.scenario.rounds

    @property
    def open_round(self) -> int | None:
        return None if self.over else self.rounds_played + 1

    def to_text(self) -> str:
        return "".join(piece_text(piece) for piece in self.to_parts())

    def to_parts(self) -> list[Piece]:
        """The save's text in pieces (`to_text` joins them): a writer streams them to the file so
        that a large save is never held whole as a second copy of every snapshot it keeps (twice
        more once encoded), and every closed round gives the text it keeps (`ClosedRound.parts`)."""
        if self._scenario_text is None:
            self._scenario_text = compact(self.scenario_data)
        open_round = self.open_round
        opened = None if open_round is None else {
            "round": open_round, "actions": [s.to_data() for s in self.log.open],
        }
        notes = {str(k): v for k, v in sorted(self.annotations.items())}
        parts: list[Piece] = [
            '{"kind":', compact(KIND), ',"format":', str(FORMAT),
            ',"engine":', compact({"accord": self.engine.accord, "rules": self.engine.rules}),
            ',"id":', compact(self.id), ',"created":', compact(self.created), ',"parent":', compact(self.parent),
            ',"seed":', str(self.seed), ',"seats":', compact({k: v.to_data() for k, v in self.seats.items()}),
            ',"snapshot_every":', str(self.snapshot_every), ',"scenario_hash":', compact(self.scenario_hash),
            ',"scenario":', self._scenario_text, ',"annotations":', compact(notes),
            ',"paused":true' if self.paused else "",
            "" if self.turn_minutes is None else ',"turn_minutes":' + compact(self.turn_minutes),
            "" if self.facilitator is None else ',"facilitator":' + compact(self.facilitator.to_data()),
            ',"start":', *self.log.start.parts(), ',"rounds":[',
        ]
        for index, closed in enumerate(self.log.rounds):
            if index:
                parts.append(",")
            parts += closed.parts()
        parts += ["]", ',"open":', compact(opened), "}"]
        return parts


def from_layout(layout: SaveLayout, name: str) -> SaveDocument:
    """Give the layout its meaning: check what pydantic cannot (numbering, the scenario, and, for a
    save of these rules, every report: an edited one is named here rather than failing later)."""
    sealed = start_seal(layout.scenario, layout.scenario_hash, layout.seed, layout.start.hash) == layout.start.seal
    scenario = _scenario(layout.scenario, name, check=not sealed, scenario_hash=layout.scenario_hash)
    same_rules = layout.engine.rules == ENGINE_RULES
    rounds: list[ClosedRound] = []
    for index, entry in enumerate(layout.rounds):
        if entry.round != index + 1:
            raise SaveError(name, f"rounds[{index}] is round {entry.round}, expected round {index + 1}; "
                                  "the log is out of order")
        report = _report(entry.report, f"rounds.{index}.report", name) if same_rules else None
        rounds.append(ClosedRound(entry.round, _submitted(entry.actions), entry.hash, entry.report, entry.seal,
                                  entry.snapshot, report))
    if len(rounds) > scenario.rounds:
        raise SaveError(name, f"the log has {len(rounds)} rounds, but the scenario has only {scenario.rounds}")
    over = len(rounds) >= scenario.rounds
    opened: list[Submitted] = []
    if layout.open is None:
        if not over:
            raise SaveError(name, f"round {len(rounds) + 1} is missing: the game is not over, yet nothing is open")
    else:
        if over:
            raise SaveError(name, "the game is over, yet a round is open")
        if layout.open.round != len(rounds) + 1:
            raise SaveError(name, f"the open round is {layout.open.round}, expected round {len(rounds) + 1}")
        opened = _submitted(layout.open.actions)
    states = [state.id for state in scenario.states] + [org.id for org in scenario.organizations]
    if sorted(layout.seats) != sorted(states):
        raise SaveError(name, f"the seats ({', '.join(layout.seats) or 'none'}) do not match the scenario's "
                              f"states and organizations ({', '.join(states)})")
    seats = {}
    for state_id, seat in layout.seats.items():
        try:
            seats[state_id] = Seat(seat.kind, seat.personality)
        except ValueError as error:
            raise SaveError(name, f"seats.{state_id}: {error}") from None
    start = Start(layout.start.hash, layout.start.seal, layout.start.snapshot)
    return SaveDocument(
        id=layout.id, created=layout.created, engine=EngineStamp(layout.engine.accord, layout.engine.rules),
        scenario=scenario, scenario_data=layout.scenario, scenario_hash=layout.scenario_hash, seed=layout.seed,
        seats=seats, snapshot_every=layout.snapshot_every, log=Log(start, rounds, opened),
        annotations={k: list(v) for k, v in layout.annotations.items()},
        parent=layout.parent.model_dump(exclude_none=True) if layout.parent else None, paused=layout.paused,
        facilitator=None if layout.facilitator is None else FacilitatorPin(
            layout.facilitator.salt, layout.facilitator.hash, layout.facilitator.iterations),
        turn_minutes=layout.turn_minutes, name=name,
    )


def _scenario(data: dict[str, Any], name: str, *, check: bool, scenario_hash: str) -> Scenario:
    """The embedded scenario. An edited one (`check`: the opening's seal is broken, and the scenario
    no longer has the hash recorded with it) gets the checks a scenario file gets (how its parts
    fit, not only their types), so that one the engine could not play is refused here, in one line.
    Otherwise it is as the game embedded it, which may be a scenario cut short (`simulate --rounds`)
    that the file checks would refuse, so it is not checked again."""
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise SaveError(name, f"the embedded scenario is invalid: {where}: {first['msg']}") from None
    if not check or hashlib.sha256(scenario.model_dump_json().encode()).hexdigest() == scenario_hash:
        return scenario  # the hash `World.scenario_hash` gives, without building the world
    report = Reporter(name, Positions())
    check_draft(Draft.from_scenario(scenario), report)
    errors = [problem for problem in report.problems if problem.is_error]
    if errors:
        first_error = errors[0]
        where = f"{first_error.field}: " if first_error.field else ""
        raise SaveError(name, f"the embedded scenario was edited and is invalid: {where}{first_error.message}")
    return scenario


def _report(data: dict[str, Any], where: str, name: str) -> RoundReport:
    try:
        return REPORT_ADAPTER.validate_python(data)
    except ValidationError as error:
        first = error.errors()[0]
        inside = ".".join(str(part) for part in first["loc"])
        raise SaveError(name, f"{where}.{inside}: {first['msg']}; the save was edited or is corrupt") from None


def _submitted(entries: list[SubmittedLayout]) -> list[Submitted]:
    return [Submitted(entry.by, entry.action, reason=entry.reason, request=entry.request,
                      role=entry.role) for entry in entries]
