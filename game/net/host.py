"""The host's web application: HTTP for requests, a WebSocket for change notices (aiohttp).

aiohttp because textual-serve (the browser join screen) is built on it: one well-kept server library
for both, one event loop, one process, and its client for the remote screens too. Each request is
handled to the end on the loop's one thread, so the session sees one request at a time.

The order of checks for every request: a body over `MAX_BODY` is refused before it is read (413);
then the code (401, with nothing that tells which codes exist; wrong codes from one address are rate
limited too); then the code's own rate limit (429); then the body's JSON (400, with the parser's
words); then the seat and, for a team member's code (`accord host --roles`), the role's part (403);
then the rules (409). A refused request changes nothing in the game.
"""

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from aiohttp import WSCloseCode, WSMsgType, web
from pydantic import BaseModel, ValidationError

from game import jsontext
from game.engine import ActionRejected
from game.errors import AccordError
from game.model.actions import SummitCall
from game.net.codes import FACILITATOR, Codes
from game.net.door import BODY, Door
from game.net.journal import Journal
from game.net.limits import RateLimiter
from game.net.protocol import (
    MAX_BODY,
    ActionReply,
    ActionRequest,
    BroadcastRequest,
    CheckReply,
    CheckRequest,
    Done,
    ErrorKind,
    ErrorReply,
    Hello,
    InjectRequest,
    NoteRequest,
    Notice,
    OrdersReply,
    ReadRequest,
    ReportReply,
    ResolveRequest,
    TimerRequest,
)
from game.net.roles import OutsidePart
from game.net.table import GameOver, HostTable, NotOverYet, NotYourSeat, Paused, TooMuch, member_key
from game.session.errors import SaveError, SessionError
from game.session.seat_reports import OrgRoundReport, role_words
from game.session.session import Session

log = logging.getLogger("accord.host")

M = TypeVar("M", bound=BaseModel)
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

RATE = 20.0
"""Requests a second a code may keep up (a screen makes a few; a verdict per key typed at most)."""
BURST = 60.0
FAILED_RATE = 1.0
"""Requests with a wrong code an address may make a second, after a burst of `FAILED_BURST`."""
FAILED_BURST = 20.0
SOCKETS_PER_CODE = 4
CLOCK_TICK = 1.0
"""Seconds between two looks at the round timer."""
SOCKETS = 512
HEARTBEAT = 10.0
"""Seconds between WebSocket pings: a client that vanished is counted as gone within about this."""


class Refusal(Exception):
    """A request the host refuses: its status and the error the client reads."""

    def __init__(self, status: int, kind: ErrorKind, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.kind = kind
        self.headers = headers or {}


def reply(model: BaseModel, status: int = 200) -> web.Response:
    return web.Response(body=jsontext.model_text(model), status=status,
                        content_type="application/json")


def error_reply(status: int, kind: ErrorKind, message: str, headers: dict[str, str] | None = None) -> web.Response:
    response = reply(ErrorReply(error=message, kind=kind), status)
    response.headers.update(headers or {})
    return response


@web.middleware
async def errors(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Every failure as a JSON `ErrorReply`, never a traceback and never a half-done change."""
    try:
        return await handler(request)
    except Refusal as refusal:
        return error_reply(refusal.status, refusal.kind, str(refusal), refusal.headers)
    except web.HTTPRequestEntityTooLarge:
        return error_reply(413, "too_large", f"the request body is over {MAX_BODY // 1024} KB")
    except web.HTTPNotFound:
        return error_reply(404, "not_found", f"no such path: {request.path}")
    except web.HTTPMethodNotAllowed as error:
        allowed = ", ".join(sorted(error.allowed_methods))
        return error_reply(405, "invalid", f"{request.method} is not allowed on {request.path}; use {allowed}")
    except web.HTTPException as error:
        if error.status < 400:
            raise
        return error_reply(error.status, "invalid", error.reason or "bad request")
    except Paused as paused:
        return error_reply(423, "paused", str(paused))
    except (NotYourSeat, OutsidePart) as error:
        return error_reply(403, "forbidden", str(error))
    except TooMuch as error:
        return error_reply(429, "rate_limited", str(error))
    except GameOver as error:
        return error_reply(409, "over", str(error))
    except NotOverYet as error:
        return error_reply(409, "refused", str(error))
    except ActionRejected as error:
        return error_reply(409, "refused", str(error))
    except SaveError as error:
        log.error("%s", " ".join(error.lines()))
        return error_reply(503, "unavailable", f"the host could not save it, so nothing was recorded: {error}")
    except (SessionError, AccordError) as error:
        return error_reply(409, "refused", " ".join(line.removeprefix("accord: error: ") for line in error.lines()))
    except asyncio.CancelledError:
        raise
    except Exception as error:
        # the table undid whatever the request had changed (`game.net.table.undone_on_error`)
        log.exception("unexpected error on %s %s", request.method, request.path)
        return error_reply(500, "unavailable", f"the host met an unexpected error ({type(error).__name__}); "
                                               "nothing was recorded and the game is as it was: try again, and "
                                               "tell the facilitator if it happens again")


class Hub:
    """Who is connected, and the wake-up calls for their notice sockets."""

    def __init__(self) -> None:
        self.connected: dict[str, int] = {}
        self.last_seen: dict[str, float] = {}
        self.sockets_open: set[web.WebSocketResponse] = set()
        self._game = asyncio.Event()
        self._presence = asyncio.Event()

    def game_changed(self) -> None:
        self._game.set()
        self._game = asyncio.Event()

    def presence_changed(self) -> None:
        self._presence.set()
        self._presence = asyncio.Event()

    async def wait(self, presence: bool) -> None:
        waits = [asyncio.ensure_future(self._game.wait())]
        if presence:
            waits.append(asyncio.ensure_future(self._presence.wait()))
        try:
            await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for waiting in waits:
                waiting.cancel()

    @property
    def sockets(self) -> int:
        return sum(self.connected.values())


class Host:
    """The handlers over one `HostTable` and its `Codes`."""

    def __init__(self, table: HostTable, codes: Codes, *, rate: float = RATE, burst: float = BURST,
                 failed_rate: float = FAILED_RATE, failed_burst: float = FAILED_BURST) -> None:
        self.table = table
        self.codes = codes
        self.hub = Hub()
        self.journal = Journal(table)
        self.limiter = RateLimiter(rate, burst)
        self.door: Door | None = None
        """The connections held (`game.net.door`): a request with a valid code holds its own."""
        self.failures = RateLimiter(failed_rate, failed_burst)
        self._notices: set[asyncio.Task[None]] = set()
        table.on_change(self._game_changed)

    @property
    def session(self) -> Session:
        return self.table.session

    def _game_changed(self) -> None:
        """Clients hear of a change once it is on disk, so no notice shows them what a crash of the
        host would undo (a failed write goes back to the last save, which is a change of its own)."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # not serving yet: nobody to tell
            self.hub.game_changed()
            return
        task = loop.create_task(self._notice_when_saved())
        self._notices.add(task)
        task.add_done_callback(self._notices.discard)

    async def _notice_when_saved(self) -> None:
        await self.journal.settled()
        self.hub.game_changed()

    def application(self) -> web.Application:
        app = web.Application(middlewares=[errors], client_max_size=MAX_BODY)
        app.on_shutdown.append(self.close_sockets)
        app.on_startup.append(self.start_clock)
        app.on_cleanup.append(self.stop_clock)
        app.add_routes([
            web.get("/api/ping", self.ping),
            web.get("/api/whoami", self.whoami),
            web.get("/api/table", self.table_status),
            web.get("/api/view", self.view),
            web.post("/api/action", self.action),
            web.post("/api/check", self.check),
            web.get("/api/orders", self.orders),
            web.get("/api/report", self.report),
            web.post("/api/read", self.read),
            web.get("/api/final", self.final),
            web.get("/api/events", self.events),
            web.get("/api/facilitator/status", self.facilitator_status),
            web.get("/api/facilitator/truth", self.truth),
            web.post("/api/facilitator/resolve", self.resolve),
            web.post("/api/facilitator/inject", self.inject),
            web.post("/api/facilitator/summit", self.chair_summit),
            web.post("/api/facilitator/pause", self.pause),
            web.post("/api/facilitator/resume", self.resume),
            web.post("/api/facilitator/note", self.note),
            web.post("/api/facilitator/timer", self.more_time),
            web.post("/api/facilitator/broadcast", self.broadcast),
        ])
        return app

    # --- checks ----------------------------------------------------------------------------------

    def role(self, request: web.Request) -> str:
        """The seat (or `FACILITATOR`) the request's code grants, after the rate limits."""
        return self.member(request)[0]

    def member(self, request: web.Request) -> tuple[str, str | None]:
        """(the seat or `FACILITATOR`, the member's role or None for the whole team) the request's
        code grants, after the rate limits (each member's own)."""
        address = request.remote or "?"
        header = request.headers.get("Authorization", "")
        scheme, _, code = header.partition(" ")
        held = self.codes.holder(code.strip()) if scheme.lower() == "bearer" and code.strip() else None
        if held is None:
            # guessing is slowed down per address; a valid code is never held up by someone else's guesses
            if not self.failures.allow(address):
                wait = max(1, round(self.failures.retry_after(address)))
                raise Refusal(429, "rate_limited", f"too many requests with wrong codes; wait {wait} s",
                              {"Retry-After": str(wait)})
            message = ("no code: send 'Authorization: Bearer CODE' with your team's join code" if not header
                       else "this code is not valid for this game: check it with the facilitator")
            raise Refusal(401, "unauthorized", message, {"WWW-Authenticate": "Bearer"})
        seat, role = held
        if self.door is not None:
            self.door.hold(request)
        key = member_key(seat, role)
        if not self.limiter.allow(key):
            wait = max(1, round(self.limiter.retry_after(key)))
            raise Refusal(429, "rate_limited", f"too many requests: slow down and retry in {wait} s",
                          {"Retry-After": str(wait)})
        self.hub.last_seen[seat] = time.monotonic()
        return held

    def seat(self, request: web.Request) -> str:
        return self.seat_member(request)[0]

    def seat_member(self, request: web.Request) -> tuple[str, str | None]:
        seat, role = self.member(request)
        if seat == FACILITATOR:
            raise Refusal(403, "forbidden", "the facilitator's code has no seat: use the facilitator's routes")
        return seat, role

    def facilitator(self, request: web.Request) -> None:
        if self.role(request) != FACILITATOR:
            raise Refusal(403, "forbidden", "only the facilitator's code may do this")

    async def body(self, request: web.Request, model: type[M]) -> M:
        if request.content_length is not None and request.content_length > MAX_BODY:
            raise Refusal(413, "too_large", f"the request body is over {MAX_BODY // 1024} KB")
        try:
            raw = await asyncio.wait_for(request.read(), BODY)
        except TimeoutError:
            raise Refusal(408, "invalid", f"the request body did not arrive within {BODY:g} s") from None
        try:
            return model.model_validate_json(raw or b"{}")
        except ValidationError as error:
            raise Refusal(400, "invalid", problem(error)) from None

    def action_of(self, data: dict[str, Any]) -> Any:
        try:
            return Session.parse_action(data)
        except ActionRejected as error:
            raise Refusal(400, "invalid", f"not a valid action: {error}") from None

    def round_arg(self, request: web.Request) -> int | None:
        text = request.query.get("round")
        if text is None:
            return None
        try:
            return int(text)
        except ValueError:
            raise Refusal(400, "invalid", f"round: '{text[:20]}' is not a whole number") from None

    # --- everyone ----------------------------------------------------------------------------------

    async def ping(self, request: web.Request) -> web.Response:
        return web.json_response({"ok": True}, dumps=jsontext.dumps)

    async def whoami(self, request: web.Request) -> web.Response:
        seat, member = self.member(request)
        scenario = self.session.scenario
        if seat == FACILITATOR:
            return reply(Hello(role="facilitator", name="Facilitator", title=scenario.title, scenario=scenario.id))
        organization = seat in self.table.organizations
        split = self.table.split
        part = {} if member is None or split is None else {
            "member": member, "fields": [] if organization else split.fields(member),
            "part": split.part_words(member, organization)}
        return reply(Hello(role="seat", seat=seat, name=self.table.names[seat], organization=organization,
                           title=scenario.title, scenario=scenario.id, team_roles=self.table.members.get(seat, []),
                           **part))

    async def table_status(self, request: web.Request) -> web.Response:
        role = self.role(request)
        return reply(self.table.status(self.hub.connected, None if role == FACILITATOR else role))

    async def view(self, request: web.Request) -> web.Response:
        return reply(self.table.view_reply(*self.seat_member(request)))

    async def action(self, request: web.Request) -> web.Response:
        who, member = self.seat_member(request)
        body = await self.body(request, ActionRequest)
        version, duplicate = self.table.submit(who, self.action_of(body.action), body.request, role=member)
        await self.journal.durable()
        return reply(ActionReply(version=version, duplicate=duplicate))

    async def check(self, request: web.Request) -> web.Response:
        who, member = self.seat_member(request)
        body = await self.body(request, CheckRequest)
        try:
            action = Session.parse_action(body.action)
        except ActionRejected as error:
            return reply(CheckReply(refusal=str(error)))
        return reply(CheckReply(refusal=self.table.refusal(who, action, member)))

    async def orders(self, request: web.Request) -> web.Response:
        who = self.seat(request)
        round_no = self.round_arg(request) or self.session.round
        if not 1 <= round_no <= min(self.session.round, self.session.scenario.rounds):
            raise Refusal(400, "invalid", f"round {round_no} is not in this game yet")
        return reply(OrdersReply(round=round_no, orders=self.table.orders(who, round_no)))

    async def report(self, request: web.Request) -> web.Response:
        who = self.seat(request)
        round_no = self.round_arg(request) or len(self.session.reports)
        data = self.table.round_report(who, round_no)
        if isinstance(data, OrgRoundReport):
            return reply(ReportReply(org=data))
        return reply(ReportReply(state=data))

    async def read(self, request: web.Request) -> web.Response:
        """The team's screen closed its report on a round: the round's countdown may start
        (`game.net.reading`). Nothing in the game changes, so nothing is saved."""
        who, member = self.seat_member(request)
        body = await self.body(request, ReadRequest)
        message = self.table.report_read(who, member, body.round, self.hub.connected)
        return reply(Done(version=self.table.version, message=message))

    async def final(self, request: web.Request) -> web.Response:
        self.role(request)
        return reply(self.table.final())

    async def events(self, request: web.Request) -> web.WebSocketResponse:
        seat, member = self.member(request)
        role = member_key(seat, member)
        if self.hub.connected.get(role, 0) >= SOCKETS_PER_CODE or self.hub.sockets >= SOCKETS:
            raise Refusal(429, "rate_limited", "too many open connections with this code; close one first")
        socket = web.WebSocketResponse(heartbeat=HEARTBEAT, max_msg_size=4096)
        await socket.prepare(request)
        self.hub.sockets_open.add(socket)
        self.hub.connected[role] = self.hub.connected.get(role, 0) + 1
        self.hub.presence_changed()
        who = "the facilitator" if seat == FACILITATOR else self.table.names.get(seat, seat)
        if member is not None:
            who += f" ({role_words(member)})"
        self.table.say(f"{who} connected")
        # the facilitator, and a team member (who sees which of the team's members are online), hear of
        # connections coming and going; a team with one code only of changes to the game
        writer = asyncio.ensure_future(self._notify(socket, presence=seat == FACILITATOR or member is not None))
        try:
            async for message in socket:
                if message.type == WSMsgType.TEXT and message.data == "ping":
                    await socket.send_str("pong")
        finally:
            writer.cancel()
            self.hub.sockets_open.discard(socket)
            self.hub.connected[role] -= 1
            if not self.hub.connected[role]:
                del self.hub.connected[role]
            self.hub.presence_changed()
            self.table.say(f"{who} disconnected")
        return socket

    async def close_sockets(self, _: web.Application) -> None:
        """On shutdown: tell every client the host is going (they reconnect by themselves)."""
        for socket in list(self.hub.sockets_open):
            await socket.close(code=WSCloseCode.GOING_AWAY, message=b"the host is stopping")

    async def _notify(self, socket: web.WebSocketResponse, presence: bool) -> None:
        """A notice now, then one after each change (changes that come together make one notice)."""
        while not socket.closed:
            session = self.session  # a new object once the table went back to its last save
            notice = Notice(version=self.table.version, round=session.round, over=session.is_over,
                            paused=self.table.paused)
            try:
                await socket.send_str(jsontext.model_text(notice))
            except (ConnectionError, RuntimeError):
                return
            await self.hub.wait(presence)

    # --- the facilitator -----------------------------------------------------------------------------

    async def facilitator_status(self, request: web.Request) -> web.Response:
        self.facilitator(request)
        now = time.monotonic()
        seen = {role: round(now - stamp, 1) for role, stamp in self.hub.last_seen.items() if role != FACILITATOR}
        return reply(self.table.facilitator_status(self.hub.connected, seen))

    async def truth(self, request: web.Request) -> web.Response:
        self.facilitator(request)
        return reply(self.table.truth())

    async def resolve(self, request: web.Request) -> web.Response:
        self.facilitator(request)
        body = await self.body(request, ResolveRequest)
        session = self.session
        if body.round is not None and body.round != session.round:
            raise Refusal(409, "refused", f"round {body.round} is not open: it is round {session.round}"
                          + (" and the game is over" if session.is_over else ""))
        report = self.table.force_resolve()
        await self.journal.durable()
        return reply(Done(version=self.table.version, message=f"round {report.round} resolved"))

    async def inject(self, request: web.Request) -> web.Response:
        self.facilitator(request)
        body = await self.body(request, InjectRequest)
        self.table.inject(body.event)
        await self.journal.durable()
        label = self.table.session.scenario.round_label
        return reply(Done(version=self.table.version, message=f"'{body.event}' fires when this {label} is resolved"))

    async def chair_summit(self, request: web.Request) -> web.Response:
        self.facilitator(request)
        body = await self.body(request, SummitCall)
        self.table.chair_summit(body)
        await self.journal.durable()
        label = self.table.session.scenario.round_label
        return reply(Done(version=self.table.version, message=f"'{body.name}' drafts next {label}"))

    async def pause(self, request: web.Request) -> web.Response:
        self.facilitator(request)
        self.table.pause()
        await self.journal.durable()
        return reply(Done(version=self.table.version, message="paused"))

    async def resume(self, request: web.Request) -> web.Response:
        self.facilitator(request)
        self.table.resume()
        await self.journal.durable()
        return reply(Done(version=self.table.version, message="resumed"))

    async def note(self, request: web.Request) -> web.Response:
        self.facilitator(request)
        body = await self.body(request, NoteRequest)
        round_no = self.table.note(body.text, body.round)
        await self.journal.durable()
        return reply(Done(version=self.table.version, message=f"note kept on round {round_no}"))


    # --- the round timer (`accord host --round-minutes`) ---------------------------------------------

    async def start_clock(self, _: web.Application) -> None:
        if self.table.clock is not None:
            self._clock = asyncio.get_running_loop().create_task(self._watch_clock())

    async def stop_clock(self, _: web.Application) -> None:
        task = getattr(self, "_clock", None)
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def _watch_clock(self) -> None:
        """Once a second: when the round's time is up, it resolves with the standing orders, and is
        saved before anyone hears of it, as the facilitator's resolve is."""
        while True:
            await asyncio.sleep(CLOCK_TICK)
            try:
                if self.table.check_clock(self.hub.connected):
                    await self.journal.durable()
            except asyncio.CancelledError:
                raise
            except Exception as error:  # the timer must never take the host down
                self.table.say(f"the round timer could not end the round: {error}")

    async def more_time(self, request: web.Request) -> web.Response:
        self.facilitator(request)
        body = await self.body(request, TimerRequest)
        left = self.table.more_time(body.add_minutes)
        return reply(Done(version=self.table.version, message=f"{left / 60:.1f} minutes left in this round"))
    async def broadcast(self, request: web.Request) -> web.Response:
        """A message from the facilitator to every team, or to those named in `to`."""
        self.facilitator(request)
        body = await self.body(request, BroadcastRequest)
        announcement = self.table.announce(body.text, list(body.to))
        await self.journal.durable()
        whom = "every team" if not announcement.to else ", ".join(announcement.to)
        return reply(Done(version=self.table.version, message=f"message {announcement.number} sent to {whom}"))


def problem(error: ValidationError) -> str:
    """The first thing wrong with a body, in the validator's words, with where it is."""
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    kind = first["type"]
    if kind == "json_invalid":
        return f"the body is not valid JSON: {first['msg'].removeprefix('Invalid JSON: ')}"
    return f"{where + ': ' if where else ''}{first['msg']}"
