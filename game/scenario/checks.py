"""Checks that need the whole scenario: unique ids, references, paths between neighbours.

pydantic checks each value's type and range; these checks are about how the parts fit together, and
run on the parts that are well formed (`Draft`), so one broken region does not hide other problems.
Forms: a route's form must be a built-in form (sexual, labour, criminality) or one that some region
has demand for; any other is an error, since it is almost surely a typo. A built-in form that the
destination has no demand for is only a lint warning (the route is legal but recruits nobody).
"""

import math
from collections.abc import Iterator
from typing import Any

from game.model.scenario import AdoptLaw, ReduceVictims, SignAgreement
from game.model.vocabulary import BUILTIN_FORMS
from game.scenario.check_catalogue import check_catalogue
from game.scenario.check_events import check_events
from game.scenario.check_history import check_history
from game.scenario.check_organizations import check_organizations
from game.scenario.check_summits import check_summits
from game.scenario.draft import SECTIONS, Draft
from game.scenario.hints import reference_hint
from game.scenario.problems import DataPath
from game.scenario.reporter import Reporter
from game.scenario.suggest import closest, did_you_mean

_SECTION_NOUN = {
    "regions": "region", "states": "state", "networks": "network", "events": "event",
    "laws": "law", "agreements": "agreement", "organizations": "organization",
}


def check_draft(draft: Draft, report: Reporter) -> None:
    check_unique_ids(draft, report)
    check_regions(draft, report)
    check_states(draft, report)
    check_open_borders(draft, report)
    check_organizations(draft, report)
    check_networks(draft, report)
    check_events(draft, report)
    check_catalogue(draft, report)
    check_history(draft, report)
    check_summits(draft, report)


def non_finite_numbers(data: Any) -> Iterator[DataPath]:
    """Paths of `.inf` and `.nan` values: YAML allows them, no figure of the game does."""
    if not _any_non_finite(data):  # the common case, without building a path for every value
        return
    stack: list[tuple[DataPath, Any]] = [((), data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, dict):
            stack.extend(((*path, key), item) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend(((*path, index), item) for index, item in enumerate(value))
        elif isinstance(value, float) and not math.isfinite(value):
            yield path


def _any_non_finite(data: Any) -> bool:
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
        elif isinstance(value, float) and not math.isfinite(value):
            return True
    return False


def check_unique_ids(draft: Draft, report: Reporter) -> None:
    for section in SECTIONS:
        first: dict[str, int] = {}
        for index, item_id in draft.ids[section]:
            if item_id in first:
                line = report.line((section, first[item_id], "id"))
                report.error((section, index, "id"),
                             f"duplicate {_SECTION_NOUN[section]} id '{item_id}' (first given at line {line})")
            else:
                first[item_id] = index


def check_regions(draft: Draft, report: Reporter) -> None:
    region_ids = draft.known("regions")
    state_ids = draft.known("states")
    by_id = draft.region_map()
    # a region that lists 'cty' meant 'city': no one-sided-listing warning on 'city' for that typo
    meant = {
        region.id: {closest(other, region_ids) for other in region.neighbours if other not in region_ids}
        for _, region in draft.regions
    }
    for index, region in draft.regions:
        here = ("regions", index)
        seen: set[str] = set()
        for position, other in enumerate(region.neighbours):
            at = (*here, "neighbours", position)
            if other == region.id:
                report.error(at, f"region '{other}' cannot be its own neighbour")
            elif other not in region_ids:
                report.error(at, f"unknown region '{other}'{did_you_mean(other, region_ids - {region.id})}")
            elif other in seen:
                report.warning(at, f"'{other}' is listed twice")
            elif other in by_id and region.id not in by_id[other].neighbours and region.id not in meant[other]:
                report.warning(at, f"region '{other}' does not list '{region.id}' among its neighbours; "
                                   "they are made neighbours both ways")
            seen.add(other)
        owner = region.controlled_by
        if owner is not None and owner not in state_ids:
            hint = reference_hint(owner) or did_you_mean(owner, state_ids)
            report.error((*here, "controlled_by"), f"unknown state '{owner}'{hint}")
    for index, position, other in draft.unchecked_neighbours:  # in a region with a mistake of its own
        if other not in region_ids:
            report.error(("regions", index, "neighbours", position),
                         f"unknown region '{other}'{did_you_mean(other, region_ids)}")
    check_map_positions(draft, report)


def check_map_positions(draft: Draft, report: Reporter) -> None:
    """Two regions drawn on the same spot would hide one of them on the map."""
    placed: dict[tuple[int, int], str] = {}
    for index, region in draft.regions:
        if region.position is None:
            continue
        spot = (region.position[0], region.position[1])
        if spot in placed:
            report.error(("regions", index, "position"),
                         f"region '{region.id}' is drawn at {list(spot)}, where '{placed[spot]}' already is")
        else:
            placed[spot] = region.id


def check_states(draft: Draft, report: Reporter) -> None:
    law_ids = draft.law_ids
    prerequisites = draft.law_prerequisites()
    for index, state in draft.states:
        here: DataPath = ("states", index)
        held = set(state.laws)
        seen: set[str] = set()
        for position, law in enumerate(state.laws):
            at = (*here, "laws", position)
            if law not in law_ids:
                report.error(at, f"unknown law '{law}'{did_you_mean(law, law_ids)}")
            elif law in seen:
                report.warning(at, f"law '{law}' is listed twice")
            else:
                missing = [needed for needed in prerequisites.get(law, []) if needed not in held]
                if missing:
                    report.warning(at, f"law '{law}' needs {_quoted(missing)} in force first, "
                                       f"which '{state.id}' does not hold at the start")
            seen.add(law)
        for position, objective in enumerate(state.objectives):
            _check_objective(draft, report, (*here, "objectives", position), state.id, objective)


def check_open_borders(draft: Draft, report: Reporter) -> None:
    """Each open-border (and free-movement) group names states of the scenario, each state in one
    group at most."""
    state_ids = draft.known("states")
    for key, groups, what in (("open_borders", draft.open_borders, "open-border"),
                              ("free_movement", draft.free_movement, "free-movement")):
        seen: dict[str, int] = {}
        for number, group in enumerate(groups):
            for position, state_id in enumerate(group):
                at: DataPath = (key, number, position)
                if state_id not in state_ids:
                    report.error(at, f"unknown state '{state_id}'{did_you_mean(state_id, state_ids)}")
                elif state_id in seen and seen[state_id] != number:
                    report.error(at, f"state '{state_id}' is already in {what} group {seen[state_id] + 1}; "
                                     "a state belongs to one group at most")
                seen.setdefault(state_id, number)


def _check_objective(draft: Draft, report: Reporter, here: DataPath, state_id: str, objective: object) -> None:
    region_ids, state_ids = draft.known("regions"), draft.known("states")
    if isinstance(objective, ReduceVictims):
        if objective.region is not None and objective.region not in region_ids:
            report.error((*here, "region"),
                         f"unknown region '{objective.region}'{did_you_mean(objective.region, region_ids)}")
        if objective.state is not None and objective.state not in state_ids:
            report.error((*here, "state"),
                         f"unknown state '{objective.state}'{did_you_mean(objective.state, state_ids)}")
    elif isinstance(objective, AdoptLaw):
        if objective.law not in draft.law_ids:
            report.error((*here, "law"), f"unknown law '{objective.law}'{did_you_mean(objective.law, draft.law_ids)}")
    elif isinstance(objective, SignAgreement):
        agreement_ids = draft.agreement_ids
        if objective.agreement not in agreement_ids:
            report.error((*here, "agreement"),
                         f"unknown agreement '{objective.agreement}'{did_you_mean(objective.agreement, agreement_ids)}")
        for position, other in enumerate(objective.with_):
            at = (*here, "with", position)
            if other == state_id:
                report.error(at, f"'{other}' is the state that holds this objective; name the other parties")
            elif other not in state_ids:
                report.error(at, f"unknown state '{other}'{did_you_mean(other, state_ids - {state_id})}")


def check_networks(draft: Draft, report: Reporter) -> None:
    region_ids = draft.known("regions")
    links = draft.adjacency()
    forms = draft.forms
    for index, network in draft.networks:
        for number, route in enumerate(network.routes):
            here: DataPath = ("networks", index, "routes", number)
            for step, region_id in enumerate(route.path):
                at = (*here, "path", step)
                previous = route.path[step - 1] if step > 0 else None
                if region_id not in region_ids:
                    report.error(at, f"unknown region '{region_id}'{did_you_mean(region_id, region_ids)}")
                elif previous is None or previous not in region_ids:
                    continue
                elif previous == region_id:
                    report.error(at, f"'{region_id}' is repeated: each step moves to a neighbouring region")
                elif region_id not in links.get(previous, set()):
                    report.error(at, f"'{region_id}' is not a neighbour of '{previous}', the step before it")
            if route.form not in forms:
                report.error((*here, "form"), f"unknown form '{route.form}'{did_you_mean(route.form, forms)} "
                             f"(no region has demand for it; built-in forms: {', '.join(BUILTIN_FORMS)})")


def _quoted(names: list[str]) -> str:
    return ", ".join(f"'{name}'" for name in names)
