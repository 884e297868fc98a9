"""Intelligence estimates (RULES.md 2): true numbers stay hidden; each state sees estimates whose
noise shrinks with its `intelligence` capacity and a national rapporteur. The range given with an
estimate covers the truth about 95 times in 100."""

import math

from game.engine.diplomacy.effects import SHARING, giving_partners_all, joint_team_targets_all
from game.engine.laws import holds
from game.engine.rng import stream
from game.model.state import Estimate, GameState, Intelligence, RouteRecord

RAPPORTEUR_NOISE = 0.7
RANGE_WIDTH = 2.0
JOINT_TEAM_NOISE = 0.5
"""A joint investigation sees its target's routes, all of them, twice as sharply."""


def noise(state: GameState, state_id: str) -> float:
    return _noise(state, state_id, len(giving_partners_all(state, SHARING).get(state_id, ())))


def _noise(state: GameState, state_id: str, sharing_partners: int) -> float:
    """Noise shrinks with intelligence, a national rapporteur, and each partner sharing
    (`estimate_noise_factor`)."""
    params = state.world.params
    record = state.states[state_id]
    sigma = params.estimate_noise * math.exp(-params.estimate_noise_per_level * record.capacities["intelligence"])
    if holds(state.world, record, "national_rapporteur"):
        sigma *= RAPPORTEUR_NOISE
    return sigma * float(params.estimate_noise_sharing ** sharing_partners)


def estimate_all(state: GameState, resolved_round: int = 0) -> dict[str, Intelligence]:
    """Each state's estimates, drawn from its own stream in a fixed order: its routes (by network
    id, then route order), then its victims. Routes are grouped by the states they touch in one
    pass, so a state's work is its own routes rather than all of them."""
    world = state.world
    controller = world.controller
    result: dict[str, Intelligence] = {}
    victims_by_region: dict[str, int] = {}
    for network in state.networks.values():
        for region_id, by_form in network.stock.items():
            victims_by_region[region_id] = victims_by_region.get(region_id, 0) + sum(by_form.values())
    ordered = [(network_id, route) for network_id in sorted(state.networks)
               for route in state.networks[network_id].routes]
    touching: dict[str, list[RouteRecord]] = {state_id: [] for state_id in world.state_ids}
    for _, route in ordered:
        for state_id in {controller[r] for r in route.path}:
            if state_id in touching:
                touching[state_id].append(route)
    sharing = giving_partners_all(state, SHARING)
    all_targets = joint_team_targets_all(state)
    for state_id in world.state_ids:
        rng = stream(state.seed, resolved_round, f"estimate:{state_id}")
        sigma = _noise(state, state_id, len(sharing.get(state_id, ())))
        true_victims = sum(victims_by_region.get(r, 0) for r in world.territory[state_id])
        routes: dict[str, Estimate] = {}
        targets = all_targets.get(state_id, set())
        if targets:  # a joint team sees its target's routes wherever they run: every route, in order
            territory = set(world.territory[state_id])
            for network_id, route in ordered:
                if network_id in targets:
                    routes[route.id] = _estimate(route.flow, sigma * JOINT_TEAM_NOISE, rng.gauss(0.0, 1.0))
                elif territory.intersection(route.path):
                    routes[route.id] = _estimate(route.flow, sigma, rng.gauss(0.0, 1.0))
        else:
            low, high = math.exp(-RANGE_WIDTH * sigma), math.exp(RANGE_WIDTH * sigma)
            gauss = rng.gauss
            exp = math.exp
            for route in touching[state_id]:
                value = route.flow * exp(sigma * gauss(0.0, 1.0))
                routes[route.id] = Estimate(round(value), math.floor(value * low), math.ceil(value * high))
        result[state_id] = Intelligence(_estimate(true_victims, sigma, rng.gauss(0.0, 1.0)), routes)
    return result


def _estimate(truth: int, sigma: float, draw: float) -> Estimate:
    value = truth * math.exp(sigma * draw)
    return Estimate(
        value=round(value),
        low=math.floor(value * math.exp(-RANGE_WIDTH * sigma)),
        high=math.ceil(value * math.exp(RANGE_WIDTH * sigma)),
    )
