"""A scenario's parts that are well formed, even when the whole is not.

The cross-reference checks run on this, so that a type error in one region does not hide a bad
reference in another: every problem in the file is reported in one pass. Ids are taken from the raw
data, so a region with a wrong population is still a region that others may name.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from game.model.catalogue import BUILTIN_AGREEMENTS, BUILTIN_LAWS
from game.model.scenario import (
    AgreementInForce,
    AgreementOverride,
    Event,
    LawOverride,
    Network,
    Organization,
    Region,
    Scenario,
    State,
)
from game.model.summit import SummitSpec
from game.model.vocabulary import BUILTIN_FORMS

M = TypeVar("M", bound=BaseModel)
Indexed = list[tuple[int, M]]

SECTIONS = ("regions", "states", "organizations", "networks", "events", "laws", "agreements")


@dataclass
class Draft:
    rounds: int | None
    regions: Indexed[Region]
    states: Indexed[State]
    networks: Indexed[Network]
    events: Indexed[Event]
    laws: Indexed[LawOverride]
    agreements: Indexed[AgreementOverride]
    ids: dict[str, list[tuple[int, str]]]
    organizations: Indexed[Organization] = field(default_factory=list)
    """Per section, every `id` written as a string, with its index, in file order."""
    demand_forms: set[str] = field(default_factory=set)
    _known: dict[str, set[str]] = field(default_factory=dict, repr=False)
    broken_neighbours: dict[str, list[str]] = field(default_factory=dict)
    """The neighbours written in regions that are not well formed (a typo in another key), so that
    routes through them are not also reported as steps between strangers."""
    unchecked_neighbours: list[tuple[int, int, str]] = field(default_factory=list)
    """The same neighbours as (region index, position, id), so that an unknown one is reported with
    the region's other mistake: a teacher who fixed `vulnerability: 55` was then told of the
    `meridia-pas` two lines below, which the first run had not named."""
    open_borders: list[list[str]] = field(default_factory=list)
    """`open_borders` as written, where it is a list of lists of ids (else pydantic reports it)."""
    free_movement: list[list[str]] = field(default_factory=list)
    """`free_movement` as written, likewise."""
    in_force: Indexed[AgreementInForce] = field(default_factory=list)
    """Agreements in force at the start (`agreements_in_force`)."""
    summits: Indexed[SummitSpec] = field(default_factory=list)
    """Summits the scenario schedules (`summits`)."""
    start_year: int | None = None
    """The calendar year of round 1, where given: an event's `round: 2025` is then read as a year."""

    @classmethod
    def from_data(cls, data: dict[Any, Any]) -> "Draft":
        rounds = data.get("rounds")
        regions = _valid(data, "regions", Region.model_validate)
        return cls(
            rounds=rounds if isinstance(rounds, int) and not isinstance(rounds, bool) else None,
            regions=regions,
            states=_valid(data, "states", State.model_validate),
            networks=_valid(data, "networks", Network.model_validate),
            events=_valid(data, "events", Event.model_validate),
            laws=_valid(data, "laws", LawOverride.model_validate),
            agreements=_valid(data, "agreements", AgreementOverride.model_validate),
            organizations=_valid(data, "organizations", Organization.model_validate),
            ids={section: _raw_ids(data, section) for section in SECTIONS},
            demand_forms=_raw_forms(data),
            broken_neighbours=_broken_neighbours(data, {index for index, _ in regions}),
            unchecked_neighbours=_unchecked_neighbours(data, {index for index, _ in regions}),
            open_borders=_raw_groups(data.get("open_borders")),
            free_movement=_raw_groups(data.get("free_movement")),
            in_force=_valid(data, "agreements_in_force", AgreementInForce.model_validate),
            summits=_valid(data, "summits", SummitSpec.model_validate),
            start_year=_whole(data.get("start_year")),
        )

    @classmethod
    def from_scenario(cls, scenario: Scenario) -> "Draft":
        """The same view of a scenario that validated whole, without validating its parts again."""
        sections: dict[str, list[Any]] = {
            "regions": scenario.regions, "states": scenario.states, "networks": scenario.networks,
            "events": scenario.events, "laws": scenario.laws, "agreements": scenario.agreements,
            "organizations": scenario.organizations,
        }
        return cls(
            rounds=scenario.rounds,
            regions=list(enumerate(scenario.regions)),
            states=list(enumerate(scenario.states)),
            networks=list(enumerate(scenario.networks)),
            events=list(enumerate(scenario.events)),
            laws=list(enumerate(scenario.laws)),
            agreements=list(enumerate(scenario.agreements)),
            organizations=list(enumerate(scenario.organizations)),
            ids={name: [(index, item.id) for index, item in enumerate(items)] for name, items in sections.items()},
            demand_forms={form for region in scenario.regions for form in region.demand},
            open_borders=[list(group) for group in scenario.open_borders],
            free_movement=[list(group) for group in scenario.free_movement],
            in_force=list(enumerate(scenario.agreements_in_force)),
            summits=list(enumerate(scenario.summits)),
            start_year=scenario.start_year,
        )

    def known(self, section: str) -> set[str]:
        """The ids of a section; kept, since checks ask once an item (a file may hold thousands). A
        caller must not change the set it gets."""
        found = self._known.get(section)
        if found is None:
            found = self._known[section] = {item_id for _, item_id in self.ids[section]}
        return found

    @property
    def law_ids(self) -> set[str]:
        return set(BUILTIN_LAWS) | self.known("laws")

    @property
    def agreement_ids(self) -> set[str]:
        return set(BUILTIN_AGREEMENTS) | self.known("agreements")

    @property
    def forms(self) -> set[str]:
        return set(BUILTIN_FORMS) | self.demand_forms

    def region_map(self) -> dict[str, Region]:
        found: dict[str, Region] = {}
        for _, region in self.regions:
            found.setdefault(region.id, region)
        return found

    def adjacency(self) -> dict[str, set[str]]:
        """Neighbours both ways: a one-sided listing is a warning, and made symmetric on loading."""
        known = self.known("regions")
        links: dict[str, set[str]] = {region_id: set() for region_id in known}
        listed = [(region.id, region.neighbours) for _, region in self.regions]
        for region_id, neighbours in [*listed, *self.broken_neighbours.items()]:
            for other in neighbours:
                if other in known and other != region_id:
                    links[region_id].add(other)
                    links[other].add(region_id)
        return links

    def law_prerequisites(self) -> dict[str, list[str]]:
        """Each law's prerequisites after the scenario's overrides."""
        found = {law_id: list(spec.prerequisites) for law_id, spec in BUILTIN_LAWS.items()}
        for _, entry in self.laws:
            base = BUILTIN_LAWS.get(entry.id) or BUILTIN_LAWS.get(entry.based_on or "")
            inherited = list(base.prerequisites) if base is not None else []
            found[entry.id] = list(entry.prerequisites) if entry.prerequisites is not None else inherited
        return found


def _items(data: dict[Any, Any], section: str) -> list[Any]:
    items = data.get(section)
    return items if isinstance(items, list) else []


def _valid(data: dict[Any, Any], section: str, validate: Callable[[Any], M]) -> Indexed[M]:
    valid: Indexed[M] = []
    for index, item in enumerate(_items(data, section)):
        try:
            valid.append((index, validate(item)))
        except ValidationError:
            continue  # reported by the validation of the whole
    return valid


def _raw_ids(data: dict[Any, Any], section: str) -> list[tuple[int, str]]:
    return [
        (index, item["id"])
        for index, item in enumerate(_items(data, section))
        if isinstance(item, dict) and isinstance(item.get("id"), str)
    ]


def _broken_neighbours(data: dict[Any, Any], valid: set[int]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for index, region in enumerate(_items(data, "regions")):
        if index in valid or not isinstance(region, dict) or not isinstance(region.get("id"), str):
            continue
        neighbours = region.get("neighbours")
        if isinstance(neighbours, list):
            found[region["id"]] = [other for other in neighbours if isinstance(other, str)]
    return found


def _unchecked_neighbours(data: dict[Any, Any], valid: set[int]) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    for index, region in enumerate(_items(data, "regions")):
        if index in valid or not isinstance(region, dict):
            continue
        neighbours = region.get("neighbours")
        if isinstance(neighbours, list):
            found += [(index, position, other) for position, other in enumerate(neighbours) if isinstance(other, str)]
    return found


def _raw_forms(data: dict[Any, Any]) -> set[str]:
    forms: set[str] = set()
    for region in _items(data, "regions"):
        demand = region.get("demand") if isinstance(region, dict) else None
        if isinstance(demand, dict):
            forms.update(key for key in demand if isinstance(key, str))
    return forms


def _raw_groups(value: Any) -> list[list[str]]:
    if not isinstance(value, list):
        return []
    return [[item if isinstance(item, str) else "" for item in group] if isinstance(group, list) else []
            for group in value]


def _whole(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None
