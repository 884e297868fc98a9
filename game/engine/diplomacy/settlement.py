"""Settlement at resolution (model card 5.2): accepted proposals enter into force, every party pays
its contribution or is in breach, funding moves, conditions are checked, agreements lapse or end.

Contributions are paid from what a state's allocation leaves: a state that allocates every point
has chosen not to pay, and its partners see the breach. That is the free rider's temptation.
"""

from operator import itemgetter
from typing import NamedTuple

from game.engine.diplomacy import trust
from game.engine.diplomacy.proposals import last_round_refusal, laws_missing, members_needed, signing_cost
from game.engine.funders import Funders, funded
from game.model.catalogue import AgreementSpec
from game.model.report import EventRecord
from game.model.state import AgreementRecord, GameState, ProposalRecord

EPSILON = 1e-9


def settle_proposals(state: GameState) -> list[EventRecord]:
    events: list[EventRecord] = []
    world = state.world
    last = last_round_refusal(state)
    for proposal in list(state.proposals.values()):  # in the order they were made
        if proposal.status != "open":
            continue
        spec = world.agreements[proposal.kind]
        if last:  # nothing enters into force at the last resolution: it could never be carried out
            proposal.status = "expired"
            label = world.scenario.round_label
            events.append(EventRecord(
                f"expired-{proposal.id}", f"{spec.name} not signed: the game ends",
                f"The game ends with this {label}: an agreement that entered into force now would never be paid "
                "or carried out.", "agreement"))
            continue
        others = [p for p in proposal.parties if p != proposal.proposer]
        if spec.opt_in:
            _settle_convention(state, proposal, events)
            continue
        if any(proposal.answers.get(p) == "reject" for p in others):
            proposal.status = "rejected"
            continue
        if all(proposal.answers.get(p) == "accept" for p in others):
            _sign(state, proposal, list(proposal.parties), events)
        elif state.round >= proposal.expires:
            proposal.status = "expired"
    events.extend(_settle_accessions(state))
    return events


def _settle_convention(state: GameState, proposal: ProposalRecord, events: list[EventRecord]) -> None:
    """An opt-in convention enters into force among those who accepted once enough have; those who
    rejected or did not answer stay outside and may accede later. It waits, until it expires, while
    the answers still to come could bring it to its minimum."""
    accepted = [p for p in proposal.parties if p == proposal.proposer or proposal.answers.get(p) == "accept"]
    waiting = [p for p in proposal.parties if p != proposal.proposer and p not in proposal.answers]
    needed = members_needed(state, proposal)
    if len(accepted) >= needed:
        _sign(state, proposal, accepted, events, needed=needed)
    elif len(accepted) + len(waiting) < needed or state.round >= proposal.expires:
        proposal.status = "rejected" if len(accepted) + len(waiting) < needed else "expired"
        if len(accepted) > 1:
            spec = state.world.agreements[proposal.kind]
            events.append(EventRecord(
                f"failed-{proposal.id}", f"{spec.name} falls through",
                f"only {len(accepted)} of the {needed} acceptances it needs to enter into force", "agreement",
            ))


def _sign(state: GameState, proposal: ProposalRecord, parties: list[str], events: list[EventRecord],
          needed: int | None = None) -> None:
    """`parties` sign `proposal` if each can (laws, political capital, not signed already). A
    convention (`needed` given) goes ahead without a member who cannot, while enough remain."""
    world = state.world
    spec = world.agreements[proposal.kind]
    cost = signing_cost(state, proposal)

    def short(party: str) -> bool:
        return party in state.states and state.states[party].political_capital < cost

    if needed is not None:
        parties = [p for p in parties if not short(p) and not laws_missing(state, [p], spec)]
    lacking = [p for p in parties if short(p)]
    signed_already = None if spec.rule == "funding" else next(
        (a.id for a in state.agreements.values() if a.status == "in_force" and a.kind == proposal.kind
         and sorted(a.parties) == sorted(parties)), None)
    missing = laws_missing(state, parties, spec) or (
        f"{', '.join(lacking)} lacks the political capital to sign ({cost:g})" if lacking else ""
    ) or (f"the same parties signed it already ({signed_already})" if signed_already else "") or (
        f"only {len(parties)} of the {needed} members it needs can sign"
        if needed is not None and len(parties) < needed else "")
    if missing:
        proposal.status = "rejected"
        events.append(EventRecord(f"failed-{proposal.id}", f"{spec.name} falls through", missing, "agreement"))
        return
    agreement_id = f"a{len(state.agreements) + 1}"
    duration = proposal.terms.duration or spec.duration
    # in force from this resolution; its contributions fall due from the next round, once the
    # parties can plan for them (nobody is in breach for a payment nobody could see), for as many
    # rounds as its duration: a 3-round grant pays three times (the round of signature, which pays
    # nothing, used to count as one of them)
    state.agreements[agreement_id] = AgreementRecord(
        id=agreement_id, kind=proposal.kind, parties=sorted(parties), terms=proposal.terms,
        proposal=proposal.id, signed=state.round, ends=state.round + duration,
    )
    proposal.status, proposal.agreement = "accepted", agreement_id
    for party in parties:
        record = state.states.get(party)
        if record is None:
            continue
        record.approval = max(0.0, min(100.0, record.approval + spec.approval))
        record.political_capital -= cost
    if proposal.convened_by is not None:
        # negotiating under an organization's roof: the parties start with a little trust
        for party in parties:
            for _ in range(world.params.convene_trust):
                trust.record(state, party, parties, kept=True)
    outside = [p for p in proposal.parties if p not in parties]
    left_out = f" {', '.join(outside)} stay(s) outside and may accede later." if outside else ""
    events.append(EventRecord(
        agreement_id, f"{spec.name} signed",
        f"{', '.join(sorted(parties))} sign for {duration} round(s) of contributions, rounds {state.round + 1} to "
        f"{state.round + duration}."
        f"{left_out}",
        "agreement",
    ))


def _settle_accessions(state: GameState) -> list[EventRecord]:
    """States that asked to accede join now, if they still can; they owe from the next round."""
    events: list[EventRecord] = []
    # most rounds nobody accedes: only the agreements asked to are sorted
    for agreement in sorted((a for a in state.agreements.values() if a.acceding), key=_number):
        acceding, agreement.acceding = agreement.acceding, []
        spec = state.world.agreements[agreement.kind]
        for party in acceding:
            record = state.states[party]
            if agreement.status != "in_force" or party in agreement.parties:
                continue
            why = laws_missing(state, [party], spec) or (
                f"{party} lacks the political capital to accede ({spec.political_cost:g})"
                if record.political_capital + EPSILON < spec.political_cost else "")
            if why:
                events.append(EventRecord(f"accession-failed-{agreement.id}-{party}",
                                          f"{party}'s accession to the {spec.name} falls through", why, "agreement"))
                continue
            record.political_capital -= spec.political_cost
            record.approval = max(0.0, min(100.0, record.approval + spec.approval))
            agreement.parties = sorted([*agreement.parties, party])
            agreement.joined = dict(sorted({**agreement.joined, party: state.round}.items()))
            events.append(EventRecord(
                f"accession-{agreement.id}-{party}", f"{party} accedes to the {spec.name}",
                f"{party} joins {', '.join(p for p in agreement.parties if p != party)}; it pays from round "
                f"{state.round + 1}.", "agreement",
            ))
    return events


def due(state: GameState, agreement: AgreementRecord, party: str) -> float:
    """Points `party` owes this agreement each round: its contribution, and a donor's funding."""
    return _due(state.world.agreements[agreement.kind], agreement, party)


def owed_now(state: GameState, who: str) -> float:
    """What `who` owes this round to agreements in force: those it joined before this round."""
    total = 0.0
    now = state.round
    specs = state.world.agreements
    for agreement in state.agreements.values():
        if agreement.status != "in_force" or agreement.ends < now or who not in agreement.parties:
            continue
        if who in agreement.paying(now):
            total += _due(specs[agreement.kind], agreement, who)
    return total


def _due(spec: AgreementSpec, agreement: AgreementRecord, party: str) -> float:
    """`due` with the agreement's spec at hand."""
    terms = agreement.terms
    owed = terms.contributions.get(party, spec.contribution)
    if party == terms.donor and spec.rule == "funding":  # most parties are no donor: `rule` is asked of few
        owed += terms.amount or 0.0
    return owed


class Owed(NamedTuple):
    """One contribution a party owes this round, as the settlement pays them (`payment_order`)."""

    agreement: str
    amount: float
    misses: int
    """Rounds in a row the party has not paid it so far."""
    last_chance: bool
    """One more miss would cost the party the agreement (it lapses) or its membership (suspended)."""


def payment_order(state: GameState, only: str | None = None) -> dict[str, list[Owed]]:
    """The contributions each party (or `only` that one) owes this round, in the order its
    unallocated points pay them: first those one more miss would cost it (the agreement lapses, or
    a convention suspends it), then the others in the order they were signed. Paid in the order
    of signature alone, an older grant took the money set aside for a joint team one miss from
    lapsing, and the team lapsed although its party had kept back what it owed. The budget screen
    names, by this same order, the contributions an allocation leaves unpaid."""
    limit = state.world.params.breaches_to_lapse
    now = state.round
    specs = state.world.agreements
    owed: dict[str, list[tuple[bool, int, Owed]]] = {}
    for agreement in state.agreements.values():
        if agreement.status != "in_force" or agreement.signed >= now:
            continue
        if only is not None:  # the budget screen asks for one party: most agreements are not its
            if only not in agreement.parties or only not in agreement.paying(now):
                continue
            payers: list[str] = [only]
        else:
            payers = agreement.paying(now)
        spec = specs[agreement.kind]
        number = int(agreement.id[1:])
        breaches = agreement.breaches
        for party in payers:
            misses = breaches.get(party, 0)
            last_chance = misses + 1 >= limit
            entry = (not last_chance, number, Owed(agreement.id, _due(spec, agreement, party), misses, last_chance))
            listed = owed.get(party)
            if listed is None:
                owed[party] = [entry]
            else:
                listed.append(entry)
    # (first miss-costly, then by signature): one entry per agreement for a party, so no two keys tie
    return {party: [item for _, _, item in sorted(items, key=_PAYMENT_KEY)] for party, items in owed.items()}


_PAYMENT_KEY = itemgetter(0, 1)
"""An entry's (first miss-costly, then by signature), without a Python call an entry."""


def paid_in_order(amounts: list[float], left: float) -> list[bool]:
    """Which of `amounts`, in payment order, `left` points pay: each that what is still left covers
    (a larger one missed does not stop a smaller one after it from being paid)."""
    paid = []
    for amount in amounts:
        covers = left + EPSILON >= amount
        if covers:
            left -= amount
        paid.append(covers)
    return paid


def suspends_member(agreement: AgreementRecord, min_parties: int) -> bool:
    """Whether repeated breach suspends the member in breach (a multilateral agreement that goes on
    without it) rather than ending the agreement."""
    return len(agreement.parties) - 1 >= min_parties


def pay_commitments(
    state: GameState, leftover: dict[str, float], funders: Funders | None = None,
) -> tuple[dict[str, dict[str, float]], dict[str, float], list[EventRecord]]:
    """Pay every agreement in force from each party's unallocated points.

    Returns the funding each recipient receives per capacity, what each state paid, and the events;
    `funders`, when given, gets who paid each grant (recipient -> donor -> capacity -> points).

    One pass lists the contributions due (what `payment_order` lists, by agreement rather than by
    party) and settles which each party's points cover; a second pays them, agreement by agreement.
    """
    world = state.world
    limit = world.params.breaches_to_lapse
    transfers: dict[str, dict[str, float]] = {}
    paid_total: dict[str, float] = {}
    events: list[EventRecord] = []
    commitments = state.commitments
    for agreement, spec, dues in _dues(state, leftover):
        agreement.unpaid = []
        terms = agreement.terms
        parties, breaches = agreement.parties, agreement.breaches
        for party, (owed, covered) in dues:
            if covered:
                leftover[party] = leftover.get(party, 0.0) - owed
                paid_total[party] = paid_total.get(party, 0.0) + owed
                breaches[party] = 0
                # `trust.record(state, party, others, kept=True)`, inlined: one commitment kept to each
                # other party (a pair is in the ledger from its first commitment on: the lookup that
                # fails once is cheaper than asking every time; a hot loop, kept short)
                ledger = commitments.get(party)
                if ledger is None:
                    ledger = commitments[party] = {}
                for partner in parties:
                    if partner != party:
                        try:
                            ledger[partner][0] += 1
                        except KeyError:
                            ledger[partner] = [1, 0]
            else:
                others = [p for p in parties if p != party]
                agreement.unpaid.append(party)
                count = breaches[party] = breaches.get(party, 0) + 1
                trust.record(state, party, others, kept=False)
                events.append(EventRecord(
                    f"breach-{agreement.id}-{party}",
                    f"{party} breaches the {spec.name.lower()} with {_partners(others)}",
                    f"{party} did not pay its {owed:g} point{'' if owed == 1 else 's'} this round ({count} of the "
                    f"{limit} misses in a row that {_sanction(agreement, spec.min_parties)}).",
                    "breach",
                ))
        agreement.breaches = dict(sorted(agreement.breaches.items()))
        if spec.rule == "funding" and terms.donor not in agreement.unpaid and terms.recipient and terms.capacity:
            gift = transfers.setdefault(terms.recipient, {})
            gift[terms.capacity] = gift.get(terms.capacity, 0.0) + (terms.amount or 0.0)
            if funders is not None:
                funded(funders, terms.recipient, terms.donor or "", terms.capacity, terms.amount or 0.0)
        # most agreements have neither conditions nor required laws, and nobody at the limit of misses
        if terms.conditions or spec.eligible is not None or spec.requires_laws:
            _check_conditions(state, agreement, events)
        if agreement.breaches and max(agreement.breaches.values()) >= limit:
            _lapse(state, agreement, events)
    return transfers, paid_total, events


def _dues(
    state: GameState, leftover: dict[str, float],
) -> list[tuple[AgreementRecord, AgreementSpec, list[tuple[str, list[float | bool]]]]]:
    """Each agreement whose contributions fall due this round, in the order of signature, with
    [amount, covered] for each party that owes: whether its unallocated points (`leftover`) pay it,
    in `payment_order` (those one more miss would cost first, then by signature). A party's
    contributions are listed in the order of signature, so that order is a stable partition of them."""
    now = state.round
    specs = state.world.agreements
    limit = state.world.params.breaches_to_lapse
    due_now = []
    owing: dict[str, tuple[list[list[float | bool]], list[list[float | bool]]]] = {}
    """Party -> (the contributions one more miss would cost it, the others), each [amount, covered]."""
    for agreement in sorted(state.agreements.values(), key=_number):
        if agreement.status != "in_force" or agreement.signed >= now:
            continue  # signed at this resolution: its contributions fall due from the next round
        spec = specs[agreement.kind]
        terms = agreement.terms
        # `_due`, inlined (a round pays a few dozen contributions): the party's contribution, and a
        # donor's funding
        contributions, contribution = terms.contributions, spec.contribution
        donor = terms.donor if spec.rule == "funding" else None
        breaches = agreement.breaches
        dues: list[tuple[str, list[float | bool]]] = []
        for party in agreement.paying(now):  # nor from a state that acceded at this resolution
            owed = contributions.get(party, contribution)
            if party == donor:
                owed += terms.amount or 0.0
            due: list[float | bool] = [owed, False]
            dues.append((party, due))
            lists = owing.get(party)
            if lists is None:
                lists = owing[party] = ([], [])
            lists[0 if breaches.get(party, 0) + 1 >= limit else 1].append(due)
        due_now.append((agreement, spec, dues))
    for party, (pressing, others) in owing.items():
        # `paid_in_order`, inlined (a party at a time, every round): each that what is still left covers
        left = leftover.get(party, 0.0)
        for due in pressing + others:
            amount = due[0]
            if left + EPSILON >= amount:
                left -= amount
                due[1] = True
    return due_now


def _number(agreement: AgreementRecord) -> int:
    """The agreement's number: the order of signature."""
    return int(agreement.id[1:])


def close_terms(state: GameState) -> None:
    """Agreements whose last round has just resolved end at term: a kept commitment."""
    for agreement in state.agreements.values():
        if agreement.status == "in_force" and agreement.ends < state.round:
            agreement.status, agreement.ended_round = "ended", agreement.ends


def _check_conditions(state: GameState, agreement: AgreementRecord, events: list[EventRecord]) -> None:
    """A funding condition unmet at the end of its round (the law neither in force nor adopted by
    then), or a required law repealed, ends the agreement."""
    if agreement.status != "in_force":
        return
    spec = state.world.agreements[agreement.kind]
    recipient = agreement.terms.recipient
    for condition in agreement.terms.conditions:
        if recipient is None or state.round < condition.by_round:
            continue
        record = state.states[recipient]
        if condition.law not in record.laws and condition.law not in record.pending_laws:
            _end(state, agreement, "lapsed", recipient, events,
                 f"{recipient} did not adopt {condition.law} by round {condition.by_round}.")
            return
    missing = laws_missing(state, agreement.parties, spec)
    if missing:
        lacking = next(p for p in agreement.parties if laws_missing(state, [p], spec))
        _end(state, agreement, "lapsed", lacking, events, missing)


def _partners(others: list[str]) -> str:
    """The partners a breach lets down, named while they are few."""
    return ", ".join(others) if len(others) <= 3 else f"{len(others)} partners"


def _sanction(agreement: AgreementRecord, min_parties: int) -> str:
    """What repeated breach brings: a multilateral agreement suspends the member, others lapse."""
    return "suspend a member" if suspends_member(agreement, min_parties) else "end it"


def _lapse(state: GameState, agreement: AgreementRecord, events: list[EventRecord]) -> None:
    if agreement.status != "in_force":
        return
    limit = state.world.params.breaches_to_lapse
    spec = state.world.agreements[agreement.kind]
    for party, count in list(agreement.breaches.items()):
        if count < limit:
            continue
        why = f"{party} has not paid for {count} rounds in a row."
        if suspends_member(agreement, spec.min_parties):
            # a multilateral agreement suspends the member in breach and goes on without it
            agreement.parties = [p for p in agreement.parties if p != party]
            del agreement.breaches[party]
            events.append(EventRecord(f"suspended-{agreement.id}-{party}", f"{party} suspended from the {spec.name}",
                                      why, "agreement"))
            continue
        _end(state, agreement, "lapsed", party, events, why, count_broken=False)
        return


def _end(state: GameState, agreement: AgreementRecord, status: str, by: str, events: list[EventRecord],
         why: str, *, count_broken: bool = True) -> None:
    """End an agreement early because of `by`; its unpaid rounds were already counted as broken."""
    spec = state.world.agreements[agreement.kind]
    agreement.status, agreement.ended_round, agreement.ended_by = status, state.round, by
    if count_broken:
        trust.record(state, by, [p for p in agreement.parties if p != by], kept=False)
    events.append(EventRecord(f"{status}-{agreement.id}", f"The {spec.name.lower()} {status}", why, "agreement"))
