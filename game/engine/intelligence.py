"""Intelligence estimates (model card 2): true numbers stay hidden; each state sees estimates whose
noise shrinks with its `intelligence` capacity and a national rapporteur. The range given with an
estimate covers the truth about 95 times in 100."""

import math
import random

from game.engine.diplomacy import sharing
from game.engine.diplomacy.effects import joint_team_targets_all
from game.engine.laws import holds
from game.engine.rng import stream
from game.model.state import Estimate, GameState, Intelligence, RouteRecord
from game.summing import add_up

RAPPORTEUR_NOISE = 0.7
RANGE_WIDTH = 2.0
JOINT_TEAM_NOISE = 0.5
"""A joint investigation sees its target's routes, all of them, twice as sharply."""


def noise(state: GameState, state_id: str) -> float:
    return _noise(state, state_id, _shared(sharing.weights(state), state_id))


def _shared(weights: dict[str, dict[str, float]], state_id: str) -> float:
    return add_up(weights.get(state_id, {}).values())


def _noise(state: GameState, state_id: str, shared: float) -> float:
    """Noise shrinks with intelligence, a national rapporteur, and what partners share
    (`sharing.weights`: a partner that knows little, or has only begun to share, helps little)."""
    params = state.world.params
    record = state.states[state_id]
    sigma = params.estimate_noise * math.exp(-params.estimate_noise_per_level * record.capacities["intelligence"])
    if holds(state.world, record, "national_rapporteur"):
        sigma *= RAPPORTEUR_NOISE
    return sigma * float(params.estimate_noise_sharing ** shared)


def estimate_all(state: GameState, resolved_round: int = 0,
                 weights: dict[str, dict[str, float]] | None = None) -> dict[str, Intelligence]:
    """Each state's estimates, drawn from the phase's one stream (`estimates`) state by state in the
    world's order, each state's in a fixed order: its routes (by network id, then route order), then
    its victims. One stream for the phase rather than one a state (rules 9): the draws are as
    independent, and seeding a stream is a few microseconds, a sixth of this phase on `mekong`.
    Routes are grouped by the states they touch in one pass, so a state's work is its own routes
    rather than all of them. `weights`:
    `sharing.weights(state)` when the round has it already."""
    world = state.world
    result: dict[str, Intelligence] = {}
    victims_by_region: dict[str, int] = {}
    for network in state.networks.values():
        for region_id, by_form in network.stock.items():
            victims_by_region[region_id] = victims_by_region.get(region_id, 0) + add_up(by_form.values())
    networks = state.networks
    network_ids = sorted(networks)
    touching: dict[str, list[RouteRecord]] = {state_id: [] for state_id in world.state_ids}
    states_on = world.states_on
    for network_id in network_ids:
        for route in networks[network_id].routes:
            for state_id in states_on(route.path):
                mine = touching.get(state_id)
                if mine is not None:
                    mine.append(route)
    if weights is None:
        weights = sharing.weights(state)
    all_targets = joint_team_targets_all(state)
    rng = stream(state.seed, resolved_round, "estimates")
    for state_id in world.state_ids:
        sigma = _noise(state, state_id, _shared(weights, state_id))
        true_victims = 0  # `add_up` of the people held in its regions, as a loop: 200 states ask
        for region_id in world.territory[state_id]:
            true_victims += victims_by_region.get(region_id, 0)
        targets = all_targets.get(state_id, set())
        if not targets:
            result[state_id] = _estimates(touching[state_id], true_victims, sigma, rng)
            continue
        # a joint team sees its target's routes wherever they run: every route, in order
        routes: dict[str, Estimate] = {}
        territory = set(world.territory[state_id])
        for network_id in network_ids:
            for route in networks[network_id].routes:
                if network_id in targets:
                    routes[route.id] = _estimate(route.flow, sigma * JOINT_TEAM_NOISE, rng.gauss(0.0, 1.0))
                elif territory.intersection(route.path):
                    routes[route.id] = _estimate(route.flow, sigma, rng.gauss(0.0, 1.0))
        result[state_id] = Intelligence(_estimate(true_victims, sigma, rng.gauss(0.0, 1.0)), routes)
    return result


def _estimates(routes: list[RouteRecord], victims: int, sigma: float, rng: random.Random) -> Intelligence:
    """One estimate a route and then one of the victims, each with a draw of `rng.gauss(0.0, 1.0)`:
    the same numbers as asking it (`gauss` returns `0.0 + z * 1.0`, which is `z`), computed here (its
    Box-Muller pairs, the second kept for the next draw) because a large map asks thousands a round
    and the call cost as much as the rest."""
    low, high = math.exp(-RANGE_WIDTH * sigma), math.exp(RANGE_WIDTH * sigma)
    draw, exp, floor, ceil, log, sqrt, cos, sin = rng.random, math.exp, math.floor, math.ceil, math.log, \
        math.sqrt, math.cos, math.sin
    spare: float | None = rng.gauss_next  # type: ignore[attr-defined]  # Random's own, not in typeshed
    result: dict[str, Estimate] = {}
    for route in routes:
        if spare is None:
            angle = draw() * math.tau
            radius = sqrt(-2.0 * log(1.0 - draw()))
            z = cos(angle) * radius
            spare = sin(angle) * radius
        else:
            z, spare = spare, None
        value = route.flow * exp(sigma * z)
        result[route.id] = Estimate(round(value), floor(value * low), ceil(value * high))
    if spare is None:  # the victims' draw, the same way
        angle = draw() * math.tau
        radius = sqrt(-2.0 * log(1.0 - draw()))
        z = cos(angle) * radius
        spare = sin(angle) * radius
    else:
        z, spare = spare, None
    rng.gauss_next = spare  # type: ignore[attr-defined]
    value = victims * exp(sigma * z)
    return Intelligence(Estimate(round(value), floor(value * low), ceil(value * high)), result)


def _estimate(truth: int, sigma: float, draw: float) -> Estimate:
    value = truth * math.exp(sigma * draw)
    return Estimate(
        value=round(value),
        low=math.floor(value * math.exp(-RANGE_WIDTH * sigma)),
        high=math.ceil(value * math.exp(RANGE_WIDTH * sigma)),
    )
