"""The fixed part of a game, derived once from its scenario: the map, the catalogues, the constants.

Nothing here changes during play, so a state refers to it instead of copying it every round.
"""

import hashlib

from game.model.catalogue import AgreementSpec, LawSpec
from game.model.parameters import Parameters
from game.model.scenario import Organization, Region, Scenario
from game.model.scenario import State as StateSpec
from game.model.vocabulary import BUILTIN_FORMS


class World:
    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self._scenario_hash: str | None = None
        """`scenario_hash`, once asked."""
        self.params: Parameters = scenario.parameters
        self.laws: dict[str, LawSpec] = scenario.law_catalogue()
        self.agreements: dict[str, AgreementSpec] = scenario.agreement_catalogue()
        self.region_specs: dict[str, Region] = {r.id: r for r in scenario.regions}
        self.state_specs: dict[str, StateSpec] = {s.id: s for s in scenario.states}
        self.state_ids: list[str] = sorted(self.state_specs)
        self.org_specs: dict[str, Organization] = {o.id: o for o in scenario.organizations}
        self.org_ids: list[str] = sorted(self.org_specs)
        self.region_ids: list[str] = sorted(self.region_specs)
        self.controller: dict[str, str | None] = {r.id: r.controlled_by for r in scenario.regions}
        neighbours: dict[str, set[str]] = {r.id: set() for r in scenario.regions}
        for region in scenario.regions:
            for other in region.neighbours:
                if other in neighbours:
                    neighbours[region.id].add(other)
                    neighbours[other].add(region.id)
        self.neighbours: dict[str, list[str]] = {k: sorted(v) for k, v in neighbours.items()}
        self.forms: list[str] = sorted({f for r in scenario.regions for f in r.demand} | set(BUILTIN_FORMS))
        self.law_rules: dict[str, str] = {law_id: spec.rule for law_id, spec in self.laws.items()}
        following: dict[str, set[str]] = {}
        for law_id, rule in self.law_rules.items():
            following.setdefault(rule, set()).add(law_id)
        self.laws_following: dict[str, frozenset[str]] = {
            rule: frozenset(ids | ({rule} if rule not in self.law_rules else set())) for rule, ids in following.items()
        }
        """Rule -> the laws that follow it (the built-in law and those `based_on` it): `holds` asks this
        once a record, many times a round."""
        self.agreement_rules: dict[str, str] = {kind: spec.rule for kind, spec in self.agreements.items()}
        params = self.params
        profits = {"sexual": params.profit_sexual, "criminality": params.profit_criminality,
                   "marriage": params.profit_marriage}
        detectabilities = {
            "sexual": params.form_detectability_sexual, "criminality": params.form_detectability_criminality,
            "marriage": params.form_detectability_marriage,
        }
        self.profits: dict[str, float] = {form: profits.get(form, params.profit_labour) for form in self.forms}
        """Form -> `profit`, for every form of the map (the built-in forms among them), read a few dozen
        times a round; any other form takes labour's."""
        self.detectabilities: dict[str, float] = {
            form: detectabilities.get(form, params.form_detectability_labour) for form in self.forms
        }
        """Form -> `detectability`, likewise: read, never changed, by every round's `detection.Detector`
        and exploitation."""
        self.territory: dict[str, list[str]] = {s: [] for s in self.state_ids}
        for region_id in self.region_ids:
            owner = self.controller[region_id]
            if owner in self.territory:
                self.territory[owner].append(region_id)
        self._path_states: dict[tuple[str, ...], frozenset[str]] = {}
        self._path_legs: dict[tuple[str, ...], tuple[str | None, ...]] = {}
        self.open_area: dict[str, int] = {
            state_id: number for number, group in enumerate(scenario.open_borders) for state_id in group
        }
        """State -> its open-border group (`Scenario.open_borders`): crossings inside one are not checked."""
        self.free_area: dict[str, int] = {
            state_id: number for number, group in enumerate(scenario.free_movement) for state_id in group
        }
        """State -> its free-movement group (`Scenario.free_movement`): its citizens are not deported there."""
        mates: dict[str, set[str]] = {}
        for group in [*scenario.open_borders, *scenario.free_movement]:
            for state_id in group:
                mates.setdefault(state_id, set()).update(group)
        self.not_deported: dict[str, frozenset[str]] = {
            state_id: frozenset(o for o in mates.get(state_id, ())
                                if o != state_id and not self.deportable(o, state_id))
            for state_id in self.state_ids
        }
        """State -> the other states whose citizens it cannot deport (`deportable`: only states of one of
        its groups can be such): empty for every state of a map without open borders or free movement,
        where `migration._released` then has nothing to do."""
        self.migrant_ratios, self.origin_migrant_ratios = _migrant_ratios(scenario)
        self._victim_shares: dict[tuple[str, str], tuple[float, float]] = {}
        for network in scenario.networks:
            for route in network.routes:
                if route.children is not None or route.female is not None:
                    self._victim_shares.setdefault((route.path[0], route.path[-1]), (
                        self.params.share_children if route.children is None else route.children,
                        self.params.share_female if route.female is None else route.female))
        """(origin, destination) and origin -> migrants who are not trafficked per person trafficked on
        the scenario's corridors (`Route.migrants`); `migrant_ratio` reads them."""

    def checked_border(self, one: str | None, other: str | None) -> bool:
        """Whether moving between regions held by `one` and `other` crosses a checked border: they
        differ, and are not two states of one open-border area."""
        if one == other:
            return False
        area = self.open_area
        return one is None or other is None or one not in area or area.get(other) != area[one]

    def checked_for(self, traveller: str | None, one: str | None, other: str | None) -> bool:
        """Whether a citizen of `traveller` (the state holding where a route begins) is screened
        crossing between regions held by `one` and `other`: a checked border (`checked_border`),
        unless all three are of one free-movement group, where a citizen shows an identity card
        at a minimum check and is waved through (Romanians at the Hungarian border before 2025):
        border guards there had no ground to question an EU worker, and the victims they found
        were a small part of those identified."""
        if not self.checked_border(one, other):
            return False
        area = self.free_area
        group = area.get(traveller) if traveller is not None else None
        return (group is None or one is None or other is None
                or area.get(one) != group or area.get(other) != group)

    def state_name(self, state_id: str) -> str:
        """A state's name as the scenario gives it (its id if it has none): what teams read in news
        and refusals, where ids read as code."""
        spec = self.state_specs.get(state_id)
        return spec.name if spec is not None else state_id

    def deportable(self, origin: str | None, state_id: str) -> bool:
        """Whether a victim from `origin` (the state holding where the route began) whom `state_id`
        stops and does not recognise can be deported: not its own citizens, nor those of a state of
        its open-border area or free-movement group."""
        if not self.checked_border(origin, state_id):
            return False
        area = self.free_area
        return origin is None or origin not in area or area.get(state_id) != area[origin]

    def states_on(self, path: list[str]) -> frozenset[str]:
        """The states whose regions a path crosses: fixed by the map, asked of every route every
        round, so kept once per path."""
        key = tuple(path)
        found = self._path_states.get(key)
        if found is None:
            controller = self.controller
            found = self._path_states[key] = frozenset(s for r in path if (s := controller[r]) is not None)
        return found

    def leg_owners(self, path: tuple[str, ...]) -> tuple[str | None, ...]:
        """Who holds each leg of a path, the regions entered after the origin (a path within one
        region is one leg): where a network moving people pays bribes (`network_money.cost_per_person`).
        Fixed by the map and asked of every route every round, so kept once per path."""
        found = self._path_legs.get(path)
        if found is None:
            controller = self.controller
            found = self._path_legs[path] = tuple(controller[r] for r in (path[1:] if len(path) > 1 else path))
        return found

    @property
    def scenario_hash(self) -> str:
        """Of everything that plays: a region's map `position` only draws it, so a scenario given
        positions plays, and hashes, as it did without them. Computed when first asked and kept in an
        attribute `__init__` sets, not by `functools.cached_property`: an attribute added to a `World`
        after `__init__` made every attribute read of it (the engine's `world.controller`,
        `world.params`, a few thousand a round) several times slower under CPython 3.11."""
        found = self._scenario_hash
        if found is None:
            played = self.scenario.model_dump_json(exclude={"regions": {"__all__": {"position"}}})
            found = self._scenario_hash = hashlib.sha256(played.encode()).hexdigest()
        return found

    def law_rule(self, law_id: str) -> str:
        """The built-in law whose rule `law_id` follows (itself, or what it is based on)."""
        return self.law_rules.get(law_id, law_id)

    def migrant_ratio(self, origin: str, destination: str) -> float:
        """Migrants who are not trafficked per person trafficked on a corridor: the scenario's figure for
        that corridor, else for corridors from that origin, else the parameter `migrants_per_victim`."""
        found = self.migrant_ratios.get((origin, destination))
        if found is None:
            found = self.origin_migrant_ratios.get(origin, self.params.migrants_per_victim)
        return found

    def victim_shares(self, origin: str, destination: str) -> tuple[float, float]:
        """(children, women and girls) shares of the victims on a corridor: the scenario's, else the parameters'."""
        found = self._victim_shares.get((origin, destination))
        return found if found is not None else (self.params.share_children, self.params.share_female)

    def profit(self, form: str) -> float:
        return self.profits.get(form, self.params.profit_labour)

    def detectability(self, form: str) -> float:
        return self.detectabilities.get(form, self.params.form_detectability_labour)



def _migrant_ratios(scenario: Scenario) -> tuple[dict[tuple[str, str], float], dict[str, float]]:
    """The scenario's migrants per person trafficked, by corridor and by origin (people summed over its
    routes): only routes that give `migrants` count, so a scenario without them takes the parameter."""
    corridors: dict[tuple[str, str], tuple[float, float]] = {}
    origins: dict[str, tuple[float, float]] = {}
    for network in scenario.networks:
        for route in network.routes:
            if route.migrants is None or route.flow <= 0:
                continue
            corridor, origin = (route.path[0], route.path[-1]), route.path[0]
            migrants, flow = corridors.get(corridor, (0.0, 0.0))
            corridors[corridor] = (migrants + route.migrants, flow + route.flow)
            migrants, flow = origins.get(origin, (0.0, 0.0))
            origins[origin] = (migrants + route.migrants, flow + route.flow)
    return ({key: m / f for key, (m, f) in corridors.items()}, {key: m / f for key, (m, f) in origins.items()})
