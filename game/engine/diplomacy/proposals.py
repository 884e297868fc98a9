"""Proposals, answers, accessions, withdrawals and messages: the diplomatic orders, checked and
recorded.

A proposal becomes an agreement at the next resolution if every party has accepted by then; one
rejection ends it; a counter-proposal replaces it; unanswered, it expires at the resolution of the
round after next. A convention is opt-in: it enters into force among those who accepted once
enough have (`terms.min_members`, else the kind's `min_parties`); a rejection leaves only the
rejecting state outside, and a state outside may accede later.
"""

from game.engine.diplomacy import trust
from game.engine.diplomacy.ids import new_proposal_id
from game.engine.errors import ActionRejected
from game.engine.suggest import did_you_mean
from game.model.actions import Accede, Message, Propose, Respond, Withdraw
from game.model.catalogue import AgreementSpec
from game.model.state import AgreementRecord, GameState, MessageRecord, ProposalRecord
from game.model.terms import FundingCondition, Terms
from game.summing import add_up


def last_round_refusal(state: GameState) -> str:
    """Why nothing can be proposed or acceded to now, or an empty string: in the game's last round an
    agreement would enter into force at the last resolution and never be paid or carried out
    (contributions fall due from the round after), yet count for objectives and the partnership
    pillar: signing in the last year was a loophole a class would find."""
    if state.round < state.world.scenario.rounds:
        return ""
    label = state.world.scenario.round_label
    return (f"this is the game's last {label}: an agreement that entered into force now would never be paid or "
            f"carried out (contributions fall due from the {label} after)")


def propose(state: GameState, proposer: str, action: Propose) -> None:
    world = state.world
    last = last_round_refusal(state)
    if last:
        raise ActionRejected(last)
    spec = world.agreements.get(action.agreement)
    if spec is None:
        hint = did_you_mean(action.agreement, world.agreements)
        raise ActionRejected(f"unknown agreement '{action.agreement}'{hint}")
    parties = list(action.parties)
    _check_parties(state, proposer, parties, spec)
    for party in action.terms.contributions:
        if party not in parties:
            raise ActionRejected(f"terms.contributions names {party}, who is not a party to this proposal")
    _check_kind_terms(state, proposer, parties, spec, action)
    check_running_cost(state, parties, spec, action.terms)
    missing = laws_missing(state, parties, spec)
    if missing:
        raise ActionRejected(missing)
    _check_political_capital(state, proposer, spec.political_cost)
    if action.counters is None and spec.rule != "funding":  # grants differ by donor, amount and terms
        refuse_duplicate(state, action.agreement, parties, proposer)
    if action.counters is not None:
        old = state.proposals.get(action.counters)
        if old is None:
            raise ActionRejected(f"there is no proposal '{action.counters}' to counter")
        if old.status != "open":
            raise ActionRejected(f"proposal {old.id} is no longer open (it was {old.status})")
        if proposer not in old.parties:
            raise ActionRejected(f"you are not a party to proposal {old.id}, so you cannot counter it")
        old.status = "countered"
    proposal_id = new_proposal_id(state)
    state.proposals[proposal_id] = ProposalRecord(
        id=proposal_id, kind=action.agreement, proposer=proposer, parties=sorted(parties), terms=action.terms,
        round=state.round, expires=state.round + world.params.proposal_rounds, counters=action.counters,
        notes={proposer: action.note.strip()} if action.note.strip() else {},  # blanks are no note
    )


def respond(state: GameState, responder: str, action: Respond) -> None:
    proposal = state.proposals.get(action.proposal)
    if proposal is None:
        raise ActionRejected(f"there is no proposal '{action.proposal}'")
    if responder not in proposal.parties:
        raise ActionRejected(f"you are not a party to proposal {proposal.id}")
    if responder == proposal.proposer:
        raise ActionRejected(f"you made proposal {proposal.id}; withdraw it instead of answering it")
    if proposal.status != "open":
        raise ActionRejected(f"proposal {proposal.id} is no longer open (it was {proposal.status})")
    if action.answer == "accept":
        _check_political_capital(state, responder, signing_cost(state, proposal))
        missing = laws_missing(state, [responder], state.world.agreements[proposal.kind])
        if missing:
            raise ActionRejected(missing)
    proposal.answers[responder] = action.answer
    proposal.answers = dict(sorted(proposal.answers.items()))
    if action.note:
        proposal.notes = dict(sorted({**proposal.notes, responder: action.note}.items()))
    elif responder in proposal.notes:  # a new answer without a line: the old line was about the old answer
        proposal.notes = {p: n for p, n in proposal.notes.items() if p != responder}


def withdraw(state: GameState, who: str, action: Withdraw) -> None:
    """Take back one's own open proposal, or leave an agreement in force: before its term, that
    breaks a commitment to every other party."""
    proposal = state.proposals.get(action.agreement)
    if proposal is not None:
        if proposal.proposer != who:
            raise ActionRejected(f"only {proposal.proposer} can withdraw proposal {proposal.id}; answer it instead")
        if proposal.status != "open":
            raise ActionRejected(f"proposal {proposal.id} is no longer open (it was {proposal.status})")
        proposal.status = "withdrawn"
        return
    agreement = state.agreements.get(action.agreement)
    if agreement is None:
        raise ActionRejected(f"there is no agreement or proposal '{action.agreement}'")
    if who not in agreement.parties:
        raise ActionRejected(f"you are not a party to agreement {agreement.id}")
    if agreement.status != "in_force":
        raise ActionRejected(f"agreement {agreement.id} is no longer in force (it was {agreement.status})")
    others = [p for p in agreement.parties if p != who]
    trust.record(state, who, others, kept=False)
    spec = state.world.agreements[agreement.kind]
    if len(others) >= spec.min_parties:
        agreement.parties = others
        agreement.breaches.pop(who, None)
        return
    agreement.status = "withdrawn"
    agreement.ended_round = state.round
    agreement.ended_by = who


def accede(state: GameState, who: str, action: Accede) -> None:
    """Ask to join a convention in force: the state joins at this round's resolution."""
    agreement = state.agreements.get(action.agreement)
    if agreement is None:
        hint = did_you_mean(action.agreement, state.agreements)
        raise ActionRejected(f"there is no agreement '{action.agreement}'{hint}")
    refusal = accession_refusal(state, who, agreement)
    if refusal:
        raise ActionRejected(refusal)
    agreement.acceding = sorted([*agreement.acceding, who])


def accession_refusal(state: GameState, who: str, agreement: AgreementRecord) -> str:
    """Why `who` cannot accede to `agreement` now, or an empty string."""
    spec = state.world.agreements[agreement.kind]
    if not spec.opt_in:
        return f"{spec.name.lower()} {agreement.id} is closed: only a convention can be acceded to"
    last = last_round_refusal(state)
    if last:
        return last
    if agreement.status != "in_force" or agreement.ends <= state.round:
        return f"agreement {agreement.id} is not in force beyond this round"
    if who in agreement.parties:
        return f"you are already a party to agreement {agreement.id}"
    if who in agreement.acceding:
        return f"you have already asked to accede to agreement {agreement.id}"
    open_to = accession_open_to(state, agreement)
    if open_to is not None and who not in open_to:
        return f"the {spec.name} is open to {', '.join(open_to)} only"
    record = state.states[who]
    if spec.political_cost > record.political_capital + 1e-9:
        return f"not enough political capital: acceding costs {spec.political_cost:g}, you have " \
               f"{record.political_capital:g}"
    return laws_missing(state, [who], spec)


def accession_open_to(state: GameState, agreement: AgreementRecord) -> list[str] | None:
    """The states that may accede to a convention, if the scenario limits them (an agreement in force
    from the start, `open_to`); None: any state."""
    if agreement.signed > 0 or agreement.proposal:
        return None
    history = state.world.scenario.agreements_in_force
    number = int(agreement.id[1:])
    return history[number - 1].open_to if number <= len(history) else None


def check_min_members(spec: AgreementSpec, terms: Terms, parties: int) -> None:
    """`terms.min_members` belongs to conventions, between the kind's minimum and the parties named."""
    if terms.min_members is None:
        return
    if not spec.opt_in:
        raise ActionRejected(f"terms.min_members is for conventions; {spec.name.lower()} binds every party")
    if not spec.min_parties <= terms.min_members <= parties:
        raise ActionRejected(f"terms.min_members must be between {spec.min_parties} (the kind's minimum) "
                             f"and {parties} (the parties named), not {terms.min_members}")


ROUNDING = 0.05
"""Per party, the shortfall a split rounded to tenths may leave below the running cost."""


def check_running_cost(state: GameState, parties: list[str], spec: AgreementSpec, terms: Terms) -> None:
    """An agreement's contributions pay for carrying it out (a joint team's investigators, the liaison
    officers who share intelligence, the shelters a return protocol runs): the parties may split the
    cost as they like, but not sign it for less than running it costs, the kind's contribution a
    party. Signed for less, it would do all its work unpaid: paper counted as implementation (an
    outside reviewer's deals at zero contribution averted 4-11% of the harm, more than cooperating)."""
    if spec.rule == "funding" or spec.contribution <= 0:
        return
    cost = spec.contribution * len(parties)
    offered = add_up([terms.contributions.get(party, spec.contribution) for party in parties])
    if offered < cost - ROUNDING * len(parties):
        label = state.world.scenario.round_label
        raise ActionRejected(
            f"the contributions add up to {offered:g} a {label}, but the agreement costs {cost:g} a {label} to run "
            f"among {len(parties)} parties ({spec.contribution:g} a party): split the {cost:g} between the parties "
            "as you like; an agreement nobody pays for does nothing")


def members_needed(state: GameState, proposal: ProposalRecord) -> int:
    """Acceptances an opt-in convention needs to enter into force (the proposer's counts)."""
    return proposal.terms.min_members or state.world.agreements[proposal.kind].min_parties


def message(state: GameState, sender: str, action: Message) -> None:
    recipients = sorted(set(action.to) - {sender})
    if not recipients:
        raise ActionRejected("a message needs at least one other state to send it to")
    known = [*state.states, *state.organizations]
    what = "state or organization" if state.organizations else "state"
    for recipient in recipients:
        if recipient not in known:
            raise ActionRejected(f"unknown {what} '{recipient}'{did_you_mean(recipient, known)}")
    state.messages.append(MessageRecord(state.round, sender, tuple(recipients), action.text))


def check_conditions(state: GameState, conditions: list[FundingCondition]) -> None:
    """Conditions on money (funding, an organization's assistance): a known law, a round to come."""
    for condition in conditions:
        if condition.law not in state.world.laws:
            hint = did_you_mean(condition.law, state.world.laws)
            raise ActionRejected(f"unknown law '{condition.law}' in a condition{hint}")
        if condition.by_round < state.round:
            raise ActionRejected(f"a condition's by_round ({condition.by_round}) is already past")


def laws_missing(state: GameState, parties: list[str], spec: AgreementSpec) -> str:
    """Why the parties cannot sign (a state not eligible, a required law not in force somewhere), or
    an empty string."""
    if spec.eligible is None and not spec.requires_laws:  # most kinds: nothing to check (asked of every
        return ""                                           # agreement in force every round)
    world = state.world
    states = state.states
    eligible = spec.eligible
    # `spec.admits`, inlined
    outside = [] if eligible is None else [p for p in parties if p not in eligible and p in states]
    if outside:
        return f"{spec.name} is open only to {', '.join(spec.eligible or [])}: {', '.join(outside)} may not join"
    for law in spec.requires_laws:
        lacking = [p for p in parties if p in states and law not in states[p].laws]
        if lacking:
            name = world.laws[law].name if law in world.laws else law
            return f"{spec.name} needs {name} in force in every party: {', '.join(lacking)} lacks it"
    return ""


def duplicate_of(state: GameState, kind: str, parties: list[str], asking: str | None = None) -> str | None:
    """An agreement in force of the same kind among the same parties (for extradition, among them
    and others), or a proposal open of the same kind among the same parties: a party proposing sees
    each, since it is among the parties of each. `asking`, the state proposing, is told how to
    offer new terms on a proposal already rejected (`_new_terms`)."""
    wanted = sorted(parties)
    rules = state.world.agreement_rules
    for agreement in state.agreements.values():
        if agreement.status != "in_force":
            continue
        if agreement.kind == kind and sorted(agreement.parties) == wanted:
            return f"agreement {agreement.id} is already in force"
        if rules[kind] == "extradition" == rules[agreement.kind] and set(wanted) <= set(agreement.parties):
            # a surrender treaty in force among more states (the European Arrest Warrant) already
            # binds them: a second one between two of them would be paper. Other kinds may deepen a
            # wider framework between two of its members, on terms of their own.
            name = state.world.agreements[agreement.kind].name
            return f"agreement {agreement.id} ({name}) already binds them all"
    for proposal in state.proposals.values():
        if proposal.status == "open" and proposal.kind == kind and sorted(proposal.parties) == wanted:
            return f"proposal {proposal.id} is already on the table" + _new_terms(state, proposal, asking)
    return None


def _new_terms(state: GameState, proposal: ProposalRecord, asking: str | None) -> str:
    """How to offer new terms on a treaty a party has rejected: it stays on the table until the
    round resolves (the answer may still change), so a proposer who read a refusal's 'split the
    cost another way' and proposed the split was told only 'already on the table', and nothing
    said to withdraw it first (its proposer) or to counter it (another party)."""
    rejecting = [p for p in proposal.parties if p != proposal.proposer and proposal.answers.get(p) == "reject"]
    if not rejecting or state.world.agreements[proposal.kind].opt_in or asking is None:
        return ""
    how = "withdraw it first, then propose again" if asking == proposal.proposer else "counter it instead"
    return (f" until this {state.world.scenario.round_label} is resolved, though {', '.join(rejecting)} "
            f"rejected it: to offer new terms now, {how}")


def refuse_duplicate(state: GameState, kind: str, parties: list[str], asking: str | None = None) -> None:
    found = duplicate_of(state, kind, parties, asking)
    if found is not None:
        name = state.world.agreements[kind].name
        raise ActionRejected(f"{name} among these parties: {found}")


def signing_cost(state: GameState, proposal: ProposalRecord) -> float:
    """Political capital each state party spends to sign: less under an organization's auspices."""
    cost = state.world.agreements[proposal.kind].political_cost
    if proposal.convened_by is not None:
        cost *= 1.0 - state.world.params.convene_discount
    return cost


def _check_political_capital(state: GameState, party: str, cost: float) -> None:
    record = state.states.get(party)
    if record is not None and cost > record.political_capital + 1e-9:
        raise ActionRejected(
            f"not enough political capital: signing costs {cost:g}, you have {record.political_capital:g}"
        )


def _check_parties(state: GameState, proposer: str, parties: list[str], spec: AgreementSpec) -> None:
    """States may be parties to any agreement; organizations only to funding, never to laws,
    extradition or the rest (model card 4b)."""
    for party in parties:
        if party in state.organizations:
            if spec.rule != "funding":
                raise ActionRejected(f"an organization can be a party to funding only, not to {spec.name.lower()}")
            continue
        if party not in state.states:
            known = [*state.states, *state.organizations]
            raise ActionRejected(f"unknown party '{party}'{did_you_mean(party, known)}")
    twice = sorted({p for p in parties if parties.count(p) > 1})
    if twice:
        raise ActionRejected(f"a party is listed twice: {', '.join(twice)}")
    if proposer not in parties:
        raise ActionRejected("you must be a party to your own proposal")
    if len(parties) == 1:
        raise ActionRejected("an agreement needs at least one other state as a party")
    if len(parties) < spec.min_parties:
        raise ActionRejected(f"{spec.name} needs at least {spec.min_parties} parties, this names {len(parties)}")


def _check_kind_terms(
    state: GameState, proposer: str, parties: list[str], spec: AgreementSpec, action: Propose
) -> None:
    terms = action.terms
    check_min_members(spec, terms, len(parties))
    if spec.rule == "joint_investigation_team":
        if not terms.network:
            raise ActionRejected("a joint investigation team needs a target: terms.network")
        known = {route_id.split("/")[0] for route_id in state.intelligence[proposer].routes}
        countered = state.proposals.get(action.counters) if action.counters else None
        if countered is not None and proposer in countered.parties and countered.terms.network:
            known.add(countered.terms.network)  # the proposal it counters named it: it may keep that target
        network = state.networks.get(terms.network)
        if terms.network not in known or network is None or not network.active:
            raise ActionRejected(f"you have no intelligence on an active network called '{terms.network}'")
    if spec.rule == "funding":
        for name in ("donor", "recipient", "amount", "capacity"):
            if getattr(terms, name) is None:
                raise ActionRejected(f"funding needs terms.{name}")
        if terms.donor not in parties or terms.recipient not in parties:
            raise ActionRejected("the donor and the recipient of funding must both be parties")
        if terms.donor == terms.recipient:
            raise ActionRejected("the donor and the recipient of funding must be different states")
        if terms.recipient in state.organizations:  # it has no capacity for the points to build
            raise ActionRejected("an organization gives funding but does not receive it: the recipient must be a state")
        if not terms.amount:
            raise ActionRejected("funding needs an amount above 0")
        check_conditions(state, terms.conditions)
