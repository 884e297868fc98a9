"""Recruitment (RULES.md 5.3): how many people each route takes this round.

A route's potential is its `reach` times origin population x vulnerability x destination demand,
damped by prevention in the origin. The network's capacity (periphery x productivity) caps the total,
and when it binds the network favours its safer routes (expected value).
"""

import random

from game.engine.rng import stochastic_round
from game.engine.setup import recruitment_driver
from game.model.state import GameState, NetworkRecord


def risk(network: NetworkRecord, index: int, state: GameState) -> float:
    """The network's belief that a person on this route is lost: (I + a) / (T + a + b)."""
    params = state.world.params
    route = network.routes[index]
    return (route.risk_hits + params.risk_prior_a) / (
        route.risk_total + params.risk_prior_a + params.risk_prior_b
    )


def crew(network: NetworkRecord) -> float:
    """The periphery the network can actually run: no more than its leaders can direct."""
    return min(float(network.periphery), network.core * network.span)


def recruit(state: GameState, network: NetworkRecord, rng: random.Random) -> tuple[list[int], float]:
    """People recruited per route, and the people the network could have recruited (its demand)."""
    world = state.world
    potentials = [
        route.reach * recruitment_driver(world, state.regions, state.states, route.path[0],
                                         route.path[-1], route.form)
        for route in network.routes
    ]
    total = sum(potentials)
    if total > 0 and network.retrafficked:
        potentials = [p + network.retrafficked * p / total for p in potentials]
        total += network.retrafficked
    capacity = crew(network) * world.params.periphery_productivity
    demand = total
    if total > capacity:
        weights = [p * (1.0 - risk(network, i, state)) for i, p in enumerate(potentials)]
        weight_sum = sum(weights)
        if weight_sum > 0:
            potentials = [min(p, capacity * w / weight_sum) for p, w in zip(potentials, weights, strict=True)]
        else:
            potentials = [0.0 for _ in potentials]
    return [stochastic_round(p, rng) for p in potentials], demand
