"""Networks are born, split and die (model card 5.7): large networks split; a network whose people
and money have run out collapses (one that only lost its leaders is succeeded: `succession`); new
ones emerge where vulnerability is high and enforcement low."""

import random

from game.engine.detection import Detector, route_tolerance
from game.engine.setup import recruitment_driver, span_for
from game.model.report import EventRecord
from game.model.state import GameState, NetworkRecord, RouteRecord

EMERGENT_CORE = 2
EMERGENT_PERIPHERY = 8
EMERGENT_CAPITAL = 40.0
EMERGENT_TECH = 0.1
WEAK_ENFORCEMENT = 3.0


def evolve(state: GameState, rng: random.Random) -> list[EventRecord]:
    records: list[EventRecord] = []
    for network in list(state.networks.values()):
        if not network.active:
            continue
        if _collapses(state, network):
            network.active = False
            network.routes = []
            records.append(EventRecord(
                id=f"collapse-{network.id}", title=f"{network.name} collapses",
                text="With its people gone and its money spent, the network breaks up.", kind="collapse",
            ))
        elif network.periphery > state.world.params.split_periphery and network.core >= 4 \
                and len(network.routes) >= 2:
            records.append(split(state, network))
    emerged = _emerge(state, rng)
    if emerged is not None:
        records.append(emerged)
    return records


def _collapses(state: GameState, network: NetworkRecord) -> bool:
    """Nobody is left (to lead, to work, or being promoted), or the crew is gone and there is no money
    to hire another: its people and its money have both run out."""
    crew_gone = network.periphery <= 0 and not network.successors
    broke = network.capital < state.world.params.replacement_cost
    return crew_gone and (network.core <= 0 or broke)


def split(state: GameState, network: NetworkRecord, cause: str = "size") -> EventRecord:
    """Half the leaders walk away with every other route, half the crew and half the money. `cause`:
    `size` (too large to hold together) or `fragment` (its leaders removed, factions part ways)."""
    child_id = f"{network.id}-{state.round}"
    child = NetworkRecord(
        id=child_id, name=f"{network.name} (splinter)", capital=network.capital / 2, core=network.core // 2,
        periphery=network.periphery // 2, tau=network.tau, loss_tolerance=network.loss_tolerance,
        routes=[], stock={}, span=network.span, parent=network.id, skill=network.skill,
    )
    network.capital -= child.capital
    network.core -= child.core
    network.periphery -= child.periphery
    kept: list[RouteRecord] = []
    for index, route in enumerate(network.routes):
        if index % 2 == 1:
            route.id = f"{child_id}/{child.next_route}"
            child.next_route += 1
            child.routes.append(route)
        else:
            kept.append(route)
    network.routes = kept
    state.networks[child_id] = child
    why = "With its leaders gone, the crew splits into factions: " if cause == "fragment" else ""
    return EventRecord(
        id=f"split-{network.id}", title=f"{network.name} splits",
        text=f"{why}A faction breaks away as {child.name}, taking {len(child.routes)} route(s).", kind="split",
    )


def _emerge(state: GameState, rng: random.Random) -> EventRecord | None:
    world = state.world
    params = world.params
    if rng.random() >= params.emergence_chance:
        return None
    candidates = []
    for region_id in world.region_ids:
        region = state.regions[region_id]
        owner = world.controller[region_id]
        weak = owner is None or state.states[owner].capacities["enforcement"] < WEAK_ENFORCEMENT
        if region.vulnerability >= params.emergence_vulnerability and weak and region.demand:
            candidates.append(region_id)
    if not candidates:
        return None
    region_id = rng.choice(candidates)
    region = state.regions[region_id]
    form = max(sorted(region.demand), key=lambda f: region.demand[f])
    if region.demand[form] <= 0:
        return None
    state.next_network += 1
    network_id = f"emergent-{state.next_network}"
    driver = recruitment_driver(world, state.regions, state.states, region_id, region_id, form)
    potential = params.new_route_recruitment * region.population * region.vulnerability * region.demand[form]
    route = RouteRecord(
        id=f"{network_id}/0", path=[region_id], form=form, flow=0,
        reach=potential / driver,
        risk_hits=0.0, risk_total=0.0, opened=state.round,
        tolerance=route_tolerance(Detector(state), params.loss_tolerance, [region_id], form, EMERGENT_TECH),
    )
    state.networks[network_id] = NetworkRecord(
        id=network_id, name=f"New network in {world.region_specs[region_id].name}", capital=EMERGENT_CAPITAL,
        core=EMERGENT_CORE, periphery=EMERGENT_PERIPHERY, tau=EMERGENT_TECH,
        loss_tolerance=params.loss_tolerance, routes=[route], stock={}, next_route=1,
        span=span_for(world, EMERGENT_CORE, EMERGENT_PERIPHERY),
    )
    return EventRecord(
        id=network_id, title="A new network appears",
        text=f"Where people are poor and police are few, a local ring starts trafficking for {form}.",
        kind="emergence",
    )
