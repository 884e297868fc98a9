"""Recruitment (model card 5.3): how many people each route takes this round.

A route's potential is its `reach` times origin population x vulnerability x destination demand,
damped by prevention in the origin. The network's capacity (periphery x productivity, less while
new leaders learn) and the people its capital can pay to move cap the total, and when they bind the
network favours its safer routes (expected value).
"""

import math
import random

from game.engine.network_money import Costs, affordable_people
from game.engine.setup import origin_factors
from game.model.state import GameState, NetworkRecord
from game.summing import add_up


def risk(network: NetworkRecord, index: int, state: GameState) -> float:
    """The network's belief that a person on this route is lost: (I + a) / (T + a + b)."""
    params = state.world.params
    route = network.routes[index]
    return (route.risk_hits + params.risk_prior_a) / (
        route.risk_total + params.risk_prior_a + params.risk_prior_b
    )


def crew_limit(network: NetworkRecord, interim: float = 0.0) -> float:
    """The crew its leaders can direct: members being promoted to lead (`successors`) run `interim`
    of a leader's share meanwhile."""
    return (network.core + interim * len(network.successors)) * network.span


def crew(network: NetworkRecord, interim: float = 0.0) -> float:
    """The periphery the network can actually run: no more than its leaders can direct."""
    return min(float(network.periphery), crew_limit(network, interim))


def matched(potential: float, capacity: float, strictness: float) -> float:
    """People recruited when a route network's `potential` (the vulnerable people its routes could
    reach, as demand pulls them) meets the `capacity` of its crew: a soft minimum,
    (potential^-k + capacity^-k)^(-1/k), below both and near the scarcer. With a hard minimum
    (k -> infinity) only the binding side would matter, and a small change in either would switch a
    lever (prevention or disruption) from everything to nothing; recruiting needs both recruiters
    and people to recruit, and each limits it."""
    if potential <= 0.0 or capacity <= 0.0:
        return 0.0
    if strictness <= 0.0:
        return min(potential, capacity)
    # the same sum with the smaller side factored out: ratios of at most 1, so extreme sizes and
    # exponents neither overflow nor underflow to a division by zero
    least = min(potential, capacity)
    ratios: float = (least / potential) ** strictness + (least / capacity) ** strictness
    return float(least * ratios ** (-1.0 / strictness))


def recruit(state: GameState, network: NetworkRecord, rng: random.Random,
            origins: dict[str, tuple[float, float]] | None = None,
            costs: Costs | None = None) -> tuple[list[int], float]:
    """People recruited per route, and the people the network could have recruited (its demand).
    `origins` keeps each origin's `origin_factors` across the networks of one phase, `costs` each
    path's `cost_per_person` across the round."""
    world = state.world
    regions = state.regions
    known = origins if origins is not None else {}
    routes = network.routes
    potentials = []
    for route in routes:
        path = route.path
        factors = known.get(path[0])
        if factors is None:
            factors = known[path[0]] = origin_factors(world, regions, state.states, path[0])
        # `recruitment_driver`, with the origin's factors kept (and its `max` of the demand as a test)
        demand = regions[path[-1]].demand.get(route.form, 0.0)
        if demand < 0.01:
            demand = 0.01
        potentials.append(route.reach * (factors[0] * demand * factors[1]))
    total = add_up(potentials)
    if total > 0 and network.retrafficked:
        retrafficked = network.retrafficked
        for index, potential in enumerate(potentials):  # in place: a comprehension costs more to set up
            potentials[index] = potential + retrafficked * potential / total
        total += retrafficked
    params = world.params
    capacity = affordable_people(
        state, network, crew(network, params.succession_interim) * params.periphery_productivity * network.skill,
        costs)
    demand = total
    # neither side is a hard cap: the recruiters a network can field and the people its routes could
    # reach both limit recruitment, the scarcer the more (a matching function, `matched`)
    capacity = matched(total, capacity, params.recruitment_matching)
    weights: list[float] | None = None
    weight_sum: float = 0  # `add_up` of the weights, as a loop
    if total > capacity:
        prior_a, prior_b = params.risk_prior_a, params.risk_prior_b
        weights = []
        for potential, route in zip(potentials, routes, strict=True):
            weight = potential * (1.0 - (route.risk_hits + prior_a) / (route.risk_total + prior_a + prior_b))  # `risk`
            weights.append(weight)
            weight_sum += weight
        if weight_sum <= 0:
            return [0 for _ in potentials], demand
    # each potential, capped at its share of the capacity when that binds, is `stochastic_round`ed
    # inline, in one pass
    floor, draw = math.floor, rng.random
    recruited = []
    for index, potential in enumerate(potentials):
        if weights is not None:
            potential = min(potential, capacity * weights[index] / weight_sum)
        if potential <= 0.0:
            recruited.append(0)
        else:
            whole = floor(potential)
            recruited.append(whole + 1 if draw() < potential - whole else whole)
    return recruited, demand
