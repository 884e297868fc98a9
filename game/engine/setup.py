"""The opening position: a `GameState` built from a scenario, before any order."""

import math

from game.engine import assessment, intelligence
from game.engine.detection import Detector, route_tolerance
from game.engine.diplomacy import summits as summit_sessions
from game.engine.diplomacy.effects import partnerships
from game.engine.network_money import cost_per_person
from game.engine.victims_decide import offered_trust
from game.model.report import StateFigures
from game.model.scenario import Scenario
from game.model.state import (
    AgreementRecord,
    GameState,
    NetworkRecord,
    OrgRecord,
    RegionRecord,
    RouteRecord,
    StateRecord,
)
from game.model.vocabulary import CAPACITIES
from game.model.world import World
from game.summing import add_up

MIN_EXIT_RATE = 0.02
"""Floor on exits when sizing the opening stock, so a scenario without escape stays finite."""


def new_game(scenario: Scenario, seed: int | None = None, world: World | None = None) -> GameState:
    """The state before round 1. `world`: the scenario's fixed part when the caller has one built
    from this very scenario already (a game's no-action baseline shares the game's: building a
    World hashes the whole scenario, and its maps and caches are filled again by the first round)."""
    if world is None:
        world = World(scenario)
    elif world.scenario is not scenario:
        raise ValueError("new_game: the world given was built from another scenario")
    chosen_seed = seed if seed is not None else (scenario.seed or 0)
    regions = {
        r.id: RegionRecord(r.id, r.population, r.vulnerability, dict(sorted(r.demand.items())))
        for r in sorted(scenario.regions, key=lambda r: r.id)
    }
    states = {sid: _state_record(world, sid) for sid in world.state_ids}
    networks: dict[str, NetworkRecord] = {}
    for spec in sorted(scenario.networks, key=lambda n: n.id):
        network = NetworkRecord(
            id=spec.id, name=spec.name, capital=spec.capital, core=spec.core, periphery=spec.periphery,
            tau=spec.tech,
            loss_tolerance=spec.loss_tolerance if spec.loss_tolerance is not None
            else world.params.loss_tolerance,
            routes=[], stock={}, span=span_for(world, spec.core, spec.periphery),
        )
        for route in spec.routes:
            driver = recruitment_driver(world, regions, states, route.path[0], route.path[-1], route.form)
            network.routes.append(
                RouteRecord(
                    id=f"{spec.id}/{network.next_route}", path=list(route.path), form=route.form,
                    flow=round(route.flow), reach=route.flow / driver, risk_hits=0.0, risk_total=0.0,
                    opened=0, tolerance=0.0,
                )
            )
            network.next_route += 1
        _fit_to_crew(world, network)
        networks[spec.id] = network
    state = GameState(
        world=world, seed=chosen_seed, round=1, states=states, regions=regions, networks=networks,
        fired_events=[], intelligence={},
        organizations={org_id: OrgRecord(org_id, world.org_specs[org_id].budget) for org_id in world.org_ids},
        agreements=history(scenario),
        summits={spec.id: summit_sessions.from_spec(spec, world.state_ids) for spec in scenario.summits},
    )
    detector = Detector(state)
    for network in networks.values():
        for route_record in network.routes:
            route_record.tolerance = route_tolerance(detector, network.loss_tolerance, route_record.path,
                                                     route_record.form, network.tau)
    _open_with_working_capital(state)
    if world.params.initial_stock:
        _fill_initial_stock(state)
    signed = partnerships(state)
    for record in states.values():
        placed = world.state_specs[record.id].tier
        if placed is None:
            scores = assessment.four_p(world, record, StateFigures(), partnerships=signed[record.id])
            record.tier, _ = assessment.tier_for(world, record, scores, 0.0, None)
        else:
            scores = assessment.four_p(world, record, StateFigures(), partnerships=signed[record.id],
                                       conviction_ratio=assessment.OPENING_CONVICTION_RATIO)
            record.tier_bar = assessment.bar_for(placed, add_up(scores.values()))
            record.tier, record.watch_list_rounds = placed, int(placed == "2WL")
        record.scores_4p = scores
    state.intelligence = intelligence.estimate_all(state)
    return state


def _open_with_working_capital(state: GameState) -> None:
    """Each network opens with at least the working reserve it keeps every round from then on
    (`network_money.draw`: `working_capital_rounds` of its costs): a round's pay for its crew and the
    transport and bribes of its scenario's flows. A scenario's capital below that made a network
    bankrupt on its first payday, losing its crew to a cash-flow accident rather than to its
    economics, and a lesson's verdict then turned on which table tipped it first."""
    params = state.world.params
    for network in state.networks.values():
        moving = add_up(route.flow * cost_per_person(state, route) for route in network.routes)
        reserve = params.working_capital_rounds * (network.periphery * params.member_pay + moving)
        if network.capital < reserve:
            network.capital = reserve


def history(scenario: Scenario) -> dict[str, AgreementRecord]:
    """The agreements in force at the start, as if signed before round 1 (`signed` 0): they bind from
    round 1, and their contributions fall due from round 1, which every party can see coming."""
    records = {}
    for number, entry in enumerate(scenario.agreements_in_force, start=1):
        agreement_id = f"a{number}"
        records[agreement_id] = AgreementRecord(
            id=agreement_id, kind=entry.agreement, parties=sorted(set(entry.parties)), terms=entry.terms,
            proposal="", signed=0, ends=entry.rounds_left,
        )
    return records


def _fill_initial_stock(state: GameState) -> None:
    """The stock the starting flows sustain, so that a game opens in a steady state: arrivals equal
    exits (identification and escape), and nothing rises or falls before anyone acts. A round's
    arrivals join the stock before its exits are drawn, so the stock held at the end of a round is
    `arrivals x (1 - exits) / exits`."""
    from game.engine.detection import crossing_at
    from game.engine.exploitation import identification_rate

    world = state.world
    detector = Detector(state)
    for network in state.networks.values():
        for route in network.routes:
            lost = 0.0
            for index, region_id in enumerate(route.path):
                crossing = crossing_at(world, route.path, index)
                physical = detector.hazard(region_id, crossing=crossing, online=False, form=route.form)
                online = detector.hazard(region_id, crossing=crossing, online=True, form=route.form)
                lost += (1.0 - network.tau) * physical + network.tau * online
            arrivals = route.flow * math.exp(-lost)
            destination = route.path[-1]
            identified = 1.0 - math.exp(-identification_rate(state, destination, route.form))
            exits = identified + (1.0 - identified) * world.params.escape_rate
            held = network.stock.setdefault(destination, {})
            exits = max(exits, MIN_EXIT_RATE)
            held[route.form] = held.get(route.form, 0) + round(arrivals * (1.0 - exits) / exits)


def span_for(world: World, core: int, periphery: int) -> float:
    """Leaders can run the crew they have, with room to grow: the span of control."""
    return max(world.params.min_span, world.params.span_slack * periphery / max(core, 1))


def recruitment_driver(
    world: World,
    regions: dict[str, RegionRecord],
    states: dict[str, StateRecord],
    origin: str,
    destination: str,
    form: str,
) -> float:
    """Population x vulnerability x demand, damped by prevention in the origin (model card 5.3).

    Small floors keep a route alive where a figure is zero, so that a route's `reach` (its
    calibration to the scenario's starting flow) stays finite; an event may empty a region.
    """
    people, damping = origin_factors(world, regions, states, origin)
    return people * max(regions[destination].demand.get(form, 0.0), 0.01) * damping


MOST_REACH_FIT = 2.0
"""The most a route's fitted reach is raised for a network with little crew to spare (`_fit_to_crew`)."""


def _fit_to_crew(world: World, network: NetworkRecord) -> None:
    """Raise the routes' reach so that the opening round recruits the scenario's flows although the
    crew also limits recruitment (the soft minimum of `recruitment.matched`): with potential P and
    capacity C, P^-k + C^-k = F^-k gives P = F (1 - (F/C)^k)^(-1/k). A network whose crew can hardly
    move its flows is raised at most `MOST_REACH_FIT` times, and recruits less than them at once."""
    strictness = world.params.recruitment_matching
    flows = add_up(route.flow for route in network.routes)
    capacity = min(float(network.periphery), network.core * network.span) * world.params.periphery_productivity
    if strictness <= 0.0 or flows <= 0.0 or capacity <= 0.0:
        return
    room = 1.0 - (flows / capacity) ** strictness
    factor = MOST_REACH_FIT if room <= MOST_REACH_FIT ** -strictness else room ** (-1.0 / strictness)
    for route in network.routes:
        route.reach *= factor


def origin_factors(
    world: World, regions: dict[str, RegionRecord], states: dict[str, StateRecord], origin: str
) -> tuple[float, float]:
    """The origin's part of `recruitment_driver`: (population x vulnerability, prevention's damping),
    the same for every route leaving it, so a phase of many routes asks once an origin."""
    region = regions[origin]
    owner = world.controller[origin]
    prevention = states[owner].capacities["prevention"] if owner in states else 0.0
    return (
        max(region.population, 0.001) * max(region.vulnerability, 0.01),
        math.exp(-world.params.prevention_effect * prevention),
    )


def _state_record(world: World, state_id: str) -> StateRecord:
    spec = world.state_specs[state_id]
    capacities = {c: float(getattr(spec.capacities, c)) for c in CAPACITIES}
    laws = sorted(set(spec.laws))
    upkeep = add_up(world.laws[law].upkeep for law in laws if law in world.laws)
    available = max(0.0, spec.budget - upkeep)
    holding = {c: world.params.capacity_upkeep * level for c, level in capacities.items()}
    need = add_up(holding.values())
    scale = min(1.0, available / need) if need > 0 else 0.0
    allocation = {c: math.floor(points * scale * 100) / 100 for c, points in holding.items() if points > 0}
    record = StateRecord(
        id=state_id, budget=spec.budget, political_capital=spec.political_capital,
        approval=spec.approval, corruption=spec.corruption, capacities=capacities, laws=laws,
        pending_laws={}, pending_repeals=[], allocation=allocation, min_approval=spec.approval,
        allocated_against=spec.budget,
    )
    record.trust = offered_trust(world, record)  # victims have known the state's offer for years
    return record
