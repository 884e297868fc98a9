"""The layout of a save file, format 1, as pydantic reads it: the shape only.

The bulky parts (the scenario, reports, snapshots, actions) are read as plain data here and given
meaning later (`document.from_layout`), so that a save loads at close to the speed of parsing JSON.

    {"kind": "accord-save", "format": 1,
     "engine": {"accord": "0.1.0", "rules": 1},
     "id": "5f0c2a9e", "created": "2025-03-02T10:15:00+00:00", "parent": null,
     "seed": 20240611, "seats": {"aldmark": {"kind": "human"}, "korvia": {"kind": "ai", "personality": "cooperative"}},
     "snapshot_every": 1, "scenario_hash": "9d1e...", "scenario": {...the scenario, embedded...},
     "annotations": {"2": ["Aldmark hesitated over the referral mechanism"]},
     "start": {"hash": "...", "seal": "...", "snapshot": {...}},
     "rounds": [{"round": 1, "actions": [{"by": "aldmark", "action": {"type": "allocate", ...}, "reason": "..."}],
                 "hash": "...", "seal": "...", "report": {...}, "snapshot": {...}}],
     "open": {"round": 2, "actions": [...]}}

`open` is null once the game is over; `parent` names the save a branch was taken from. Four keys
appear only when they say something: `"turn_minutes": 5` when a hot-seat game has a turn timer
(`accord play --turn-minutes`; a setting of the room, outside the hashes and seals, so that a game
continued from its save keeps it), `"facilitator": {"kdf": "pbkdf2-sha256", "iterations": ...,
"salt": ..., "hash": ...}` when the game has a facilitator PIN (a salted hash, never the PIN; outside
the seals), `"paused": true` after the facilitator of a hosted game paused it, and an action's
`"request"`, the id a networked team's screen sent it under (both read by a host restarted on the
save; neither is part of a hash; a request id is sealed with its round), and an action's `"role"`, the
role of the team member who sent it when the host splits a team's orders among roles (`accord host
--roles`; sealed with its round, never part of a state hash).
"""

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from game.session.clock import MAX_MINUTES

KIND = "accord-save"


class _Layout(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EngineLayout(_Layout):
    accord: str
    rules: int


class SeatLayout(_Layout):
    kind: Literal["human", "ai"]
    personality: str | None = None


class ParentLayout(_Layout):
    id: str
    path: str | None = None
    round: int = Field(ge=1)
    """The round the branch reopened."""
    actions: int = Field(0, ge=0)
    """How many of that round's actions the branch kept."""
    reason: str = "branch"
    """`branch` (a what-if) or `rules` (the parent was replayed under other engine rules)."""


class SubmittedLayout(_Layout):
    by: str | None
    action: dict[str, Any]
    reason: str | None = None
    request: str | None = Field(default=None, max_length=64)
    role: str | None = Field(default=None, max_length=64)


class StartLayout(_Layout):
    hash: str
    seal: str
    snapshot: dict[str, Any]


class RoundLayout(_Layout):
    round: int
    actions: list[SubmittedLayout]
    hash: str
    seal: str
    report: dict[str, Any]
    snapshot: dict[str, Any] | None = None


class OpenLayout(_Layout):
    round: int
    actions: list[SubmittedLayout]


class FacilitatorLayout(_Layout):
    """The facilitator's PIN as a salted hash (`session.pin`); the count is bounded so that an edited
    save cannot make checking a PIN take minutes."""

    kdf: Literal["pbkdf2-sha256"]
    iterations: int = Field(ge=1_000, le=2_000_000)
    salt: str = Field(pattern=r"^[0-9a-f]{16,128}$")
    hash: str = Field(pattern=r"^[0-9a-f]{64}$")


class SaveLayout(_Layout):
    kind: Literal["accord-save"]
    format: Literal[1]
    engine: EngineLayout
    id: str
    created: str
    parent: ParentLayout | None = None
    seed: int
    seats: dict[str, SeatLayout]
    snapshot_every: int = Field(ge=1)
    scenario_hash: str
    scenario: dict[str, Any]
    annotations: dict[int, list[str]] = Field(default_factory=dict)
    paused: bool = False
    turn_minutes: float | None = Field(default=None, gt=0, le=MAX_MINUTES, allow_inf_nan=False)
    facilitator: FacilitatorLayout | None = None
    start: StartLayout
    rounds: list[RoundLayout]
    open: OpenLayout | None
