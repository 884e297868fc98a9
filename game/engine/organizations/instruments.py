"""An organization's instruments as orders: checked against its mandate and budget, and recorded
for the round's resolution (a convening opens its negotiation at once, like a proposal)."""

from game.engine.diplomacy.ids import new_proposal_id
from game.engine.diplomacy.proposals import check_conditions, check_min_members, last_round_refusal, laws_missing
from game.engine.errors import ActionRejected
from game.engine.suggest import did_you_mean
from game.model.actions import Assist, Campaign, Convene, Monitor, Train
from game.model.state import GameState, OrgRecord, ProposalRecord

EPSILON = 1e-9


def apply_instrument(state: GameState, org: OrgRecord, action: Train | Monitor | Assist | Campaign | Convene) -> None:
    spec = state.world.org_specs[org.id]
    if action.type not in spec.mandate:
        raise ActionRejected(
            f"{spec.name}'s mandate does not include '{action.type}' (it may {', '.join(spec.mandate)})"
        )
    params = state.world.params
    if isinstance(action, Train):
        _known_state(state, action.target)
        if [action.target, action.capacity] in org.trainings:
            raise ActionRejected(f"{action.target}'s {action.capacity} officials are already being trained this round")
        _spend(org, params.training_cost, "training")
        org.trainings.append([action.target, action.capacity])
    elif isinstance(action, Monitor):
        _known_state(state, action.target)
        if action.target in org.reviews:
            raise ActionRejected(f"{action.target} is already being reviewed this round")
        _spend(org, params.monitor_cost, "a review")
        org.reviews.append(action.target)
    elif isinstance(action, Assist):
        _known_state(state, action.target)
        if action.target in org.barred:
            raise ActionRejected(
                f"{action.target} broke the conditions of earlier assistance; {spec.name} assists it no more"
            )
        check_conditions(state, action.conditions)
        _spend(org, action.amount, "assistance")
        org.assists[action.target] = org.assists.get(action.target, 0.0) + action.amount
        if action.conditions:
            org.conditions.setdefault(action.target, []).extend(action.conditions)
    elif isinstance(action, Campaign):
        if action.region not in state.regions:
            raise ActionRejected(f"unknown region '{action.region}'{did_you_mean(action.region, state.regions)}")
        if action.region in org.campaigns:
            raise ActionRejected(f"a campaign in {action.region} is already planned this round")
        _spend(org, params.campaign_cost, "a campaign")
        org.campaigns.append(action.region)
    else:
        _convene(state, org, action)


def _convene(state: GameState, org: OrgRecord, action: Convene) -> None:
    world = state.world
    spec = world.agreements.get(action.agreement)
    if spec is None:
        raise ActionRejected(
            f"unknown agreement '{action.agreement}'{did_you_mean(action.agreement, world.agreements)}"
        )
    if spec.rule != "regional_convention":
        raise ActionRejected(
            f"an organization convenes conventions; {spec.name} is negotiated by the states themselves"
        )
    last = last_round_refusal(state)
    if last:
        raise ActionRejected(last)
    parties = sorted(set(action.parties))
    if len(parties) != len(action.parties):
        raise ActionRejected("a party is listed twice")
    for party in parties:
        _known_state(state, party)
    if len(parties) < spec.min_parties:
        raise ActionRejected(f"{spec.name} needs at least {spec.min_parties} parties, this names {len(parties)}")
    check_min_members(spec, action.terms, len(parties))
    missing = laws_missing(state, parties, spec)
    if missing:
        raise ActionRejected(missing)
    # an organization cannot see the states' own negotiations: a convening that duplicates one
    # goes ahead, and settlement keeps only the first of them to be signed
    _spend(org, world.params.convene_cost, "hosting the negotiation")
    proposal_id = new_proposal_id(state)
    state.proposals[proposal_id] = ProposalRecord(
        id=proposal_id,
        kind=action.agreement,
        proposer=org.id,
        parties=parties,
        terms=action.terms,
        round=state.round,
        expires=state.round + world.params.proposal_rounds,
        convened_by=org.id,
    )


def _known_state(state: GameState, state_id: str) -> None:
    if state_id not in state.states:
        raise ActionRejected(f"unknown state '{state_id}'{did_you_mean(state_id, state.states)}")


def _spend(org: OrgRecord, cost: float, what: str) -> None:
    left = org.budget - org.spent
    if cost > left + EPSILON:
        raise ActionRejected(
            f"not enough budget: {what} costs {cost:g} points, {left:g} of {org.budget:g} are left this round"
        )
    org.spent += cost
