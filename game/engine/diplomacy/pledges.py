"""Public statements and pledges: said in the open, checked by the engine.

A statement is words only: every seat reads it in the news of the round. A pledge is a public,
non-binding promise of something the engine can check: to fund a capacity with at least some points
every round through a due round, to adopt a law by it, to pay one's dues to an agreement every round
through it, or to accede to a convention by it. Nothing forces a state to keep it; at the resolution
of its due round the engine gives its verdict from what the state did, and every other seat's trust
in the state counts it as one commitment kept or broken (`trust.record`), as a withdrawal from an
agreement does. docs/model.md ("Pledges") gives the rule and its basis.
"""

from bisect import bisect_right

from game.engine.diplomacy import trust
from game.engine.diplomacy.settlement import due as dues_of
from game.engine.errors import ActionRejected
from game.engine.suggest import did_you_mean
from game.model.actions import Pledge, Statement
from game.model.pledge import PledgeRecord, StatementRecord, pledge_text
from game.model.report import EventRecord, StateFigures
from game.model.state import GameState

EPSILON = 1e-9
MAX_STATEMENTS_PER_ROUND = 3
"""Statements one seat may make in a round: a table hears a few, not a stream."""
MAX_PLEDGES_PER_ROUND = 5
"""Pledges one state may make in a round."""


def make_statement(state: GameState, seat: str, action: Statement) -> None:
    mine = [s for s in state.statements if s.round == state.round and s.seat == seat]
    if len(mine) >= MAX_STATEMENTS_PER_ROUND:
        label = state.world.scenario.round_label
        raise ActionRejected(f"you have made {MAX_STATEMENTS_PER_ROUND} statements this {label}, the most a "
                             f"seat may make in one {label}")
    record = StatementRecord(state.round, seat, action.text)
    at = bisect_right(state.statements, (record.round, seat), key=lambda s: (s.round, s.seat))
    state.statements = [*state.statements[:at], record, *state.statements[at:]]


def make_pledge(state: GameState, seat: str, action: Pledge) -> None:
    """Record the pledge, or refuse it with the reason: a target the state could never meet, a law or
    agreement that does not exist, a round past or after the game's end, a pledge already made."""
    if seat not in state.states:
        raise ActionRejected("only a state can pledge")
    _check_due(state, action.due)
    checks = {"fund": _check_fund, "adopt_law": _check_law, "pay_dues": _check_dues, "accede": _check_accession}
    checks[action.kind](state, seat, action)
    for old in state.pledges:
        if old.seat == seat and old.kept is None and (old.kind, old.capacity, old.law, old.agreement) == (
                action.kind, action.capacity, action.law, action.agreement):
            raise ActionRejected(f"you have already pledged to {old.text}; it falls due in "
                                 f"{state.world.scenario.round_label} {old.due}")
    made = [p for p in state.pledges if p.made == state.round and p.seat == seat]
    if len(made) >= MAX_PLEDGES_PER_ROUND:
        label = state.world.scenario.round_label
        raise ActionRejected(f"you have made {MAX_PLEDGES_PER_ROUND} pledges this {label}, the most a state may "
                             f"make in one {label}")
    record = PledgeRecord(seat, action.kind, pledge_text(state.world, action.model_dump()), state.round, action.due,
                          action.capacity, action.points, action.law, action.agreement)
    at = bisect_right(state.pledges, (record.made, seat), key=lambda p: (p.made, p.seat))
    state.pledges = [*state.pledges[:at], record, *state.pledges[at:]]


def _check_due(state: GameState, due: int) -> None:
    # in the scenario's own word for a round (mekong's pledge dialog asks 'By year', and the refusal
    # answered 'the game ends with round 10')
    last, label = state.world.scenario.rounds, state.world.scenario.round_label
    if due < state.round:
        raise ActionRejected(f"{label} {due} is already past; it is now {label} {state.round}, so a pledge is due "
                             f"in {label} {state.round} to {last}")
    if due > last:
        raise ActionRejected(f"the game ends with {label} {last}: a pledge due in {label} {due} could never be "
                             "judged")


def _check_fund(state: GameState, seat: str, action: Pledge) -> None:
    budget = state.states[seat].budget
    points = float(action.points or 0.0)
    label = state.world.scenario.round_label
    if points > budget + EPSILON:
        raise ActionRejected(f"you pledged {points:g} points a {label} to {action.capacity}, but your whole budget "
                             f"is {budget:g} points")
    pledged = [p.points or 0.0 for p in state.pledges
               if p.seat == seat and p.kind == "fund" and p.kept is None and p.capacity != action.capacity]
    total = points
    for other in pledged:
        total += other
    if total > budget + EPSILON:
        raise ActionRejected(f"with your other funding pledges you would promise {total:g} points a {label}, but "
                             f"your whole budget is {budget:g} points")


def _check_law(state: GameState, seat: str, action: Pledge) -> None:
    law = str(action.law)
    laws = state.world.laws
    if law not in laws:
        raise ActionRejected(f"unknown law '{law}'{did_you_mean(law, laws)}")
    record = state.states[seat]
    name = laws[law].name
    if law in record.laws:
        raise ActionRejected(f"{name} is already in force in your state: there is nothing to pledge")
    if law in record.pending_laws:
        raise ActionRejected(f"{name} is already adopted; it enters into force in "
                             f"{state.world.scenario.round_label} {record.pending_laws[law]}")


def _agreement(state: GameState, action: Pledge) -> tuple[str, str]:
    """The agreement the pledge names, with its kind's name, if it exists and is in force."""
    ident = str(action.agreement)
    agreement = state.agreements.get(ident)
    if agreement is None:
        raise ActionRejected(f"there is no agreement '{ident}'{did_you_mean(ident, state.agreements)}")
    name = state.world.agreements[agreement.kind].name
    if agreement.status != "in_force":
        raise ActionRejected(f"{name} {ident} is no longer in force (it {agreement.status.replace('_', ' ')})")
    if agreement.ends < action.due:
        label = state.world.scenario.round_label
        raise ActionRejected(f"{name} {ident} ends with {label} {agreement.ends}: pledge through {label} "
                             f"{agreement.ends} at most")
    return ident, name


def _check_dues(state: GameState, seat: str, action: Pledge) -> None:
    ident, name = _agreement(state, action)
    agreement = state.agreements[ident]
    if seat not in agreement.parties and seat not in agreement.acceding:
        raise ActionRejected(f"you are not a party to {name} {ident}, so you owe it no dues")
    if dues_of(state, agreement, seat) <= 0:
        raise ActionRejected(f"{name} {ident} asks no dues of you")


def _check_accession(state: GameState, seat: str, action: Pledge) -> None:
    ident, name = _agreement(state, action)
    agreement = state.agreements[ident]
    spec = state.world.agreements[agreement.kind]
    if not spec.opt_in:
        raise ActionRejected(f"{name} {ident} is closed: only a convention can be acceded to")
    if seat in agreement.parties:
        raise ActionRejected(f"you are already a party to {name} {ident}")
    if not spec.admits(seat):
        raise ActionRejected(f"the {name} is open only to {', '.join(spec.eligible or [])}")


def settle(state: GameState, figures: dict[str, StateFigures]) -> list[EventRecord]:
    """At a round's resolution, once budgets are spent and dues paid: the round's statements and new
    pledges as news, each open pledge checked against what its state did this round, and those due
    now judged, kept or broken, with every other seat's trust in the state moved by one commitment."""
    number = state.round
    events = [EventRecord(f"statement-{number}-{i}", f"{s.seat} states", s.text, "statement")
              for i, s in enumerate((s for s in state.statements if s.round == number), start=1)]
    seats = [*state.world.state_ids, *state.organizations]
    for index, pledge in enumerate(state.pledges, start=1):
        if pledge.kept is not None:
            continue
        if pledge.made == number:
            events.append(EventRecord(f"pledge-{number}-{index}", f"{pledge.seat} pledges to {pledge.text}",
                                      f"Judged at the resolution of round {pledge.due}.", "pledge"))
        if pledge.short is None and not _met_this_round(state, pledge, figures):
            pledge.short = number
        if pledge.due != number:
            continue
        pledge.kept = pledge.short is None and _met_at_due(state, pledge)
        trust.record(state, pledge.seat, [s for s in seats if s != pledge.seat], kept=pledge.kept)
        verdict = "kept" if pledge.kept else "broke"
        events.append(EventRecord(f"pledge-{number}-{index}-{verdict}", f"{pledge.seat} {verdict} its pledge",
                                  f"It pledged in round {pledge.made} to {pledge.text}{_why(pledge)}.",
                                  "pledge_kept" if pledge.kept else "pledge_broken"))
    return events


def _met_this_round(state: GameState, pledge: PledgeRecord, figures: dict[str, StateFigures]) -> bool:
    """Whether the round's share of a `fund` or `pay_dues` pledge was done (the others are judged
    at their due round only)."""
    if pledge.kind == "fund":
        spent = figures[pledge.seat].spent.get(str(pledge.capacity), 0.0)
        return spent + EPSILON >= float(pledge.points or 0.0)
    if pledge.kind == "pay_dues":
        agreement = state.agreements.get(str(pledge.agreement))
        if agreement is None:
            return True
        if agreement.status in ("withdrawn", "lapsed") and agreement.ended_by == pledge.seat:
            return False  # it left, or its breaches ended the agreement
        if agreement.status != "in_force":
            return True  # ended at term, or by others: it paid while it could
        return pledge.seat in agreement.parties and pledge.seat not in agreement.unpaid
    return True


def _met_at_due(state: GameState, pledge: PledgeRecord) -> bool:
    if pledge.kind == "adopt_law":
        record = state.states[pledge.seat]
        return str(pledge.law) in record.laws or str(pledge.law) in record.pending_laws
    if pledge.kind == "accede":
        agreement = state.agreements.get(str(pledge.agreement))
        return agreement is not None and pledge.seat in agreement.parties
    return True


def _why(pledge: PledgeRecord) -> str:
    """What fell short, in a few words, for a broken pledge."""
    if pledge.kept:
        return ""
    if pledge.short is not None and pledge.kind == "fund":
        return f"; it spent less on {pledge.capacity} in round {pledge.short}"
    if pledge.short is not None:
        return f"; it did not pay in round {pledge.short}"
    return "; by then it had not done it"
