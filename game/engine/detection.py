"""Movement along a route, and detection region by region (RULES.md 5.4).

`p = 1 - exp(-(b0 + b_border*border + b_enf*enforcement + b_info*shared) * (1 - C) * m_form)`,
with the online share meeting `cyber` where the physical share meets `border`.
"""

import math
import random
from dataclasses import dataclass, field

from game.engine.diplomacy.effects import information
from game.engine.laws import holds
from game.engine.rng import stochastic_round
from game.model.state import GameState, NetworkRecord, RouteRecord
from game.model.world import World

ROUTE_MARGIN = 1.25


def hazard(
    state: GameState, region_id: str, *, crossing: bool, online: bool, form: str,
    route_states: frozenset[str] = frozenset(),
) -> float:
    """The detection hazard a person meets in one region; 0 where no state controls it.

    `route_states` are the states the route crosses: partners among them share information."""
    world = state.world
    owner = world.controller[region_id]
    if owner is None or owner not in state.states:
        return 0.0
    record = state.states[owner]
    params = world.params
    caps = record.capacities
    rate = params.detect_base + params.detect_enforcement * caps["enforcement"]
    if online:
        cyber = params.detect_cyber * caps["cyber"]
        if holds(world, record, "online_platform_duties"):
            cyber *= params.platform_duties_multiplier
        rate += cyber
    elif crossing:
        border = params.detect_border * caps["border"]
        if holds(world, record, "border_security"):
            border *= params.border_security_multiplier
        rate += border
    rate += params.detect_shared * information(state, owner, route_states)
    return rate * (1.0 - record.corruption) * world.detectability(form)


def path_loss(state: GameState, path: list[str], form: str) -> float:
    """The share of people a network expects to lose in transit on a path, from public figures."""
    total = sum(
        hazard(state, region_id, crossing=crossing_at(state.world, path, index), online=False, form=form)
        for index, region_id in enumerate(path)
    )
    return 1.0 - math.exp(-total)


def route_tolerance(state: GameState, network_tolerance: float, path: list[str], form: str) -> float:
    """The loss a network accepts on a route: its tolerance, or what the route cost when it was
    opened if that was more (with a margin), since a network keeps a route whose risks it knew.
    A route is given up when pressure makes it riskier than it was, which is what players cause."""
    return max(network_tolerance, ROUTE_MARGIN * path_loss(state, path, form))


def crossing_at(world: World, path: list[str], index: int) -> bool:
    """A border crossing: the region is entered from, or left for, a region held by someone else.

    Both sides check a crossing: the state left (exit screening) and the state entered."""
    here = world.controller[path[index]]
    entered = index > 0 and world.controller[path[index - 1]] != here
    left = index < len(path) - 1 and world.controller[path[index + 1]] != here
    return entered or left


@dataclass(slots=True)
class Movement:
    """What happened to the people on one route this round."""

    detected: int = 0
    arrived: int = 0
    detected_by: dict[str, int] = field(default_factory=dict)
    entered: dict[str, int] = field(default_factory=dict)
    """State -> people who entered its territory from outside it."""


def move(state: GameState, network: NetworkRecord, route: RouteRecord, recruited: int,
         rng: random.Random) -> Movement:
    world = state.world
    result = Movement()
    online = stochastic_round(recruited * network.tau, rng)
    parts = [recruited - online, min(online, recruited)]
    origin_owner = world.controller[route.path[0]]
    route_states = frozenset(s for r in route.path if (s := world.controller[r]) is not None)
    seen: set[str] = set()
    for index, region_id in enumerate(route.path):
        owner = world.controller[region_id]
        if owner is None:
            continue
        if owner != origin_owner and owner not in seen:
            seen.add(owner)
            result.entered[owner] = result.entered.get(owner, 0) + parts[0] + parts[1]
        crossing = crossing_at(world, route.path, index)
        for which in (0, 1):
            if parts[which] <= 0:
                continue
            rate = hazard(state, region_id, crossing=crossing, online=which == 1, form=route.form,
                          route_states=route_states)
            caught = min(parts[which], stochastic_round(parts[which] * (1.0 - math.exp(-rate)), rng))
            if caught:
                parts[which] -= caught
                result.detected += caught
                result.detected_by[owner] = result.detected_by.get(owner, 0) + caught
    result.arrived = parts[0] + parts[1]
    return result
