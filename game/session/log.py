"""The session's log: every accepted action in order with its submitter, and each round's close.

The log is the single source of truth: every state of the game follows from the scenario, the seed
and these entries. A round's close records what resolving it gave (the report and the state hash),
a snapshot of the state when due (a cache for fast seeking, checked by `verify`), and a seal: a hash
chained over every closed round's content, so that `verify` can tell a save edited after it was
written from one that an engine with other rules replays differently.

Entries keep the JSON data they are stored as, so that writing a save never converts them again.
"""

import hashlib
import json
import zlib
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from game import jsontext
from game.engine.serialize import REPORT_ADAPTER
from game.model.actions import ACTION_ADAPTER, FACILITATOR, Action
from game.model.report import RoundReport

Kept = dict[str, Any] | str | bytes
"""How a closed round keeps its report or snapshot: as data (a save read back), as its JSON text
(`compact`), or as that text compressed (`packed`)."""
Piece = str | bytes
"""A piece of a save's text: text, or text kept compressed (`packed`), inflated only as it is
written, one piece at a time (`piece_bytes`, `piece_text`)."""


def canonical(data: Any) -> str:
    """One text for one value, whatever the key order: what seals are computed over."""
    return jsontext.dumps(data, sort_keys=True, compact=True)


def compact(data: Any) -> str:
    """How a save writes a value: small, and fast to read back (NaN and infinity refused)."""
    return jsontext.dumps(data, compact=True)


def action_data(action: Action) -> dict[str, Any]:
    data: dict[str, Any] = ACTION_ADAPTER.dump_python(action, mode="json", exclude_none=True)
    return data


class InvalidAction(ValueError):
    """A stored action that is not a valid action any more (or never was)."""


class Submitted:
    """One accepted action and the seat that submitted it (None: the facilitator or an orders file),
    with the one-line reason an AI seat gives for it, the request id a networked team's screen
    sent it under (a host restarted on the save still knows a retry of it), and the role of the team
    member who sent it when the host splits a team's orders among roles (`game.net.roles`; None: the
    whole team, as at the hot seat). The role is a record of who did what, never engine state.

    The action is parsed from its data when first needed, so loading a long save stays fast.
    """

    __slots__ = ("_action", "by", "data", "reason", "request", "role")

    def __init__(self, by: str | None, data: dict[str, Any], action: Action | None = None,
                 reason: str | None = None, request: str | None = None, role: str | None = None) -> None:
        self.by = by
        self.data = data
        self._action = action
        self.reason = reason
        self.request = request
        self.role = role

    @classmethod
    def of(cls, action: Action, by: str | None, reason: str | None = None,
           request: str | None = None, role: str | None = None) -> "Submitted":
        return cls(by, action_data(action), action, reason, request, role)

    @property
    def action(self) -> Action:
        if self._action is None:
            try:
                self._action = ACTION_ADAPTER.validate_python(self.data)
            except ValidationError as error:
                first = error.errors()[0]
                where = ".".join(str(part) for part in first["loc"])
                raise InvalidAction(f"{where + ': ' if where else ''}{first['msg']}") from None
        return self._action

    @property
    def type(self) -> str:
        return str(self.data.get("type", "?"))

    @property
    def state(self) -> str:
        """The acting state or organization (`facilitator` for the facilitator's injects)."""
        if self.data.get("type") == "inject":
            return FACILITATOR
        return str(self.data.get("state") or self.data.get("org") or "?")

    def to_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {"by": self.by, "action": self.data}
        if self.reason is not None:
            data["reason"] = self.reason
        if self.request is not None:
            data["request"] = self.request
        if self.role is not None:
            data["role"] = self.role
        return data


def start_seal(scenario_data: dict[str, Any], scenario_hash: str, seed: int, start_hash: str) -> str:
    """The first link of the chain: what the game started from."""
    text = canonical({"scenario": scenario_data, "scenario_hash": scenario_hash, "seed": seed, "hash": start_hash})
    return hashlib.sha256(text.encode()).hexdigest()


def round_seal(previous: str, round_no: int, actions: list[Submitted], state_hash: str,
               report: dict[str, Any]) -> str:
    content = canonical({
        "round": round_no, "actions": [s.to_data() for s in actions], "hash": state_hash, "report": report,
    })
    return hashlib.sha256((previous + content).encode()).hexdigest()


@dataclass(slots=True)
class ClosedRound:
    """A resolved round: its actions in order, then what resolving them gave."""

    round: int
    actions: list[Submitted]
    hash: str
    reported: dict[str, Any] | str
    """The round's report as `report_to_data` gives it (a save read back), or that data as JSON
    text (a live session keeps the text, which the save writes as it is: a 200-state round's
    report is 0.7 MB of text and 2.2 MB as dicts and lists)."""
    seal: str
    stored: Kept | None = None
    """The state after this round's resolution when a snapshot is due, else None: its data as
    `state_to_data` gives it (a save read back, its text once written), or that text compressed
    (`packed`: a live session keeps it so, a fifth of the text's size, rather than a tree of dicts
    and lists, which a long game's memory and the garbage collector would carry every round)."""
    _report: RoundReport | None = field(default=None, repr=False)
    _head_text: str | None = field(default=None, repr=False)

    @property
    def report_data(self) -> dict[str, Any]:
        """The report as data, parsed again on each call when it is kept as text: read it once."""
        return _data(self.reported)

    @property
    def snapshot(self) -> dict[str, Any] | None:
        """The snapshot as data, parsed again on each call when it is kept as text: read it once."""
        return None if self.stored is None else _data(self.stored)

    @property
    def has_snapshot(self) -> bool:
        return self.stored is not None

    @property
    def report(self) -> RoundReport:
        if self._report is None:
            if isinstance(self.reported, str):
                self._report = REPORT_ADAPTER.validate_json(self.reported)
            else:
                self._report = REPORT_ADAPTER.validate_python(self.reported)
        return self._report

    def to_data(self) -> dict[str, Any]:
        data = {
            "round": self.round, "actions": [s.to_data() for s in self.actions], "hash": self.hash,
            "seal": self.seal, "report": self.report_data,
        }
        if self.stored is not None:
            data["snapshot"] = self.snapshot
        return data

    def parts(self) -> list[Piece]:
        """This round as the save writes it (`compact(to_data())`), in pieces the writer joins or
        streams: the round's head (actions, hash, seal), computed once since a closed round never
        changes, then its report and its snapshot as they are kept, never copied into a second
        string (a 200-state game's snapshots are 45 MB of text, its reports 14 MB): a packed
        snapshot is inflated only as it is written. A report or snapshot kept as data is turned into
        text on the first write and kept as text from then on: the same values, and smaller."""
        if self._head_text is None:
            head = {"round": self.round, "actions": [s.to_data() for s in self.actions], "hash": self.hash,
                    "seal": self.seal}
            self._head_text = compact(head)[:-1]  # without its closing brace
        self.reported = _text(self.reported)
        if self.stored is None:
            return [self._head_text, ',"report":', self.reported, "}"]
        if isinstance(self.stored, dict):
            self.stored = compact(self.stored)
        return [self._head_text, ',"report":', self.reported, ',"snapshot":', self.stored, "}"]

    def without_snapshot(self) -> "ClosedRound":
        return ClosedRound(self.round, self.actions, self.hash, self.reported, self.seal, None, self._report)

    def with_snapshot(self, snapshot: Kept) -> "ClosedRound":
        return ClosedRound(self.round, self.actions, self.hash, self.reported, self.seal, snapshot, self._report)


def packed(text: bytes) -> bytes:
    """JSON text kept compressed: a 200-state snapshot's 2.4 MB in 0.43 MB, compressed in 10 ms (a
    `mekong` one in 0.2 ms) and inflated again in half that when the save is written."""
    return zlib.compress(text, 1)


def piece_bytes(piece: Piece) -> bytes:
    """A piece of a save as the file holds it (UTF-8)."""
    return zlib.decompress(piece) if isinstance(piece, bytes) else piece.encode()


def piece_text(piece: Piece) -> str:
    return zlib.decompress(piece).decode() if isinstance(piece, bytes) else piece


def unpacked(kept: Kept) -> dict[str, Any] | str:
    """A report or snapshot as data or as its JSON text, whichever is at hand (never compressed)."""
    return piece_text(kept) if isinstance(kept, bytes) else kept


def _data(kept: Kept) -> dict[str, Any]:
    """A report or snapshot as data, however it is kept."""
    if isinstance(kept, dict):
        return kept
    data: dict[str, Any] = json.loads(zlib.decompress(kept) if isinstance(kept, bytes) else kept)
    return data


def _text(kept: Kept) -> str:
    """A report or snapshot as the save writes it, however it is kept."""
    held = unpacked(kept)
    return held if isinstance(held, str) else compact(held)


@dataclass(slots=True)
class Start:
    """The opening position: its hash, the first seal, and its snapshot (as data, or as JSON text
    as a live session keeps it, like a round's: `ClosedRound.stored`)."""

    hash: str
    seal: str
    stored: dict[str, Any] | str
    _head_text: str | None = field(default=None, repr=False)

    @property
    def snapshot(self) -> dict[str, Any]:
        """The snapshot as data, parsed again on each call when it is kept as text: read it once."""
        return _data(self.stored)

    def parts(self) -> list[Piece]:
        """The opening as the save writes it, in pieces (`ClosedRound.parts`)."""
        if self._head_text is None:
            self._head_text = compact({"hash": self.hash, "seal": self.seal})[:-1]
        self.stored = _text(self.stored)
        return [self._head_text, ',"snapshot":', self.stored, "}"]


@dataclass(slots=True)
class Log:
    start: Start
    rounds: list[ClosedRound] = field(default_factory=list)
    open: list[Submitted] = field(default_factory=list)
    """Actions accepted so far in the round now open."""

    @property
    def seal(self) -> str:
        return self.rounds[-1].seal if self.rounds else self.start.seal

    def actions(self, round_no: int) -> list[Submitted]:
        """The actions of a round, closed or open, in the order they were accepted."""
        if 1 <= round_no <= len(self.rounds):
            return self.rounds[round_no - 1].actions
        if round_no == len(self.rounds) + 1:
            return self.open
        return []

    def copy(self) -> "Log":
        return Log(self.start, list(self.rounds), list(self.open))
