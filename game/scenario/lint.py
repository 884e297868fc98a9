"""Warnings about a valid scenario that would still make a bad class.

Each check finds something a facilitator would only discover in front of students: a team with
nothing to do, an objective nobody can meet, a network that never moves, a route no team can touch,
an event that can never fire. They run only on a scenario without errors, where they can trust
every reference.
"""

from game.model.fields import CHANGED_BY_ENGINE, FIELD_BOUNDS, generic
from game.model.partners_once import ONCE_PER_PARTNER
from game.model.scenario import AdoptLaw, Condition, ReduceVictims, Scenario, SignAgreement, State
from game.scenario.check_events import split_target
from game.scenario.lint_class import lint_class
from game.scenario.problems import DataPath
from game.scenario.reporter import Reporter


def lint(scenario: Scenario, report: Reporter) -> None:
    untouched_states(scenario, report)
    unmeetable_objectives(scenario, report)
    idle_networks(scenario, report)
    unguarded_routes(scenario, report)
    routes_without_demand(scenario, report)
    conditions_that_never_fire(scenario, report)
    lint_class(scenario, report)


def untouched_states(scenario: Scenario, report: Reporter) -> None:
    """A state whose territory no route crosses has no flow to act on: its team sits idle."""
    on_routes = {region for network in scenario.networks for route in network.routes for region in route.path}
    territory: dict[str | None, set[str]] = {}
    for region in scenario.regions:
        territory.setdefault(region.controlled_by, set()).add(region.id)
    for index, state in enumerate(scenario.states):
        controlled = territory.get(state.id, set())
        if not controlled:
            report.warning(("states", index), f"state '{state.id}' controls no region, so no route touches it: "
                                              "its team has no flow to act on")
        elif not controlled & on_routes:
            report.warning(("states", index), f"no route passes through a region of '{state.id}': "
                                              "its team has no flow to act on")


def unmeetable_objectives(scenario: Scenario, report: Reporter) -> None:
    destinations = {route.path[-1] for network in scenario.networks for route in network.routes}
    owner = {region.id: region.controlled_by for region in scenario.regions}
    agreements = scenario.agreement_catalogue()
    for index, state in enumerate(scenario.states):
        for position, objective in enumerate(state.objectives):
            here: DataPath = ("states", index, "objectives", position)
            if isinstance(objective, ReduceVictims):
                if objective.region is not None and objective.region not in destinations:
                    report.warning(here, f"no route ends in '{objective.region}', so there are no victims there "
                                         "to reduce: the objective cannot be met")
                if objective.state is not None and not any(owner[d] == objective.state for d in destinations):
                    report.warning(here, f"no route ends in a region of '{objective.state}', so there are no "
                                         "victims there to reduce: the objective cannot be met")
            elif isinstance(objective, AdoptLaw):
                _adopt_law(scenario, report, here, state, objective)
            elif isinstance(objective, SignAgreement):
                needed = agreements[objective.agreement].min_parties
                parties = 1 + len(set(objective.with_)) if objective.with_ else len(scenario.states)
                if parties < needed:
                    report.warning(here, f"'{objective.agreement}' needs at least {needed} parties and this "
                                         f"objective allows {parties}: it cannot be met")
                _counted_from_the_start(scenario, report, here, state, objective)


def _counted_from_the_start(scenario: Scenario, report: Reporter, here: DataPath, state: State,
                            objective: SignAgreement) -> None:
    """Sharing, safe return and legal assistance count each partner once: an objective to sign one
    with partners who do it already under an agreement in force for the whole game can never be met
    (it would add nothing, and scoring gives it nothing). Europe asked four states to sign information
    sharing with partners of the Council of Europe Convention, whose sharing covers them already."""
    agreements = scenario.agreement_catalogue()
    group = ONCE_PER_PARTNER.get(agreements[objective.agreement].rule)
    if group is None or not objective.with_:
        return
    counted: set[str] = set()
    for history in scenario.agreements_in_force:
        if state.id in history.parties and agreements[history.agreement].rule in group \
                and history.rounds_left >= scenario.rounds:
            counted.update(history.parties)
    if set(objective.with_) <= counted:
        report.warning(here, f"'{state.id}' does '{agreements[objective.agreement].rule}' with "
                             f"{', '.join(objective.with_)} under an agreement in force all game: a partner counts "
                             "once, so signing it again adds nothing and cannot meet the objective; ask for what "
                             "is new (a joint team, a law, another partner)")


def _adopt_law(scenario: Scenario, report: Reporter, here: DataPath, state: State, objective: AdoptLaw) -> None:
    if objective.law in state.laws:
        report.warning(here, f"'{state.id}' holds '{objective.law}' from the start: the objective is met "
                             "without play")
        return
    laws = scenario.law_catalogue()
    held = set(state.laws)
    memo: dict[str, float] = {}

    def ready(law: str, visiting: frozenset[str]) -> float:
        """Rounds before `law` can be in force, adopting each missing prerequisite as early as possible."""
        if law in held:
            return 0
        if law in visiting:
            return float("inf")
        if law not in memo:
            before = max((ready(p, visiting | {law}) for p in laws[law].prerequisites), default=0.0)
            memo[law] = before + laws[law].delay
        return memo[law]

    first_round = 1 + max((ready(p, frozenset({objective.law})) for p in laws[objective.law].prerequisites),
                          default=0.0)
    if first_round == float("inf"):
        report.warning(here, f"the prerequisites of '{objective.law}' go round in a circle: it can never be adopted")
    elif first_round > scenario.rounds:
        report.warning(here, f"'{objective.law}' cannot be adopted before round {first_round:.0f} "
                             f"(its prerequisites come first) and the game has {scenario.rounds} rounds")


def idle_networks(scenario: Scenario, report: Reporter) -> None:
    for index, network in enumerate(scenario.networks):
        if not network.routes:
            report.warning(("networks", index), f"network '{network.id}' has no route: it moves nobody")


def unguarded_routes(scenario: Scenario, report: Reporter) -> None:
    """Detection happens only in regions a state controls: a route through none of them is out of
    every team's reach."""
    owner = {region.id: region.controlled_by for region in scenario.regions}
    for index, network in enumerate(scenario.networks):
        for number, route in enumerate(network.routes):
            if all(owner[region] is None for region in route.path):
                regions = [f"'{region}'" for region in dict.fromkeys(route.path)]
                held = regions[0] if len(regions) == 1 else f"one of {', '.join(regions)}"
                report.warning(("networks", index, "routes", number),
                               "no state controls any region along this route: no team can act against it; "
                               f"route it through a region a state controls, or give {held} to a state")


def routes_without_demand(scenario: Scenario, report: Reporter) -> None:
    demand = {region.id: region.demand for region in scenario.regions}
    for index, network in enumerate(scenario.networks):
        for number, route in enumerate(network.routes):
            destination = route.path[-1]
            if demand[destination].get(route.form, 0.0) <= 0.0:
                report.warning(("networks", index, "routes", number, "form"),
                               f"'{destination}' has no demand for '{route.form}': this route recruits nobody")


def conditions_that_never_fire(scenario: Scenario, report: Reporter) -> None:
    changed_by_events = {
        (_target(effect.target), effect.field) for event in scenario.events for effect in event.effects
    }
    for index, event in enumerate(scenario.events):
        condition = event.when
        if condition is None:
            continue
        here: DataPath = ("events", index, "when")
        parts = split_target(condition.target)
        if parts is None:
            continue
        kind = parts[0]
        moving = CHANGED_BY_ENGINE.get(kind, frozenset())
        field = condition.field
        if field not in moving and generic(field) not in moving and \
                (_target(condition.target), field) not in changed_by_events:
            report.warning((*here, "field"), f"nothing changes '{field}' of {condition.target} during play "
                                             "(the engine does not, and no event does): this event never fires")
        elif _impossible(condition):
            report.warning(here, f"'{field}' can never be {_threshold(condition)}: this event never fires")


def _target(target: str) -> str:
    parts = split_target(target)
    return f"{parts[0]}:{parts[1]}" if parts else target


def _impossible(condition: Condition) -> bool:
    low, high = FIELD_BOUNDS.get(generic(condition.field), (0.0, None))
    if condition.below is not None:
        return condition.below <= low
    return condition.above is not None and high is not None and condition.above >= high


def _threshold(condition: Condition) -> str:
    return f"below {condition.below:g}" if condition.below is not None else f"above {condition.above:g}"
