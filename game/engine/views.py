"""`view(state, who)`: what a state may know. Its own record in full; of the others only what is
published; of the networks only its intelligence estimates. The facilitator's `truth` is the state."""

from typing import Any

from game.engine.budget import available
from game.engine.diplomacy.settlement import due
from game.engine.diplomacy.trust import trust_row
from game.engine.round import is_over
from game.engine.serialize import state_to_data
from game.model.state import Estimate, GameState
from game.model.view import (
    AgreementView,
    EstimateView,
    KnownRoute,
    MessageView,
    OwnState,
    PlayerView,
    ProposalView,
    PublicState,
    RegionView,
    RulesView,
)


def view(state: GameState, who: str) -> PlayerView:
    world = state.world
    scenario = world.scenario
    if who not in state.states:
        raise KeyError(who)
    record = state.states[who]
    spec = world.state_specs[who]
    published = state.last_figures.get(who, {})
    intel = state.intelligence[who]
    me = OwnState(
        id=who, name=spec.name, brief=spec.brief, objectives=list(spec.objectives), budget=record.budget,
        available=available(state, record), political_capital=record.political_capital,
        approval=record.approval, corruption=record.corruption, capacities=dict(record.capacities),
        laws=list(record.laws), pending_laws=dict(record.pending_laws),
        pending_repeals=list(record.pending_repeals), allocation=dict(record.allocation),
        ready=record.ready, tier=record.tier, scores_4p=dict(record.scores_4p),
        identified=int(published.get("identified", 0)), prosecutions=int(published.get("prosecutions", 0)),
        convictions=int(published.get("convictions", 0)), victims_estimate=_estimate(intel.victims),
        trust=trust_row(state, who), committed=committed(state, who),
    )
    others = []
    for other_id in world.state_ids:
        if other_id == who:
            continue
        other = state.states[other_id]
        figures = state.last_figures.get(other_id, {})
        others.append(PublicState(
            id=other_id, name=world.state_specs[other_id].name, laws=list(other.laws), tier=other.tier,
            scores_4p=dict(other.scores_4p), approval=other.approval,
            identified=int(figures.get("identified", 0)), prosecutions=int(figures.get("prosecutions", 0)),
            convictions=int(figures.get("convictions", 0)), ready=other.ready,
        ))
    regions = [
        RegionView(
            id=region_id, name=world.region_specs[region_id].name, population=state.regions[region_id].population,
            vulnerability=state.regions[region_id].vulnerability, demand=dict(state.regions[region_id].demand),
            neighbours=list(world.neighbours[region_id]), controlled_by=world.controller[region_id],
        )
        for region_id in world.region_ids
    ]
    routes = []
    for network in state.networks.values():
        for route in network.routes:
            if route.id in intel.routes:
                routes.append(KnownRoute(id=route.id, path=list(route.path), form=route.form,
                                         flow=_estimate(intel.routes[route.id])))
    return PlayerView(
        scenario=scenario.id, title=scenario.title, round=state.round, rounds=scenario.rounds,
        round_label=scenario.round_label, over=is_over(state), me=me, others=others, regions=regions,
        routes=routes,
        proposals=[
            ProposalView(id=p.id, kind=p.kind, proposer=p.proposer, parties=list(p.parties), terms=p.terms,
                         round=p.round, expires=p.expires, status=p.status, answers=dict(p.answers),
                         counters=p.counters)
            for p in state.proposals.values() if who in p.parties
        ],
        agreements=[
            AgreementView(id=a.id, kind=a.kind, parties=list(a.parties), terms=a.terms, signed=a.signed, ends=a.ends,
                          status=a.status, unpaid=list(a.unpaid), ended_round=a.ended_round, ended_by=a.ended_by)
            for a in state.agreements.values()
        ],
        messages=[
            MessageView(round=m.round, sender=m.sender, to=list(m.to), text=m.text)
            for m in state.messages if m.sender == who or who in m.to
        ],
        rules=RulesView(
            laws=world.laws, agreements=world.agreements, capacity_upkeep=world.params.capacity_upkeep,
            capacity_gain=world.params.capacity_gain, capacity_decay=world.params.capacity_decay,
            breaches_to_lapse=world.params.breaches_to_lapse, proposal_rounds=world.params.proposal_rounds,
        ),
    )


def committed(state: GameState, who: str) -> float:
    """What `who` owes each round to agreements in force: keep this much unallocated to pay it."""
    return sum(
        due(state, agreement, who) for agreement in state.agreements.values()
        if agreement.status == "in_force" and who in agreement.parties and agreement.ends >= state.round
    )


def truth(state: GameState) -> dict[str, Any]:
    """The facilitator's view: everything, hidden numbers included."""
    return state_to_data(state)


def _estimate(estimate: Estimate) -> EstimateView:
    return EstimateView(value=estimate.value, low=estimate.low, high=estimate.high)
