"""How an AI player values a deal, from its own view only (rules of thumb): the flows it shares
with a partner, the displacement a partner's pressure could push into its own territory, and a
cost split near the Nash bargaining solution (each party's gain net of cost made equal)."""

from dataclasses import dataclass, field

from game.model.view import AgreementView, PlayerView, ProposalView
from game.summing import add_up

GAIN_PER_PERSON = {
    "information_sharing": 0.015,
    "mutual_legal_assistance": 0.008,
    "joint_investigation_team": 0.03,
    "extradition": 0.01,
    "repatriation_protocol": 0.004,
    "labour_migration_mou": 0.006,
    "regional_convention": 0.015,
    "funding": 0.0,
}
"""Points of value a round per person a round on the shared routes: a rough, public rule of thumb.
Joint teams rank first: signed alone on paper in round 1 they avert the most of any kind in the
shipped scenarios (the only way besides extradition to a network's core), while what partners
share adds a little to identification and detection (docs/lessons.md, "each kind alone")."""
DISPLACEMENT_WEIGHT = 0.5
MEMBERSHIP = 1.0
"""Points a round a regional convention is worth to a member beyond its shared flows: peer review,
information from every member, and standing at home and abroad (the partnership pillar)."""


@dataclass(frozen=True)
class Survey:
    """What its known routes say about each other state: read once per decision."""

    owner: dict[str, str | None]
    shared: dict[str, float]
    """Partner -> estimated people a round on known routes crossing both territories."""
    displaced: dict[str, float]
    """Partner -> people a round through the partner's regions that border its own territory."""
    laws: dict[str, set[str]]
    """State -> the laws it holds, as far as it can see: asked for every partner and kind."""
    partners: list[str] = field(default_factory=list)
    """`partners`, kept once asked (filled by it: one decision asks for each kind of deal)."""


_last: list[tuple[PlayerView, Survey]] = []


def _same_ground(seen: PlayerView, view: PlayerView) -> bool:
    """Whether a survey of `seen` holds for `view`: the same view, or a copy of it that a strategy
    made with its capital or budget lowered (`model_copy` shares the unchanged lists)."""
    return seen is view or (seen.routes is view.routes and seen.regions is view.regions
                            and seen.others is view.others and seen.me.laws is view.me.laws
                            and seen.me.id == view.me.id)


def survey(view: PlayerView) -> Survey:
    """The survey of this view, computed once: a strategy asks for it many times per decision, of the
    view and of copies of it with less capital or budget left."""
    if _last:
        seen, found = _last[0]
        if seen is view or _same_ground(seen, view):
            return found
    me = view.me.id
    owner = {region.id: region.controlled_by for region in view.regions}
    mine = {r for r, s in owner.items() if s == me}
    borders = {region.id for region in view.regions if not mine.isdisjoint(region.neighbours)}
    shared: dict[str, float] = {}
    displaced: dict[str, float] = {}
    # a hot loop (each seat's every view): the other states a route crosses, with its flow, and those
    # it crosses next to its own territory
    for route in view.routes:
        states = {owner.get(r) for r in route.path}
        flow = float(route.flow.value)
        if me in states:
            for other in states:
                if other is not None and other != me:
                    shared[other] = shared.get(other, 0.0) + flow
        for other in {owner.get(r) for r in route.path if r in borders}:
            if other is not None and other != me:
                displaced[other] = displaced.get(other, 0.0) + flow
    laws = {me: set(view.me.laws), **{o.id: set(o.laws) for o in view.others}}
    result = Survey(owner, shared, displaced, laws)
    _last[:] = [(view, result)]
    return result


def shared_flow(view: PlayerView, partner: str) -> float:
    """Estimated people a round on known routes that cross both its territory and the partner's."""
    return survey(view).shared.get(partner, 0.0)


def displacement_risk(view: PlayerView, partner: str) -> float:
    """People a round on routes through the partner that could be pushed next door into its own
    regions: flows through a partner's region that borders its territory."""
    return survey(view).displaced.get(partner, 0.0)


def partners(view: PlayerView) -> list[str]:
    """States whose territory its known routes cross, most shared flow first."""
    found = survey(view)
    if found.partners or not (found.shared or found.displaced):
        return list(found.partners)
    # only states on some known route can score above 0: asked of them, not of every state at the table
    others = {other.id for other in view.others}
    touched = sorted((set(found.shared) | set(found.displaced)) & others)
    scored = {s: found.shared.get(s, 0.0) + found.displaced.get(s, 0.0) for s in touched}
    found.partners.extend(s for s in sorted(scored, key=lambda s: (-scored[s], s)) if scored[s] > 0)
    return list(found.partners)


def benefit(view: PlayerView, kind: str, partner: str) -> float:
    found = survey(view)  # `shared_flow` and `displacement_risk`, with one survey asked of the view
    flow = found.shared.get(partner, 0.0) + DISPLACEMENT_WEIGHT * found.displaced.get(partner, 0.0)
    return flow * GAIN_PER_PERSON.get(kind, 0.005)


def deal_value(view: PlayerView, kind: str, partner: str) -> float:
    spec = view.rules.agreements[kind]
    return benefit(view, kind, partner) - spec.contribution


def nash_split(view: PlayerView, kind: str, parties: list[str]) -> dict[str, float]:
    """Contributions near the Nash bargaining split: a party that gains more pays more, no one pays
    below zero, and the total is the kind's default. Its own gain counts the displacement it fears;
    a partner's is estimated from the flows they share, all it can see."""
    spec = view.rules.agreements[kind]
    total = spec.contribution * len(parties)
    me = view.me.id
    rate = GAIN_PER_PERSON.get(kind, 0.005)
    gains = {
        p: add_up(benefit(view, kind, q) for q in parties if q != me) if p == me else shared_flow(view, p) * rate
        for p in parties
    }
    gain_sum = add_up(gains.values())
    if gain_sum <= 0:
        return {p: round(total / len(parties), 1) for p in parties}
    # half an equal split, half in proportion to gains: the equal-net-gain point, damped so that
    # no party is asked for everything on estimates this rough
    return {p: round(total * (0.5 / len(parties) + 0.5 * gains[p] / gain_sum), 1) for p in parties}


def signing_cost(view: PlayerView, proposal: ProposalView) -> float:
    """Political capital it would spend to sign: less by the rules' discount under an organization's
    auspices (a convened treaty: its proposer is no party)."""
    cost = view.rules.agreements[proposal.kind].political_cost
    return cost * (1.0 - view.rules.convene_discount) if proposal.proposer not in proposal.parties else cost


def my_due(view: PlayerView, proposal: ProposalView) -> float:
    spec = view.rules.agreements[proposal.kind]
    owed = proposal.terms.contributions.get(view.me.id, spec.contribution)
    if spec.rule == "funding" and proposal.terms.donor == view.me.id:
        owed += proposal.terms.amount or 0.0
    return owed


def accepted_by_all(view: PlayerView, proposal: ProposalView) -> bool:
    """Whether the proposal enters into force at this resolution as it stands (and so is counted in
    the view's `accepted_dues`)."""
    accepted = [p for p in proposal.parties if p == proposal.proposer or proposal.answers.get(p) == "accept"]
    if proposal.min_members:
        return view.me.id in accepted and len(accepted) >= proposal.min_members
    return len(accepted) == len(proposal.parties)


def due_in(view: PlayerView, agreement_id: str) -> float:
    """What it owes a round to an agreement in force."""
    agreement = next(a for a in view.agreements if a.id == agreement_id)
    spec = view.rules.agreements[agreement.kind]
    owed = agreement.terms.contributions.get(view.me.id, spec.contribution)
    if spec.rule == "funding" and agreement.terms.donor == view.me.id:
        owed += agreement.terms.amount or 0.0
    return owed


def proposal_value(view: PlayerView, proposal: ProposalView | AgreementView) -> float:
    """What a deal is worth to it a round: shared flows with the other parties, or money received."""
    spec = view.rules.agreements[proposal.kind]
    if spec.rule == "funding":
        return (proposal.terms.amount or 0.0) if proposal.terms.recipient == view.me.id else 0.0
    others = [p for p in proposal.parties if p != view.me.id]
    membership = MEMBERSHIP if spec.rule == "regional_convention" else 0.0
    return membership + add_up(benefit(view, spec.rule, p) for p in others)


agreement_value = proposal_value


def laws_allow(view: PlayerView, kind: str, parties: list[str]) -> bool:
    """Whether the parties it can see may join the kind (its eligible states) and hold the laws it
    requires."""
    return len(admitted(view, kind, parties)) == len(parties)


def admitted(view: PlayerView, kind: str, parties: list[str]) -> list[str]:
    """Those of `parties` that `laws_allow` admits to the kind: asked once of every partner, not of
    each in turn."""
    spec = view.rules.agreements[kind]
    laws = survey(view).laws
    required = set(spec.requires_laws)
    return [p for p in parties if spec.admits(p) and required <= laws.get(p, set())]


def best_target(view: PlayerView) -> str | None:
    """The network with the largest estimated flow on routes it knows."""
    flows: dict[str, float] = {}
    for route in view.routes:
        network = route.id.split("/")[0]
        flows[network] = flows.get(network, 0.0) + route.flow.value
    return max(sorted(flows), key=lambda n: flows[n]) if flows else None
