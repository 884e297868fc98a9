"""Movement along a route, and detection region by region (RULES.md 5.4).

`p = 1 - exp(-(b0 + b_border*border + b_enf*enforcement + b_info*shared) * (1 - C) * m_form)`,
with the online share meeting `cyber` where the physical share meets `border`.
"""

import math
import random
from dataclasses import dataclass, field

from game.engine.diplomacy.effects import SHARED_INFORMATION_CAP, sharing_partners
from game.engine.laws import holds
from game.engine.organizations.effects import effective
from game.engine.rng import stochastic_round
from game.model.state import GameState, NetworkRecord, RouteRecord
from game.model.world import World

ROUTE_MARGIN = 1.25


@dataclass(slots=True, frozen=True)
class Screening:
    """One state's detection terms, fixed for the phases between orders and the next orders."""

    base: float
    border: float
    cyber: float
    own_information: float
    partners: frozenset[str]
    clean: float
    """1 - corruption: the share of every enforcement effect that is not bought off."""


class Detector:
    """The detection hazards of a state of play, computed once per phase rather than per person."""

    def __init__(self, state: GameState) -> None:
        world = state.world
        params = world.params
        self.world = world
        self.shared = params.detect_shared
        self.per_partner = params.information_per_partner
        self.detectability = {form: world.detectability(form) for form in world.forms}
        self.screening: dict[str, Screening] = {}
        for state_id, record in state.states.items():
            caps = record.capacities
            border = params.detect_border * caps["border"]
            if holds(world, record, "border_security"):
                border *= params.border_security_multiplier
            cyber = params.detect_cyber * caps["cyber"]
            if holds(world, record, "online_platform_duties"):
                cyber *= params.platform_duties_multiplier
            self.screening[state_id] = Screening(
                base=params.detect_base + params.detect_enforcement * effective(state, state_id, "enforcement"),
                border=border, cyber=cyber, own_information=caps["intelligence"] / 20.0,
                partners=frozenset(sharing_partners(state, state_id)), clean=1.0 - record.corruption,
            )

    def hazard(self, region_id: str, *, crossing: bool, online: bool, form: str,
               route_states: frozenset[str] = frozenset()) -> float:
        """The detection hazard a person meets in one region; 0 where no state controls it.

        `route_states` are the states the route crosses: partners among them share information."""
        owner = self.world.controller[region_id]
        screening = self.screening.get(owner) if owner is not None else None
        if screening is None:
            return 0.0
        rate = screening.base + (screening.cyber if online else screening.border if crossing else 0.0)
        shared = len(screening.partners & route_states) if screening.partners else 0
        information = min(SHARED_INFORMATION_CAP, screening.own_information + self.per_partner * shared)
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


def move(detector: Detector, network: NetworkRecord, route: RouteRecord, recruited: int,
         rng: random.Random) -> Movement:
    world = detector.world
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
            rate = detector.hazard(region_id, crossing=crossing, online=which == 1, form=route.form,
                                   route_states=route_states)
            caught = min(parts[which], stochastic_round(parts[which] * (1.0 - math.exp(-rate)), rng))
            if caught:
                parts[which] -= caught
                result.detected += caught
                result.detected_by[owner] = result.detected_by.get(owner, 0) + caught
    result.arrived = parts[0] + parts[1]
    return result
