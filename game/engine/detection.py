"""Movement along a route, and detection region by region (model card 5.4).

`p = 1 - exp(-(b0 + b_border*border + b_enf*enforcement + b_info*shared) * (1 - C) * m_form)`,
with the online share meeting `cyber` where the physical share meets `border`.
"""

import math
import random
from dataclasses import dataclass
from typing import Any
from weakref import WeakKeyDictionary

from game.engine.diplomacy import sharing
from game.engine.diplomacy.effects import SHARED_INFORMATION_CAP
from game.engine.laws import holds
from game.engine.organizations.effects import effective
from game.model.report import StateFigures
from game.model.state import GameState, NetworkRecord, RouteRecord
from game.model.world import World

ROUTE_MARGIN = 1.25
_NOBODY: frozenset[str] = frozenset()


@dataclass(slots=True, frozen=True)
class Geometry:
    """A path as the map makes it, whatever the state of play: computed once per world and path."""

    steps: tuple[tuple[str, bool, tuple[str, int, int]], ...]
    """The path's passages through the states that control it, in order: each run of consecutive
    controlled regions of one owner (uncontrolled regions between them hold no checks) as
    (owner, enters, (owner, regions, crossings)): `enters` for the first region of a state other than
    the origin's, then the passage's number of regions and how many of them are checked crossings
    (`crossing_at`); the triple is the passage's key in `Detector.chances`. A passage meets its
    regions' hazards summed, in one draw rather than one a region (rules 9): a chance is
    `1 - exp(-hazard)`, so the people it catches are those the regions in turn would catch, in
    expectation."""
    states: frozenset[str]
    """The states the path crosses: partners among them share information."""
    crossings: tuple[str, ...]
    """The owners of the path's regions that are checked crossings, in order: where smuggled
    migrants meet the border (`migration.cross`)."""


_GEOMETRY: "WeakKeyDictionary[World, dict[tuple[str, ...], Geometry]]" = WeakKeyDictionary()


def _geometry(world: World, path: list[str]) -> Geometry:
    controller = world.controller
    origin = controller[path[0]]
    passages: list[list[Any]] = []  # [owner, enters, regions, crossings]
    crossings: list[str] = []
    seen: set[str] = set()
    for index, region_id in enumerate(path):
        owner = controller[region_id]
        if owner is None:
            continue
        crossing = crossing_at(world, path, index)
        if crossing:
            crossings.append(owner)
        if passages and passages[-1][0] == owner:
            passages[-1][2] += 1
            passages[-1][3] += crossing
            continue
        enters = owner != origin and owner not in seen
        if enters:
            seen.add(owner)
        passages.append([owner, enters, 1, int(crossing)])
    steps = tuple((owner, enters, (owner, regions, checked)) for owner, enters, regions, checked in passages)
    return Geometry(steps, world.states_on(path), tuple(crossings))


@dataclass(slots=True)
class Screening:
    """One state's detection terms, fixed for the phases between orders and the next orders (not a
    frozen dataclass only because those are slower to build, a dozen times a round)."""

    base: float
    border: float
    cyber: float
    own_information: float
    partners: frozenset[str]
    """The partners sharing with this state this round."""
    shared: dict[str, float]
    """Partner -> what it shares (`sharing.weights` x `information_per_partner`)."""
    acts: float
    """0 to 1: how much of what it is told this state can act on (`sharing.reach`)."""
    clean: float
    """1 - corruption: the share of every enforcement effect that is not bought off."""


class Detector:
    """The detection hazards of a state of play, computed once per phase rather than per person."""

    def __init__(self, state: GameState, shared: dict[str, dict[str, float]] | None = None) -> None:
        """`shared`: `sharing.weights(state)` when the caller has it already (a round computes it
        once, since nothing between `sharing.build` and the round's end changes it)."""
        world = state.world
        params = world.params
        self.world = world
        paths = _GEOMETRY.get(world)
        self._paths = paths if paths is not None else _GEOMETRY.setdefault(world, {})
        self._chances: dict[str, dict[tuple[str, int, int], tuple[float, float]]] = {}
        self._informed: dict[tuple[str, frozenset[str]], float] = {}
        """(owner, its partners on a route) -> the information it brings to bear there, whatever the
        crossing and form: routes through the same states ask for it again."""
        self._steps: dict[str, dict[tuple[str, bool], float]] = {}
        self._routed: dict[tuple[str, frozenset[str]], dict[tuple[str, int, int], tuple[float, float]]] = {}
        self.shared = params.detect_shared
        self.detectability = world.detectabilities
        self.screening: dict[str, Screening] = {}
        if shared is None:
            shared = sharing.weights(state)
        per_partner = params.information_per_partner
        base, enforcement = params.detect_base, params.detect_enforcement
        detect_border, detect_cyber = params.detect_border, params.detect_cyber
        for state_id, record in state.states.items():
            caps = record.capacities
            border = detect_border * caps["border"]
            if holds(world, record, "border_security"):
                border *= params.border_security_multiplier
            cyber = detect_cyber * caps["cyber"]
            if holds(world, record, "online_platform_duties"):
                cyber *= params.platform_duties_multiplier
            mine = shared.get(state_id)
            scaled: dict[str, float] = {}  # what each partner shares (a loop: a comprehension costs more to set up)
            if mine:
                for partner, weight in mine.items():
                    scaled[partner] = weight * per_partner
            self.screening[state_id] = Screening(
                base + enforcement * effective(state, state_id, "enforcement"), border, cyber,
                caps["intelligence"] / 20.0, frozenset(mine) if mine else _NOBODY, scaled,
                sharing.reach(state, state_id) if mine else 0.0, 1.0 - record.corruption,
            )

    def geometry(self, path: list[str]) -> Geometry:
        key = tuple(path)
        found = self._paths.get(key)
        if found is None:
            found = self._paths[key] = _geometry(self.world, path)
        return found

    def step_costs(self, form: str) -> dict[tuple[str, bool], float]:
        """This phase's table of path-finding step costs for one form (see `adaptation`), filled as
        searches ask: many searches of a phase cross the same regions."""
        table = self._steps.get(form)
        if table is None:
            table = self._steps[form] = {}
        return table

    def chances(self, form: str) -> dict[tuple[str, int, int], tuple[float, float]]:
        """This phase's chances of detection for one form by passage (owner, regions, crossings:
        `Geometry.steps`), for the owners whose
        chance is the same on every route (those with no partner to share information with), filled
        by `chance_at` as routes ask."""
        table = self._chances.get(form)
        if table is None:
            table = self._chances[form] = {}
        return table

    def routed_chances(self, form: str, crossed: frozenset[str]) -> dict[tuple[str, int, int], tuple[float, float]]:
        """This phase's `chance_at` for one form on routes crossing the states `crossed`, by step key,
        filled by `move` as routes ask: in a table where every state shares information, routes
        through the same states meet the same chances. One table per (form, states) rather than a
        key per step: a step then asks one dict with its own key, building no tuple."""
        table = self._routed.get((form, crossed))
        if table is None:
            table = self._routed[form, crossed] = {}
        return table

    def chance_at(self, key: tuple[str, int, int], route_states: frozenset[str], form: str) -> tuple[float, float]:
        """The chance that a person is detected on a passage (owner, regions, crossings: a run of
        `regions` consecutive regions of one owner, `crossings` of them checked crossings) of a route
        crossing `route_states`, physically recruited and online: the regions' hazards (`hazard`'s
        terms) summed, `1 - exp(-sum)`. `move` keeps it per (form, route states) for the phase
        (`routed_chances`); kept here as well in `chances(form)` when it is the same on every route
        (the owner has no partner to share information with), and the information an owner brings
        to bear by its partners on the route (`_informed`). Where no state screens, the chance is nil
        (no draw). Called once per passage of nearly every route a round: kept short."""
        owner, regions, crossings = key
        screening = self.screening.get(owner)
        if screening is None:
            found = self.chances(form)[key] = (0.0, 0.0)
            return found
        partners = screening.partners
        if partners:
            on = partners & route_states
            information = self._informed.get((owner, on))
            if information is None:  # `_from_partners`, without its call
                told = sharing.information(screening.shared, on, SHARED_INFORMATION_CAP, screening.acts) if on else 0.0
                information = self._informed[owner, on] = min(SHARED_INFORMATION_CAP, screening.own_information + told)
        else:  # the same on every route: kept once for the phase, whichever route's table asks
            kept = self.chances(form).get(key)
            if kept is not None:
                return kept
            information = min(SHARED_INFORMATION_CAP,
                              screening.own_information + self._from_partners(screening, _NOBODY))
        detectability = self.detectability.get(form)
        if detectability is None:
            detectability = self.world.detectability(form)
        each = screening.base + self.shared * information  # what every region of the passage meets
        physical = regions * each + crossings * screening.border
        online = regions * (each + screening.cyber)
        scale = screening.clean * detectability
        found = (1.0 - math.exp(-(physical * scale)), 1.0 - math.exp(-(online * scale)))
        if not partners:
            self.chances(form)[key] = found
        return found

    @staticmethod
    def _from_partners(screening: Screening, on: frozenset[str]) -> float:
        """What the partners among `on` (the states a route crosses) tell the screening state."""
        if not on:
            return 0.0
        return sharing.information(screening.shared, on, SHARED_INFORMATION_CAP, screening.acts)

    def hazard(self, region_id: str, *, crossing: bool, online: bool, form: str,
               route_states: frozenset[str] = frozenset()) -> float:
        """The detection hazard a person meets in one region; 0 where no state controls it.

        `route_states` are the states the route crosses: partners among them share information."""
        owner = self.world.controller[region_id]
        screening = self.screening.get(owner) if owner is not None else None
        if screening is None:
            return 0.0
        rate = screening.base + (screening.cyber if online else screening.border if crossing else 0.0)
        on = screening.partners & route_states if screening.partners else _NOBODY
        information = min(SHARED_INFORMATION_CAP, screening.own_information + self._from_partners(screening, on))
        rate += self.shared * information
        detectability = self.detectability.get(form)
        if detectability is None:
            detectability = self.world.detectability(form)
        return rate * screening.clean * detectability

    def path_loss(self, path: list[str], form: str, tau: float = 0.0) -> float:
        """The share of people a network expects to lose in transit on a path, from public figures,
        with `tau` of them recruited online (meeting cyber instead of border checks)."""
        total = 0.0
        for index, region_id in enumerate(path):
            crossing = crossing_at(self.world, path, index)
            physical = self.hazard(region_id, crossing=crossing, online=False, form=form)
            online = self.hazard(region_id, crossing=crossing, online=True, form=form) if tau > 0 else 0.0
            total += (1.0 - tau) * physical + tau * online
        return 1.0 - math.exp(-total)


def hazard(
    state: GameState, region_id: str, *, crossing: bool, online: bool, form: str,
    route_states: frozenset[str] = frozenset(),
) -> float:
    """`Detector.hazard` for a single question; a phase asking many builds one `Detector`."""
    return Detector(state).hazard(region_id, crossing=crossing, online=online, form=form, route_states=route_states)


def route_tolerance(detector: Detector, network_tolerance: float, path: list[str], form: str, tau: float) -> float:
    """The loss a network accepts on a route: its tolerance, or what the route cost when it was
    opened if that was more (with a margin), since a network keeps a route whose risks it knew.
    A route is given up when pressure makes it riskier than it was, which is what players cause."""
    return max(network_tolerance, ROUTE_MARGIN * detector.path_loss(path, form, tau))


def crossing_at(world: World, path: list[str], index: int) -> bool:
    """A border crossing: the region is entered from, or left for, a region held by someone else,
    unless both are states of one open-border area, or the traveller (a citizen of the state where
    the path begins) crosses inside its own free-movement group (`World.checked_for`).

    Both sides check a crossing: the state left (exit screening) and the state entered."""
    controller = world.controller
    here = controller[path[index]]
    traveller = controller[path[0]]
    entered = index > 0 and world.checked_for(traveller, controller[path[index - 1]], here)
    left = index < len(path) - 1 and world.checked_for(traveller, controller[path[index + 1]], here)
    return entered or left


def move(detector: Detector, network: NetworkRecord, route: RouteRecord, recruited: int, rng: random.Random,
         figures: dict[str, StateFigures], identified_by: dict[str, int]) -> tuple[int, int]:
    """People moved along the route region by region, the physical and the online share each
    meeting that region's hazard: (detected, arrived). Each state's `figures` count the people who
    entered its territory from outside it and those it detected, as does the network's
    `identified_by`. The hot loop of a round: on the route's geometry, computed once per map, one
    draw a passage through a state (`Geometry.steps`), with each passage's chance of detection
    computed once per phase.

    Every draw is `stochastic_round` inlined (no draw for nobody). A share caught in a region needs
    no cap at the people there: a chance is 1 - exp(-x) <= 1, so the expected catch is at most the
    people and its floor is all of them only when the expectation is exactly that (nothing left to
    draw for)."""
    floor, draw = math.floor, rng.random
    expected = recruited * network.tau
    if expected <= 0.0:
        online = 0
    else:
        online = floor(expected)
        if draw() < expected - online:
            online += 1
        if online > recruited:
            online = recruited
    physical = recruited - online
    geometry = detector.geometry(route.path)
    form = route.form
    crossed = geometry.states
    chances = detector.chances(form)  # owners with no partner: the same on every route
    routed = detector.routed_chances(form, crossed)
    detected = 0
    for owner, enters, key in geometry.steps:
        if enters:
            figures[owner].inflow += physical + online
        chance = chances.get(key)
        if chance is None:
            chance = routed.get(key)
            if chance is None:
                chance = routed[key] = detector.chance_at(key, crossed, form)
        physical_chance, online_chance = chance
        # the physical share meets the passage's checks, then the online share
        caught_here = 0
        if physical:
            expected = physical * physical_chance
            if expected > 0.0:
                caught_here = floor(expected)
                if draw() < expected - caught_here:
                    caught_here += 1
                physical -= caught_here
        if online:
            expected = online * online_chance
            if expected > 0.0:
                caught = floor(expected)
                if draw() < expected - caught:
                    caught += 1
                online -= caught
                caught_here += caught
        if caught_here:
            detected += caught_here
            figures[owner].detected_in_transit += caught_here
            identified_by[owner] = identified_by.get(owner, 0) + caught_here
    return detected, physical + online
