"""The host's table: the game logic of a networked classroom over the one `Session`.

Everything a client asks for goes through here, already tied to the seat its code grants: a view is
that seat's view, an action is refused unless that seat is its actor, a report is filtered for that
seat. With roles within a team (`game.net.roles`), a member's code grants its seat and its role, and
an order outside the role's part is refused before the rules see it; the role is logged with the
order. After each accepted action the table lets the game go on as far as it can without a human: AI
seats act at the start of each round, and a round whose human seats are all ready resolves at once
(as at the hot seat, where the table screen does the same).

All methods are synchronous and meant for one thread (the host's event loop): the session is never
touched by two requests at once. The session's autosave is off: the host acknowledges a change only
once `game.net.journal` has written it, several teams' changes to one write.
"""

import contextlib
import functools
import secrets
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping
from typing import Concatenate, ParamSpec, TypeVar

from game import jsontext
from game.engine import ActionRejected, apply, run_baseline, scores
from game.engine.diplomacy.summits import summit_views
from game.engine.diplomacy.trust import trust_row
from game.engine.events import condition_holds
from game.engine.views import agreement_views, pledge_views, proposal_views
from game.errors import AccordError
from game.model.actions import (
    ACTION_ADAPTER,
    Action,
    AdoptLaw,
    ChairSummit,
    Inject,
    RepealLaw,
    Respond,
    SummitCall,
    Withdraw,
)
from game.model.actions import Message as MessageAction
from game.model.report import RoundReport
from game.model.view import MessageView, OrgView, PlayerView
from game.net.protocol import (
    Announcement,
    EventInfo,
    FacilitatorStatus,
    FinalReply,
    ReadingStatus,
    SeatStatus,
    TableStatus,
    TruthReply,
    ViewReply,
)
from game.net.reading import ReadingWait
from game.net.roles import OutsidePart, Split
from game.session import seat_reports
from game.session.clock import MINUTE, RoundClock
from game.session.seat_reports import SeatRoundReport, role_words
from game.session.session import Session

P = ParamSpec("P")
R = TypeVar("R")

ORDERS_PER_ROUND = 400
"""Orders one seat may add to the log in a round (a team that changes its mind often gives some tens)."""
MESSAGES_PER_ROUND = 60
MESSAGE_CHARACTERS_PER_ROUND = 40_000
"""What one seat's messages may add to the save in a round: ten long letters, or sixty notes. Beyond
that a seat could grow the save, and slow every other team's view, without limit."""

REMEMBERED = 256
"""Request ids remembered per seat, so that a retried submission is answered and not applied twice."""


class Paused(AccordError):
    """The facilitator has paused the game: submissions wait."""


class TooMuch(AccordError):
    """A seat has added as much as one seat may add in a round."""


class NotYourSeat(AccordError):
    """An action naming another seat than the one the code grants."""


def member_key(seat: str, role: str | None) -> str:
    """Who sent a request: the seat (its own code, the whole team) or one member of it (`seat/role`)."""
    return seat if role is None else f"{seat}/{role}"


class GameOver(AccordError):
    pass


class NotOverYet(AccordError):
    pass


class NoTimer(AccordError):
    """More time asked of a game with no round timer."""


def undone_on_error(method: "Callable[Concatenate[HostTable, P], R]") -> "Callable[Concatenate[HostTable, P], R]":
    """A change of the game that fails half-way (an engine error while a round resolves, after the
    order that triggered it was applied) leaves the game as it was before it: nothing half-done is
    kept in memory to be written with the next save, and the request can be retried."""
    def guarded(self: "HostTable", *args: P.args, **kwargs: P.kwargs) -> R:
        with self.undoing():
            return method(self, *args, **kwargs)

    return functools.update_wrapper(guarded, method)  # type: ignore[return-value]


def verdict_key(action: Action) -> str:
    """An action's canonical JSON: the key of a verdict the host computes ahead for a client."""
    return jsontext.checked(ACTION_ADAPTER.dump_json(action, exclude_none=True), "an order").decode()


class HostTable:
    def __init__(self, session: Session, say: Callable[[str], None] | None = None) -> None:
        self.session = session
        session.autosave = False  # the journal saves, once for many changes
        self.say = say or (lambda _: None)
        """Where the host tells its operator what happens (a line each)."""
        self._boot = secrets.token_hex(3)
        self._changes = 0
        self._listeners: list[Callable[[], None]] = []
        self._done: dict[str, OrderedDict[str, str]] = {}
        """Seat -> its last request ids (at most `REMEMBERED`) -> the version its submission gave."""
        self._remember_logged()
        self._unsaved: list[tuple[str, str]] = []
        """(seat, request id) of submissions remembered but not on disk yet, oldest first."""
        self._saved_text = session.document.to_text()
        """The game as last written (or as opened): what a failed save goes back to, kept in memory
        because the disk may be what failed (a folder made unreadable, no descriptor left)."""
        self._taken_text = self._saved_text
        """The text of the save being written now."""
        self._reports: dict[tuple[str, int], SeatRoundReport] = {}
        self._final: FinalReply | None = None
        self.announcements: list[Announcement] = []
        """The facilitator's messages to the teams on this host (each also a note in the save)."""
        self._acted: dict[str, float] = {}
        """Seat -> when (monotonic seconds) it last gave an order here, for the facilitator's console."""
        scenario = session.scenario
        self.names = {s.id: s.name for s in scenario.states} | {o.id: o.name for o in scenario.organizations}
        self.organizations = {o.id for o in scenario.organizations}
        self.clock: RoundClock | None = None
        """The round timer (`accord host --round-minutes`), or None."""
        self._clock_round = session.round
        self.reading_seconds = 0.0
        """The most the countdown of a new round waits for the teams to read the last report
        (`accord host --reading-minutes`); 0: it starts with the round."""
        self.reading: ReadingWait | None = None
        """The wait for the teams reading the last report, while it lasts (`game.net.reading`)."""
        self.split: Split | None = None
        """How orders are split among a team's members (`accord host --roles`), None: no roles."""
        self.members: dict[str, list[str]] = {}
        """Seat -> its roles, for the seats that play in roles."""

    def use_roles(self, split: Split | None) -> dict[str, list[str]]:
        """Split the human seats' orders among roles (None: no roles); the seats that play in roles
        and their roles, for their codes."""
        self.split = split
        states = {s.id for s in self.session.scenario.states}
        self.members = {} if split is None else {
            seat_id: split.roles for seat_id, seat in self.session.seats.items()
            if seat.is_human and split.plays_in_roles(seat_id, states)}
        return self.members

    def _remember_logged(self) -> None:
        """The request ids of the submissions in the save: a host restarted on it answers a retry of
        one whose reply was lost in the crash, instead of applying it a second time."""
        log = self.session.document.log
        for entries in [*(closed.actions for closed in log.rounds), log.open]:
            for entry in entries:
                if entry.by is not None and entry.request is not None:
                    done = self._done.setdefault(member_key(entry.by, entry.role), OrderedDict())
                    done[entry.request] = self.version
                    if len(done) > REMEMBERED:
                        done.popitem(last=False)

    @property
    def paused(self) -> bool:
        """The facilitator has paused the game: kept in the save, so a restarted host stays paused."""
        return self.session.paused

    # --- changes -----------------------------------------------------------------------------------

    @property
    def version(self) -> str:
        """Changes with everything a client shows. Only equality counts: the part before the dot is
        drawn anew when the host starts, so a client of a restarted host always fetches again."""
        return f"{self._boot}.{self._changes}"

    def on_change(self, listener: Callable[[], None]) -> None:
        self._listeners.append(listener)

    def _changed(self) -> None:
        self._changes += 1
        for listener in self._listeners:
            listener()

    # --- the game going on -----------------------------------------------------------------------

    def _ai_to_play(self) -> bool:
        session = self.session
        ready = set(session.ready_seats())
        return not session.is_over and any(not seat.is_human and seat_id not in ready
                                           for seat_id, seat in session.seats.items())

    def advance(self) -> list[RoundReport]:
        """AI seats act, and while no human seat is waiting, the round resolves and the next begins.
        Nothing moves while the game is paused."""
        resolved: list[RoundReport] = []
        while not self.paused and not self.session.is_over:
            if self._ai_to_play():
                self.session.play_ai()
                self._changed()
            if self.session.waiting_for() or self.session.is_over:
                break
            resolved.append(self._resolve())
        return resolved

    def _resolve(self) -> RoundReport:
        report = self.session.resolve()
        self._changed()
        over = " The game is over." if self.session.is_over else ""
        self.say(f"{self.session.scenario.round_label} {report.round} resolved.{over}")
        return report

    def _go_on(self) -> None:
        """`advance` after an acknowledged change: a failure to resolve (a save that cannot be written)
        is the host's problem, told to its operator, and never undoes what was acknowledged."""
        try:
            self.advance()
        except AccordError as error:
            self.say(f"the round could not go on: {' '.join(error.lines())}")

    # --- a seat's requests -------------------------------------------------------------------------

    def seat_view(self, who: str) -> PlayerView | OrgView:
        return self.session.org_view(who) if who in self.organizations else self.session.view(who)

    def view_reply(self, who: str, role: str | None = None) -> ViewReply:
        view = self.seat_view(who)
        verdicts = {verdict_key(action): self.refusal(who, action, role)
                    for action in self._usual_questions(who, view)}
        last = seat_reports.last_report(self.session, who)
        if isinstance(view, OrgView):
            return ViewReply(version=self.version, org=view, verdicts=verdicts, last_report=last)
        return ViewReply(version=self.version, player=view, verdicts=verdicts, last_report=last)

    def _usual_questions(self, who: str, view: PlayerView | OrgView) -> list[Action]:
        """The orders a team's screen asks the rules about as soon as it shows a tab: each law adopted
        or repealed, each proposal answered or withdrawn."""
        actor = {"org": who} if who in self.organizations else {"state": who}
        questions: list[Action] = []
        if isinstance(view, PlayerView):
            for law in view.rules.laws:
                questions += [AdoptLaw(state=who, law=law), RepealLaw(state=who, law=law)]
        for proposal in view.proposals:
            questions += [Respond(**actor, proposal=proposal.id, answer="accept"),
                          Respond(**actor, proposal=proposal.id, answer="reject"),
                          Withdraw(**actor, agreement=proposal.id)]
        return questions

    def refusal(self, who: str, action: Action, role: str | None = None) -> str | None:
        if action.actor != who:
            return self._not_yours(who, action)
        if self.paused:
            return "the facilitator has paused the game; orders reopen when it resumes"
        try:
            apply(self.session.state, self._in_part(who, role, action), by=who)
        except (ActionRejected, OutsidePart) as error:
            return str(error)
        return None

    def _in_part(self, who: str, role: str | None, action: Action) -> Action:
        """The order to apply when member `role` of seat `who` sends `action` (a budget made whole with
        the other roles' standing fields), or `OutsidePart`; `action` itself from the whole team."""
        if role is None or self.split is None:
            return action
        record = self.session.state.states.get(who)
        standing = record.allocation if record is not None else {}
        return self.split.order(role, action, standing, organization=who in self.organizations)

    def _not_yours(self, who: str, action: Action) -> str:
        return f"your code plays {self.names.get(who, who)}; it cannot give an order for {action.actor}"

    @undone_on_error
    def submit(self, who: str, action: Action, request: str | None = None,
               role: str | None = None) -> tuple[str, bool]:
        """Submit `action` for seat `who` (sent by its member in `role`, None: by the whole team);
        (the version after it, whether it was a retry already done). `NotYourSeat`, `OutsidePart`,
        `Paused`, `ActionRejected` or a `SaveError` (then nothing is recorded)."""
        key = member_key(who, role)
        done = self._done.setdefault(key, OrderedDict())
        if request is not None and request in done:
            return done[request], True
        if action.actor != who:
            raise NotYourSeat(self._not_yours(who, action))
        action = self._in_part(who, role, action)
        if self.paused:
            raise Paused("the facilitator has paused the game; orders reopen when it resumes")
        self._within_bounds(who, action)
        self.session.submit(action, by=who, request=request, role=role)
        self._acted[who] = time.monotonic()
        self._changed()
        by = f" ({role_words(role)})" if role is not None else ""
        self.say(f"{self.names.get(who, who)}{by}: {action.type}")
        self._go_on()
        version = self.version
        if request is not None:
            done[request] = version
            self._unsaved.append((key, request))
            while len(done) > REMEMBERED:
                done.popitem(last=False)
        return version, False

    def _within_bounds(self, who: str, action: Action) -> None:
        """`TooMuch` if `action` would take seat `who` past what one seat may add in a round."""
        label = self.session.scenario.round_label
        mine = [entry for entry in self.session.log.open if entry.by == who]
        if len(mine) >= ORDERS_PER_ROUND:
            raise TooMuch(f"{len(mine)} orders this {label} already, the most one team may give; "
                          f"end your turn (ready) and go on next {label}")
        if not isinstance(action, MessageAction):
            return
        texts = [str(entry.data.get("text", "")) for entry in mine if entry.type == "message"]
        if len(texts) >= MESSAGES_PER_ROUND:
            raise TooMuch(f"{len(texts)} messages this {label} already, the most one team may send; "
                          f"write again next {label}")
        used = sum(len(text) for text in texts)
        if used + len(action.text) > MESSAGE_CHARACTERS_PER_ROUND:
            raise TooMuch(f"this message would take your messages this {label} past "
                          f"{MESSAGE_CHARACTERS_PER_ROUND:,} characters ({used:,} sent): shorten it, "
                          f"or write again next {label}")

    # --- saving (`game.net.journal`) ----------------------------------------------------------------

    def taking(self) -> int:
        self._taken_text = self.session.document.to_text()
        return len(self._unsaved)

    def written(self, mark: int) -> None:
        del self._unsaved[:mark]
        self._saved_text = self._taken_text

    def lost(self, error: BaseException) -> None:
        """A save failed: back to the last save written, forgetting what was not in it (its request
        ids too, so that a retry is applied, once)."""
        for who, request in self._unsaved:
            self._done.get(who, OrderedDict()).pop(request, None)
        self._unsaved.clear()
        self.say(f"the game could not be saved ({error}); back to the last save")
        self._restore(self._saved_text)

    def _restore(self, text: str) -> None:
        note = self.session.note
        self.session = Session.from_text(text, self.session.path, autosave=False)
        self.session.note = note
        self._reports.clear()
        self._final = None
        self._changed()

    @contextlib.contextmanager
    def undoing(self) -> Iterator[None]:
        """Whatever the block changes in the game is undone if it raises (see `undone_on_error`)."""
        before = self.session.document.to_text()
        try:
            yield
        except BaseException:
            if self.session.document.to_text() != before:
                self._restore(before)
            raise

    def orders(self, who: str, round_no: int | None = None) -> list[str]:
        return seat_reports.orders_of(self.session, who, round_no)

    def round_report(self, who: str, round_no: int) -> SeatRoundReport:
        key = (who, round_no)
        if key not in self._reports:  # a resolved round never changes
            self._reports[key] = seat_reports.round_report(self.session, who, round_no)
        return self._reports[key]

    def status(self, connected: dict[str, int], seat: str | None = None) -> TableStatus:
        """The table as seat `seat` sees it (None: the facilitator, who reads every announcement);
        `connected`: open notice sockets by member (`member_key`)."""
        session = self.session
        scenario = session.scenario
        ready = set(session.ready_seats())
        sockets: dict[str, int] = {}
        online: dict[str, list[str]] = {}
        for key, count in connected.items():  # by member: `seat` or `seat/role`
            seat_id, _, role = key.partition("/")
            sockets[seat_id] = sockets.get(seat_id, 0) + count
            if role and count:
                online.setdefault(seat_id, []).append(role)
        seats = [SeatStatus(id=seat_id, name=self.names[seat_id], human=seat.is_human,
                            organization=seat_id in self.organizations, ready=seat_id in ready,
                            connected=sockets.get(seat_id, 0), roles=self.members.get(seat_id, []),
                            members=[r for r in self.members.get(seat_id, []) if r in online.get(seat_id, [])])
                 for seat_id, seat in session.seats.items()]
        clock = self.clock if not session.is_over else None
        reading = self.reading_status(connected) if clock is not None else None
        return TableStatus(title=scenario.title, round=session.round, rounds=scenario.rounds,
                           round_label=scenario.round_label, over=session.is_over, paused=self.paused,
                           version=self.version, seats=seats, waiting_for=session.waiting_for(),
                           time_left=None if clock is None else round(clock.left, 1),
                           timer_paused=clock is not None and (self.paused if reading else clock.paused),
                           reading=reading,
                           announcements=[a for a in self.announcements if seat is None or not a.to or seat in a.to])

    @undone_on_error
    def announce(self, text: str, to: list[str]) -> Announcement:
        """A message from the facilitator to some teams (or, `to` empty, every team): their desks
        show it at once; it is also kept in the save as a note on the round, for the debrief."""
        unknown = [seat for seat in to if seat not in self.session.seats]
        if unknown:
            raise ActionRejected(f"no seat {', '.join(unknown)} at this table; the seats are "
                                 f"{', '.join(self.session.seats)}")
        session = self.session
        round_no = min(session.round, session.scenario.rounds)
        announcement = Announcement(number=len(self.announcements) + 1, round=round_no, to=sorted(set(to)), text=text)
        whom = ", ".join(self.names.get(seat, seat) for seat in announcement.to) or "every team"
        session.annotate(round_no, f"message from the facilitator to {whom}: {text}")
        self.announcements.append(announcement)
        self._changed()
        self.say(f"the facilitator to {whom}: {text}")
        return announcement

    def final(self) -> FinalReply:
        """The final scores (`GameOver`-like refusal before the end): computed once, as they never change."""
        session = self.session
        if not session.is_over:
            raise NotOverYet(f"the scores come after the last {session.scenario.round_label}")
        if self._final is None:
            score = scores(session.state, run_baseline(session.scenario, session.seed))
            self._final = FinalReply(title=session.scenario.title, round_label=session.scenario.round_label,
                                     score=score, names=dict(self.names), seats=session.seats)
        return self._final

    # --- the facilitator ---------------------------------------------------------------------------

    def facilitator_status(self, connected: dict[str, int], last_seen: dict[str, float]) -> FacilitatorStatus:
        state = self.session.state
        # each event fired so far: the round it fired in, and whether the facilitator fired it (the
        # rounds' reports keep both; the state keeps only that it fired)
        fired = {record.id: (report.round, record.kind == "injected")
                 for report in self.session.reports for record in report.events}
        events = [EventInfo(id=e.id, title=e.title, round=e.round, fired=e.id in state.fired_events,
                            pending=e.id in state.injected,
                            condition_holds=e.when is not None and e.id not in state.fired_events
                            and condition_holds(state, e.when),
                            fired_in=fired[e.id][0] if e.id in state.fired_events and e.id in fired else None,
                            by_hand=e.id in state.fired_events and fired.get(e.id, (0, False))[1])
                  for e in self.session.scenario.events]
        messages = [MessageView(round=m.round, sender=m.sender, to=list(m.to), text=m.text) for m in state.messages]
        path = self.session.path
        now = time.monotonic()
        world = state.world
        return FacilitatorStatus(
            table=self.status(connected), save=str(path) if path else None, events=events,
            notes=self.session.annotations, messages=messages, last_seen=last_seen,
            proposals=proposal_views(state, None), agreements=agreement_views(state),
            trust={s: trust_row(state, s) for s in state.states},
            orders={seat: seat_reports.orders_of(self.session, seat) for seat in self.session.seats},
            last_acted={seat: round(now - stamp, 1) for seat, stamp in self._acted.items()},
            catalogue={k: v.name for k, v in world.laws.items()} | {k: v.name for k, v in world.agreements.items()},
            summits=summit_views(state), pledges=pledge_views(state))

    def truth(self) -> TruthReply:
        reports = self.session.reports
        regions = self.session.scenario.regions
        return TruthReply(version=self.version, truth=self.session.truth(),
                          last_report=reports[-1] if reports else None,
                          names=self.names | {r.id: r.name for r in regions},
                          controller={r.id: r.controlled_by for r in regions})

    @undone_on_error
    def force_resolve(self, by: str = "the facilitator") -> RoundReport:
        """Resolve the open round now, whoever is not ready (a team that stalls): AI seats act first.
        `by`: who ended it, for the operator's line (the facilitator, or the round timer)."""
        if self.session.is_over:
            raise GameOver("the game is over: there is no round left to resolve")
        if self._ai_to_play():
            self.session.play_ai()
        waiting = [self.names[s] for s in self.session.waiting_for()]
        report = self._resolve()
        if waiting:
            self.say(f"resolved by {by} without {', '.join(waiting)}")
        self._go_on()
        return report

    @undone_on_error
    def chair_summit(self, call: SummitCall) -> None:
        """Convene a summit the facilitator chairs: a logged action of the facilitator."""
        self.session.submit(ChairSummit.model_validate(call.model_dump()))
        self._changed()
        self.say(f"the facilitator called the summit '{call.name}': it drafts next "
                 f"{self.session.scenario.round_label}")

    @undone_on_error
    def inject(self, event: str) -> None:
        """Fire a scenario event at this round's resolution: a logged action of the facilitator."""
        self.session.submit(Inject(event=event))
        self._changed()
        self.say(f"the facilitator fired the event '{event}': it happens when this round resolves")

    @undone_on_error
    def pause(self) -> None:
        if not self.paused:
            self.session.set_paused(True)
            self._changed()
            self.say("paused by the facilitator")

    @undone_on_error
    def resume(self) -> None:
        if self.paused:
            self.session.set_paused(False)
            self._changed()
            self.say("resumed by the facilitator")
            self._go_on()

    # --- the round timer ---------------------------------------------------------------------------

    def set_round_timer(self, seconds: float, reading: float = 0.0, now: Callable[[], float] = time.monotonic) -> None:
        """Each round ends after `seconds` (the facilitator's pause stops the clock): teams not ready
        keep their standing orders and the round resolves, as the facilitator's resolve would. With
        `reading` seconds, a round that opens here starts its countdown once every connected team has
        closed the last round's report, or after `reading` seconds (`game.net.reading`). `now`: the
        time source (the tests' own hand)."""
        self.clock = RoundClock(seconds, now=now)
        self.reading_seconds = reading
        self.reading = None
        self._clock_round = self.session.round
        if self.paused:
            self.clock.pause()

    def _humans(self) -> set[str]:
        return {seat_id for seat_id, seat in self.session.seats.items() if seat.is_human}

    def reading_status(self, connected: Mapping[str, int]) -> ReadingStatus | None:
        """The wait for the readers as a screen shows it, or None when the countdown runs."""
        self._follow_round()
        wait = self.reading
        if wait is None:
            return None
        done, teams = wait.count(connected, self._humans())
        return ReadingStatus(round=wait.round, done=done, teams=teams, left=round(wait.allowance.left, 1))

    def _follow_round(self) -> None:
        """A round opened since the clock last looked: the full time again, held while the teams
        read the report of the round before (when the host gives reading time)."""
        clock, session = self.clock, self.session
        if clock is None or session.round == self._clock_round:
            return
        went_on = session.round > self._clock_round
        self._clock_round = session.round
        clock.restart()
        self.reading = None
        if went_on and self.reading_seconds > 0 and not session.is_over:
            clock.pause()
            self.reading = ReadingWait(session.round - 1, RoundClock(self.reading_seconds, now=clock.now))
            if self.paused:
                self.reading.allowance.pause()
            label = session.scenario.round_label
            self.say(f"the teams read the report of {label} {session.round - 1}: the countdown of {label} "
                     f"{session.round} starts when every connected team has closed it, or in "
                     f"{self.reading_seconds / MINUTE:g} minutes")
        self._changed()

    def _end_reading(self, connected: Mapping[str, int]) -> bool:
        """The countdown starts if the wait is over (every connected team done, or the allowance
        spent); whether it runs now. Nothing starts while the facilitator has paused the game."""
        wait, clock = self.reading, self.clock
        if wait is None:
            return True
        if self.paused or clock is None or not wait.over(connected, self._humans()):
            return False
        done, teams = wait.count(connected, self._humans())
        self.reading = None
        clock.resume()
        self._changed()
        label = self.session.scenario.round_label
        why = ("every connected team has read the report" if done == teams else
               f"the reading time is up ({done} of {teams} teams done)")
        self.say(f"{why}: the {clock.left / MINUTE:g} minutes of {label} {self.session.round} start now")
        return True

    def report_read(self, who: str, role: str | None, round_no: int, connected: Mapping[str, int]) -> str:
        """Member `role` of seat `who` (None: the whole team's code) closed its report on `round_no`:
        the countdown starts when it was the last team read; what the host answers. A repeated or
        late request, or one for another round, changes nothing."""
        self._follow_round()
        wait = self.reading
        if wait is None or wait.round != round_no:
            return "noted: no countdown waits for that report"
        if wait.close(member_key(who, role)):
            self._changed()
            self._end_reading(connected)
        if self.reading is None:
            return f"noted: the {self.session.scenario.round_label}'s countdown runs"
        done, teams = wait.count(connected, self._humans())
        return f"noted: {done} of {teams} teams have read the report"

    def check_clock(self, connected: Mapping[str, int] | None = None) -> bool:
        """Called about once a second (`connected`: open notice sockets by member, as in `status`):
        restart the clock for a new round, hold it while the teams read the last report, follow the
        pause, and resolve the round when time is up. True when it resolved one (the caller then saves)."""
        clock, session = self.clock, self.session
        if clock is None or session.is_over:
            return False
        self._follow_round()
        wait = self.reading
        if self.paused:
            if not clock.paused or (wait is not None and not wait.allowance.paused):
                clock.pause()
                if wait is not None:
                    wait.allowance.pause()
                self._changed()
            return False
        if wait is not None:
            if wait.allowance.paused:
                wait.allowance.resume()
                self._changed()
            if not self._end_reading(connected or {}):
                return False
        elif clock.paused:
            clock.resume()
            self._changed()
        if not clock.expired:
            return False
        self.say(f"time is up for {session.scenario.round_label} {session.round}: the teams not ready keep "
                 "their standing orders")
        self.force_resolve(by="the round timer")
        return True

    def more_time(self, minutes: float) -> float:
        """The facilitator adds time to the round timer; the seconds now left."""
        if self.clock is None:
            raise NoTimer("this game has no round timer (accord host --round-minutes M sets one)")
        self.clock.extend(minutes * 60)
        self._changed()
        self.say(f"the facilitator added {minutes:g} minutes to the round timer")
        return self.clock.left

    @undone_on_error
    def note(self, text: str, round_no: int | None = None) -> int:
        """A note on a round (the open one by default), kept in the save; the round it went to."""
        session = self.session
        target = min(session.round, session.scenario.rounds) if round_no is None else round_no
        session.annotate(target, text)
        self._changed()
        return target
