"""Players' orders: `apply` checks an action against the rules and records it; `legal_actions`
lists what a state may do now. Orders touch only the acting state's own record, which is why the
order in which states submit never changes the round's outcome."""

from game.engine import events, laws
from game.engine.budget import available
from game.engine.diplomacy import pledges, proposals, summits
from game.engine.errors import ActionRejected
from game.engine.organizations.effects import TRAINABLE
from game.engine.organizations.instruments import apply_instrument
from game.engine.round import is_over
from game.engine.suggest import did_you_mean
from game.model.actions import (
    Accede,
    Action,
    AdoptLaw,
    Allocate,
    Amend,
    Assist,
    CallSummit,
    Campaign,
    ChairSummit,
    Convene,
    Inject,
    Message,
    Monitor,
    Pledge,
    Propose,
    Ratify,
    Ready,
    RepealLaw,
    Respond,
    Sign,
    Statement,
    Train,
    Vote,
    Withdraw,
)
from game.model.state import GameState, OrgRecord, StateRecord
from game.model.vocabulary import CAPACITIES
from game.summing import add_up

EPSILON = 1e-9
POLICY_ORDERS = (Allocate, AdoptLaw, RepealLaw, Ready)
TYPICAL_GRANT = 3.0


def apply(state: GameState, action: Action, by: str | None = None) -> GameState:
    """The state after `action`, or `ActionRejected` with a reason a student understands.

    `by` is the seat submitting; when given, it must be the state or organization the action names.
    The given state is left untouched; the new one shares with it the records the action did not
    change, so neither may be changed in place afterwards (the engine never does: a round resolves
    on its own copy).
    """
    if isinstance(action, Inject):
        return events.inject(state, action, by)
    if isinstance(action, ChairSummit):
        return summits.chair(state, action, by)
    actor = _check_actor(state, action, by)
    after = _copy_for(state, action, actor)
    if actor in after.organizations:
        _apply_for_organization(after, after.organizations[actor], action)
        return after
    mine = after.states[actor]
    if isinstance(action, Allocate):
        _allocate(after, mine, action)
    elif isinstance(action, AdoptLaw):
        _adopt(after, mine, action.law)
    elif isinstance(action, RepealLaw):
        _repeal(after, mine, action.law)
    elif isinstance(action, Ready):
        mine.ready = True
    elif not _diplomacy(after, mine.id, action):
        raise ActionRejected(f"'{action.type}' is an organization's instrument; states cannot use it")
    return after


def _diplomacy(state: GameState, actor: str, action: Action) -> bool:
    """Proposals, answers, withdrawals, messages and statements, the same for states and organizations
    (pledges, by states alone, are refused to an organization in `pledges.make_pledge`); False
    if `action` is none of them."""
    if isinstance(action, Propose):
        proposals.propose(state, actor, action)
    elif isinstance(action, Respond):
        proposals.respond(state, actor, action)
    elif isinstance(action, Withdraw):
        proposals.withdraw(state, actor, action)
    elif isinstance(action, Accede):
        if actor not in state.states:
            raise ActionRejected("only a state can accede to a convention")
        proposals.accede(state, actor, action)
    elif isinstance(action, Message):
        proposals.message(state, actor, action)
    elif isinstance(action, Statement):
        pledges.make_statement(state, actor, action)
    elif isinstance(action, Pledge):
        pledges.make_pledge(state, actor, action)
    elif isinstance(action, CallSummit):
        summits.call(state, actor, action)
    elif isinstance(action, Amend | Vote | Sign | Ratify):
        _summit_order(state, actor, action)
    else:
        return False
    return True


def _summit_order(state: GameState, actor: str, action: Amend | Vote | Sign | Ratify) -> None:
    """A state's moves at a summit's table (an organization may call a summit, not sit at it)."""
    if actor not in state.states:
        raise ActionRejected(f"only a state sits at a summit's table: '{action.type}' is for states")
    summits.at_table(state, actor, action)


def _copy_for(state: GameState, action: Action, actor: str) -> GameState:
    """The copy an action is applied to, sharing every record with the given state but those the
    action can change (copying a whole state per order was most of an AI round): a state's policy
    orders change its own record; an organization's instruments and `ready` its own record, and a
    convening adds a proposal; proposals and answers change the proposals (a new one, and the one
    answered or countered); statements and pledges replace their list (never change it in place),
    so they share every record; an order at a summit's table changes that summit (and a
    ratification the ratifying state's capital). Withdrawals and messages work on a full copy."""
    if isinstance(action, Statement | Pledge):
        return state.copy_changing()
    if isinstance(action, Amend | Vote | Sign | Ratify) and actor in state.states:
        summit = state.summits.get(action.summit)
        if summit is not None:
            after = state.copy_changing(states=(actor,) if isinstance(action, Ratify) else ())
            after.summits = {**state.summits, action.summit: summit.clone()}
            return after
    if isinstance(action, Respond):
        return state.copy_changing(proposals=(action.proposal,))
    if isinstance(action, Propose):
        return state.copy_changing(proposals=(action.counters,) if action.counters is not None else ())
    if actor in state.states:
        if isinstance(action, POLICY_ORDERS):
            return state.copy_changing(states=(actor,))
    elif actor in state.organizations:
        if isinstance(action, Convene):
            return state.copy_changing(organizations=(actor,), proposals=())
        if isinstance(action, Train | Monitor | Assist | Campaign | Ready):
            return state.copy_changing(organizations=(actor,))
    return state.clone()


def _apply_for_organization(state: GameState, org: OrgRecord, action: Action) -> None:
    """Organizations have no territory and no laws: they use their instruments, funding
    agreements, messages and `ready`."""
    if isinstance(action, Train | Monitor | Assist | Campaign | Convene):
        apply_instrument(state, org, action)
    elif isinstance(action, Ready):
        org.ready = True
    elif not _diplomacy(state, org.id, action):
        raise ActionRejected(f"an organization has no budget to allocate and no laws: '{action.type}' is for states")


def _check_actor(state: GameState, action: Action, by: str | None) -> str:
    if is_over(state):
        raise ActionRejected(f"the game is over: all {state.world.scenario.rounds} rounds are resolved")
    actor = action.actor
    if by is not None and by != actor:
        seat = "state" if by in state.states else "seat"
        raise ActionRejected(f"not your {seat}: you play {by}, and this order is for {actor}")
    ready = _ready(state, actor)
    if ready is None:
        known = [*state.states, *state.organizations]
        what = "state or organization" if state.organizations else "state"
        raise ActionRejected(f"unknown {what} '{actor}'{did_you_mean(actor, known)}")
    if action.round is not None and action.round != state.round:
        if action.round < state.round:
            raise ActionRejected(f"round {action.round} is already resolved; it is now round {state.round}")
        raise ActionRejected(f"round {action.round} has not started; it is now round {state.round}")
    if ready:
        raise ActionRejected(f"{actor} is already ready for round {state.round}; orders reopen after it resolves")
    return actor


def _ready(state: GameState, actor: str) -> bool | None:
    """Whether the actor is ready this round, or None if there is no such actor."""
    if actor in state.states:
        return state.states[actor].ready
    if actor in state.organizations:
        return state.organizations[actor].ready
    return None


def _allocate(state: GameState, record: StateRecord, action: Allocate) -> None:
    total = add_up(action.budget.values())
    points = available(state, record)
    if total > points + EPSILON:
        upkeep = laws.upkeep(state.world, laws.in_force_at_resolution(state, record))
        raise ActionRejected(
            f"not enough budget: you allocated {total:g} points, but only {points:g} of your "
            f"{record.budget:g} are left after {upkeep:g} point{'' if upkeep == 1 else 's'} of law upkeep"
        )
    given: dict[str, float] = {str(c): v for c, v in action.budget.items()}
    record.allocation = {c: float(given[c]) for c in CAPACITIES if given.get(c, 0.0) > 0}
    record.allocated_against = record.budget


def _adopt(state: GameState, record: StateRecord, law: str) -> None:
    world = state.world
    spec = world.laws.get(law)
    if spec is None:
        raise ActionRejected(f"unknown law '{law}'{did_you_mean(law, world.laws)}")
    if law in record.laws:
        raise ActionRejected(f"{spec.name} is already in force in {record.id}")
    if law in record.pending_laws:
        raise ActionRejected(
            f"{spec.name} is already adopted; it enters into force in round {record.pending_laws[law]}"
        )
    missing = [p for p in spec.prerequisites if p not in record.laws]
    if missing:
        names = ", ".join(world.laws[p].name if p in world.laws else p for p in missing)
        raise ActionRejected(f"missing prerequisite: {spec.name} needs {names} in force first")
    if record.political_capital + EPSILON < spec.political_cost:
        raise ActionRejected(
            f"not enough political capital: {spec.name} costs {spec.political_cost:g}, "
            f"you have {record.political_capital:g}"
        )
    record.political_capital -= spec.political_cost
    record.pending_laws[law] = state.round + spec.delay
    record.pending_laws = dict(sorted(record.pending_laws.items()))


def _repeal(state: GameState, record: StateRecord, law: str) -> None:
    world = state.world
    name = world.laws[law].name if law in world.laws else law
    if law in record.pending_laws:
        del record.pending_laws[law]
        return
    if law not in record.laws:
        raise ActionRejected(f"{name} is not in force in {record.id}, so it cannot be repealed")
    if law in record.pending_repeals:
        raise ActionRejected(f"{name} is already being repealed this round")
    needing = [d for d in laws.dependants(world, record, law) if d not in record.pending_repeals]
    if needing:
        names = ", ".join(world.laws[d].name for d in needing)
        raise ActionRejected(f"{names} depends on {name}; repeal that first")
    record.pending_repeals.append(law)
    record.pending_repeals.sort()


def legal_actions(state: GameState, who: str) -> list[Action]:
    """Every law action open to `who` now, its standing allocation, answers to the proposals it is
    asked, withdrawals open to it, and `ready`.

    Allocations and proposals form a continuum; the allocation listed is the standing order (legal
    once the budget covers it), and any split of the available points is legal too. New proposals
    and messages, statements and pledges are open-ended and not listed.
    """
    if who in state.organizations:
        return _organization_actions(state, who)
    if is_over(state) or who not in state.states or state.states[who].ready:
        return []
    record = state.states[who]
    world = state.world
    result: list[Action] = []
    points = available(state, record)
    standing = record.allocation if add_up(record.allocation.values()) <= points + EPSILON else {}
    result.append(Allocate.model_validate({"state": who, "budget": dict(standing)}))
    for law_id, spec in world.laws.items():
        if law_id in record.pending_laws or law_id in record.laws:
            continue
        if all(p in record.laws for p in spec.prerequisites) and \
                record.political_capital + EPSILON >= spec.political_cost:
            result.append(AdoptLaw(state=who, law=law_id))
    for law_id in [*record.laws, *record.pending_laws]:
        if law_id in record.pending_repeals:
            continue
        if law_id in record.pending_laws or not [
            d for d in laws.dependants(world, record, law_id) if d not in record.pending_repeals
        ]:
            result.append(RepealLaw(state=who, law=law_id))
    for proposal in state.proposals.values():
        if proposal.status != "open" or who not in proposal.parties:
            continue
        if proposal.proposer == who:
            result.append(Withdraw(state=who, agreement=proposal.id))
            continue
        result.append(Respond(state=who, proposal=proposal.id, answer="reject"))
        if not proposals.laws_missing(state, [who], world.agreements[proposal.kind]):
            result.append(Respond(state=who, proposal=proposal.id, answer="accept"))
    for agreement in state.agreements.values():
        if agreement.status == "in_force" and who in agreement.parties:
            result.append(Withdraw(state=who, agreement=agreement.id))
        elif agreement.status == "in_force" and not proposals.accession_refusal(state, who, agreement):
            result.append(Accede(state=who, agreement=agreement.id))
    if state.summits:
        result += summits.summit_actions(state, who)
    result.append(Ready(state=who))
    return result




def _organization_actions(state: GameState, who: str) -> list[Action]:
    """An organization's instruments it can afford now, one of each kind per target, answers to the
    funding it is asked to join, withdrawals open to it, and `ready`. Assistance is listed at what
    is left of its budget, up to a typical grant."""
    org = state.organizations[who]
    if is_over(state) or org.ready:
        return []
    world = state.world
    params = world.params
    mandate = world.org_specs[who].mandate
    left = org.budget - org.spent
    result: list[Action] = []
    for target in world.state_ids:
        if "train" in mandate and left + EPSILON >= params.training_cost:
            result.extend(Train(org=who, target=target, capacity=capacity)
                          for capacity in TRAINABLE if [target, capacity] not in org.trainings)
        if "monitor" in mandate and left + EPSILON >= params.monitor_cost and target not in org.reviews:
            result.append(Monitor(org=who, target=target))
        if "assist" in mandate and left >= 1.0 and target not in org.barred:
            result.append(Assist(org=who, target=target, amount=min(left, TYPICAL_GRANT)))
    if "campaign" in mandate and left + EPSILON >= params.campaign_cost:
        result.extend(Campaign(org=who, region=r) for r in world.region_ids if r not in org.campaigns)
    if "convene" in mandate and left + EPSILON >= params.convene_cost:
        for kind, spec in world.agreements.items():
            members = [s for s in world.state_ids if not proposals.laws_missing(state, [s], spec)]
            if spec.rule == "regional_convention" and len(members) >= spec.min_parties:
                result.append(Convene(org=who, agreement=kind, parties=members))
    for proposal in state.proposals.values():
        if proposal.status != "open" or who not in [*proposal.parties, proposal.proposer]:
            continue
        if proposal.proposer == who:
            result.append(Withdraw(org=who, agreement=proposal.id))
        else:
            result += [Respond(org=who, proposal=proposal.id, answer="reject"),
                       Respond(org=who, proposal=proposal.id, answer="accept")]
    for agreement in state.agreements.values():
        if agreement.status == "in_force" and who in agreement.parties:
            result.append(Withdraw(org=who, agreement=agreement.id))
    result.append(Ready(org=who))
    return result
