"""What a treaty in force does: each clause carried out by an effect the engine already has.

Once `min_ratifications` signatories have ratified, the treaty is in force among them. A law clause
puts the law before each ratifying party's parliament at no further political cost (it enters into
force after the clause's `delay`); an agreement clause enters the parties into an agreement of its
kind, with the clause's contribution and the treaty's duration, which then pays, shares, lapses and
builds trust as any agreement does. A party's reservation leaves it outside that clause. A party
that cannot join a clause yet (extradition needs criminalization in force, peer review victim
protection too) joins it at the first resolution at which it can; a later ratifier joins every
clause then. The funding pool is shared out once, at entry into force.
"""

from game.engine.diplomacy.proposals import laws_missing
from game.engine.diplomacy.summits import clause_numbers
from game.model.report import EventRecord
from game.model.state import AgreementRecord, GameState
from game.model.summit import BUILTIN_CLAUSES, ClauseRecord, SummitRecord, the_summit
from game.model.terms import Terms


def bring_into_force(state: GameState, summit: SummitRecord) -> list[EventRecord]:
    events: list[EventRecord] = []
    if summit.status == "adopted":
        if len(summit.ratified) < summit.min_ratifications:
            return events
        summit.status, summit.in_force = "in_force", state.round
        events.append(EventRecord(
            f"in-force-{summit.id}", f"{the_summit(summit.name, capital=True)} treaty enters into force",
            f"{', '.join(summit.ratified)} have ratified (it needed {summit.min_ratifications}).", "summit"))
    for clause in summit.draft:
        members = [p for p in summit.ratified if clause.clause not in summit.reservations.get(p, [])]
        spec = BUILTIN_CLAUSES[clause.clause]
        if spec.law is not None:
            _adopt(state, summit, clause, members)
        elif clause.clause == "funding_pool":
            events.extend(_pool(state, summit, clause, members))
        else:
            events.extend(_enter(state, summit, clause, members))
    return events


def _adopt(state: GameState, summit: SummitRecord, clause: ClauseRecord, members: list[str]) -> None:
    """Each member adopts the clause's law once (and its prerequisites, with it)."""
    world = state.world
    law = BUILTIN_CLAUSES[clause.clause].law or ""
    when = state.round + int(clause_numbers(clause)["delay"])
    for party in members:
        key = f"{clause.clause}:{party}"
        if key in summit.agreements:
            continue
        summit.agreements = dict(sorted({**summit.agreements, key: law}.items()))
        record = state.states[party]
        for needed in [*world.laws[law].prerequisites, law]:
            if needed not in record.laws and needed not in record.pending_laws:
                record.pending_laws = dict(sorted({**record.pending_laws, needed: when}.items()))
            if needed in record.pending_repeals:
                record.pending_repeals.remove(needed)


def _qualified(state: GameState, kind: str, members: list[str]) -> list[str]:
    spec = state.world.agreements[kind]
    return [p for p in members if spec.admits(p) and not laws_missing(state, [p], spec)]


def _enter(state: GameState, summit: SummitRecord, clause: ClauseRecord, members: list[str]) -> list[EventRecord]:
    kind = BUILTIN_CLAUSES[clause.clause].agreement or ""
    spec = state.world.agreements[kind]
    parties = _qualified(state, kind, members)
    contribution = clause_numbers(clause).get("contribution", spec.contribution)
    existing = state.agreements.get(summit.agreements.get(clause.clause, ""))
    if existing is not None:
        joining = [p for p in parties if p not in existing.parties]
        if existing.status != "in_force" or not joining:
            return []
        existing.parties = sorted([*existing.parties, *joining])
        existing.joined = dict(sorted({**existing.joined, **{p: state.round for p in joining}}.items()))
        contributions = {**existing.terms.contributions, **{p: contribution for p in joining}}
        existing.terms = existing.terms.model_copy(update={"contributions": dict(sorted(contributions.items()))})
        return [EventRecord(f"joins-{existing.id}-{'-'.join(joining)}",
                            f"{', '.join(joining)} join(s) {the_summit(summit.name)} treaty's {spec.name.lower()}",
                            f"Under its clause on {BUILTIN_CLAUSES[clause.clause].name.lower()}; contributions "
                            f"from round {state.round + 1}.", "summit")]
    if len(parties) < spec.min_parties:
        return []
    network = None
    if spec.rule == "joint_investigation_team":
        network = _target(state, parties)
        if network is None:
            return []
    terms = Terms(duration=summit.duration, contributions={p: contribution for p in parties}, network=network)
    agreement = _record(state, summit, kind, parties, terms)
    summit.agreements = dict(sorted({**summit.agreements, clause.clause: agreement.id}.items()))
    return [EventRecord(agreement.id, f"{spec.name} under {the_summit(summit.name)} treaty",
                        f"{', '.join(parties)} enter it for {summit.duration} round(s) of contributions, rounds "
                        f"{state.round + 1} to {state.round + summit.duration}.", "agreement")]


def _record(state: GameState, summit: SummitRecord, kind: str, parties: list[str], terms: Terms) -> AgreementRecord:
    agreement_id = f"a{len(state.agreements) + 1}"
    agreement = AgreementRecord(id=agreement_id, kind=kind, parties=sorted(parties), terms=terms, proposal=summit.id,
                                signed=state.round, ends=state.round + summit.duration)
    state.agreements[agreement_id] = agreement
    return agreement


def _target(state: GameState, parties: list[str]) -> str | None:
    """The active network the parties' intelligence sees carrying the most people (ties: by id)."""
    seen: dict[str, int] = {}
    for party in parties:
        for route_id, estimate in state.intelligence[party].routes.items():
            network_id = route_id.split("/")[0]
            seen[network_id] = seen.get(network_id, 0) + estimate.value
    active = [(flow, network_id) for network_id, flow in seen.items()
              if network_id in state.networks and state.networks[network_id].active]
    return min(active, key=lambda pair: (-pair[0], pair[1]))[1] if active else None


def _pool(state: GameState, summit: SummitRecord, clause: ClauseRecord, members: list[str]) -> list[EventRecord]:
    """Parties above the parties' median budget each fund the protection of one below it, in turn."""
    if "funding_pool" in summit.agreements or len(members) < 2:
        return []
    kind = "funding"
    by_budget = sorted(members, key=lambda p: (state.states[p].budget, p))
    half = len(by_budget) // 2
    recipients, donors = by_budget[:half], by_budget[half:]
    amount = clause_numbers(clause)["amount"]
    made = []
    for number, donor in enumerate(sorted(donors)):
        recipient = recipients[number % len(recipients)]
        if state.states[donor].budget <= state.states[recipient].budget:
            continue
        terms = Terms(duration=summit.duration, contributions={donor: 0.0, recipient: 0.0}, donor=donor,
                      recipient=recipient, amount=amount, capacity="protection")
        agreement = _record(state, summit, kind, [donor, recipient], terms)
        summit.agreements = dict(sorted({**summit.agreements, f"funding_pool:{donor}": agreement.id}.items()))
        made.append(f"{donor} to {recipient}")
    summit.agreements = dict(sorted({**summit.agreements, "funding_pool": ",".join(made) or "none"}.items()))
    if not made:
        return []
    return [EventRecord(f"pool-{summit.id}", f"{the_summit(summit.name, capital=True)} treaty's funding pool opens",
                        f"{amount:g} points a round for victims' services: {'; '.join(made)}.", "agreement")]
