"""Warnings about what breaks a class once it is under way: objectives met before play or never
within reach, budgets that leave a state nothing to act with, flows the map cannot feed, networks too
small for their flows, seats without a brief, origins that become sinks, and events that fire before
the story reaches them.

Each was found by an instructor in front of a class, after `validate` had said nothing. They are
estimates made from the starting figures, worded as what will probably happen; `--strict` fails on
them. The starting tier asks the engine (`new_game`), the one lint that does: the tier rules live
there, and a copy here would drift.
"""

import math
import statistics

from game.model.fields import generic
from game.model.scenario import KeepApproval, ReachTier, ReduceVictims, Scenario
from game.model.vocabulary import CAPACITIES, TIER_ORDER
from game.scenario.check_events import split_target
from game.scenario.problems import DataPath
from game.scenario.reporter import Reporter

FLOW_SHARE = 1.0
"""Warn when the people routes take from an origin over the whole game exceed its population."""
PERIPHERY_SHORTFALL = 0.25
"""Warn when a network's recruiters could move less than this share of its starting flows."""
POINTS_SCALE = 5
"""Warn when an objective is worth more than this many times the scenario's median objective."""
TIER_APPROVAL_BEST = 1.0
"""Approval a round from a Tier 1 report (`game.engine.assessment.TIER_APPROVAL`)."""
LARGEST_COUNTRY = 1500.0
"""Millions of people: more than India (about 1,430 million in 2023) or China holds. A region above it
was written in people or thousands, not millions."""
LARGEST_BUDGET = 100.0
"""Points a round: more than three times the richest shipped state's (30). A budget above it was written
as money."""
ROOM_TO_ACT = 2.0
"""Warn when a state's budget leaves fewer points than this once its starting laws and capacities
are paid: the upkeep of one more law (victim protection costs 2 a round). The shipped states keep 4
or more."""


def lint_class(scenario: Scenario, report: Reporter) -> None:
    seats_without_brief(scenario, report)
    tiers_met_at_start(scenario, report)
    approval_out_of_reach(scenario, report)
    budgets_without_room(scenario, report)
    points_out_of_scale(scenario, report)
    cuts_of_nothing(scenario, report)
    populations_beyond_any_country(scenario, report)
    flows_beyond_population(scenario, report)
    networks_too_small(scenario, report)
    origins_that_become_sinks(scenario, report)
    conditions_true_at_start(scenario, report)
    start_year_without_years(scenario, report)


def seats_without_brief(scenario: Scenario, report: Reporter) -> None:
    seats: list[tuple[str, int, str, str, int]] = [
        ("states", index, seat.id, seat.brief, len(seat.objectives)) for index, seat in enumerate(scenario.states)]
    seats += [("organizations", index, seat.id, seat.brief, len(seat.objectives))
              for index, seat in enumerate(scenario.organizations)]
    for section, index, seat_id, brief, objectives in seats:
        missing = [what for what, empty in (("brief", not brief.strip()), ("objectives", not objectives)) if empty]
        if missing:
            report.warning((section, index), f"'{seat_id}' has no {' and no '.join(missing)}: its team will not "
                                             "know what it is playing for")


def tiers_met_at_start(scenario: Scenario, report: Reporter) -> None:
    wanted = [(index, position, objective) for index, state in enumerate(scenario.states)
              for position, objective in enumerate(state.objectives) if isinstance(objective, ReachTier)]
    if not wanted:
        return
    from game.engine import new_game  # the tier rules, asked once; see the module's docstring

    start = new_game(scenario, 0).states
    for index, position, objective in wanted:
        state_id = scenario.states[index].id
        tier = start[state_id].tier
        if TIER_ORDER[tier] <= TIER_ORDER[str(objective.tier)]:
            report.warning(("states", index, "objectives", position),
                           f"'{state_id}' is at Tier {tier} at the start (its laws and capacities): the objective "
                           "is met without play unless it slips; ask for Tier 1, or start it lower")


def approval_out_of_reach(scenario: Scenario, report: Reporter) -> None:
    """Approval drifts back towards its start each round; the most it can rise is a Tier 1 report,
    a convention's reputation and a review's praise every round, plus every law's and agreement's
    one-off gain."""
    params = scenario.parameters
    if params.approval_drift <= 0:
        return
    per_round = TIER_APPROVAL_BEST + params.convention_reputation + params.monitor_praise
    one_off = sum(max(0.0, law.approval) for law in scenario.law_catalogue().values()) + sum(
        max(0.0, agreement.approval) for agreement in scenario.agreement_catalogue().values())
    for index, state in enumerate(scenario.states):
        ceiling = min(100.0, state.approval + per_round / params.approval_drift + one_off)
        for position, objective in enumerate(state.objectives):
            if isinstance(objective, KeepApproval) and objective.at_least > ceiling:
                report.warning(("states", index, "objectives", position, "at_least"),
                               f"approval starts at {state.approval:g} and drifts back towards it each round: "
                               f"{objective.at_least:g} is out of reach (about {ceiling:.0f} at best)")


def budgets_without_room(scenario: Scenario, report: Reporter) -> None:
    """A state's budget first pays the upkeep of its laws in force, then holds its capacities
    (`capacity_upkeep` a level, `game.engine.budget`): a budget below that lets every capacity decay
    from round 1, and one just above it leaves the team nothing to act with."""
    catalogue = scenario.law_catalogue()
    rate = scenario.parameters.capacity_upkeep
    for index, state in enumerate(scenario.states):
        laws = sum(catalogue[law].upkeep for law in set(state.laws) if law in catalogue)
        levels = sum(float(getattr(state.capacities, capacity)) for capacity in CAPACITIES)
        standing = laws + rate * levels
        room = state.budget - standing
        if state.budget > LARGEST_BUDGET:
            report.warning(("states", index, "budget"),
                           f"a budget of {_points(state.budget)} points a round raises every capacity to the top "
                           "within a few rounds: a budget is points, not money (the shipped states have 9 to 30)")
        if room >= ROOM_TO_ACT:
            continue
        parts = (f"{_points(laws)} for the upkeep of its laws, {_points(rate * levels)} to hold its capacities at "
                 f"{rate:g} a level")
        advice = f"give it about {math.ceil(standing + 2 * ROOM_TO_ACT)} or more, or lower its capacities"
        if room < 0:
            message = (f"a budget of {_points(state.budget)} a round does not cover the {_points(standing)} it costs "
                       f"to stand still ({parts}): its capacities decay from round 1 whatever its team does; {advice}")
        else:
            message = (f"a budget of {_points(state.budget)} a round leaves {_points(room)} once the "
                       f"{_points(standing)} it costs to stand still is paid ({parts}): its team has little to act "
                       f"with (a new law costs 1-2 a round, a capacity level about 4 points); {advice}")
        report.warning(("states", index, "budget"), message)


def _points(value: float) -> str:
    return f"{round(value, 2):g}"


def points_out_of_scale(scenario: Scenario, report: Reporter) -> None:
    found: list[tuple[DataPath, int]] = [
        (("states", index, "objectives", position, "points"), objective.points)
        for index, state in enumerate(scenario.states) for position, objective in enumerate(state.objectives)]
    found += [(("organizations", index, "objectives", position, "points"), objective.points)
              for index, org in enumerate(scenario.organizations) for position, objective in enumerate(org.objectives)]
    if len(found) < 3:
        return
    median = statistics.median(points for _, points in found)
    for path, points in found:
        if median > 0 and points > POINTS_SCALE * median:
            report.warning(path, f"{points} points is more than {POINTS_SCALE} times the usual objective here "
                                 f"({median:g}): this one objective decides the game")
        elif points == 0:
            report.warning(path, "0 points: meeting it changes nothing in the score")



def populations_beyond_any_country(scenario: Scenario, report: Reporter) -> None:
    for index, region in enumerate(scenario.regions):
        if region.population > LARGEST_COUNTRY:
            people = region.population
            report.warning(("regions", index, "population"),
                           f"{people:,.0f} million people is more than any country holds (India, the largest, about "
                           f"1,430 million): population is in millions; write {people / 1000:g} for {people:,.0f} "
                           f"thousand, or {people / 1e6:g} for {people:,.0f} people")


def cuts_of_nothing(scenario: Scenario, report: Reporter) -> None:
    for index, state in enumerate(scenario.states):
        for position, objective in enumerate(state.objectives):
            if isinstance(objective, ReduceVictims) and objective.by == 0:
                report.warning(("states", index, "objectives", position, "by"),
                               "by: 0 asks for no cut at all: the objective is met without play")


def flows_beyond_population(scenario: Scenario, report: Reporter) -> None:
    population = {region.id: region.population * 1_000_000 for region in scenario.regions}
    taken: dict[str, float] = {}
    first: dict[str, DataPath] = {}
    for index, network in enumerate(scenario.networks):
        for number, route in enumerate(network.routes):
            origin = route.path[0]
            taken[origin] = taken.get(origin, 0.0) + route.flow * scenario.rounds
            first.setdefault(origin, ("networks", index, "routes", number, "flow"))
    for origin, people in taken.items():
        if people > FLOW_SHARE * population[origin]:
            report.warning(first[origin], f"routes from '{origin}' take {people:,.0f} people over "
                                          f"{scenario.rounds} rounds, more than its {population[origin]:,.0f} "
                                          "people (population is in millions, flow in people a round)")


def networks_too_small(scenario: Scenario, report: Reporter) -> None:
    productivity = scenario.parameters.periphery_productivity
    if productivity <= 0:
        return  # recruiters move nobody: the parameter's own choice, not a network's
    for index, network in enumerate(scenario.networks):
        flow = sum(route.flow for route in network.routes)
        capacity = network.periphery * productivity
        if flow > 0 and capacity < PERIPHERY_SHORTFALL * flow:
            report.warning(("networks", index, "periphery"),
                           f"{network.periphery} recruiters move about {capacity:,.0f} people a round, far below "
                           f"its flows ({flow:,.0f}): it will shrink its flows or hire fast; give about "
                           f"{flow / productivity:,.0f}")


def origins_that_become_sinks(scenario: Scenario, report: Reporter) -> None:
    """An origin next to its route's destination, with demand of its own for the route's form: when
    the destination is pressed, a network looks for a market next door (`game.engine.adaptation`),
    finds the origin and exploits people where it recruits them, and the victims count against the
    state that holds the origin; warned when that state scores on victims there."""
    regions = {region.id: region for region in scenario.regions}
    warned: set[str] = set()
    for index, network in enumerate(scenario.networks):
        for number, route in enumerate(network.routes):
            origin, destination = regions[route.path[0]], regions[route.path[-1]]
            if len(route.path) < 2 or origin.id in warned or origin.demand.get(route.form, 0.0) <= 0 \
                    or origin.id not in destination.neighbours:
                continue
            stake = _victim_objectives(scenario, origin.id, origin.controlled_by)
            if not stake:
                continue
            warned.add(origin.id)
            report.warning(("networks", index, "routes", number, "path", 0),
                           f"'{origin.id}' is next to '{destination.id}' and has demand for '{route.form}' "
                           f"({origin.demand[route.form]:g}): when '{destination.id}' is pressed, networks "
                           f"exploit people in '{origin.id}' instead, and {stake} "
                           f"score{'s' if ',' not in stake else ''} on victims there: "
                           "that seat can only lose; lower that demand or that objective")


def _victim_objectives(scenario: Scenario, region_id: str, owner: str | None) -> str:
    holders = [state.id for state in scenario.states for objective in state.objectives
               if isinstance(objective, ReduceVictims)
               and (objective.region == region_id or (owner is not None and objective.state == owner))]
    return ", ".join(f"'{holder}'" for holder in dict.fromkeys(holders))


def conditions_true_at_start(scenario: Scenario, report: Reporter) -> None:
    """A condition already true at the start fires in round 1, before the scripted events that
    change its figure, which it was probably written to follow."""
    for index, event in enumerate(scenario.events):
        condition = event.when
        parts = split_target(condition.target) if condition is not None else None
        if condition is None or parts is None:
            continue
        value = starting_figure(scenario, parts[0], parts[1], condition.field)
        if value is None:
            continue
        holds = (condition.below is not None and value < condition.below) or \
            (condition.above is not None and value > condition.above)
        if not holds:
            continue
        earlier = [other.id for other in scenario.events if other.round is not None and any(
            split_target(effect.target) == parts and effect.field == condition.field for effect in other.effects)]
        follows = f", before '{earlier[0]}' changes it" if earlier else ""
        report.warning(("events", index, "when"),
                       f"{condition.field} of {condition.target} is {value:g} at the start, so this event fires "
                       f"in round 1{follows}")


def starting_figure(scenario: Scenario, kind: str, target_id: str, field: str) -> float | None:
    """A figure a scenario sets at the start; None for one the engine computes (victims, flow)."""
    if kind == "region":
        region = next((r for r in scenario.regions if r.id == target_id), None)
        if region is None:
            return None
        if field.startswith("demand."):
            return region.demand.get(field.removeprefix("demand."), 0.0)
        return {"vulnerability": region.vulnerability, "population": region.population}.get(field)
    if kind == "state":
        state = next((s for s in scenario.states if s.id == target_id), None)
        if state is None:
            return None
        if generic(field) == "capacities.<capacity>":
            return float(getattr(state.capacities, field.removeprefix("capacities."), 0.0))
        return {"approval": state.approval, "budget": state.budget, "political_capital": state.political_capital,
                "corruption": state.corruption}.get(field)
    if kind == "network":
        network = next((n for n in scenario.networks if n.id == target_id), None)
        if network is None:
            return None
        return {"capital": network.capital, "core": float(network.core), "periphery": float(network.periphery),
                "tech": network.tech}.get(field)
    return None


def start_year_without_years(scenario: Scenario, report: Reporter) -> None:
    if scenario.start_year is not None and scenario.round_label != "year":
        report.warning(("start_year",), f"a round here is a {scenario.round_label}, not a year: start_year is "
                                        "not shown; leave it out, or make round_label year")
