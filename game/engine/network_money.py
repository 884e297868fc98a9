"""Network money (model card 5.5-5.7): capital is profit less costs, and it binds.

A network earns the profit of the people it exploits (`exploitation` records it) and pays, each
round: its recruiters and transporters, the transport of every person it moved, the bribes that
corrupt officials on the way take, and the cost of members convicted (defence, keeping the others
silent). A network that cannot pay loses the members it cannot pay. What is left funds recruitment
(moving a person costs transport and bribes), the hiring of replacements and new paths; above a
working reserve the leaders take the profit out (consumption, remittances, laundering), which keeps
the capital a network works with near a round's costs rather than a year's takings.
"""

import math

from game.engine.ledger import Ledger
from game.model.state import GameState, NetworkRecord, RouteRecord

Costs = dict[tuple[str, ...], float]
"""Path -> `cost_per_person` on it, kept by a round from recruitment to settlement: corruption, the
only figure of the state of play it reads, does not change in between."""


def cost_per_person(state: GameState, route: RouteRecord, kept: Costs | None = None) -> float:
    """Transport and bribes for moving one person along a route: each region entered after the
    origin is a leg (a route within one region is one leg), its bribe scaled by the corruption of
    the state that controls it (nobody to bribe where no state rules). `kept`: the costs of the
    paths asked already this round."""
    key = tuple(route.path)
    if kept is not None:
        found = kept.get(key)
        if found is not None:
            return found
    world = state.world
    params = world.params
    transport, bribe = params.transport_cost, params.bribe_cost
    states = state.states
    total = 0.0
    for owner in world.leg_owners(key):
        corruption = states[owner].corruption if owner in states else 0.0
        total += transport + bribe * corruption
    if kept is not None:
        kept[key] = total
    return total


def affordable_people(state: GameState, network: NetworkRecord, wanted: float, kept: Costs | None = None) -> float:
    """Of `wanted` people, those it can pay to move this round at the mean cost of its routes, from
    its capital less its crew's pay, and the takings of the people it holds (the moved pay their
    transport off in debt, as they work). The takings are counted only when the capital alone falls
    short. `kept`: as `cost_per_person`."""
    if not network.routes or wanted <= 0.0:
        return 0.0
    costs: float = 0  # `add_up` of the routes' costs, as a loop (it starts from the int 0 too)
    for route in network.routes:
        costs += cost_per_person(state, route, kept)
    mean = costs / len(network.routes)
    # the crew is paid first: money spent moving recruits the network could not then pay its members
    # for made its crew desert all at once (`settle`), and whether a squeezed network survived turned
    # on whether something had made it recruit less while its money ran out
    payroll = network.periphery * state.world.params.member_pay
    if network.capital - payroll >= wanted * mean:
        return wanted
    world = state.world
    profits = world.profits
    takings = 0.0
    for by_form in network.stock.values():
        for form, held in by_form.items():
            takings += held * (profits[form] if form in profits else world.profit(form))
    if mean <= 0.0:  # free transport (`transport_cost` 0): what it can pay its crew is all it needs
        return wanted
    return min(wanted, max(0.0, network.capital + takings - payroll) / mean)


def settle(state: GameState, ledger: Ledger, kept: Costs | None = None) -> None:
    """Each active network books the round's profit and pays the round's costs; members it cannot
    pay leave (`NetworkTally.deserted`). Runs after justice, so the convicted are counted once.
    `kept`: as `cost_per_person`."""
    params = state.world.params
    for network in state.networks.values():
        tally = ledger.network(network.id)
        if not network.active:
            network.capital += tally.revenue
            continue
        moving = 0.0
        for route in network.routes:
            route_tally = tally.routes.get(route.id)
            if route_tally is not None and route_tally.recruited:
                cost = kept.get(tuple(route.path)) if kept is not None else None
                moving += route_tally.recruited * (cost if cost is not None else cost_per_person(state, route, kept))
        costs = (network.periphery * params.member_pay + moving
                 + tally.periphery_removed * params.arrest_cost)
        tally.costs = costs
        network.capital += tally.revenue - costs
        if network.capital < 0.0:
            unpaid = -network.capital
            network.capital = 0.0
            if params.member_pay > 0.0:
                left = min(network.periphery, math.ceil(unpaid / params.member_pay))
                network.periphery -= left
                tally.deserted = left


def draw(state: GameState, ledger: Ledger) -> None:
    """The leaders take out what is above the working reserve (`working_capital_rounds` of this
    round's costs): what a network keeps to run on; the rest leaves the model as their wealth."""
    rounds = state.world.params.working_capital_rounds
    for network in state.networks.values():
        reserve = rounds * ledger.network(network.id).costs
        if network.capital > reserve:
            network.capital = reserve
