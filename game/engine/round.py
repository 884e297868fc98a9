"""One round, in the order of model card section 5: every player's orders resolve together.

Each phase draws from its own random stream (seed, round, phase), so a change in one phase never
shifts the draws of another, and the counterfactual run stays comparable.
"""

import random

from game.collector import collector_paused
from game.engine import cases, extradition, intelligence, migration, network_money, succession, victims_decide
from game.engine.adaptation import adapt
from game.engine.assessment import assess
from game.engine.budget import enact_laws, fund_capacities
from game.engine.confiscation import confiscate
from game.engine.detection import Detector, move
from game.engine.diplomacy import effects as diplomacy_effects
from game.engine.diplomacy import pledges, ratification, sharing
from game.engine.diplomacy import summits as summit_sessions
from game.engine.diplomacy.settlement import close_terms, settle_proposals
from game.engine.errors import ActionRejected
from game.engine.events import fire_events
from game.engine.exploitation import exploit, self_identified_share
from game.engine.funders import Funders
from game.engine.justice import identified_by_state, prosecute
from game.engine.laws import apply_standing_effects
from game.engine.ledger import Ledger, RouteTally
from game.engine.lifecycle import evolve
from game.engine.organizations import effects as organization_effects
from game.engine.recruitment import recruit
from game.engine.rng import stream
from game.engine.serialize import state_hash
from game.engine.sites import demand_at_start, relocate
from game.engine.victims import assist
from game.model.partners_once import SHARING
from game.model.report import NetworkFigures, OrgFigures, RoundReport, RouteFigures, StateFigures
from game.model.state import GameState, NetworkRecord, RouteRecord
from game.summing import add_up


def is_over(state: GameState) -> bool:
    return state.round > state.world.scenario.rounds


def resolve_round(state: GameState, *, hashed: bool = True) -> tuple[GameState, RoundReport]:
    """The next state and the round's report; the given state is left untouched.

    `hashed=False` leaves the report's `state_hash` empty: runs that keep no save and read no hash
    (the baseline, many-game balance and lessons runs) skip the state's serialization, about a
    tenth of a `mekong` round. The state is the same either way.

    The cycle collector is paused for the round (`collector_paused`) and put back as it was: a round
    makes thousands of records and no reference cycle, and on a large map the collections its
    allocations set off walked every live record of the game again (about 2 ms of a 200-state
    round's 47). Reference counting frees what the round drops."""
    if is_over(state):
        raise ActionRejected(f"the game is over: all {state.world.scenario.rounds} rounds are resolved")
    with collector_paused():
        return _resolve(state, hashed)


def _resolve(state: GameState, hashed: bool = True) -> tuple[GameState, RoundReport]:
    current = state.clone()
    world = current.world
    number = current.round

    def rng(purpose: str) -> random.Random:
        return stream(current.seed, number, purpose)

    figures = {state_id: StateFigures() for state_id in world.state_ids}
    leaders = succession.leaders(current)
    ledger = Ledger(figures)
    demand = demand_at_start(current)
    budgets_before = {state_id: record.budget for state_id, record in current.states.items()}
    events = fire_events(current, rng("events"))
    enact_laws(current, figures)
    events.extend(settle_proposals(current))
    if current.summits:  # no stream to seed in the many games without a summit
        events.extend(summit_sessions.settle_sessions(current))
        # a stream only for a round with a parliamentary vote to draw (`ratifying` is set by orders alone)
        voting = any(summit.ratifying for summit in current.summits.values())
        events.extend(ratification.settle(current, rng("ratification") if voting else None))
    funders: Funders = {}  # who paid into whose capacities, for the round report
    assistance, started = organization_effects.take_effect(current, funders)
    events.extend(started)
    events.extend(fund_capacities(current, figures, assistance, budgets_before, funders))
    if current.pledges or current.statements:
        events.extend(pledges.settle(current, figures))
    # who shares with whom this round: settled with the payments above, read by `build` and `weights`
    giving = diplomacy_effects.giving_partners_all(current, SHARING)
    sharing.build(current, giving)
    apply_standing_effects(current)
    diplomacy_effects.apply_standing(current)
    organization_effects.run_campaigns(current)
    # Computed once a round: from here to the end of the round no phase changes what they read
    # (agreements and payments are settled above; capacities, laws, training and corruption are
    # set by the orders, events, funding and standing effects above). Relocation, movement and
    # adaptation share the detector.
    shared = sharing.weights(current, giving)
    detector = Detector(current, shared)
    moved_away = relocate(current, demand, detector)
    migration.recruit_returned(current, rng("returned"), figures)
    costs: network_money.Costs = {}  # each path's cost per person, from recruitment to settlement
    _recruit_and_move(current, ledger, detector, costs, rng("recruitment"), rng("movement"), rng("migration"))
    migration.screen(current, ledger, rng("screening"))
    identification: dict[str, tuple[float, float, bool, float]] = {}  # each state's, as exploitation works it out
    exploit(current, ledger, rng("exploitation"), shared, identification, detector)
    # who identified whose victims: final once exploitation has run (only movement, screening and
    # exploitation write it), read by the decisions, justice and assistance
    identified = identified_by_state(ledger)
    victims_decide.decide(current, ledger, rng("decisions"), self_identified_share(current, identification),
                           identified)
    prosecute(current, ledger, rng("justice"), identified)
    # operations and extraditions draw only for agreements of their kinds in force: no stream to
    # seed without one (seeding is a few microseconds, and most rounds have neither)
    if diplomacy_effects.in_force(current, "joint_investigation_team"):
        events.extend(diplomacy_effects.operations(current, rng("operations")))
    extradition.locate(current, ledger, rng("leaders"))
    if diplomacy_effects.in_force(current, "extradition"):
        events.extend(extradition.surrender(current, rng("extradition")))
    network_money.settle(current, ledger, costs)
    confiscate(current, ledger)
    displacement = moved_away + adapt(current, ledger, rng("adaptation"), detector)
    network_money.draw(current, ledger)
    events.extend(succession.step(current, leaders))
    events.extend(evolve(current, rng("lifecycle")))
    assist(current, ledger, rng("victims"), identified)
    cases.profile(current, ledger)
    total, held = _count_victims(current, figures)
    current.victim_rounds += total
    for state_id, mine in figures.items():
        current.states[state_id].victim_rounds += mine.victims_exploited
    last_victims = {s: figures_["victims"] for s, figures_ in current.last_figures.items()}
    assess(current, figures, partnerships=diplomacy_effects.partnerships(current))
    events.extend(diplomacy_effects.peer_review(current))
    victims = {state_id: mine.victims_exploited for state_id, mine in figures.items()}
    events.extend(organization_effects.publish_reviews(current, victims, last_victims))
    for state_id, mine in figures.items():
        mine.tier, mine.approval = current.states[state_id].tier, current.states[state_id].approval
    organizations = {
        org_id: OrgFigures(org.budget, org.spent, [list(t) for t in org.trainings], list(org.reviews),
                           dict(org.assists), list(org.campaigns))
        for org_id, org in current.organizations.items()
    }
    organization_effects.close_round(current)
    current.intelligence = intelligence.estimate_all(current, number, shared)
    for record in current.states.values():
        record.ready = False
    current.round += 1
    close_terms(current)
    report = RoundReport(
        round=number, states=figures, networks=_network_figures(current, ledger, held), events=events,
        displacement=displacement, victims_total=total, organizations=organizations,
        cases=cases.cases(current, figures, number),
    )
    if hashed:
        report.state_hash = state_hash(current)
    return current, report


def _recruit_and_move(
    state: GameState, ledger: Ledger, detector: Detector, costs: network_money.Costs, recruit_rng: random.Random,
    move_rng: random.Random, migration_rng: random.Random,
) -> None:
    """Recruitment and movement of the trafficked, and then the migrants who are not, on the roads the
    trafficked took (`migration.travel`, on its own stream, so that the victims' draws are those
    they always were)."""
    controller = state.world.controller
    figures = ledger.states
    corridors = migration.Corridors(state)
    origins: dict[str, tuple[float, float]] = {}
    moved: list[tuple[NetworkRecord, RouteRecord, int]] = []
    for network in state.networks.values():
        if not network.active or not network.routes:
            network.retrafficked = 0
            continue
        tally = ledger.network(network.id)
        recruited, tally.demand = recruit(state, network, recruit_rng, origins, costs)
        network.retrafficked = 0
        identified_by = tally.identified_by
        routes = tally.routes
        stock = network.stock
        for route, people in zip(network.routes, recruited, strict=True):
            route.flow = people
            path = route.path
            form = route.form
            origin_owner = controller[path[0]]
            if origin_owner in figures:
                figures[origin_owner].recruited += people
            detected, arrived = move(detector, network, route, people, move_rng, figures, identified_by)
            moved.append((network, route, people))
            routes[route.id] = RouteTally(people, detected, arrived, 0.0, path, form)
            destination = path[-1]
            held = stock.get(destination)
            if held is None:
                held = stock[destination] = {}
            held[form] = held.get(form, 0) + arrived
            destination_owner = controller[destination]
            if destination_owner in figures:
                figures[destination_owner].arrived += arrived
    migration.travel(corridors, detector, moved, migration_rng, figures)


def _count_victims(state: GameState, figures: dict[str, StateFigures]) -> tuple[int, dict[str, int]]:
    """The people held in exploitation at the end of the round, and by each network (its report's
    `victims`), counted once for the round, each state's `victims_exploited` and the report."""
    controller = state.world.controller
    total = 0
    held_by: dict[str, int] = {}
    for network_id, network in state.networks.items():
        mine = 0
        for region_id, by_form in network.stock.items():
            held = add_up(by_form.values())
            mine += held
            owner = controller[region_id]
            if owner in figures:
                figures[owner].victims_exploited += held
        held_by[network_id] = mine
        total += mine
    return total, held_by


def _network_figures(state: GameState, ledger: Ledger, held_by: dict[str, int]) -> dict[str, NetworkFigures]:
    """Each network's figures for the report, with the people it holds as `_count_victims` counted
    them. A route's figures share its path, which the engine never changes in place (a rerouted
    network gets a new path), as the tallies already do."""
    result: dict[str, NetworkFigures] = {}
    params = state.world.params
    prior_a, prior_b = params.risk_prior_a, params.risk_prior_b
    empty = RouteTally()
    for network_id, network in state.networks.items():
        tally = ledger.network(network_id)
        tallied = tally.routes
        routes = []
        matched = 0  # of the tallied routes, those it still holds (a route id is held once)
        for route in network.routes:
            route_tally = tallied.get(route.id)
            if route_tally is None:
                route_tally = empty
            else:
                matched += 1
            belief = (route.risk_hits + prior_a) / (route.risk_total + prior_a + prior_b)  # `risk`, inlined
            routes.append(RouteFigures(route.id, route.path, route.form, route_tally.recruited,
                                       route_tally.detected, route_tally.arrived, belief))
        if matched < len(tallied):  # the network gave up a route it ran this round
            held = {route.id for route in network.routes}
            for route_id, route_tally in tallied.items():
                if route_id not in held:
                    routes.append(RouteFigures(route_id, route_tally.path, route_tally.form, route_tally.recruited,
                                               route_tally.detected, route_tally.arrived, held=False))
        recruited = tally.recruited
        interdicted = tally.interdicted
        result[network_id] = NetworkFigures(
            capital=network.capital, core=network.core, periphery=network.periphery, tau=network.tau,
            active=network.active, routes=routes, recruited=recruited, interdicted=round(interdicted),
            loss_share=interdicted / recruited if recruited else 0.0,
            victims=held_by[network_id],
            periphery_replaced=tally.periphery_replaced, stock=tally.stock,  # the round's ledger, dropped after it
            revenue=tally.revenue, costs=tally.costs, seized=tally.seized, deserted=tally.deserted,
            successors=len(network.successors),
        )
    return result
