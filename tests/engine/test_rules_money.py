"""Issue 14 point 3, network money: capital is profit less costs (crew's pay, transport and bribes
for every person moved, the convicted), it funds recruitment, rerouting and hiring, the leaders take
out what is above a round's costs, and a state with the asset_confiscation law seizes the proceeds
of networks it convicts, which pay for victims' services.

The corridor's ring: 5 leaders, 80 members, 500 thousand USD, one labour route o -> t1 -> d."""

from typing import Any

import pytest

from game.engine import new_game
from game.engine.network_money import cost_per_person
from tests.engine.play import play, setup
from tests.engine.test_rules_adaptation import crackdown

EMPTIED = {"id": "emptied", "title": "Accounts emptied", "round": 1,
           "effects": [{"target": "network:ring", "field": "capital", "set": 0}]}
"""The ring's money gone before round 1 resolves (it opens with a round's costs: `setup`)."""
BROKE: dict[str, Any] = {"parameters": {"initial_stock": False, "profit_labour": 0.0}, "events": [EMPTIED]}
"""A ring with no money and nothing that earns it any."""
BIG_RING: dict[str, Any] = {
    "periphery": 800, "routes": [{"path": ["o", "t1", "d"], "form": "labour", "flow": 10000}],
}


def test_moving_a_person_costs_transport_and_bribes_at_each_region_entered() -> None:
    """Transport per region entered after the origin, and a bribe scaled by that state's corruption."""
    state = new_game(setup(states={"tran": {"corruption": 0.5}, "dest": {"corruption": 0.1}}))
    params = state.world.params
    route = state.networks["ring"].routes[0]
    assert cost_per_person(state, route) == pytest.approx(2 * params.transport_cost + 0.6 * params.bribe_cost)


def test_costs_are_the_crews_pay_transport_bribes_and_the_convicted() -> None:
    """The round's costs: every member's pay, each person moved, each member convicted."""
    game = play(setup(), rounds=1)
    state, ring = game.after(0), game.network(1)
    params = state.world.params
    crew = game.after(0).networks["ring"].periphery - sum(f.periphery_removed for f in game.report(1).states.values())
    removed = sum(f.periphery_removed for f in game.report(1).states.values())
    moved = ring.recruited * cost_per_person(state, state.networks["ring"].routes[0])
    assert ring.costs == pytest.approx(crew * params.member_pay + moved + removed * params.arrest_cost)


def test_a_network_opens_with_a_rounds_costs_at_least() -> None:
    """A network whose scenario gives it less than the working reserve it keeps every round opens
    with that reserve (its crew's pay and its flows' transport and bribes): it is not bankrupt on its
    first payday. More capital in the scenario is kept."""
    poor = new_game(setup(network={"capital": 0}))
    ring, params = poor.networks["ring"], poor.world.params
    flows = sum(route.flow * cost_per_person(poor, route) for route in ring.routes)
    assert ring.capital == pytest.approx(ring.periphery * params.member_pay + flows)
    rich = new_game(setup(network={"capital": 100_000}))
    assert rich.networks["ring"].capital == 100_000


def test_leaders_take_out_what_is_above_a_rounds_costs() -> None:
    """A profitable ring ends each round with its working reserve (a round's costs), not its takings."""
    game = play(setup(), rounds=3)
    for round_no in (1, 2, 3):
        ring = game.network(round_no)
        assert ring.revenue > 2 * ring.costs, "the case needs a profitable ring"
        assert ring.capital == pytest.approx(ring.costs), f"round {round_no}"


def test_a_network_that_cannot_pay_its_crew_loses_members() -> None:
    """No money and no profit: the members it cannot pay leave, and none is hired."""
    game = play(setup(**BROKE), rounds=2)
    ring = game.network(1)
    assert ring.deserted > 0 and ring.periphery_replaced == 0
    assert ring.periphery < 80 - ring.deserted + 1


def test_a_network_without_money_moves_nobody() -> None:
    """Recruitment is paid for: with no capital and no takings, nobody is moved."""
    game = play(setup(**BROKE), rounds=1)
    assert game.recruited(1) == 0


def test_a_network_pays_its_crew_before_it_moves_recruits() -> None:
    """Money that only covers the crew's pay moves nobody; above it, what is left moves recruits.
    Transport bought first left the crew unpaid, and it deserted all at once: on an outside
    instructor's Gulf map with stays halved whether a squeezed network survived turned on whether
    something had made it recruit less (prevention kept it solvent, and cooperation looked harmful)."""
    from game.engine.network_money import affordable_people

    state = new_game(setup(parameters={"initial_stock": False}))
    ring, params = state.networks["ring"], state.world.params
    per_person = cost_per_person(state, ring.routes[0])
    payroll = ring.periphery * params.member_pay
    ring.capital = payroll
    assert affordable_people(state, ring, 100.0) == 0.0
    ring.capital = payroll + 10 * per_person
    assert affordable_people(state, ring, 100.0) == pytest.approx(10.0)
    ring.capital = payroll + 1000 * per_person
    assert affordable_people(state, ring, 100.0) == 100.0


def test_opening_a_new_path_costs_money() -> None:
    """A crackdown makes the ring reroute through Transit Two; priced beyond its means, it stays put."""
    pressed, _ = crackdown("tran")
    assert [m for r in pressed.reports for m in r.displacement], "the case needs a reroute at the default price"
    dear, _ = crackdown("tran", parameters={"shock_chance": 0.0, "emergence_chance": 0.0, "reroute_cost": 1e9})
    assert not [m for r in dear.reports for m in r.displacement]


def test_asset_confiscation_seizes_convicted_networks_money_for_victims_services() -> None:
    """With the law, dest seizes part of the ring's proceeds for each conviction (x (1 - C)); the money
    assists identified victims beyond what its protection capacity can."""
    laws = ["criminalization", "asset_confiscation"]
    scenario = setup(network=BIG_RING, states={"dest": {"laws": laws, "capacities": {"protection": 1}}})
    seizing, base = play(scenario, rounds=2), play(setup(network=BIG_RING, states={"dest": {
        "capacities": {"protection": 1}}}), rounds=2)
    dest = seizing.figures(1, "dest")
    assert dest.convictions > 0 and dest.assets_seized > 0
    assert seizing.network(1).seized == pytest.approx(dest.assets_seized)
    assert base.figures(1, "dest").assets_seized == 0
    assert dest.assisted > base.figures(1, "dest").assisted
    params = scenario.parameters
    share = min(params.confiscation_cap, params.confiscation_per_conviction * dest.convictions)
    assert dest.assets_seized <= share * seizing.network(1).revenue
