"""What agreements in force do to the other mechanics (model card section 4), asked by them here so
that each agreement's rule has one home.

A party that did not pay this round (`unpaid`) withholds what it promised: its partners get
nothing from it, though it still gets what they give. That asymmetry is the free rider's gain. A party
gives from the first round it owes a contribution (`AgreementRecord.paying`): in the round it signs
or accedes it has paid nothing, and a signature alone used to share a round's intelligence (paper
diplomacy's information sharing then tipped a network off its busiest route in the tutorial).
"""

import random
from collections.abc import Collection

from game.engine.hideouts import add_located, haven
from game.engine.organizations.effects import effective, same_standard
from game.engine.rng import stochastic_round
from game.model.partners_once import REPATRIATION
from game.model.report import EventRecord
from game.model.state import AgreementRecord, GameState
from game.summing import add_up

SHARED_INFORMATION_CAP = 2.0


def in_force(state: GameState, rule: str) -> list[AgreementRecord]:
    rules = state.world.agreement_rules
    now = state.round
    return [
        a for a in state.agreements.values() if a.status == "in_force" and rules[a.kind] == rule and a.signed <= now
    ]


def _giving_partners(state: GameState, state_id: str, rules: tuple[str, ...]) -> set[str]:
    """Partners of `state_id` under agreements of these kinds who paid (and so share) this round."""
    partners: set[str] = set()
    for rule in rules:
        for agreement in in_force(state, rule):
            if state_id in agreement.parties:
                partners.update(p for p in agreement.paying(state.round) if p != state_id and p not in agreement.unpaid)
    return partners


def giving_partners_all(state: GameState, rules: tuple[str, ...]) -> dict[str, set[str]]:
    """`_giving_partners` of every party at once, in one pass over the agreements: a phase that
    asks for every state reads the agreements once rather than once a state."""
    result: dict[str, set[str]] = {}
    for rule in rules:
        for agreement in in_force(state, rule):
            unpaid = agreement.unpaid
            owing = agreement.paying(state.round)
            paying = [p for p in owing if p not in unpaid] if unpaid else owing
            for party in agreement.parties:
                mine = result.get(party)
                if mine is None:
                    mine = result[party] = set()
                mine.update(paying)
                mine.discard(party)  # never its own partner: no agreement makes it one
    return result




def repatriation_partners(state: GameState, state_id: str) -> set[str]:
    return _giving_partners(state, state_id, REPATRIATION)


def joint_team_targets_all(state: GameState) -> dict[str, set[str]]:
    """`joint_team_targets` of every party at once."""
    result: dict[str, set[str]] = {}
    for agreement in in_force(state, "joint_investigation_team"):
        if agreement.terms.network:
            for party in agreement.parties:
                result.setdefault(party, set()).add(agreement.terms.network)
    return result


def joint_team_targets(state: GameState, state_id: str) -> set[str]:
    """Networks a joint investigation team of `state_id` works on: their routes are revealed to it."""
    return {
        a.terms.network for a in in_force(state, "joint_investigation_team")
        if state_id in a.parties and a.terms.network
    }


def partnerships(state: GameState) -> dict[str, int]:
    """Agreements in force each state is a party to: the partnership pillar counts what a state has
    signed, as a country report does; what it failed to pay shows in its partners' trust."""
    counts = {state_id: 0 for state_id in state.world.state_ids}
    for agreement in state.agreements.values():
        if agreement.status == "in_force":
            for party in agreement.parties:
                if party in counts:  # an organization party to funding has no pillar to count
                    counts[party] += 1
    return counts


def mou_acts_on(form: str, receiver: str, partners: Collection[str]) -> bool:
    """Whether a labour migration MoU acts on a route of `form` from a state's territory into
    `receiver`'s, `partners` being the states the sender has a paying MoU with: labour routes
    between two parties only (a region no state holds is no party's). The one statement of the
    rule: the engine reads it on the true routes, a team's composer on the routes its intelligence
    knows (`game.tui.views.labour_corridor_known`)."""
    return form == "labour" and receiver in partners


def apply_standing(state: GameState) -> None:
    """Labour migration MoUs open regular channels on the corridors between the parties: on each
    labour route from one paying party's territory into another's, vulnerability falls in the
    origin and irregular labour demand in the destination, as far as both sides carry it out (the
    origin's prevention runs the programme, the destination's enforcement inspects). However many MoUs cover a
    region, it moves once a round (an MoU is a channel, not a multiplier), and never below
    `1 - labour_mou_floor` of where the scenario started it."""
    params = state.world.params
    world = state.world
    controller = world.controller
    partners: dict[str, set[str]] = {}
    for agreement in in_force(state, "labour_migration_mou"):
        paying = [p for p in agreement.parties if p not in agreement.unpaid and p in state.states]
        for party in paying:
            partners.setdefault(party, set()).update(p for p in paying if p != party)
    if not partners:
        return
    origins: dict[str, float] = {}
    markets: dict[str, float] = {}
    shares: dict[tuple[str, str], float] = {}
    """(Sender, receiver) -> the share below, worked out once for the many routes between the two."""
    for network in state.networks.values():
        for route in network.routes:
            path = route.path
            origin, destination = path[0], path[-1]
            sender, receiver = controller[origin], controller[destination]
            if sender is None or receiver is None or not mou_acts_on(route.form, receiver, partners.get(sender, ())):
                continue
            share = shares.get((sender, receiver))
            if share is None:
                # a channel works as far as both sides run it: the origin's programme, the destination's inspection
                share = shares[sender, receiver] = (carried_out(state, sender, "prevention")
                                                    * carried_out(state, receiver, "enforcement"))
            origins[origin] = max(origins.get(origin, 0.0), share)
            markets[destination] = max(markets.get(destination, 0.0), share)
    floor = 1.0 - params.labour_mou_floor
    for region_id, share in sorted(origins.items()):
        region = state.regions[region_id]
        lowest = floor * world.region_specs[region_id].vulnerability
        region.vulnerability = max(min(region.vulnerability, lowest),
                                   region.vulnerability * (1.0 - params.labour_mou_fall * share))
    for region_id, share in sorted(markets.items()):
        demand = state.regions[region_id].demand
        if "labour" in demand:
            lowest = floor * world.region_specs[region_id].demand.get("labour", 0.0)
            demand["labour"] = max(min(demand["labour"], lowest),
                                   demand["labour"] * (1.0 - params.labour_mou_fall * share))


def carried_out(state: GameState, party: str, capacity: str) -> float:
    """0 to 1: how far a party carries out its side of an agreement (or acts on what it is told),
    from the capacity that does it."""
    return min(1.0, max(0.0, effective(state, party, capacity) / 10.0))


def operations(state: GameState, rng: random.Random) -> list[EventRecord]:
    """Joint investigation teams: with extradition (`extradition`), the only ways to reach a
    network's core. A team arrests the leaders where they hide if that is a party's territory;
    elsewhere it locates them, for an extradition request (`hideouts`)."""
    events: list[EventRecord] = []
    params = state.world.params
    untouched: dict[str, float] = {}
    """Network -> the share of it no team has reached yet this round: teams on one network overlap."""
    teams = in_force(state, "joint_investigation_team")
    working = [a for a in teams if not a.unpaid and a.signed != state.round
               and (n := state.networks.get(a.terms.network or "")) is not None and n.active]
    joined: dict[str, int] = {}
    """Party -> the teams it works in this round: its investigators are spread across them."""
    for agreement in working:
        for party in agreement.parties:
            joined[party] = joined.get(party, 0) + 1
    for agreement in teams:
        network = state.networks.get(agreement.terms.network or "")
        if network is None or not network.active or agreement.signed == state.round:
            continue  # the pooled budget funds its first operation in the round after signature
        if agreement.unpaid:
            # the points are pooled: a team one party will not fund cannot work this round
            events.append(EventRecord(
                f"stalled-{agreement.id}", f"Joint investigation against {network.name} stalls",
                f"{', '.join(agreement.unpaid)} did not pay its share of the pooled budget.", "operation",
            ))
            continue
        left = untouched.get(network.id, 1.0)
        reach = joint_team_strength(state, agreement.parties, joined)
        untouched[network.id] = left * (1.0 - reach)
        strength = reach * left
        found = min(network.core, stochastic_round(network.core * params.joint_team_core_share * strength, rng))
        crew = min(network.periphery,
                   stochastic_round(network.periphery * params.joint_team_periphery_share * strength, rng))
        hiding = haven(state, network)
        core = found if hiding in agreement.parties else 0
        if not core and hiding is not None:
            for party in agreement.parties:
                add_located(network, party, hiding, found)
        network.core -= core
        network.periphery -= crew
        located = (f" and locate {found} leader{'' if found == 1 else 's'} hiding in {hiding}"
                   if found and not core else "")
        events.append(EventRecord(
            f"operation-{agreement.id}", f"Joint investigation against {network.name}",
            f"{', '.join(agreement.parties)} arrest {core} leader{'' if core == 1 else 's'} and {crew} "
            f"member{'' if crew == 1 else 's'}{located}.", "operation",
            [f"network:{network.id} core -{core}", f"network:{network.id} periphery -{crew}"],
        ))
    return events


def joint_team_strength(state: GameState, parties: list[str], joined: dict[str, int] | None = None) -> float:
    """0 to 1: the parties' enforcement and intelligence, as clean as their corruption allows, each
    party's spread over the teams it works in this round (`joined`): a police force has so many
    investigators, and a second team takes them from the first. Officials trained to one standard
    work together better (a lesson of joint teams in practice)."""
    values = []
    for party in parties:
        record = state.states[party]
        enforcement = effective(state, party, "enforcement")
        spread = max(1, (joined or {}).get(party, 1))
        values.append((enforcement + record.capacities["intelligence"]) / 20.0 * (1.0 - record.corruption) / spread)
    strength = add_up(values) / len(values) if values else 0.0
    if same_standard(state, parties):
        strength *= 1.0 + state.world.params.joint_training_bonus
    return strength


def peer_review(state: GameState) -> list[EventRecord]:
    """A regional convention reviews its members each round: reputation for all, and approval lost
    for each pillar the review finds weak (a 4P score of 2 or less). A state that stays outside
    while a neighbour is a member feels the peer pressure: it loses a little approval a round."""
    params = state.world.params
    events: list[EventRecord] = []
    for agreement in in_force(state, "regional_convention"):
        members = agreement.parties
        for party in members:
            record = state.states[party]
            gaps = sorted(p for p, score in record.scores_4p.items() if score <= 2)
            change = params.convention_reputation - params.peer_review_gap_cost * len(gaps)
            record.approval = max(0.0, min(100.0, record.approval + change))
            if gaps:
                events.append(EventRecord(
                    f"review-{agreement.id}-{party}", f"Peer review finds gaps in {party}",
                    f"The convention's review names weak {', '.join(gaps)}.", "review",
                ))
        if params.holdout_cost:
            for holdout in holdouts(state, members):
                record = state.states[holdout]
                record.approval = max(0.0, record.approval - params.holdout_cost)
    return events


def holdouts(state: GameState, members: list[str]) -> list[str]:
    """States outside a convention with a member next door: they feel its peer pressure."""
    world = state.world
    inside = set(members)
    result = []
    for state_id in world.state_ids:
        if state_id in inside:
            continue
        next_door = {world.controller[n] for r in world.territory[state_id] for n in world.neighbours[r]}
        if next_door & inside:
            result.append(state_id)
    return result
