"""The report's counts made in one pass (`round._count_victims`: the round's total, each state's and
each network's people held) and the case's path chosen without a key function agree with what they
stand for: eighth speed pass, hash-neutral."""

from game.engine import new_game, resolve_round
from game.engine.cases import case
from game.model.report import StateFigures
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario


def test_each_networks_victims_are_its_stock_and_the_total_their_sum_over_a_mekong_game() -> None:
    state = new_game(load_scenario(resolve_scenario("mekong")), 3)
    for _ in range(4):
        state, report = resolve_round(state)
        for network_id, network in state.networks.items():
            held = sum(sum(by_form.values()) for by_form in network.stock.values())
            assert report.networks[network_id].victims == held
        assert report.victims_total == sum(n.victims for n in report.networks.values())
        assert report.victims_total >= sum(f.victims_exploited for f in report.states.values())


def test_a_tie_between_paths_tells_the_first_of_them_deported_before_the_others() -> None:
    """As `max` did: on a tie the earlier path (deported, came forward, inspected, raided, again) is told."""
    state, _ = resolve_round(new_game(load_scenario(resolve_scenario("mekong")), 0))
    state_id = "thailand"
    tied = StateFigures(victims_deported=4, came_forward=4, identified_in_exploitation=4, identified=8)
    assert "deported 4 people" in case(state, state_id, tied, 2)
    later = StateFigures(came_forward=5, labour_inspections=5, identified_in_exploitation=10, identified=10)
    assert "5 people came forward" in case(state, state_id, later, 2)
    raided_most = StateFigures(came_forward=1, identified_in_exploitation=9, identified=9)
    assert "Police found" in case(state, state_id, raided_most, 2)


def test_a_networks_report_gives_each_route_it_holds_then_each_it_gave_up_this_round_once() -> None:
    """`_network_figures` tells the routes given up by counting the tallied routes it still holds:
    every held route once, in its order, then every route it ran this round and no longer holds.
    On mekong, where idle networks give up routes (europe's no longer do under rules 17, its EU
    citizens unscreened inside the EU)."""
    given_up = 0
    for seed in range(3):
        state = new_game(load_scenario(resolve_scenario("mekong")), seed)
        for _ in range(10):
            state, report = resolve_round(state)
            for network_id, figures in report.networks.items():
                held = [route.id for route in state.networks[network_id].routes]
                ids = [route.id for route in figures.routes]
                assert ids[:len(held)] == held and all(route.held for route in figures.routes[:len(held)])
                gone = figures.routes[len(held):]
                assert len(set(ids)) == len(ids) and not any(route.held for route in gone)
                given_up += len(gone)
    assert given_up > 0, "no route was given up in these games: the test would not see the second pass"
