"""Summits at the table: calling one, amendments, votes and signatures, checked and recorded.

A summit drafts in its opening round: participants move amendments (add a clause, strike one, change
its numbers) and vote on them; at that round's resolution each amendment carries or falls under the
summit's rule, in the order moved. Silence is nobody's consent: an amendment some participant has not
answered (moved, say, after it had closed its orders for the round) is decided then only if no answer
of theirs could change the outcome; otherwise it is put to them in the next session, beside the text,
and closes at that resolution before the text does (`amendment_outcome`, rules 17). The round after
drafting, they vote on the whole text and sign it, with reservations where a clause allows them; at
that resolution the text is adopted or not. Signatories
then ratify at home (`ratification`), and the treaty enters into force among those who have
(`clauses`). Every refusal names what was wrong, and nothing is recorded. Nothing is signed or
ratified in the game's last round, and no summit is called too late to be ratified before it: a
treaty that entered into force at the last resolution would never be carried out
(`last_round_refusal`).
"""

from dataclasses import fields
from typing import Any, Literal

from game.engine.errors import ActionRejected
from game.engine.suggest import did_you_mean
from game.model.actions import FACILITATOR, Action, Amend, CallSummit, ChairSummit, Ratify, Sign, Vote
from game.model.report import EventRecord
from game.model.state import GameState
from game.model.summit import (
    BUILTIN_CLAUSES,
    AmendmentRecord,
    ClauseRecord,
    DraftClause,
    SummitRecord,
    SummitSpec,
    SummitView,
    the_summit,
)

EPSILON = 1e-9
CHOICES: tuple[Literal["yes", "no", "abstain"], ...] = ("yes", "no", "abstain")


def from_spec(spec: SummitSpec, state_ids: list[str]) -> SummitRecord:
    """The record of a summit a scenario schedules (checked by the scenario's validation)."""
    participants = sorted(set(spec.participants)) if spec.participants is not None else list(state_ids)
    return SummitRecord(
        id=spec.id, name=spec.name, convenor=spec.convenor or "facilitator", participants=participants,
        rule=spec.rule, majority=spec.majority, opens=spec.round, min_ratifications=spec.min_ratifications,
        ratification_cost=spec.ratification_cost, ratification_rounds=spec.ratification_rounds,
        duration=spec.duration, draft=[ClauseRecord(c.clause, dict(sorted(c.numbers.items()))) for c in spec.clauses],
    )


def clause_problem(clause: DraftClause) -> str:
    """Why a draft clause is not valid (unknown clause, unknown number, out of range), or ''."""
    spec = BUILTIN_CLAUSES.get(clause.clause)
    if spec is None:
        return f"unknown clause '{clause.clause}'{did_you_mean(clause.clause, BUILTIN_CLAUSES)}"
    return spec.numbers_problem(clause.numbers)


def chair(state: GameState, action: ChairSummit, by: str | None) -> GameState:
    """The facilitator (no seat: `by` is None) convenes and chairs a summit: it drafts next round."""
    if by is not None:
        raise ActionRejected(f"only the facilitator chairs a summit; {by} can call one with call_summit")
    if action.round is not None and action.round != state.round:
        raise ActionRejected(f"it is round {state.round}, not {action.round}")
    after = state.clone()
    call(after, FACILITATOR, action)
    return after


def last_round_refusal(state: GameState, what: str) -> str:
    """Why `what` (a signature, a ratification) is refused now, or an empty string: in the game's last
    round a treaty would enter into force at the last resolution and never be paid or carried out
    (its contributions fall due from the round after), yet its agreements would count for
    `sign_agreement` objectives and the partnership pillar, the loophole rules 14 closed for proposals."""
    if state.round < state.world.scenario.rounds:
        return ""
    label = state.world.scenario.round_label
    return (f"this is the game's last {label}: {what} now could never bring a treaty into force before the game "
            f"ends (a treaty in force at the last resolution would never be paid or carried out)")


def call_refusal(state: GameState) -> str:
    """Why no summit can be called now, or an empty string: one called now would adopt its text too
    late to be ratified before the game's last round. Every seat's view carries it, so that a screen
    offers no call the rules would refuse."""
    last = state.world.scenario.rounds
    label = state.world.scenario.round_label
    if state.round + 2 > last:
        return (f"a summit called now drafts in round {state.round + 1} and adopts in round {state.round + 2}, "
                f"after the last round ({last})")
    if state.round + 3 >= last:
        return (f"a summit called now adopts its text in {label} {state.round + 2}, which leaves no {label} before "
                f"the game's last ({last}) to ratify it: its treaty could never enter into force")
    return ""


def call(state: GameState, caller: str, action: CallSummit | ChairSummit) -> None:
    """A state, an organization or the facilitator convenes a summit: it drafts in the next round and
    adopts its text in the one after, which must leave a round before the last to ratify it (nothing
    is ratified in the last round): a summit whose treaty could never enter into force is not called."""
    late = call_refusal(state)
    if late:
        raise ActionRejected(late)
    parties = list(action.participants)
    for party in parties:
        if party not in state.states:
            raise ActionRejected(f"unknown state '{party}' among the participants{did_you_mean(party, state.states)}")
    if caller in state.states and caller not in parties:
        raise ActionRejected("a state that calls a summit must take part in it: add yourself to the participants")
    if len(set(parties)) < 2:
        raise ActionRejected("a summit needs at least two different states at the table")
    if action.min_ratifications > len(set(parties)):
        raise ActionRejected(f"min_ratifications ({action.min_ratifications}) is more than the "
                             f"{len(set(parties))} states at the table")
    seen: set[str] = set()
    for clause in action.clauses:
        problem = clause_problem(clause)
        if problem:
            raise ActionRejected(problem)
        if clause.clause in seen:
            raise ActionRejected(f"the clause {clause.clause} is in the draft twice")
        seen.add(clause.clause)
    for summit in state.summits.values():  # a seat one at a time; the facilitator chairs as many as it likes
        if summit.convenor == caller != FACILITATOR and summit.status == "open":
            raise ActionRejected(f"you already convene summit {summit.id}; one at a time")
    number = len(state.summits) + 1
    while f"s{number}" in state.summits:
        number += 1
    summit_id = f"s{number}"
    state.summits[summit_id] = SummitRecord(
        id=summit_id, name=action.name, convenor=caller, participants=sorted(set(parties)), rule=action.rule,
        majority=action.majority, opens=state.round + 1, min_ratifications=action.min_ratifications,
        ratification_cost=2.0, ratification_rounds=3, duration=10,
        draft=[ClauseRecord(c.clause, dict(sorted(c.numbers.items()))) for c in action.clauses],
        invited=caller != FACILITATOR,
    )


def find(state: GameState, summit_id: str) -> SummitRecord:
    summit = state.summits.get(summit_id)
    if summit is None:
        raise ActionRejected(f"there is no summit '{summit_id}'{did_you_mean(summit_id, state.summits)}")
    return summit


def _clause(clause: str) -> str:
    spec = BUILTIN_CLAUSES.get(clause)
    return spec.name if spec is not None else clause


def _clauses(summit: SummitRecord) -> str:
    return ", ".join(_clause(c) for c in summit.clause_ids())


def _at_table(state: GameState, summit: SummitRecord, who: str) -> None:
    if who not in summit.participants:
        raise ActionRejected(f"{state.world.state_name(who)} is not at the table of {the_summit(summit.name)} "
                             f"({', '.join(state.world.state_name(p) for p in summit.participants)})")


def _sessions(state: GameState, summit: SummitRecord) -> str:
    label = state.world.scenario.round_label
    if summit.status == "declined":
        return "it never met: too few of the invited accepted"
    return f"it drafts in {label} {summit.opens} and votes on its text in {label} {summit.opens + 1}"


def amend(state: GameState, who: str, action: Amend) -> None:
    summit = find(state, action.summit)
    _at_table(state, summit, who)
    if summit.phase(state.round) != "drafting":
        raise ActionRejected(f"{the_summit(summit.name)} takes amendments only while it drafts: "
                             f"{_sessions(state, summit)}")
    spec = BUILTIN_CLAUSES.get(action.clause)
    if spec is None:
        raise ActionRejected(f"unknown clause '{action.clause}'{did_you_mean(action.clause, BUILTIN_CLAUSES)}")
    in_draft = action.clause in summit.clause_ids()
    if action.change == "add" and in_draft:
        raise ActionRejected(f"the clause {_clause(action.clause)} is in the draft already: move a change to its "
                             "numbers")
    if action.change != "add" and not in_draft:
        raise ActionRejected(f"the draft of {the_summit(summit.name)} has no clause {_clause(action.clause)} to "
                             f"{action.change} (its clauses: {_clauses(summit)})")
    if action.change == "strike" and action.numbers:
        raise ActionRejected("striking a clause takes no numbers")
    if action.change == "change" and not action.numbers:
        raise ActionRejected(f"a change to {_clause(action.clause)} needs its new numbers")
    problem = spec.numbers_problem(action.numbers)
    if problem:
        raise ActionRejected(problem)
    for moved in summit.amendments:
        if (moved.round, moved.change, moved.clause, moved.numbers) == (state.round, action.change, action.clause,
                                                                        dict(action.numbers)):
            raise ActionRejected(f"the same amendment is on the table already ({moved.id})")
    amendment_id = f"m{len(summit.amendments) + 1}"
    summit.amendments.append(AmendmentRecord(
        amendment_id, who, action.change, action.clause, dict(sorted(action.numbers.items())), state.round,
        votes={who: "yes"},
    ))


def vote(state: GameState, who: str, action: Vote) -> None:
    summit = find(state, action.summit)
    _at_table(state, summit, who)
    phase = summit.phase(state.round)
    if phase == "invitation":
        if action.item != "invitation":
            raise ActionRejected(f"{the_summit(summit.name)} has not opened: "
                                 f"this {state.world.scenario.round_label} the "
                                 f"invited answer its invitation (item 'invitation'); {_sessions(state, summit)}")
        if who in summit.invitation:
            raise ActionRejected(f"you have already answered the invitation to {the_summit(summit.name)}")
        summit.invitation = dict(sorted({**summit.invitation, who: action.choice}.items()))
        return
    if phase not in ("drafting", "adoption"):
        raise ActionRejected(f"{the_summit(summit.name)} is not in session: {_sessions(state, summit)}")
    if phase == "adoption" and action.item != "text":
        held = held_amendments(summit)
        amendment = next((a for a in held if a.id == action.item), None)
        if amendment is None:
            still = (f", or on an amendment still open ({', '.join(a.id for a in held)})" if held else "")
            raise ActionRejected(f"{the_summit(summit.name)} has no amendment '{action.item}' open: amendments were "
                                 f"voted last {state.world.scenario.round_label}; now vote on the text (item "
                                 f"'text'){still}")
        _vote_on(amendment, who, action.choice)
        return
    if phase == "adoption":
        if who in summit.text_votes:
            raise ActionRejected(f"you have already voted on the text of {the_summit(summit.name)}")
        summit.text_votes[who] = action.choice
        summit.text_votes = dict(sorted(summit.text_votes.items()))
        return
    amendment = next((a for a in summit.amendments if a.id == action.item), None)
    if amendment is None:
        ids = [a.id for a in summit.amendments]
        listed = ", ".join(ids) if ids else "none has been moved"
        raise ActionRejected(f"{the_summit(summit.name)} has no amendment '{action.item}' to vote on (amendments: "
                             f"{listed}; the text is voted in {state.world.scenario.round_label} {summit.opens + 1})")
    _vote_on(amendment, who, action.choice)


def _vote_on(amendment: AmendmentRecord, who: str, choice: str) -> None:
    if who in amendment.votes:
        mover = " (you moved it: your yes is counted)" if amendment.by == who else ""
        raise ActionRejected(f"you have already voted on amendment {amendment.id}{mover}")
    amendment.votes[who] = choice
    amendment.votes = dict(sorted(amendment.votes.items()))


def held_amendments(summit: SummitRecord) -> list[AmendmentRecord]:
    """The amendments not decided yet: in the drafting round every one moved; in the adoption round
    those held for it, put to the participants who had not answered them (`amendment_outcome`)."""
    return [a for a in summit.amendments if a.carried is None and a.round == summit.opens]


def sign(state: GameState, who: str, action: Sign) -> None:
    summit = find(state, action.summit)
    _at_table(state, summit, who)
    phase = summit.phase(state.round)
    if phase not in ("adoption", "adopted", "in_force"):
        raise ActionRejected(f"the text of {the_summit(summit.name)} is open for signature once it is voted: "
                             f"{_sessions(state, summit)}" if phase in ("scheduled", "drafting")
                             else f"the text of {the_summit(summit.name)} was not adopted: there is nothing to sign")
    if who in summit.signed:
        raise ActionRejected(f"you signed the text of {the_summit(summit.name)} in {state.world.scenario.round_label} "
                             f"{summit.signed[who]}")
    last = last_round_refusal(state, "a signature")
    if last:
        raise ActionRejected(last)
    reservations = list(dict.fromkeys(action.reservations))
    adding = [a.clause for a in held_amendments(summit) if a.change == "add"] if phase == "adoption" else []
    for clause in reservations:
        if clause not in summit.clause_ids() and clause not in adding:
            raise ActionRejected(f"the text of {the_summit(summit.name)} has no clause {_clause(clause)} to reserve "
                                 f"(its clauses: {_clauses(summit)})")
        if not BUILTIN_CLAUSES[clause].reservable:
            raise ActionRejected(f"the clause {_clause(clause)} allows no reservation: sign it whole or not at all")
    summit.signed = dict(sorted({**summit.signed, who: state.round}.items()))
    if reservations:
        summit.reservations = dict(sorted({**summit.reservations, who: sorted(reservations)}.items()))


def ratify(state: GameState, who: str, action: Ratify) -> None:
    """The state's parliament votes at this round's resolution; the political capital is spent now."""
    summit = find(state, action.summit)
    if summit.status == "not_adopted":
        raise ActionRejected(f"the text of {the_summit(summit.name)} was not adopted: there is nothing to ratify")
    if who not in summit.signed:
        raise ActionRejected(f"{state.world.state_name(who)} has not signed the text of {the_summit(summit.name)}: "
                             "sign it before ratifying")
    if summit.status == "open":
        raise ActionRejected(f"the text of {the_summit(summit.name)} is not adopted yet: ratification comes after "
                             f"{state.world.scenario.round_label} {summit.opens + 1}")
    if who in summit.ratified:
        raise ActionRejected(f"{state.world.state_name(who)} ratified the treaty of {the_summit(summit.name)} in "
                             f"{state.world.scenario.round_label} {summit.ratified[who]}")
    if who in summit.ratifying:
        raise ActionRejected(f"{state.world.state_name(who)}'s parliament already votes on it this "
                             f"{state.world.scenario.round_label}")
    last = last_round_refusal(state, "a ratification")
    if last:
        raise ActionRejected(last)
    record = state.states[who]
    if record.political_capital + EPSILON < summit.ratification_cost:
        raise ActionRejected(f"not enough political capital: ratifying costs {summit.ratification_cost:g}, "
                             f"you have {record.political_capital:g}")
    record.political_capital -= summit.ratification_cost
    summit.ratifying = sorted([*summit.ratifying, who])


def passes(rule: str, majority: float, votes: dict[str, str]) -> bool:
    """Consensus: someone agrees and nobody objects. Qualified majority: the yes votes are at least
    `majority` of the votes cast (abstentions are not cast), with at least one."""
    yes = _count(votes, "yes")
    no = _count(votes, "no")
    if rule == "consensus":
        return yes > 0 and no == 0
    return yes > 0 and yes + EPSILON >= majority * (yes + no)


def silent(summit: SummitRecord, amendment: AmendmentRecord) -> list[str]:
    """The participants who have not answered the amendment (in id order)."""
    return [p for p in summit.participants if p not in amendment.votes]


def amendment_outcome(summit: SummitRecord, amendment: AmendmentRecord, final: bool) -> bool | None:
    """Whether the amendment carries, or None while it cannot be decided yet. Silence is nobody's
    consent: a participant who has not answered it is counted neither for it nor against it until it
    has had the chance to. At the drafting resolution (`final` False) an amendment some participant
    has not answered is decided only if their answers could not change the outcome (everyone's yes or
    everyone's no gives the same), else it is held for the next session. At its last close (`final`:
    the adoption round's resolution, or a drafting round that is the game's last) consensus needs
    every participant's answer, nobody objecting; a qualified majority counts the votes cast, those who
    never answered, like abstentions, casting none."""
    waiting = silent(summit, amendment)
    if not waiting:
        return passes(summit.rule, summit.majority, amendment.votes)
    if summit.rule == "consensus":
        if _count(amendment.votes, "no") or final:
            return False
        return None
    if final:
        return passes(summit.rule, summit.majority, amendment.votes)
    if_yes = passes(summit.rule, summit.majority, {**amendment.votes, **dict.fromkeys(waiting, "yes")})
    if_no = passes(summit.rule, summit.majority, {**amendment.votes, **dict.fromkeys(waiting, "no")})
    return if_yes if if_yes == if_no else None


def settle_sessions(state: GameState) -> list[EventRecord]:
    """Close this round's votes: amendments in a drafting summit, the text in an adopting one."""
    events: list[EventRecord] = []
    now = state.round
    for summit in state.summits.values():
        if summit.invited and summit.opens - 1 == now and summit.status == "open":
            events.append(_close_invitation(summit))
        elif summit.opens == now and summit.status == "open":
            events.extend(_close_amendments(state, summit, final=now >= state.world.scenario.rounds))
        elif summit.opens + 1 == now and summit.status == "open":
            events.extend(_close_amendments(state, summit, final=True))
            events.append(_close_text(summit, _after_adoption(state, summit)))
    return events


def _close_invitation(summit: SummitRecord) -> EventRecord:
    """A called summit opens if at least half the invited accept (its convenor, if invited, counts as
    accepting); otherwise it is declined."""
    accepting = [p for p in summit.participants if summit.invitation.get(p) == "yes" or p == summit.convenor]
    needed = (len(summit.participants) + 1) // 2
    if len(accepting) >= needed:
        return EventRecord(f"invitation-{summit.id}", f"{summit.name} will meet",
                           f"{', '.join(accepting)} accept the invitation ({needed} needed); it drafts next round.",
                           "summit")
    summit.status = "declined"
    return EventRecord(f"declined-{summit.id}", f"{summit.name} will not meet",
                       f"Only {len(accepting)} of the {len(summit.participants)} invited accept ({needed} needed).",
                       "summit")


def _tally(votes: dict[str, str]) -> str:
    return f"{_count(votes, 'yes')} yes, {_count(votes, 'no')} no, {_count(votes, 'abstain')} abstaining"


def _count(votes: dict[str, str], choice: str) -> int:
    return len([v for v in votes.values() if v == choice])


def _close_amendments(state: GameState, summit: SummitRecord, final: bool) -> list[EventRecord]:
    """Close the amendments still open, in the order moved: each carries, fails, or (not `final`) is
    held for the next session (`amendment_outcome`). An amendment after a held one on the same clause
    is held too, so that amendments on a clause still close in the order they were moved."""
    events = []
    held: set[str] = set()
    label = state.world.scenario.round_label
    for amendment in held_amendments(summit):
        what = f"{amendment.change} {BUILTIN_CLAUSES[amendment.clause].name.lower()}"
        if amendment.numbers:
            what += " (" + ", ".join(f"{k} {v:g}" for k, v in amendment.numbers.items()) + ")"
        carried = amendment_outcome(summit, amendment, final)
        if carried is not None and amendment.clause in held and not final:
            carried = None
        waiting = silent(summit, amendment)
        named = ", ".join(state.world.state_name(p) for p in waiting)
        if carried is None:
            held.add(amendment.clause)
            events.append(EventRecord(
                f"held-{summit.id}-{amendment.id}",
                f"{summit.name}: amendment {amendment.id} is put to the next session",
                f"{amendment.by} moved to {what}; {_tally(amendment.votes)}. Not answered by {named}: it is put "
                f"to them in {label} {summit.opens + 1}, beside the text, and closes before the text does.",
                "summit",
            ))
            continue
        clauses = summit.clause_ids()
        if carried and amendment.change == "add" and amendment.clause in clauses:
            carried = False  # another amendment added it first
        if carried and amendment.change != "add" and amendment.clause not in clauses:
            carried = False  # struck by an earlier amendment
        amendment.carried = carried
        if carried:
            _apply_amendment(summit, amendment.change, amendment.clause, amendment.numbers)
        unanswered = ""
        if waiting:
            unanswered = (f"; {named} did not answer" +
                          (" (under consensus silence is no consent)" if summit.rule == "consensus" else ""))
        events.append(EventRecord(
            f"amendment-{summit.id}-{amendment.id}",
            f"{summit.name}: amendment {amendment.id} {'carried' if carried else 'fails'}",
            f"{amendment.by} moved to {what}; {_tally(amendment.votes)}{unanswered}.", "summit",
        ))
    return events


def _apply_amendment(summit: SummitRecord, change: str, clause: str, numbers: dict[str, float]) -> None:
    if change == "add":
        summit.draft.append(ClauseRecord(clause, dict(numbers)))
    elif change == "strike":
        summit.draft = [c for c in summit.draft if c.clause != clause]
    else:
        for record in summit.draft:
            if record.clause == clause:
                record.numbers = dict(sorted({**record.numbers, **numbers}.items()))


def _after_adoption(state: GameState, summit: SummitRecord) -> str:
    """What follows a text adopted now: entry into force at its minimum of ratifications, unless no
    round before the game's last is left to ratify it (a scenario may schedule a summit that late)."""
    rounds, label = state.world.scenario.rounds, state.world.scenario.round_label
    if state.round >= rounds:
        return "The game ends before any state can sign or ratify it."
    if state.round + 1 >= rounds:
        return f"It cannot enter into force: nothing is ratified in the game's last {label}."
    return f"It enters into force once {summit.min_ratifications} have ratified."


def _close_text(summit: SummitRecord, after: str) -> EventRecord:
    """The vote on the text; `after`, if it is adopted, says what follows (`_after_adoption`)."""
    adopted = passes(summit.rule, summit.majority, summit.text_votes) and bool(summit.draft)
    rule = "by consensus" if summit.rule == "consensus" else f"by a {summit.majority:.0%} majority"
    if adopted:
        summit.status = "adopted"
        signed = ", ".join(summit.signed) or "nobody yet"
        return EventRecord(f"adopted-{summit.id}", f"{summit.name} adopts its convention",
                           f"Adopted {rule} ({_tally(summit.text_votes)}); signed by {signed}. {after}", "summit")
    summit.status = "not_adopted"
    summit.signed, summit.reservations = {}, {}
    return EventRecord(f"not-adopted-{summit.id}", f"{summit.name} ends without a text",
                       f"The text needed to pass {rule}: {_tally(summit.text_votes)}.", "summit")


def clause_numbers(record: ClauseRecord) -> dict[str, float]:
    """A draft clause's numbers: its own, and the catalogue's defaults for the rest."""
    spec = BUILTIN_CLAUSES[record.clause]
    return {name: record.numbers.get(name, number.default) for name, number in spec.numbers.items()}


_SUMMIT_FIELDS = tuple(f.name for f in fields(SummitRecord))
_AMENDMENT_FIELDS = tuple(f.name for f in fields(AmendmentRecord))


def summit_data(state: GameState) -> list[dict[str, Any]]:
    """Every summit as plain data for `SummitView`. Every seat's view asks for it once a pass, so the
    records' fields are handed over as they are rather than deep-copied (`dataclasses.asdict` was a
    fifth of an AI game): validating the data builds the view's own containers, and the records are
    not changed."""
    now = state.round
    closed = last_round_refusal(state, "a signature or a ratification")
    result = []
    for summit in state.summits.values():
        data = {name: getattr(summit, name) for name in _SUMMIT_FIELDS}
        data["phase"] = summit.phase(now)
        data["closed"] = closed
        data["draft"] = [
            {"clause": c.clause, "name": BUILTIN_CLAUSES[c.clause].name, "numbers": clause_numbers(c),
             "reservable": BUILTIN_CLAUSES[c.clause].reservable}
            for c in summit.draft
        ]
        data["amendments"] = [{name: getattr(a, name) for name in _AMENDMENT_FIELDS} for a in summit.amendments]
        result.append(data)
    return result


def summit_views(state: GameState) -> list[SummitView]:
    """Every summit as the seats see it (all of it is public)."""
    return [SummitView.model_validate(data) for data in summit_data(state)]


def summit_actions(state: GameState, who: str) -> list[Action]:
    """The votes, signatures (without reservations) and ratifications open to state `who` now.
    Amendments, reservations and calling a summit are open-ended, as proposals are: not listed."""
    result: list[Action] = []
    capital = state.states[who].political_capital
    binding = state.round < state.world.scenario.rounds  # nothing signed or ratified in the last round
    for summit in state.summits.values():
        if who not in summit.participants:
            continue
        phase = summit.phase(state.round)
        if phase == "invitation" and who not in summit.invitation:
            result += [Vote(state=who, summit=summit.id, item="invitation", choice=choice) for choice in CHOICES]
        if phase == "drafting":
            result += [Vote(state=who, summit=summit.id, item=a.id, choice=choice)
                       for a in summit.amendments if who not in a.votes for choice in CHOICES]
        elif phase == "adoption":
            result += [Vote(state=who, summit=summit.id, item=a.id, choice=choice)
                       for a in held_amendments(summit) if who not in a.votes for choice in CHOICES]
            if who not in summit.text_votes:
                result += [Vote(state=who, summit=summit.id, item="text", choice=choice) for choice in CHOICES]
        if not binding:
            continue
        if phase in ("adoption", "adopted", "in_force") and who not in summit.signed:
            result.append(Sign(state=who, summit=summit.id))
        if summit.status in ("adopted", "in_force") and who in summit.signed and who not in summit.ratified \
                and who not in summit.ratifying and capital + EPSILON >= summit.ratification_cost:
            result.append(Ratify(state=who, summit=summit.id))
    return result


def at_table(state: GameState, who: str, action: Amend | Vote | Sign | Ratify) -> None:
    """A state's order at a summit's table, to the rule that judges it."""
    if isinstance(action, Amend):
        amend(state, who, action)
    elif isinstance(action, Vote):
        vote(state, who, action)
    elif isinstance(action, Sign):
        sign(state, who, action)
    else:
        ratify(state, who, action)
