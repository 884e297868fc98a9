"""Network adaptation (model card 5.7): risk beliefs, rerouting, replacement, technology.

Risk belief per route `rho = (I + a) / (T + a + b)` with discounted interdictions (NarcoLogic,
Magliocca et al. 2019). When its loss share passes its tolerance, a network gives up its riskiest
route and opens a path around the region that pressed it, through the weakest neighbours; a share of
the flow reappears there: the balloon effect. A network whose costs passed its takings this round
looks for such a path too, whatever its tolerance (rules 11): a business losing money reconsiders
its routes without waiting for the police to push it.
"""

import heapq
import math
import random
from weakref import WeakKeyDictionary

from game.engine.detection import Detector, crossing_at, route_tolerance
from game.engine.laws import holds
from game.engine.ledger import Ledger, NetworkTally
from game.engine.recruitment import crew_limit, risk
from game.engine.rng import stochastic_round
from game.engine.setup import recruitment_driver
from game.model.parameters import Parameters
from game.model.report import Displacement
from game.model.state import GameState, NetworkRecord, RouteRecord
from game.model.world import World
from game.summing import add_up

_EDGES: "WeakKeyDictionary[World, dict[str | None, dict[str, tuple[tuple[str, tuple[str, bool]], ...]]]]" = \
    WeakKeyDictionary()
"""World -> the traveller (the state holding a search's start) -> region -> each neighbour, in order,
with its step key (neighbour, a checked border between them for that traveller: `World.checked_for`):
fixed by the map, built once per world and traveller for the path searches."""


def _edges(world: World, traveller: str | None) -> dict[str, tuple[tuple[str, tuple[str, bool]], ...]]:
    by_traveller = _EDGES.get(world)
    if by_traveller is None:
        by_traveller = _EDGES[world] = {}
    found = by_traveller.get(traveller)
    if found is None:
        controller, checked = world.controller, world.checked_for
        found = by_traveller[traveller] = {
            here: tuple((nxt, (nxt, checked(traveller, controller[here], controller[nxt]))) for nxt in around)
            for here, around in world.neighbours.items()
        }
    return found


def adapt(state: GameState, ledger: Ledger, rng: random.Random, detector: Detector | None = None) -> list[Displacement]:
    """Every active network updates its beliefs, reroutes if a route is past its tolerance (and it
    can pay for a new path) and hires. Without the round's `detector`, one (a pass over every state)
    is built only for the first network that has a route past its tolerance: in most rounds none
    has. Nothing here changes what it reads."""
    moves: list[Displacement] = []
    params = state.world.params
    for network in list(state.networks.values()):
        if not network.active:
            continue
        tally = ledger.network(network.id)
        strained, tolerated = _update_beliefs(params, network, tally)
        recruited = detected = 0
        for route_tally in tally.routes.values():
            recruited += route_tally.recruited
            detected += route_tally.detected
        loss_share = detected / recruited if recruited > 0 else 0.0
        losing = tally.costs > tally.revenue and recruited > 0
        if strained or losing:
            if detector is None:
                detector = Detector(state)
            move = _reroute(state, detector, network, any_route=losing)
            if move is not None:
                moves.append(move)
                tolerated = _tolerated(network, tally)  # on its routes as they are now
        _replace_periphery(params, network, tally, rng)
        _raise_technology(state, network, loss_share, tolerated)
    return moves


def _update_beliefs(params: Parameters, network: NetworkRecord, tally: NetworkTally) -> tuple[bool, float]:
    """Discount each route's record of losses and add this round's. Returns whether any route's
    belief (`recruitment.risk`, inline) is now past its tolerance, so that the network considers
    rerouting, and `_tolerated` of its routes as they are (the same sums, in the same order),
    since this pass reads every route's tally anyway."""
    keep = params.risk_discount
    prior_a, prior_b = params.risk_prior_a, params.risk_prior_b
    tallies = tally.routes
    strained = False
    people = 0  # the recruits and the tolerances they weigh, each `add_up` as a loop
    weighted: float = 0
    for route in network.routes:
        route_tally = tallies.get(route.id)
        if route_tally is None:
            hits = total = 0
        else:
            hits, total = route_tally.detected, route_tally.recruited
            people += total
            weighted += route.tolerance * total
        risk_hits = route.risk_hits = keep * route.risk_hits + hits
        risk_total = route.risk_total = keep * route.risk_total + total
        if not strained and (risk_hits + prior_a) / (risk_total + prior_a + prior_b) > route.tolerance:
            strained = True
    return strained, weighted / people if people > 0 else network.loss_tolerance


def _reroute(state: GameState, detector: Detector, network: NetworkRecord,
             any_route: bool = False) -> Displacement | None:
    """Give up the riskiest route whose risk passed the network's tolerance (any route, riskiest
    first, when `any_route`: a network losing money), when a clearly safer path exists around the
    region that pressed it, and move part of its reach onto that path.

    Where no path is clearly safer the network bears the losses: pressure everywhere at once is
    what shrinks a network rather than moving it. Opening a path it does not run yet costs
    `reroute_cost` (contacts, safe houses, officials to pay): a network without it stays put."""
    beliefs = [risk(network, i, state) for i in range(len(network.routes))]
    ranked = sorted(range(len(network.routes)), key=lambda i: (-beliefs[i], network.routes[i].id))
    world = state.world
    for index in ranked:
        belief = beliefs[index]
        route = network.routes[index]
        if belief <= route.tolerance and not any_route:
            continue
        pressure = _pressure_region(detector, route)
        if pressure is None:
            continue
        new_path = _safer_path(state, detector, route, pressure)
        if new_path is None or detector.path_loss(new_path, route.form, network.tau) > (
            world.params.reroute_advantage * detector.path_loss(route.path, route.form, network.tau)
        ):
            continue
        old_driver = recruitment_driver(world, state.regions, state.states, route.path[0], route.path[-1],
                                        route.form)
        new_driver = recruitment_driver(world, state.regions, state.states, new_path[0], new_path[-1],
                                        route.form)
        moved = world.params.displacement_share * route.reach * old_driver / new_driver
        existing = next((r for r in network.routes if r.path == new_path and r.form == route.form), None)
        if existing is None and network.capital < world.params.reroute_cost:
            continue
        network.routes.pop(index)
        if existing is not None:
            existing.reach += moved
        else:
            network.capital -= world.params.reroute_cost
            network.routes.append(
                RouteRecord(
                    id=f"{network.id}/{network.next_route}", path=new_path, form=route.form, flow=0,
                    reach=moved, risk_hits=0.0, risk_total=0.0, opened=state.round,
                    tolerance=route_tolerance(detector, network.loss_tolerance, new_path, route.form, network.tau),
                )
            )
            network.next_route += 1
        old_states = {world.controller[r] for r in route.path}
        received = sorted({s for r in new_path if (s := world.controller[r]) is not None} - old_states)
        return Displacement(
            network=network.id, form=route.form, dropped=list(route.path), dropped_flow=route.flow,
            opened=new_path, reach_moved=moved, risk=belief, pressure_region=pressure,
            pressure_state=world.controller[pressure], received_by=received,
            cause="detection" if belief > route.tolerance else "money",
        )
    return None


def _pressure_region(detector: Detector, route: RouteRecord) -> str | None:
    """The controlled region of the route with the highest detection hazard."""
    best: tuple[float, str] | None = None
    for index, region_id in enumerate(route.path):
        rate = detector.hazard(region_id, crossing=crossing_at(detector.world, route.path, index), online=False,
                               form=route.form)
        if rate > 0 and (best is None or rate > best[0]):
            best = (rate, region_id)
    return best[1] if best else None


def _safer_path(state: GameState, detector: Detector, route: RouteRecord, avoid: str) -> list[str] | None:
    """The least-hazard path around `avoid`: same origin and destination where they are not the
    pressed region, else a neighbour of them (a new origin, or a market next door)."""
    world = state.world
    origin, destination = route.path[0], route.path[-1]
    origins = [origin] if origin != avoid else [r for r in world.neighbours[origin] if r != avoid]
    if destination != avoid:
        destinations = [destination]
    else:
        destinations = [
            r for r in world.neighbours[destination]
            if r != avoid and state.regions[r].demand.get(route.form, 0.0) > 0.0
        ]
    if not origins or not destinations:
        return None
    limit = len(route.path) + 2
    best: tuple[float, list[str]] | None = None
    for start in origins:
        found = _cheapest(detector, start, set(destinations), avoid, limit, route.form)
        if found is not None and (best is None or found[0] < best[0]):
            best = found
    if best is None or best[1] == route.path:
        return None
    return best[1]


def _cheapest(detector: Detector, start: str, goals: set[str], avoid: str, limit: int,
              form: str) -> tuple[float, list[str]] | None:
    """Dijkstra over regions, each step costing the hazard met there plus a small travel cost: the
    hazard of a region entered from a region of another state counts it as a border crossing.

    A settled region is not queued again (every region of a queued path is settled, and a goal never
    is, since reaching one ends the search): such an entry would only be passed over."""
    edges = _edges(detector.world, detector.world.controller[start])
    step_cost = detector.step_costs(form)
    first = step_cost.get((start, False))
    if first is None:
        first = step_cost[(start, False)] = _step_cost(detector, start, False, form)
    queue: list[tuple[float, list[str]]] = [(first, [start])]
    settled: set[str] = set()
    while queue:
        cost, path = heapq.heappop(queue)
        here = path[-1]
        if here in goals:
            return cost, path
        if here in settled or len(path) >= limit:
            continue
        settled.add(here)
        for nxt, key in edges[here]:
            if nxt == avoid or nxt in settled:
                continue
            step = step_cost.get(key)
            if step is None:
                step = step_cost[key] = _step_cost(detector, nxt, key[1], form)
            heapq.heappush(queue, (cost + step, [*path, nxt]))
    return None


def path_around(detector: Detector, start: str, goals: set[str], avoid: str, limit: int,
                form: str) -> tuple[float, list[str]] | None:
    """The safest path (its cost and regions) from `start` to one of `goals` that avoids `avoid`:
    where operators go when a place is lost (`sites`)."""
    return _cheapest(detector, start, goals, avoid, limit, form)


def _step_cost(detector: Detector, region_id: str, crossing: bool, form: str) -> float:
    """What entering a region costs a path: the hazard there (`crossing_at` of the last region of a
    path: a crossing when the region before it is another state's) plus a small travel cost."""
    return detector.hazard(region_id, crossing=crossing, online=False, form=form) + 0.02


def _replace_periphery(params: Parameters, network: NetworkRecord, tally: NetworkTally, rng: random.Random) -> None:
    """Removed periphery is replaced with probability `periphery_replacement` (0.9, an assumption:
    docs/calibration.md) if capital allows, and a network short of crew for the people it could move
    hires up to a tenth more a round: so arrests that never reach the core are soon undone.
    Leaders-to-be hire for the crew they will run, as they run part of it meanwhile
    (`recruitment.crew_limit`)."""
    wanted = stochastic_round(tally.periphery_removed * params.periphery_replacement, rng)
    productivity = params.periphery_productivity
    needed = math.ceil(tally.demand / productivity) if productivity > 0 else 0
    short = needed - (network.periphery + wanted)
    limit = crew_limit(network, params.succession_interim)
    if short > 0:
        wanted += min(short, math.ceil(max(network.periphery, 1) * params.periphery_growth))
    affordable = int(network.capital // params.replacement_cost) if params.replacement_cost > 0 else wanted
    room = math.floor(limit) - network.periphery
    if short > 0 and wanted > room and _promote(params, network):
        room = math.floor(crew_limit(network, params.succession_interim)) - network.periphery
    hired = max(0, min(wanted, affordable, room))
    network.periphery += hired
    network.capital -= hired * params.replacement_cost
    tally.periphery_replaced = hired


def _promote(params: Parameters, network: NetworkRecord) -> int:
    """A network whose market outgrows the crew its leaders can direct promotes members to run new
    cells: its core grows by `periphery_growth` a round (at least one), as its periphery does when
    short. Without it the scenario's leaders would cap the crew for the whole game, and in a world
    where a member moves fewer people (`periphery_productivity` lower) networks could never grow
    into their market, so that only disruption mattered and prevention nothing. Returns how many it
    promoted (none without leaders to promote them, or members to promote)."""
    if network.core <= 0 or network.span <= 0:
        return 0
    promoted = min(math.ceil(network.core * params.periphery_growth), network.periphery - 1)
    if promoted <= 0:
        return 0
    network.core += promoted
    network.periphery -= promoted
    return promoted


def _tolerated(network: NetworkRecord, tally: NetworkTally) -> float:
    """The loss share the network accepts on its current routes, weighted by their recruits."""
    weights = [
        (route.tolerance, tally.routes[route.id].recruited) for route in network.routes if route.id in tally.routes
    ]
    total = add_up(people for _, people in weights)
    if total <= 0:
        return network.loss_tolerance
    return add_up(tolerance * people for tolerance, people in weights) / total


def _raise_technology(state: GameState, network: NetworkRecord, loss_share: float, tolerated: float) -> None:
    """Pressure beyond what its routes tolerate pushes recruitment online; platform duties where the
    network works slow that."""
    params = state.world.params
    tolerance = max(tolerated, 1e-9)
    if loss_share <= tolerance:
        return
    push = params.tau_growth * min(1.0, (loss_share - tolerance) / tolerance)
    touched = {state.world.controller[r] for route in network.routes for r in route.path}
    if any(
        holds(state.world, state.states[s], "online_platform_duties") for s in touched if s in state.states
    ):
        push *= 0.5
    network.tau = min(1.0, network.tau + push * (1.0 - network.tau))
