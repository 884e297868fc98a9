"""Any loss of a site displaces (model card: "Displacement").

Operators leave a place when it stops paying, whatever the reason: a crackdown, a power cut, a
law that cuts demand, a fall in demand. They do not vanish: most of the trade they lose moves to the
nearest place their routes can reach where demand for the same exploitation exists and the risk is
lowest, which is a weakly governed one. Detection pressure on a route is the other cause of
displacement (`adaptation`); this one needs no detection at all.
"""

import random

from game.engine.adaptation import path_around
from game.engine.detection import Detector, route_tolerance
from game.engine.rng import stream
from game.model.report import Displacement
from game.model.state import GameState, NetworkRecord, RouteRecord

DEMAND_FLOOR = 0.01
"""Demand below this is no market (the floor `recruitment_driver` keeps)."""
DETOUR = 3
"""A new path may be this many regions longer than the old one."""
SMALL_FALL = 0.02
"""A site that lost less than this share of its demand moves a route's trade by lot: with the chance
(share lost) / SMALL_FALL, as if it had lost SMALL_FALL of it, so that the trade moved is the same in
expectation. A law's slow fall (supply chains, demand reduction: under 1% a round) otherwise sent
every route to the site searching a new path every round for a few people (rules 9); a large fall
(a raid, an event) moves every route's trade at once, as before."""


def demand_at_start(state: GameState) -> dict[str, dict[str, float]]:
    """Every region's demand before this round's events and laws: what the sites paid last round."""
    return {region_id: dict(region.demand) for region_id, region in state.regions.items()}


def relocate(state: GameState, before: dict[str, dict[str, float]],
             detector: Detector | None = None) -> list[Displacement]:
    """Each route whose destination lost demand for its form since `before` moves that share of its
    trade (times `displacement_share`) onto the safest path to another market, the report saying
    where; a fall smaller than `SMALL_FALL` moves a route's trade by lot, from the phase's own
    stream (`relocation`, seeded only when a small fall asks for a draw). Called once events, laws
    and agreements have changed demand, before recruitment, with that phase's `detector` when the
    round has built it (nothing in between changes it)."""
    lost = _lost_sites(state, before)
    if not lost:
        return []
    if detector is None:
        detector = Detector(state)
    moves: list[Displacement] = []
    markets: dict[str, set[str]] = {}
    """Form -> `_markets`, the same for every route of the phase: moving routes changes no demand."""
    lot: random.Random | None = None
    for network_id in sorted(state.networks):
        network = state.networks[network_id]
        if not network.active:
            continue
        for route in list(network.routes):
            fall = lost.get((route.path[-1], route.form))
            if fall is not None:
                share = fall[1]
                if share < SMALL_FALL:  # by lot, the same trade moved in expectation
                    if lot is None:
                        lot = stream(state.seed, state.round, "relocation")
                    if lot.random() * SMALL_FALL >= share:
                        continue
                    fall = (fall[0] * SMALL_FALL / share, share)
                open_ = markets.get(route.form)
                if open_ is None:
                    open_ = markets[route.form] = _markets(state, route.form, lost)
                move = _move(state, detector, network, route, fall, open_)
                if move is not None:
                    moves.append(move)
    return moves


def _lost_sites(state: GameState, before: dict[str, dict[str, float]]) -> dict[tuple[str, str], tuple[float, float]]:
    """(region, form) -> (demand lost since `before`, that as a share of what it was)."""
    lost: dict[tuple[str, str], tuple[float, float]] = {}
    for region_id, was in before.items():
        now = state.regions[region_id].demand
        for form, old in was.items():
            if old <= DEMAND_FLOOR:
                continue
            new = max(now.get(form, 0.0), 0.0)
            if new < old:
                lost[(region_id, form)] = (old - new, (old - new) / old)
    return lost


def _markets(state: GameState, form: str, lost: dict[tuple[str, str], tuple[float, float]]) -> set[str]:
    """The regions with demand for `form` that did not lose any this round."""
    return {
        region_id for region_id, region in state.regions.items()
        if region.demand.get(form, 0.0) > DEMAND_FLOOR and (region_id, form) not in lost
    }


def _move(state: GameState, detector: Detector, network: NetworkRecord, route: RouteRecord,
          fall: tuple[float, float], markets: set[str]) -> Displacement | None:
    """Move a route's lost trade to one of the `markets` for its form (`_markets`): a fall
    everywhere at once (a law acting on every market) leaves nowhere better to go."""
    world = state.world
    site = route.path[-1]
    form = route.form
    origin = route.path[0]
    if not markets or origin == site:
        return None
    found = path_around(detector, origin, markets, site, len(route.path) + DETOUR, form)
    if found is None:
        return None
    new_path = found[1]
    # recruitment is reach x origin x demand (`recruitment_driver`): from the same origin, the trade
    # lost with the site's demand reappears, in part, where the new market's demand carries it
    market = max(state.regions[new_path[-1]].demand.get(form, 0.0), DEMAND_FLOOR)
    moved = world.params.displacement_share * route.reach * fall[0] / market
    if moved <= 0.0:
        return None
    existing = next((r for r in network.routes if r.path == new_path and r.form == form), None)
    if existing is not None:
        existing.reach += moved
    else:
        network.routes.append(RouteRecord(
            id=f"{network.id}/{network.next_route}", path=new_path, form=form, flow=0, reach=moved,
            risk_hits=0.0, risk_total=0.0, opened=state.round,
            tolerance=route_tolerance(detector, network.loss_tolerance, new_path, form, network.tau),
        ))
        network.next_route += 1
    old_states = world.states_on(route.path)
    received = sorted(s for s in world.states_on(new_path) if s not in old_states)
    # the people a round that move: the share of the route's trade its site lost (a lot's worth when
    # drawn by lot), times the share that reappears; the route itself stays
    people = round(route.flow * min(1.0, max(fall[1], SMALL_FALL)) * world.params.displacement_share)
    return Displacement(
        network=network.id, form=form, dropped=list(route.path), dropped_flow=people, opened=new_path,
        reach_moved=moved, risk=fall[1], pressure_region=site, pressure_state=world.controller[site],
        received_by=received, cause="site",
    )
