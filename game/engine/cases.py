"""Who the victims are, and one person in each round's numbers (model card 5.10).

Each route carries a share of children and of women and girls (a scenario's `children` and `female`,
else GLOTIP 2024's shares of detected victims: 38% children, 61% female). A state's identified
victims are split by the routes of the networks it identified them from.

Each state's round report carries one short case drawn from its own figures of the round: the
path most of its identified people took (deported at a border, came forward, found in a raid or by a
labour inspector, trafficked again), on a route through its territory. No real person is named and
nothing is graphic: the case says where someone was recruited, how they travelled, what happened
and why, and what they chose. Composed without a random draw, so it never shifts the game.
"""

from game.engine.laws import holds
from game.engine.ledger import Ledger
from game.model.report import StateFigures
from game.model.state import GameState, RouteRecord
from game.summing import add_up

WORK = {
    "labour": "a job on a farm or a building site",
    "sexual": "a job waiting tables",
    "criminality": "an office job abroad",
    "marriage": "a marriage a broker arranged",
}
"""What the person was promised, by form: the deceptive offer is the usual way in (GLOTIP 2022)."""

PEOPLE = (("a girl", "she", "her", "her"), ("a boy", "he", "him", "his"), ("a woman", "she", "her", "her"),
          ("a man", "he", "him", "his"))
"""Who, and the pronouns: subject, object, possessive."""

GOLDEN = 0.6180339887498949
"""Successive rounds pick people across the route's shares evenly, without a draw."""


def route_shares(state: GameState, route: RouteRecord) -> tuple[float, float]:
    """(children, female) shares of the people on a route: the scenario's for its corridor, else the parameters'."""
    return state.world.victim_shares(route.path[0], route.path[-1])


def profile(state: GameState, ledger: Ledger) -> None:
    """Each state's identified children and women and girls, from the routes of the networks it
    identified people from, weighted by those routes' flows (a share, rounded: no draw)."""
    figures = ledger.states
    shares = state.world.victim_shares  # `route_shares`, asked of every route
    children: dict[str, float] = {}
    female: dict[str, float] = {}
    for network_id, tally in ledger.networks.items():
        network = state.networks.get(network_id)
        if network is None or not tally.identified_by:
            continue
        routes = network.routes
        flows = [route.flow if route.flow >= 1 else 1 for route in routes]  # max(flow, 1)
        total = float(add_up(flows))
        if total <= 0:
            continue
        child_share = female_share = 0.0
        for route, weight in zip(routes, flows, strict=True):
            path = route.path
            young, women = shares(path[0], path[-1])
            child_share += young * weight / total
            female_share += women * weight / total
        for state_id, count in tally.identified_by.items():
            children[state_id] = children.get(state_id, 0.0) + count * child_share
            female[state_id] = female.get(state_id, 0.0) + count * female_share
    for state_id in sorted(children):
        if state_id in figures:
            figures[state_id].identified_children = min(figures[state_id].identified, round(children[state_id]))
            figures[state_id].identified_female = min(figures[state_id].identified, round(female[state_id]))


def cases(state: GameState, figures: dict[str, StateFigures], round_no: int) -> dict[str, str]:
    """`case` of every state in `figures`, with each state's routes found in one pass over the routes."""
    through, into = _busiest(state)
    return {state_id: _case_on(state, state_id, through.get(state_id), into.get(state_id), mine, round_no)
            for state_id, mine in figures.items()}


def case(state: GameState, state_id: str, figures: StateFigures, round_no: int) -> str:
    """One person in this state's numbers of the round, or "" where no route touches it."""
    through, into = _busiest(state)
    return _case_on(state, state_id, through.get(state_id), into.get(state_id), figures, round_no)


def _case_on(state: GameState, state_id: str, through: RouteRecord | None, into: RouteRecord | None,
             figures: StateFigures, round_no: int) -> str:
    """`case` on the state's route: for a person stopped at a border, the route with the most people
    through its territory (`_busiest`'s first table); for one exploited there (found in a raid, by an
    inspector, coming forward, still working), a route that ends there (its second) when there
    is one, so that the person was offered work where the state's police found them."""
    raided = max(0, figures.identified_in_exploitation - figures.came_forward - figures.labour_inspections)
    # the most common path, the first of the most common on a tie (`max` of (count, kind) by count,
    # as a loop: a key function is a call a path)
    count, kind = figures.victims_deported, "deported"
    for other, other_kind in ((figures.came_forward, "came_forward"), (figures.labour_inspections, "inspected"),
                              (raided, "raided"), (figures.retrafficked, "again")):
        if other > count:
            count, kind = other, other_kind
    route = through if kind == "deported" or into is None else into
    if route is None:
        return ""
    world = state.world
    specs = world.region_specs
    origin, destination = specs[route.path[0]].name, specs[route.path[-1]].name
    here = world.state_specs[state_id].name
    label = world.scenario.round_label
    young, women = route_shares(state, route)
    who, she, her, hers = _person(young, women, round_no)
    work = WORK.get(route.form, "work abroad")
    record = state.states[state_id]
    permit = holds(world, record, "victim_protection")
    opening = f"{who.capitalize()} from {origin} was offered {work} in {destination}"
    if count <= 0:
        return (f"{opening}, and took it to pay a family debt. Nobody in {here} found {her} this {label}: "
                f"{she} still works to pay off what {she} is told {she} owes, and counts the months.")
    if kind == "deported" and world.controller[route.path[0]] == state_id:  # checked on the way out, at home
        return (f"{opening}, and paid a smuggler for the crossing. Stopped on the way out, {she} was fined "
                f"and sent home: nobody asked how {she} came to owe the people who moved {her}. Back with the "
                f"debt, {she} is within the recruiters' reach again. {here} turned back "
                f"{_people(figures.victims_deported)} like {her} this {label}.")
    if kind == "deported":
        return (f"{opening}, and paid a smuggler for the crossing. Stopped at {here}'s border, {she} was "
                f"treated as an irregular migrant: nobody asked how {she} came to owe the people who moved "
                f"{her}. Sent back with the debt, {she} is within the recruiters' reach again. {here} "
                f"deported {_people(figures.victims_deported)} like {her} this {label}.")
    if kind == "came_forward":
        why = ("a reflection period meant that speaking up would not get " + her + " deported"
               if permit else "a shelter worker " + she + " met by chance did not ask for papers")
        stayed = (f" {figures.testimonies} of those identified in {here} agreed to testify."
                  if figures.testimonies else "")
        return (f"{opening}. After months of unpaid work {she} decided to walk into a service in {here}: "
                f"{why}. {_people(figures.came_forward)} came forward this {label}.{stayed}")
    if kind == "inspected":
        return (f"{opening}. A labour inspector checking wage records at {hers} workplace in {here} noticed "
                f"that nobody had been paid; {she} took the inspector's card and called back two days "
                f"later. Inspectors found {_people(figures.labour_inspections)} this {label}.")
    if kind == "raided":
        moved = (f" The network moved {_people(figures.moved_on, 'other', 'others')} on before anyone reached them."
                 if figures.moved_on else "")
        help_ = ("accepted a place in a shelter" if figures.assisted else "was left to find " + hers + " own way home")
        return (f"{opening}. Police found {her} when they raided the place where {she} was held in {here}; "
                f"afraid of being sent back in debt, {she} weighed what to say, and {help_}.{moved}")
    return (f"{opening}. Identified once, {she} was sent home without support and with the debt; within "
            f"months the same recruiter offered {her} a way back, and {she} took it. "
            f"{_people(figures.retrafficked)} in {here}'s cases were trafficked again this {label}.")


def _people(count: int, one: str = "person", many: str = "people") -> str:
    return f"{count} {one if count == 1 else many}"


def _person(children: float, female: float, round_no: int) -> tuple[str, str, str, str]:
    """A person drawn across the route's shares by the round (a low-discrepancy sequence, no draw):
    children first, split by the female share, then adults."""
    u = (round_no * GOLDEN) % 1.0
    if u < children:
        return PEOPLE[0] if u < children * female else PEOPLE[1]
    rest = (u - children) / (1.0 - children) if children < 1.0 else 0.0
    return PEOPLE[2] if rest < female else PEOPLE[3]


def _busiest(state: GameState) -> tuple[dict[str, RouteRecord], dict[str, RouteRecord]]:
    """For every state at once, in one pass over the active routes: (state -> the route with the
    largest flow among those that cross or end in its territory, state -> the one among those that
    end there, where its people are exploited); ties go to the first by network id, then route order."""
    controller = state.world.controller
    states_on = state.world.states_on
    through: dict[str, RouteRecord] = {}
    into: dict[str, RouteRecord] = {}
    for network_id in sorted(state.networks):
        network = state.networks[network_id]
        if not network.active:
            continue
        for route in network.routes:
            flow = route.flow
            path = route.path
            for state_id in states_on(path):
                held = through.get(state_id)
                if held is None or flow > held.flow:
                    through[state_id] = route
            owner = controller[path[-1]]
            if owner is not None:
                held = into.get(owner)
                if held is None or flow > held.flow:
                    into[owner] = route
    return through, into
