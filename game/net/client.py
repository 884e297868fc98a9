"""The client side: a team's `Table` (and the facilitator's console) fed by a host across the network.

`RemoteTable` implements `game.tui.table.Table`, so a team's screens work unchanged over the
network; `RemoteFacilitator` gives the console what it needs. Both are synchronous, as the screens
are: each call is a request on a connection pool that lives on a small event loop of its own, in a
background thread, which also keeps a WebSocket open to the host for change notices.

Faults: a request that cannot reach the host is retried a few times with backoff, under the same
request id (the host answers a retry it has already done instead of doing it twice); then it fails
with `Unreachable`, and the screen says so. The notice socket reconnects by itself, forever, with
backoff, so a team whose Wi-Fi dropped or whose host restarted is back within seconds, and
`on_link` and `on_change` tell the screens.
"""

import asyncio
import contextlib
import json
import threading
import uuid
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

import aiohttp
from pydantic import BaseModel, ValidationError

from game import jsontext
from game.engine import ActionRejected
from game.errors import AccordError
from game.model.actions import Action, Allocate
from game.model.report import RoundReport
from game.model.vocabulary import CAPACITIES
from game.net.protocol import (
    ActionReply,
    CheckReply,
    Done,
    ErrorReply,
    FacilitatorStatus,
    FinalReply,
    Hello,
    Notice,
    OrdersReply,
    ReportReply,
    TableStatus,
    TruthReply,
    ViewReply,
)
from game.net.table import verdict_key
from game.net.tls import client_context
from game.session.seat_reports import SeatRoundReport, role_words
from game.tui.table import Member, NotConfirmed
from game.tui.views import SeatView

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")

TIMEOUT = 8.0
"""Seconds a request may take: a resolution on a large map takes well under one."""
WHOLE_TEAM = "the whole team"
"""What the team's own code plays, in a team whose members play in roles."""
RETRIES = (0.2, 0.6, 1.5)
"""Backoff before each retry of a request that did not reach the host."""
RECONNECT = (0.2, 0.5, 1.0, 2.0)
"""Backoff between attempts to reopen the notice socket (the last one repeats)."""


class Unreachable(AccordError):
    """The host did not answer (down, restarting, or the network dropped)."""


class Refused(AccordError):
    """The host refused a request (a bad code, a limit, a role); `kind` as in `ErrorReply`."""

    def __init__(self, message: str, kind: str, status: int) -> None:
        super().__init__(message)
        self.kind = kind
        self.status = status


def base_url(address: str) -> str:
    """`HOST:PORT` (or a URL) -> `http://HOST:PORT`."""
    address = address.strip().rstrip("/")
    if "://" not in address:
        address = f"http://{address}"
    if not address.startswith(("http://", "https://")):
        raise AccordError(f"'{address}': give the host as HOST:PORT, e.g. 192.168.1.20:8470")
    return address


class Connection:
    """Requests to one host with one code, from any thread but the connection's own."""

    def __init__(self, address: str, code: str, *, timeout: float = TIMEOUT,
                 retries: tuple[float, ...] = RETRIES, ca: str | None = None) -> None:
        self.base = base_url(address)
        self.tls = client_context(self.base, ca)
        """How to trust an https:// host (None for plain HTTP)."""
        self.code = code.strip()
        self.timeout = timeout
        self.retries = retries
        self.version: str | None = None
        """The host's last known version (from a notice or a reply)."""
        self.linked = False
        """Whether the notice socket is open now."""
        self.on_change: Callable[[Notice], None] | None = None
        """Called (on the connection's thread) with each notice."""
        self.on_link: Callable[[bool], None] | None = None
        """Called (on the connection's thread) when the notice socket drops (False) or reopens (True)."""
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="accord-client", daemon=True)
        self._thread.start()
        self._session: aiohttp.ClientSession | None = None
        self._listener: asyncio.Future[None] | None = None
        self._closed = False

    # --- plumbing -----------------------------------------------------------------------------------

    def _run(self, coroutine: Coroutine[Any, Any, T], timeout: float | None = None) -> T:
        if threading.current_thread() is self._thread:
            coroutine.close()
            raise RuntimeError("a Connection's blocking calls cannot run on its own thread")
        if self._closed:
            coroutine.close()
            raise Unreachable("this connection to the host is closed")
        future = asyncio.run_coroutine_threadsafe(coroutine, self._loop)
        try:
            return future.result(timeout if timeout is not None else self.timeout * (len(self.retries) + 2))
        except TimeoutError:
            future.cancel()
            raise Unreachable(f"the host at {self.base} did not answer in time") from None

    def _client(self) -> aiohttp.ClientSession:
        if self._session is None:
            self._session = aiohttp.ClientSession(
                timeout=aiohttp.ClientTimeout(total=self.timeout),
                headers={"Authorization": f"Bearer {self.code}"},
                connector=aiohttp.TCPConnector(ssl=self.tls if self.tls is not None else True))
        return self._session

    async def _request(self, method: str, path: str, body: BaseModel | dict[str, Any] | None,
                       params: dict[str, str] | None, retry: bool) -> bytes:
        data = None
        if body is not None:
            data = jsontext.model_text(body) if isinstance(body, BaseModel) else jsontext.dumps(body)
        waits = (0.0, *self.retries) if retry else (0.0,)
        last: Exception | None = None
        for wait in waits:
            if wait:
                await asyncio.sleep(wait)
            try:
                async with self._client().request(method, self.base + path, data=data, params=params,
                                                  headers={"Content-Type": "application/json"}) as response:
                    raw = await response.read()
                    if response.status >= 500 and response.status != 503:
                        last = _refusal(raw, response.status)  # tried again: a request id makes it safe
                        continue
                    if response.status >= 400:
                        raise _refusal(raw, response.status)
                    return raw
            except aiohttp.ClientConnectorCertificateError as error:
                raise Unreachable(
                    f"the host at {self.base} presented a certificate this machine does not trust "
                    f"({error.certificate_error}): give the host's certificate with --ca FILE") from None
            except aiohttp.ClientConnectorSSLError as error:
                raise Unreachable(f"TLS with the host at {self.base} failed ({error}): does it serve https, "
                                  "with the certificate you were given?") from None
            except (TimeoutError, aiohttp.ClientConnectionError, aiohttp.ClientPayloadError) as error:
                last = error
        if isinstance(last, Refused):
            raise last
        reason = f": {last}" if last and str(last) else ""
        if isinstance(last, aiohttp.ServerDisconnectedError) and self.base.startswith("http://"):
            reason += f" (a host serving TLS is joined as https://{self.base.removeprefix('http://')})"
        raise Unreachable(f"the host at {self.base} is not answering{reason}")

    def request(self, method: str, path: str, reply: type[M], body: BaseModel | dict[str, Any] | None = None,
                params: dict[str, str] | None = None, *, retry: bool = True) -> M:
        """`reply` from the host. `retry` only where doing it twice is harmless: reads, and
        submissions (which carry a request id the host remembers)."""
        raw = self._run(self._request(method, path, body, params, retry))
        try:
            return reply.model_validate_json(raw)
        except ValidationError as error:
            problem = error.errors()[0]["msg"]
            raise Unreachable(f"the host at {self.base} sent something unexpected: {problem}") from None

    def hello(self) -> Hello:
        """Who this code is, or `Refused` (a wrong code) / `Unreachable`."""
        return self.request("GET", "/api/whoami", Hello)

    def status(self) -> TableStatus:
        return self.request("GET", "/api/table", TableStatus)

    def final(self) -> FinalReply:
        """The final scores (refused before the game is over)."""
        return self.request("GET", "/api/final", FinalReply)

    # --- notices ------------------------------------------------------------------------------------

    def listen(self) -> None:
        """Open the notice socket, and keep reopening it whenever it drops, until `close`."""
        if self._listener is None:
            self._listener = asyncio.run_coroutine_threadsafe(self._listen(), self._loop)  # type: ignore[assignment]

    async def _listen(self) -> None:
        attempt = 0
        while not self._closed:
            try:
                async with self._client().ws_connect(self.base + "/api/events", heartbeat=10.0,
                                                     timeout=aiohttp.ClientWSTimeout(ws_close=2.0)) as socket:
                    attempt = 0
                    self._linked(True)
                    async for message in socket:
                        if message.type != aiohttp.WSMsgType.TEXT:
                            continue
                        try:
                            notice = Notice.model_validate_json(message.data)
                        except ValidationError:
                            continue
                        self.version = notice.version
                        if self.on_change is not None:
                            self.on_change(notice)
            except asyncio.CancelledError:
                raise
            except (TimeoutError, aiohttp.ClientError, OSError):
                pass
            self._linked(False)
            if self._closed:
                return
            await asyncio.sleep(RECONNECT[min(attempt, len(RECONNECT) - 1)])
            attempt += 1

    def _linked(self, up: bool) -> None:
        if up != self.linked:
            self.linked = up
            if self.on_link is not None:
                self.on_link(up)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True

        async def shut() -> None:
            if self._listener is not None:
                self._listener.cancel()
            if self._session is not None:
                await self._session.close()
            tasks = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

        with contextlib.suppress(Exception):
            asyncio.run_coroutine_threadsafe(shut(), self._loop).result(5.0)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5.0)
        if not self._thread.is_alive():
            self._loop.close()


def _settled(body: dict[str, Any], outcome: AccordError | None) -> str:
    what = str(body.get("action", {}).get("type", "order")).replace("_", " ")
    if outcome is None:
        return f"✓ The host confirmed your {what} sent earlier."
    return f"✗ The host did not take your {what} sent earlier: {outcome}"


def _refusal(raw: bytes, status: int) -> AccordError:
    try:
        error = ErrorReply.model_validate_json(raw)
    except ValidationError:
        return Refused(f"the host refused the request ({status})", "invalid", status)
    if error.kind in ("refused", "forbidden", "invalid", "paused", "over"):
        return ActionRejected(error.error) if status in (400, 403, 409, 423) else Refused(error.error, error.kind,
                                                                                          status)
    return Refused(error.error, error.kind, status)


class RemoteTable:
    """A team's `Table` over the network: one seat, the one its code grants."""

    def __init__(self, connection: Connection, hello: Hello) -> None:
        if hello.role != "seat" or hello.seat is None:
            raise AccordError("this is the facilitator's code: it opens the facilitator's console, not a team's")
        self.connection = connection
        self.hello = hello
        self.seat = hello.seat
        self._view: ViewReply | None = None
        self.unconfirmed: list[dict[str, Any]] = []
        """Orders sent that the host has not answered yet, oldest first, each with its request id."""
        self.settled: list[str] = []
        """What the host answered about earlier unconfirmed orders, for the screen to say."""
        self._sending = threading.Lock()
        self._verdicts: dict[str, str | None] = {}
        self._verdicts_version: str | None = None

    @classmethod
    def connect(cls, address: str, code: str, ca: str | None = None) -> "RemoteTable":
        connection = Connection(address, code, ca=ca)
        try:
            return cls(connection, connection.hello())
        except BaseException:
            connection.close()
            raise

    def member(self) -> Member | None:
        hello = self.hello
        if hello.member is None:  # the team's own code: every part, and in a team of roles, its log too
            return Member(WHOLE_TEAM, "every order of the team", CAPACITIES) if hello.team_roles else None
        return Member(role_words(hello.member), hello.part, tuple(hello.fields))

    def _own_part(self, action: Action) -> Action:
        """A member's budget with its own fields only: the host keeps the other roles' fields at their
        standing values, so a form showing them a moment old never undoes another member's change."""
        fields = self.hello.fields
        if self.hello.member is None or not isinstance(action, Allocate):
            return action
        given: dict[str, float] = {str(c): v for c, v in action.budget.items()}
        return Allocate.model_validate({"state": action.state, "round": action.round,
                                        "budget": {c: given.get(c, 0.0) for c in fields}})

    def _mine(self, who: str) -> None:
        if who != self.seat:
            raise AccordError(f"this screen plays {self.hello.name}; it has nothing for {who}")

    def is_organization(self, who: str) -> bool:
        return who == self.seat and self.hello.organization

    def _fresh(self) -> ViewReply:
        known = self.connection.version
        if self._view is None or known is None or self._view.version != known:
            self._view = self.connection.request("GET", "/api/view", ViewReply)
            self.connection.version = self._view.version
            self._verdicts = dict(self._view.verdicts)
            self._verdicts_version = self._view.version
        return self._view

    def seat_view(self, who: str) -> SeatView:
        self._mine(who)
        reply = self._fresh()
        view = reply.player if reply.player is not None else reply.org
        if view is None:
            raise Unreachable("the host sent a view with nothing in it")
        return view

    def refusal(self, action: Action, who: str) -> str | None:
        self._mine(who)
        key = verdict_key(self._own_part(action))
        if self._verdicts_version != self.connection.version:
            self._fresh()
        if key in self._verdicts:
            return self._verdicts[key]
        try:
            verdict = self.connection.request("POST", "/api/check", CheckReply,
                                              {"action": json.loads(key)}).refusal
        except AccordError as error:  # not reachable, or too many checks: the order waits either way
            return str(error)
        self._verdicts[key] = verdict
        return verdict

    def submit(self, action: Action, who: str) -> None:
        """Send `action` after any order still unconfirmed, each under its own request id:
        `NotConfirmed` if the host does not answer (the order stays in `unconfirmed`, and `resend`
        sends it again under the same id), the host's refusal if it refuses it."""
        self._mine(who)
        body: dict[str, Any] = {"action": json.loads(verdict_key(self._own_part(action))),
                                "request": uuid.uuid4().hex}
        with self._sending:
            self.unconfirmed.append(body)
            for sent, outcome in self._send_unconfirmed():
                if isinstance(outcome, NotConfirmed):  # this order waits behind it, or is it
                    raise outcome
                if sent is body:
                    if outcome is not None:
                        raise outcome
                else:
                    self.settled.append(_settled(sent, outcome))

    def resend(self) -> list[str]:
        """Send the unconfirmed orders again, under their ids; a line for each the host answered
        (confirmed, or refused with its reason). Quiet while the host still does not answer."""
        with self._sending:
            lines = [_settled(sent, outcome) for sent, outcome in self._send_unconfirmed()
                     if not isinstance(outcome, NotConfirmed)]
            lines[:0], self.settled = self.settled, []
            return lines

    def _send_unconfirmed(self) -> "list[tuple[dict[str, Any], AccordError | None]]":
        """Each unconfirmed order, oldest first, and what the host said (None: confirmed), until
        one gets no answer (it and those after it stay, in order)."""
        outcomes: list[tuple[dict[str, Any], AccordError | None]] = []
        while self.unconfirmed:
            body = self.unconfirmed[0]
            try:
                reply = self.connection.request("POST", "/api/action", ActionReply, body)
            except Unreachable as error:
                waiting = len(self.unconfirmed)
                more = f" ({waiting} orders wait)" if waiting > 1 else ""
                outcomes.append((body, NotConfirmed(
                    f"not confirmed yet{more}: {error}. It is sent again, under the same request id, until "
                    "the host answers; it will not be applied twice")))
                return outcomes
            except AccordError as error:
                self.unconfirmed.pop(0)
                outcomes.append((body, error))
                continue
            self.unconfirmed.pop(0)
            self.connection.version = reply.version
            outcomes.append((body, None))
        return outcomes

    def orders(self, who: str, round_no: int | None = None) -> list[str]:
        self._mine(who)
        params = {"round": str(round_no)} if round_no is not None else None
        return self.connection.request("GET", "/api/orders", OrdersReply, params=params).orders

    def last_report(self, who: str) -> RoundReport | None:
        self._mine(who)
        return self._fresh().last_report

    def round_report(self, who: str, round_no: int) -> SeatRoundReport:
        self._mine(who)
        reply = self.connection.request("GET", "/api/report", ReportReply, params={"round": str(round_no)})
        data = reply.state if reply.state is not None else reply.org
        if data is None:
            raise Unreachable("the host sent an empty report")
        return data

    def status(self) -> TableStatus:
        return self.connection.status()

    def report_read(self, round_no: int) -> str:
        """Tell the host this screen closed its report on `round_no`, so the next round's countdown
        need not wait for it (`accord host --reading-minutes`); harmless to say twice."""
        return self.connection.request("POST", "/api/read", Done, {"round": round_no}).message

    def close(self) -> None:
        self.connection.close()


class RemoteFacilitator:
    """The facilitator's console's requests."""

    def __init__(self, connection: Connection, hello: Hello) -> None:
        if hello.role != "facilitator":
            raise AccordError("this is a team's code, not the facilitator's")
        self.connection = connection
        self.hello = hello

    def status(self) -> FacilitatorStatus:
        return self.connection.request("GET", "/api/facilitator/status", FacilitatorStatus)

    def truth(self) -> TruthReply:
        return self.connection.request("GET", "/api/facilitator/truth", TruthReply)

    def resolve(self, round_no: int) -> str:
        """Resolve round `round_no` now (refused by the host if it is not the open round any more)."""
        return self.connection.request("POST", "/api/facilitator/resolve", Done, {"round": round_no}).message

    def inject(self, event: str) -> str:
        return self.connection.request("POST", "/api/facilitator/inject", Done, {"event": event}).message

    def chair_summit(self, call: dict[str, Any]) -> str:
        """Convene a summit the facilitator chairs (`SummitCall`'s fields)."""
        return self.connection.request("POST", "/api/facilitator/summit", Done, call).message

    def pause(self) -> str:
        return self.connection.request("POST", "/api/facilitator/pause", Done, {}).message

    def resume(self) -> str:
        return self.connection.request("POST", "/api/facilitator/resume", Done, {}).message

    def more_time(self, minutes: float = 2.0) -> str:
        """Add `minutes` to the round timer (a 409 when the game has none)."""
        return self.connection.request("POST", "/api/facilitator/timer", Done, {"add_minutes": minutes}).message

    def note(self, text: str, round_no: int | None = None) -> str:
        body: dict[str, Any] = {"text": text} if round_no is None else {"text": text, "round": round_no}
        return self.connection.request("POST", "/api/facilitator/note", Done, body, retry=False).message

    def broadcast(self, text: str, to: list[str] | None = None) -> str:
        """A message to every team, or to the seats in `to`: their desks show it at once."""
        body: dict[str, Any] = {"text": text, "to": list(to or [])}
        return self.connection.request("POST", "/api/facilitator/broadcast", Done, body, retry=False).message

    def close(self) -> None:
        self.connection.close()


def connect(address: str, code: str, ca: str | None = None) -> RemoteTable | RemoteFacilitator:
    """The table or console a code opens, or `Refused` / `Unreachable` saying why not. `ca`: a
    certificate to trust for an https:// host (`game.net.tls`)."""
    connection = Connection(address, code, ca=ca)
    try:
        hello = connection.hello()
        if hello.role == "facilitator":
            return RemoteFacilitator(connection, hello)
        return RemoteTable(connection, hello)
    except BaseException:
        connection.close()
        raise
