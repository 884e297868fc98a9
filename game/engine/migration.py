"""Mixed migration (model card 5.4b): the people on a corridor who are not trafficked, what border
checks do to them, and what happens to the victims a border catches without recognising them.

Trafficking routes run through corridors that many more people travel of their own will: regularly
(a visa, a work permit) or smuggled. Border checks stop smuggled migrants far more often than they
find victims; stopped migrants are mostly sent back, indebted to smugglers and known to recruiters,
and networks recruit from them first (OHCHR Recommended Principles 2002; GAATW, *Collateral
Damage*, 2007; IOM on returnees' vulnerability). A victim caught in transit is recognised as one
only where someone screens for it (a referral mechanism) and the victim is not punished for an
immigration offence (non-punishment, the victim protection law); the others are deported as
migrants. Regular pathways (a labour migration MoU on the corridor, a fair recruitment law at either
end) move migrants from smuggled to regular travel.

Every draw here comes from the phase's own streams, so the other phases' draws are unchanged.
"""

import math
import random

from game.engine.detection import Detector
from game.engine.diplomacy.effects import in_force
from game.engine.laws import holds
from game.engine.ledger import Ledger, RouteTally
from game.engine.rng import stochastic_round
from game.model.report import StateFigures
from game.model.state import GameState, RouteRecord
from game.summing import add_up


class Corridors:
    """A phase's migration terms: each state's chance of stopping a smuggled migrant at a checked
    crossing, and the regular pathways between pairs of states, computed once."""

    def __init__(self, state: GameState) -> None:
        world = state.world
        params = world.params
        self.state = state
        self.stop: dict[str, float] = {}
        for state_id, record in state.states.items():
            hazard = params.migrant_stop_border * record.capacities.get("border", 0.0)
            if holds(world, record, "border_security"):
                hazard *= params.border_security_multiplier
            self.stop[state_id] = 1.0 - math.exp(-hazard * (1.0 - record.corruption))
        self.fair = {s for s, record in state.states.items() if holds(world, record, "fair_recruitment")}
        self.mou: set[tuple[str, str]] = set()
        for agreement in in_force(state, "labour_migration_mou"):
            paying = [p for p in agreement.parties if p not in agreement.unpaid]
            self.mou.update((a, b) for a in paying for b in paying if a != b)
        self.ends: dict[tuple[str, str], tuple[float, float]] = {}
        """(origin, destination) -> `corridor`, kept for the phase: many routes share their ends."""

    def corridor(self, ends: tuple[str, str]) -> tuple[float, float]:
        """(Migrants per person trafficked, 1 - `regular_share`) between a route's origin and
        destination regions, kept in `ends`."""
        world = self.state.world
        origin, destination = ends
        controller = world.controller
        found = self.ends[ends] = (world.migrant_ratio(origin, destination),
                                   1.0 - self.regular_share(controller[origin], controller[destination]))
        return found

    def regular_share(self, sender: str | None, receiver: str | None) -> float:
        """The share of a corridor's migrants who travel regularly: the scenario's base share, and
        `pathway_share` more for each regular pathway (an MoU between its ends, a fair recruitment
        law at either end), never above 0.95 (some always travel irregularly)."""
        params = self.state.world.params
        share = params.regular_share
        if sender is not None and receiver is not None and (sender, receiver) in self.mou:
            share += params.pathway_share
        if (sender in self.fair) or (receiver in self.fair):
            share += params.pathway_share
        return min(0.95, share)


def travel(corridors: Corridors, detector: Detector, route: RouteRecord, trafficked: int, rng: random.Random,
           figures: dict[str, StateFigures]) -> None:
    """The migrants who are not trafficked travelling with this round's `trafficked` on a route: the
    smuggled among them meet each checked crossing's stop chance; a stopped migrant is sent back to
    the route's origin with `migrant_return_share`, where the returned add to the region's pool."""
    path = route.path
    ends = (path[0], path[-1])
    terms = corridors.ends.get(ends)
    if terms is None:
        terms = corridors.corridor(ends)
    # every count is `stochastic_round` inlined (no draw for nobody), on the corridor's terms kept
    # for the phase: the same draws in the same order
    floor, draw = math.floor, rng.random
    expected = trafficked * terms[0] * terms[1]
    if expected <= 0.0:
        return
    smuggled = floor(expected)
    if draw() < expected - smuggled:
        smuggled += 1
    if smuggled <= 0:
        return
    stop = corridors.stop
    share = corridors.state.world.params.migrant_return_share
    returned_home = 0
    for owner, _, (_, crossing) in detector.geometry(path).steps:
        if not crossing:
            continue
        chance = stop.get(owner, 0.0)
        if chance <= 0.0:
            continue
        expected = smuggled * chance
        if expected <= 0.0:
            continue
        stopped = floor(expected)
        if draw() < expected - stopped:
            stopped += 1
        if stopped <= 0:
            continue
        smuggled -= stopped
        expected = stopped * share
        returned = 0
        if expected > 0.0:
            returned = floor(expected)
            if draw() < expected - returned:
                returned += 1
        mine = figures[owner]
        mine.migrants_stopped += stopped
        mine.migrants_returned += returned
        returned_home += returned
        if smuggled <= 0:
            break
    if returned_home:
        corridors.state.regions[path[0]].returned += returned_home


def screen(state: GameState, ledger: Ledger, rng: random.Random) -> None:
    """Victims caught in transit (each network's `identified_by`, before exploitation adds to it) are
    recognised with the catching state's screening chance; the others are deported. Of the deported,
    `retrafficking_rate` are taken back at once by the network that moved them, the rest join the
    returned of its routes' origins (pro rata to the people each route lost in transit)."""
    params = state.world.params
    recognise: dict[str, float] = {}
    for state_id, record in state.states.items():
        chance = params.screen_base
        if holds(state.world, record, "referral_mechanism"):
            chance += params.screen_referral
        if holds(state.world, record, "victim_protection"):
            chance += params.screen_non_punishment
        recognise[state_id] = min(1.0, chance)
    figures = ledger.states
    for network_id, tally in ledger.networks.items():
        caught = tally.identified_by
        deported_here = 0
        origins: tuple[list[tuple[str, int]], float] | None = None  # `_origins`, once a network
        for state_id in sorted(caught):
            count = caught[state_id]
            if count <= 0 or state_id not in figures:
                continue
            recognised = stochastic_round(count * recognise.get(state_id, 1.0), rng)
            deported = count - recognised
            if deported <= 0:
                continue
            caught[state_id] = recognised
            mine = figures[state_id]
            mine.detected_in_transit -= deported
            mine.victims_deported += deported
            deported_here += deported
            network = state.networks[network_id]
            taken = stochastic_round(deported * params.retrafficking_rate, rng) if network.active else 0
            network.retrafficked += taken
            mine.retrafficked += taken
            if origins is None:
                origins = _origins(tally.routes)
            _send_home(state, origins, deported - taken)
        if deported_here:
            for state_id in [s for s, count in caught.items() if count <= 0]:
                del caught[state_id]


def _origins(routes: dict[str, RouteTally]) -> tuple[list[tuple[str, int]], float]:
    """The origins of a network's routes that lost people in transit, with those losses, and their
    total: the same for every state that deports its people (screening changes no route's losses)."""
    lost = [(tally.path[0], tally.detected) for tally in routes.values() if tally.detected > 0 and tally.path]
    return lost, add_up(float(detected) for _, detected in lost)


def _send_home(state: GameState, origins: tuple[list[tuple[str, int]], float], people: int) -> None:
    """`people` returned to the `_origins` of the routes that lost people in transit, pro rata."""
    lost, total = origins
    if people <= 0 or total <= 0:
        return
    for origin, detected in lost:
        state.regions[origin].returned += people * detected / total


def recruit_returned(state: GameState, rng: random.Random, figures: dict[str, StateFigures]) -> None:
    """The returned are recruited first: in each region, `returned_recruitment` of its returned go to
    the networks whose routes start there (pro rata to those routes' last flows, as people the
    network takes again, on top of its own recruitment; counted in the region's state as
    `recruited_returned`); then `returned_settle` of the rest settle."""
    params = state.world.params
    starts: dict[str, list[tuple[str, int]]] = {}
    for network in state.networks.values():
        if not network.active:
            continue
        for route in network.routes:
            starts.setdefault(route.path[0], []).append((network.id, route.flow))
    for region_id in sorted(state.regions):
        region = state.regions[region_id]
        if region.returned <= 0.0:
            continue
        if region.population <= 0.0:  # an emptied region (an exodus): nobody is sent back there to stay
            region.returned = 0.0
            continue
        taken_total = 0
        fed = starts.get(region_id)
        if fed:
            flows = add_up(float(flow) for _, flow in fed)
            for network_id, flow in fed:
                share = flow / flows if flows > 0 else 1.0 / len(fed)
                taken = stochastic_round(region.returned * params.returned_recruitment * share, rng)
                state.networks[network_id].retrafficked += taken
                taken_total += taken
            owner = state.world.controller[region_id]
            if owner in figures:
                figures[owner].recruited_returned += taken_total
        left = max(0.0, region.returned - taken_total) * (1.0 - params.returned_settle)
        region.returned = left if left >= 0.5 else 0.0
