"""Draws the engine computes inline rather than through `random.Random`'s Python methods must be the
very numbers those methods give, in the same order, leaving the stream where they would."""

import random

from game.engine.intelligence import _estimate, _estimates
from game.model.state import RouteRecord


def _route(route_id: str, flow: int) -> RouteRecord:
    return RouteRecord(route_id, ["a", "b"], "labour", flow, 1.0, 0.0, 0.0, 0, 0.2)


def test_a_states_estimates_are_those_gauss_and_estimate_give_routes_first_then_its_victims() -> None:
    for count in range(4):  # an odd or even number of draws before the victims': both halves of a pair
        routes = [_route(f"r{i}", 17 * i + 3) for i in range(count)]
        for sigma in (0.0, 0.35, 1.2):
            inline, asked = random.Random(count), random.Random(count)
            inline.random()  # a stream part-way through, as the phase's is
            asked.random()
            got = _estimates(routes, 240, sigma, inline)
            expected = {route.id: _estimate(route.flow, sigma, asked.gauss(0.0, 1.0)) for route in routes}
            assert got.routes == expected
            assert got.victims == _estimate(240, sigma, asked.gauss(0.0, 1.0))
            assert inline.getstate() == asked.getstate(), "the stream is left where gauss would leave it"

