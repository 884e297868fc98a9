"""What a host and its clients say to each other: JSON bodies as pydantic models.

Every request body is parsed with `model_validate_json` (bounded in size by the host before that),
so that a malformed body gets the validation's own words back. Replies are models too, so the client
checks what it receives as carefully: a host is trusted with the game, not with the client's memory.

Endpoints (all but /api/ping take `Authorization: Bearer CODE`):

    GET  /api/ping                      liveness, no code needed, says nothing about the game
    GET  /api/whoami                    the role the code grants (`Hello`)
    GET  /api/table                     the table as everyone sees it (`TableStatus`)
    GET  /api/view                      the code's seat's view, verdicts and last report (`ViewReply`)
    POST /api/action                    submit an action for the code's seat (`ActionRequest` -> `ActionReply`)
    POST /api/check                     would the rules accept it? (`CheckRequest` -> `CheckReply`)
    POST /api/read                      the team closed its report on a round (`ReadRequest` -> `Done`)
    GET  /api/orders?round=N            the seat's own orders in a round, in words (`OrdersReply`)
    GET  /api/report?round=N            the seat's report on a resolved round (`ReportReply`)
    GET  /api/final                     the final scores, once the game is over (`FinalReply`)
    GET  /api/events                    WebSocket of `Notice`s: something changed, fetch again
    GET  /api/facilitator/status        connections, readiness, events, notes, messages (`FacilitatorStatus`)
    GET  /api/facilitator/truth         the whole truth (`TruthReply`)
    POST /api/facilitator/resolve       resolve the open round now, whoever is not ready (`ResolveRequest`)
    POST /api/facilitator/inject        fire a scenario event (`InjectRequest`)
    POST /api/facilitator/summit        convene a summit the facilitator chairs (`SummitCall`)
    POST /api/facilitator/pause|resume  stop or reopen submissions (and the round timer)
    POST /api/facilitator/timer   more time on the round timer
    POST /api/facilitator/note          a note on a round, kept in the save (`NoteRequest`)

Errors are `ErrorReply` with a status: 400 malformed or invalid, 401 no or unknown code, 403 not
this code's seat or role, 404 no such path, 408 a body too slow to arrive, 409 refused by the rules,
413 body too large, 423 paused, 429 too many requests (or more orders or messages than one seat may
add in a round), 500 an unexpected error and 503 a save that could not be written: after either,
nothing was recorded and the game is as it was, so the same request (same id) may be tried again.

Text a player writes is stripped of control characters and escape sequences (`game.model.text`).
"""

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from game.engine.scoring import GameScore
from game.model.base import Slug
from game.model.report import RoundReport
from game.model.scenario import MAX_ROUNDS
from game.model.summit import SummitView
from game.model.text import PlayerText
from game.model.view import AgreementView, MessageView, OrgView, PlayerView, PledgeView, ProposalView
from game.session.seat_reports import OrgRoundReport, StateRoundReport
from game.session.seats import Seat

PROTOCOL = 1
MAX_BODY = 64 * 1024
"""Bytes a request body may hold: a message is at most 4,000 characters, a proposal far less."""

ErrorKind = Literal["invalid", "unauthorized", "forbidden", "not_found", "refused", "too_large", "paused",
                    "rate_limited", "unavailable", "over"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ErrorReply(Model):
    error: str
    kind: ErrorKind


class Hello(Model):
    protocol: int = PROTOCOL
    role: Literal["seat", "facilitator"]
    seat: str | None = None
    name: str
    """The seat's name, or 'Facilitator'."""
    organization: bool = False
    title: str
    scenario: str
    member: str | None = Field(None, description=(
        "The role this code plays in its team (`accord host --roles`); None: the whole team, every order."))
    fields: list[str] = Field(default_factory=list, description=(
        "The budget's capacities that are this member's: its screen sends those, the others keep their values."))
    part: str = Field("", description="This member's part of the team's orders, in words.")
    team_roles: list[str] = Field(default_factory=list, description=(
        "The roles the seat's members play (`accord host --roles`), empty: a team with one code."))


class SeatStatus(Model):
    id: str
    name: str
    human: bool
    organization: bool
    ready: bool
    connected: int = Field(description="Open event connections with this seat's codes (its members' too).")
    roles: list[str] = Field(default_factory=list, description=(
        "The roles this seat plays in (`accord host --roles`), empty: one code for the whole team."))
    members: list[str] = Field(default_factory=list, description="Its roles whose member is connected now.")


class Announcement(Model):
    """A message from the facilitator to the teams (`POST /api/facilitator/broadcast`)."""

    number: int = Field(ge=1, description="Counts up from 1 on this host: a desk shows each number once.")
    round: int
    to: list[str] = Field(default_factory=list, description="The seats it is for; empty: every team.")
    text: str


class ReadingStatus(Model):
    """The wait before the round's countdown while teams read the last report (`--reading-minutes`)."""

    round: int = Field(description="The round whose report the teams are reading (the one just resolved).")
    done: int = Field(ge=0, description="Connected human teams that have closed the report.")
    teams: int = Field(ge=0, description="Connected human teams waited for.")
    left: float = Field(ge=0, description="Seconds left of the reading allowance: then the countdown starts anyway.")


class TableStatus(Model):
    title: str
    round: int
    rounds: int
    round_label: str
    over: bool
    paused: bool
    version: str
    seats: list[SeatStatus]
    waiting_for: list[str]
    time_left: float | None = Field(None, description=(
        "Seconds left on the round timer (`accord host --round-minutes`); None when the game has no timer."))
    timer_paused: bool = False
    reading: ReadingStatus | None = Field(None, description=(
        "While the teams read the last round's report, before this round's countdown starts; None otherwise."))
    announcements: list[Announcement] = Field(default_factory=list, description=(
        "The facilitator's messages this seat may read (all of them for the facilitator)."))


class ViewReply(Model):
    version: str
    player: PlayerView | None = None
    org: OrgView | None = None
    verdicts: dict[str, str | None] = Field(default_factory=dict, description=(
        "The rules' verdict on the orders a team's screen asks about first (each law adopted or repealed, "
        "each proposal answered or withdrawn), by the action's canonical JSON: one round trip instead of many."))
    last_report: RoundReport | None = None


class ActionRequest(Model):
    action: dict[str, Any]
    request: str | None = Field(None, min_length=1, max_length=64, description=(
        "A client's id for this submission: a retry with the same id is answered, not applied twice."))


class ActionReply(Model):
    version: str
    duplicate: bool = False


class CheckRequest(Model):
    action: dict[str, Any]


class CheckReply(Model):
    refusal: str | None


class OrdersReply(Model):
    round: int
    orders: list[str]


class ReportReply(Model):
    state: StateRoundReport | None = None
    org: OrgRoundReport | None = None


class FinalReply(Model):
    """The final scores, for everyone once the game is over (the truth is revealed at the end, as at
    the hot seat)."""

    title: str
    round_label: str
    score: GameScore
    names: dict[str, str]
    seats: dict[str, Seat]


class Notice(Model):
    """Pushed on /api/events whenever the game changes: fetch what you show again."""

    type: Literal["changed"] = "changed"
    version: str
    round: int
    over: bool
    paused: bool


class EventInfo(Model):
    id: str
    title: str
    round: int | None
    fired: bool
    pending: bool
    condition_holds: bool = Field(False, description=(
        "An event on a condition whose condition holds now: it fires at this resolution unless that changes."))
    fired_in: int | None = Field(None, description="The round whose resolution fired it, once fired.")
    by_hand: bool = Field(False, description="Fired because the facilitator injected it, not by its script.")


class FacilitatorStatus(Model):
    table: TableStatus
    save: str | None
    events: list[EventInfo]
    notes: dict[int, list[str]]
    messages: list[MessageView]
    last_seen: dict[str, float] = Field(default_factory=dict, description="Seat -> seconds since its last request.")
    proposals: list[ProposalView] = Field(default_factory=list, description="Every proposal, with its answers.")
    agreements: list[AgreementView] = Field(default_factory=list, description="Every agreement, breaches included.")
    trust: dict[str, dict[str, float]] = Field(default_factory=dict, description="State -> other state -> trust.")
    orders: dict[str, list[str]] = Field(default_factory=dict, description=(
        "Seat -> what it has ordered this round, in words (`ready` left out)."))
    last_acted: dict[str, float] = Field(default_factory=dict, description=(
        "Seat -> seconds since it last gave an order through this host."))
    catalogue: dict[str, str] = Field(default_factory=dict, description="Law and agreement ids -> their names.")
    summits: list[SummitView] = Field(default_factory=list, description=(
        "Every summit: draft, amendments and votes, signatures, reservations and ratifications."))
    pledges: list[PledgeView] = Field(default_factory=list, description=(
        "Every public pledge, with its verdict once due: the chair follows promises beside the summits."))


class TruthReply(Model):
    version: str
    truth: dict[str, Any]
    last_report: RoundReport | None = None
    names: dict[str, str] = Field(default_factory=dict, description="States, organizations and regions by id.")
    controller: dict[str, str | None] = Field(default_factory=dict, description="Region -> the state controlling it.")


class ResolveRequest(Model):
    round: int | None = Field(None, ge=1, description=(
        "The round the facilitator means to resolve: refused if it is not the open one, so that a retried "
        "request never resolves two rounds."))


class ReadRequest(Model):
    """A team's screen closed its report on round `round`: a repeated or late one changes nothing."""

    round: int = Field(ge=1, le=MAX_ROUNDS)


class InjectRequest(Model):
    event: Slug


class BroadcastRequest(Model):
    text: PlayerText = Field(min_length=1, max_length=1000)
    to: list[Slug] = Field(default_factory=list, description="The seats it is for; empty: every team.")


class NoteRequest(Model):
    text: PlayerText = Field(min_length=1, max_length=4000)
    round: int | None = Field(None, ge=0)


class TimerRequest(Model):
    add_minutes: float = Field(2.0, gt=0, le=60, description="Minutes added to the round timer.")


class Done(Model):
    version: str
    message: str = ""
