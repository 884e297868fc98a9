"""Mixed migration (model card 5.4b): the people on a corridor who are not trafficked, what border
checks do to them, and what happens to the victims a border catches without recognising them.

Trafficking routes run through corridors that many more people travel of their own will: regularly
(a visa, a work permit) or smuggled, as need at home and work abroad move them (the wage gap's two
sides), whether or not networks traffic on the corridor. A tight border does not make them vanish:
more go around its checks with smugglers, deeper in debt (Massey, Durand and Pren 2016 on the
US-Mexico border; Friebel and Guriev 2006 on debt-financed migration). Border checks stop smuggled
migrants far more often than they find victims; stopped migrants are mostly sent back, indebted to
smugglers and known to recruiters, and networks recruit from them first (OHCHR Recommended
Principles 2002; GAATW, *Collateral Damage*, 2007; IOM on returnees' vulnerability). A victim caught
in transit is recognised as one only where someone screens for it (a referral mechanism) and the
victim is not punished for an immigration offence (non-punishment, the victim protection law); the
others are deported as migrants. Regular pathways (a labour migration MoU on the corridor, a fair
recruitment law at either end) move migrants from smuggled to regular travel.

Every draw here comes from the phase's own streams, so the other phases' draws are unchanged.
"""

import math
import random
from weakref import WeakKeyDictionary

from game.engine.detection import Detector
from game.engine.diplomacy.effects import in_force
from game.engine.laws import holds
from game.engine.ledger import Ledger, NetworkTally, RouteTally
from game.engine.rng import stochastic_round
from game.model.report import StateFigures
from game.model.state import GameState, NetworkRecord, RouteRecord
from game.model.world import World
from game.summing import add_up

Base = dict[tuple[str, str], float]
Paths = dict[tuple[str, str], list[tuple[list[str], float]]]
Order = list[tuple[tuple[str, str], str | None, str | None]]
_CORRIDORS: "WeakKeyDictionary[World, tuple[Base, Paths, Order]]" = WeakKeyDictionary()


def _scenario_corridors(world: World) -> tuple[Base, Paths, Order]:
    """`Corridors.base`: (origin, destination) -> migrants a round at the start: a route's `migrants`,
    else its flow x the corridor's ratio (`World.migrant_ratio`), summed over the scenario's routes.
    `Corridors.paths`: the scenario's paths of each corridor with their flows, the way migrants go
    where no network's route serves the corridor any more. `Corridors.order`: the corridors in the
    order `travel` takes them (sorted), each with the states holding its ends. All are the scenario's
    alone, so they are made once per world rather than every round (every round's `Corridors` shares
    them, read only)."""
    found = _CORRIDORS.get(world)
    if found is None:
        base: Base = {}
        paths: Paths = {}
        for network in world.scenario.networks:
            for route in network.routes:
                key = (route.path[0], route.path[-1])
                people = route.migrants if route.migrants is not None else world.migrant_ratio(*key) * route.flow
                base[key] = base.get(key, 0.0) + people
                paths.setdefault(key, []).append((list(route.path), route.flow))
        order = [(key, world.controller[key[0]], world.controller[key[1]]) for key in sorted(base)]
        found = _CORRIDORS[world] = (base, paths, order)
    return found


class Corridors:
    """A phase's migration terms: each state's chance of stopping a smuggled migrant at a checked
    crossing, the regular pathways between pairs of states, and the scenario's corridors with the
    migrants each carries at the start, computed once."""

    def __init__(self, state: GameState) -> None:
        world = state.world
        params = world.params
        self.state = state
        self.stop: dict[str, float] = {}
        self.around: dict[str, float] = {}
        """State -> the share of smuggled migrants who go around its checks (`cross`)."""
        self.fair: set[str] = set()
        divert = params.migrant_divert
        for state_id, record in state.states.items():
            hazard = params.migrant_stop_border * record.capacities.get("border", 0.0)
            if holds(world, record, "border_security"):
                hazard *= params.border_security_multiplier
            chance = self.stop[state_id] = 1.0 - math.exp(-hazard * (1.0 - record.corruption))
            self.around[state_id] = 1.0 - math.exp(-divert * chance)
            if holds(world, record, "fair_recruitment"):
                self.fair.add(state_id)
        self.mou: dict[tuple[str, str], float] = {}
        """(sender, receiver) -> how far the MoU's regular channel between them is built (`channel`):
        the same both ways, so found once a pair of members."""
        for agreement in in_force(state, "labour_migration_mou"):
            paying = [p for p in agreement.parties if p not in agreement.unpaid]
            for index, a in enumerate(paying):
                for b in paying[index + 1:]:
                    if a != b:
                        built = channel(state, min(agreement.member_since(a), agreement.member_since(b)))
                        for pair in ((a, b), (b, a)):
                            self.mou[pair] = max(self.mou.get(pair, 0.0), built)
        self.base, self.paths, self.order = _scenario_corridors(world)
        self.debt, self.return_share = params.smuggling_debt, params.migrant_return_share
        """`smuggling_debt` and `migrant_return_share`, read once a phase rather than once a `cross`."""
        self._need: dict[str, float | None] = {}
        self._work: dict[str, float | None] = {}

    def regular_share(self, sender: str | None, receiver: str | None) -> float:
        """The share of a corridor's migrants who travel regularly: the scenario's base share, and
        `pathway_share` more for each regular pathway (an MoU between its ends, as far as its
        channel is built; a fair recruitment law at either end), never above 0.95 (some always
        travel irregularly)."""
        params = self.state.world.params
        share = params.regular_share
        if sender is not None and receiver is not None:
            share += params.pathway_share * self.mou.get((sender, receiver), 0.0)
        if (sender in self.fair) or (receiver in self.fair):
            share += params.pathway_share
        return min(0.95, share)

    def pressure(self, origin: str, destination: str) -> float:
        """Migrants on a corridor x this against the start: the two sides of the wage gap, need at
        home (the origin's vulnerability, `migration_push` its elasticity) and work abroad (the
        destination's labour demand, `migration_pull`), each against its start; a side that was 0
        at the start counts 1. Never above `migration_ceiling`. Each side is worked out once a
        phase per region (`_need`, `_work`): many corridors share an origin or a destination."""
        params = self.state.world.params
        factor = 1.0
        need = self._need[origin] if origin in self._need else self._side(origin, "need")
        if need is not None:
            factor *= need
        work = self._work[destination] if destination in self._work else self._side(destination, "work")
        if work is not None:
            factor *= work
        return min(params.migration_ceiling, factor)

    def _side(self, region_id: str, side: str) -> float | None:
        """A region's need at home (its vulnerability against the start, to `migration_push`) or work
        abroad (its labour demand against the start, to `migration_pull`); None where the start was 0."""
        world = self.state.world
        params = world.params
        found: float | None = None
        if side == "need":
            start_need = world.region_specs[region_id].vulnerability
            if start_need > 0:
                found = (self.state.regions[region_id].vulnerability / start_need) ** params.migration_push
            self._need[region_id] = found
        else:
            start_work = world.region_specs[region_id].demand.get("labour", 0.0)
            if start_work > 0:
                found = (self.state.regions[region_id].demand.get("labour", 0.0) / start_work) ** params.migration_pull
            self._work[region_id] = found
        return found


def travel(corridors: Corridors, detector: Detector, moved: list[tuple[NetworkRecord, RouteRecord, int]],
           rng: random.Random, figures: dict[str, StateFigures]) -> None:
    """The migrants who are not trafficked on each of the scenario's corridors this round.

    How many: the corridor's migrants at the start x `Corridors.pressure` (need at home, work
    abroad): migration is the corridor's, not the networks', so it goes on when trafficking on it
    falls. Which way: the paths of the routes serving the corridor this round (`moved`: network,
    route, people trafficked on it), pro rata to the people on them, as smugglers and traffickers
    use the same roads; where none serves it, the scenario's paths. The smuggled among them meet
    each checked crossing (`cross`)."""
    base = corridors.base
    serving: dict[tuple[str, str], list[tuple[NetworkRecord | None, list[str], float]]] = {}
    for network, route, people in moved:
        path = route.path
        key = (path[0], path[-1])
        if key in base:
            ways = serving.get(key)
            if ways is None:
                ways = serving[key] = []
            ways.append((network, path, float(people)))
    floor, draw = math.floor, rng.random
    pressure, regular_share = corridors.pressure, corridors.regular_share
    for key, sender, receiver in corridors.order:
        migrants = base[key] * pressure(key[0], key[1])
        if migrants <= 0.0:
            continue
        ways = serving.get(key, [])
        total = 0.0  # `add_up` of the weights, as a loop
        for way in ways:
            total += way[2]
        if total <= 0.0:
            ways = [(None, path, float(max(flow, 1))) for path, flow in corridors.paths[key]]
            total = 0.0
            for way in ways:
                total += way[2]
        smuggled_share = 1.0 - regular_share(sender, receiver)
        for carrier, path, weight in ways:
            expected = migrants * weight / total * smuggled_share  # `stochastic_round`, inlined
            if expected > 0.0:
                smuggled = floor(expected)
                if draw() < expected - smuggled:
                    smuggled += 1
                if smuggled > 0:
                    cross(corridors, detector, carrier, path, smuggled, rng, figures)


def cross(corridors: Corridors, detector: Detector, network: NetworkRecord | None, path: list[str], smuggled: int,
          rng: random.Random, figures: dict[str, StateFigures]) -> None:
    """Smuggled migrants along `path`. At each checked crossing, `1 - exp(-migrant_divert x stop)` of
    them go around the check with smugglers (a hidden crossing, a longer road, the sea: the dearer the
    crossing, the deeper the debt), and `smuggling_debt` of those fall into the hands of the network
    on the route, who recruit them through that debt next round; of the others, the crossing's stop
    chance are stopped, `migrant_return_share` of them sent back to the path's origin, where the
    returned add to the region's pool. A tighter border moves people to smugglers and other ways
    rather than making them vanish.

    Every draw is `stochastic_round` inlined (a round crosses a few hundred times), and each state's
    share going around its checks is computed once a phase (`Corridors.around`); the path's checked
    crossings are its geometry's, computed once per map (`Geometry.crossings`)."""
    debt, return_share = corridors.debt, corridors.return_share
    takes = network is not None and network.active
    stop, around_share = corridors.stop, corridors.around
    floor, draw = math.floor, rng.random
    returned_home = 0
    for owner in detector.geometry(path).crossings:
        if smuggled <= 0:  # nobody left to meet the later crossings
            break
        chance = stop.get(owner, 0.0)
        if chance <= 0.0:
            continue
        mine = figures[owner]
        expected = smuggled * around_share[owner]
        around = 0
        if expected > 0.0:
            around = floor(expected)
            if draw() < expected - around:
                around += 1
        taken = 0
        if takes:
            expected = around * debt
            if expected > 0.0:
                taken = floor(expected)
                if draw() < expected - taken:
                    taken += 1
        expected = (smuggled - around) * chance
        stopped = 0
        if expected > 0.0:
            stopped = floor(expected)
            if draw() < expected - stopped:
                stopped += 1
        smuggled -= stopped + taken
        mine.migrants_diverted += around
        if taken > 0 and network is not None:
            network.retrafficked += taken
            mine.recruited_diverted += taken
        if stopped <= 0:
            continue
        expected = stopped * return_share
        returned = 0
        if expected > 0.0:
            returned = floor(expected)
            if draw() < expected - returned:
                returned += 1
        mine.migrants_stopped += stopped
        mine.migrants_returned += returned
        returned_home += returned
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
    retrafficking = params.retrafficking_rate
    floor, draw = math.floor, rng.random
    for network_id, tally in ledger.networks.items():
        caught = tally.identified_by
        deported_here = 0
        losses: tuple[list[tuple[str, int]], float] | None = None
        """Where the network lost people in transit (`_losses`), found once for all its deportees."""
        emptied: list[str] = []  # the states left with none of its victims (dropped once any are deported)
        for state_id in sorted(caught):
            count = caught[state_id]
            if count <= 0:
                emptied.append(state_id)
                continue
            if state_id not in figures:
                continue
            expected = count * recognise.get(state_id, 1.0)  # each count is `stochastic_round`, inlined
            recognised = 0
            if expected > 0.0:
                recognised = floor(expected)
                if draw() < expected - recognised:
                    recognised += 1
            missed = count - recognised
            if missed <= 0:
                continue
            caught[state_id] = recognised
            if recognised <= 0:
                emptied.append(state_id)
            mine = figures[state_id]
            mine.detected_in_transit -= missed
            network = state.networks[network_id]
            deported = missed - _released(state, figures, network, tally, state_id, missed, rng)
            if deported <= 0:
                continue
            mine.victims_deported += deported
            deported_here += deported
            taken = 0
            if network.active:
                expected = deported * retrafficking
                if expected > 0.0:
                    taken = floor(expected)
                    if draw() < expected - taken:
                        taken += 1
            network.retrafficked += taken
            mine.retrafficked += taken
            if losses is None:
                losses = _losses(tally.routes)
            _send_home(state, losses, deported - taken)
        if deported_here:
            for state_id in emptied:
                del caught[state_id]


def _released(state: GameState, figures: dict[str, StateFigures], network: NetworkRecord, tally: NetworkTally,
              state_id: str, missed: int, rng: random.Random) -> int:
    """Of the victims a state stopped in transit and did not recognise, those it cannot deport: the
    citizens of another state of its open-border area or free-movement group (a Romanian stopped in
    Germany, `World.deportable`; its own it sends home, as before), by
    the share of the people the network lost on routes from such origins through it. They are let go,
    and the network takes them on to where it was taking them (rules 16: Germany deported 540
    victims in a europe game, EU citizens on the Romanian and Hungarian routes, as irregular
    migrants)."""
    world = state.world
    citizens = world.not_deported.get(state_id)
    if not citizens:  # it deports every victim it stops (every state of most maps): nothing to release
        return 0
    free: list[tuple[RouteTally, float]] = []
    lost = 0.0
    for route in tally.routes.values():
        if route.detected <= 0 or state_id not in world.states_on(route.path):
            continue
        lost += route.detected
        if world.controller[route.path[0]] in citizens:
            free.append((route, float(route.detected)))
    if not free or lost <= 0:
        return 0
    share = add_up(weight for _, weight in free) / lost
    released = min(missed, stochastic_round(missed * share, rng))
    left, total = released, add_up(weight for _, weight in free)
    for index, (route, weight) in enumerate(free):
        people = min(route.detected, left if index == len(free) - 1 else min(left, int(released * weight / total)))
        if people <= 0:
            continue
        left -= people
        route.detected -= people  # not lost in transit after all: they go on with the network
        route.arrived += people
        destination = route.path[-1]
        held = network.stock.setdefault(destination, {})
        held[route.form] = held.get(route.form, 0) + people
        owner = world.controller[destination]
        if owner is not None and owner in figures:
            figures[owner].arrived += people
    return released - left


def _losses(routes: dict[str, RouteTally]) -> tuple[list[tuple[str, int]], float]:
    """The origin and the people lost in transit of each of a network's routes that lost any, and
    their total: screening changes neither, so each network's are found once."""
    lost: list[tuple[str, int]] = []
    total: float = 0  # `add_up` of the people as floats, as a loop (it starts from the int 0 too)
    for tally in routes.values():
        if tally.detected > 0 and tally.path:
            lost.append((tally.path[0], tally.detected))
            total += float(tally.detected)
    return lost, total


def _send_home(state: GameState, losses: tuple[list[tuple[str, int]], float], people: int) -> None:
    """`people` returned to the origins of the routes that lost people in transit (`_losses`), pro rata."""
    if people <= 0:
        return
    lost, total = losses
    if total <= 0:
        return
    for origin, detected in lost:
        state.regions[origin].returned += people * detected / total


def recruit_returned(state: GameState, rng: random.Random, figures: dict[str, StateFigures]) -> None:
    """The returned are recruited first: in each region, `returned_recruitment` of its returned go to
    the networks whose routes start there (pro rata to those routes' last flows, as people the
    network takes again, on top of its own recruitment; counted in the region's state as
    `recruited_returned`); then `returned_settle` of the rest settle."""
    params = state.world.params
    starts: dict[str, list[tuple[NetworkRecord, int]]] = {}
    for network in state.networks.values():
        if not network.active:
            continue
        for route in network.routes:
            origin = route.path[0]
            fed = starts.get(origin)
            if fed is None:
                starts[origin] = [(network, route.flow)]
            else:
                fed.append((network, route.flow))
    recruitment = params.returned_recruitment
    floor, draw = math.floor, rng.random
    regions = state.regions
    for region_id in sorted(regions):
        region = regions[region_id]
        if region.returned <= 0.0:
            continue
        if region.population <= 0.0:  # an emptied region (an exodus): nobody is sent back there to stay
            region.returned = 0.0
            continue
        taken_total = 0
        fed = starts.get(region_id)
        if fed:
            flows: float = 0  # `add_up` of the flows as floats, as a loop (it starts from the int 0 too)
            for _, flow in fed:
                flows += float(flow)
            for network, flow in fed:
                share = flow / flows if flows > 0 else 1.0 / len(fed)
                expected = region.returned * recruitment * share  # `stochastic_round`, inlined
                taken = 0
                if expected > 0.0:
                    taken = floor(expected)
                    if draw() < expected - taken:
                        taken += 1
                network.retrafficked += taken
                taken_total += taken
            owner = state.world.controller[region_id]
            if owner in figures:
                figures[owner].recruited_returned += taken_total
        left = max(0.0, region.returned - taken_total) * (1.0 - params.returned_settle)
        region.returned = left if left >= 0.5 else 0.0


def channel(state: GameState, since: int) -> float:
    """0 to 1: how far a labour MoU's regular channel is built, for members since round `since`.
    Recruitment agencies licensed, quotas agreed, workers' documents issued: the channel carries its
    full share after `pathway_rounds` rounds of payment (Thailand's MoUs of 2002-2003 sent their
    first workers years later), and one in force before the game (`since` < 1) is built already.
    Paid from the round after signature, it carries a `pathway_rounds`-th more each round: a
    signature and a round's payment no longer moved a fifth of a corridor to regular travel."""
    if since < 1:
        return 1.0
    rounds = state.world.params.pathway_rounds
    paid = state.round - since
    return 1.0 if rounds <= 0 else max(0.0, min(1.0, paid / rounds))
