"""Model card 5.4b, mixed migration: a corridor carries migrants who are not trafficked beside the
victims; border checks stop them; the stopped are sent back, where networks recruit them first;
victims caught without screening and non-punishment are deported; regular pathways lower smuggling."""

from typing import Any

import pytest

from game.engine.migration import Corridors
from game.engine.setup import new_game
from tests.engine.play import Game, play, press, setup_people

TRANSIT_LAWS = ["criminalization", "victim_protection", "referral_mechanism"]


def crackdown(**changes: Any) -> Game:
    scenario = setup_people(**changes)
    return play(scenario, {1: press(scenario, "tran")}, rounds=3)


def total(game: Game, name: str, state_id: str) -> int:
    return sum(getattr(report.states[state_id], name) for report in game.reports)


def test_a_border_crackdown_stops_more_migrants_than_it_finds_victims() -> None:
    """Issue 15 point 1: border checks stop migrants as well as find victims, and most of those on a
    corridor are not trafficked, so a border-only strategy stops far more migrants than victims."""
    game = crackdown(network={"loss_tolerance": 1.0})
    stopped = total(game, "migrants_stopped", "tran")
    victims = total(game, "detected_in_transit", "tran") + total(game, "victims_deported", "tran")
    assert victims > 0, "the case needs victims caught at the border"
    assert stopped > victims, f"{stopped} migrants stopped against {victims} victims caught"
    met = stopped + total(game, "migrants_diverted", "tran")
    assert met > 2 * victims, f"{met} migrants stopped or sent around against {victims} victims caught"
    assert 0 < total(game, "migrants_returned", "tran") <= stopped


def test_no_border_no_migrants_stopped() -> None:
    """Only checked crossings stop migrants: a state with no border capacity stops nobody."""
    game = play(setup_people(states={"tran": {"capacities": {"border": 0}}}), rounds=2)
    assert total(game, "migrants_stopped", "tran") == 0


def test_returned_migrants_are_recruited_later_from_their_origin() -> None:
    """Issue 15 point 1: stopped and returned migrants become more vulnerable and feed recruitment
    later in their origin: the same crackdown with returned people who never fall back into the
    networks' hands recruits fewer."""
    feeding = crackdown(network={"loss_tolerance": 1.0})
    inert = crackdown(network={"loss_tolerance": 1.0}, parameters={"returned_recruitment": 0.0})
    assert feeding.after(1).regions["o"].returned > 0, "people were sent back to the origin"
    assert feeding.recruited(3) > inert.recruited(3), (feeding.recruited(3), inert.recruited(3))


def test_victims_caught_without_screening_are_deported() -> None:
    """Issue 15 point 1: unidentified victims caught at a border are deported unless screening (a
    referral mechanism) and non-punishment (the victim protection law) are in force."""
    bare = play(setup_people(), rounds=2)
    screened = play(setup_people(states={"tran": {"laws": TRANSIT_LAWS}}), rounds=2)
    assert total(bare, "victims_deported", "tran") > 0
    assert total(screened, "victims_deported", "tran") == 0
    assert total(screened, "detected_in_transit", "tran") > total(bare, "detected_in_transit", "tran")


def test_deported_victims_are_partly_trafficked_again() -> None:
    """A deported victim goes back into the debt that moved them: some are taken again at once."""
    game = play(setup_people(), rounds=2)
    deported = total(game, "victims_deported", "tran")
    assert deported > 10, "the case needs deportations"
    assert total(game, "retrafficked", "tran") > 0


def test_regular_pathways_lower_smuggling() -> None:
    """Issue 15 point 1: a fair recruitment law (a regular pathway) moves migrants from smuggled to
    regular travel, so the same border stops fewer."""
    without = crackdown()
    law = ["criminalization", "fair_recruitment"]
    with_pathway = crackdown(states={"dest": {"laws": law}})
    assert total(with_pathway, "migrants_stopped", "tran") < total(without, "migrants_stopped", "tran")


def test_a_route_may_give_its_migrants() -> None:
    """The scenario format: a route's `migrants` sets the migrants beside its victims; none, none stopped."""
    route = {"path": ["o", "t1", "d"], "form": "labour", "flow": 1000, "migrants": 0}
    game = crackdown(network={"routes": [route]})
    assert total(game, "migrants_stopped", "tran") == 0
    route["migrants"] = 10000
    many = crackdown(network={"routes": [route]})
    assert total(many, "migrants_stopped", "tran") > total(crackdown(), "migrants_stopped", "tran")
    assert many.after(0).world.migrant_ratio("o", "d") == 10.0


def test_a_tighter_border_sends_migrants_around_with_smugglers_rather_than_making_them_vanish() -> None:
    """Migration responds to border pressure (model card 5.4b): a tighter border stops more, and
    sends more around its checks with smugglers; some of those fall into the network's hands
    through their debts, which it recruits from next round. Without that debt it recruits fewer."""
    light = play(setup_people(network={"loss_tolerance": 1.0}), rounds=3)
    tight = crackdown(network={"loss_tolerance": 1.0})
    assert total(tight, "migrants_diverted", "tran") > total(light, "migrants_diverted", "tran") > 0
    assert total(tight, "migrants_stopped", "tran") > total(light, "migrants_stopped", "tran")
    assert total(tight, "recruited_diverted", "tran") > 0
    debtless = crackdown(network={"loss_tolerance": 1.0}, parameters={"smuggling_debt": 0.0})
    assert total(debtless, "recruited_diverted", "tran") == 0
    assert tight.recruited(3) > debtless.recruited(3), (tight.recruited(3), debtless.recruited(3))


def test_no_crossing_stops_more_than_a_bounded_share_however_tight() -> None:
    """Going around bounds what one crossing stops: `stop x exp(-migrant_divert x stop)` is at most
    1 / (e x migrant_divert), about 31% at the default (the apprehension rate the US-Mexico border
    held while its enforcement grew many times: Massey, Durand and Pren 2016)."""
    game = play(setup_people(states={"tran": {"capacities": {"border": 10}, "corruption": 0.0,
                                              "laws": ["criminalization", "border_security"]}},
                             network={"loss_tolerance": 1.0}), rounds=2)
    params = game.after(0).world.params
    smuggled = 2 * 1000 * params.migrants_per_victim * (1.0 - params.regular_share)  # two rounds of the route's
    stopped = total(game, "migrants_stopped", "tran")
    assert total(game, "migrants_diverted", "tran") > stopped > 0.2 * smuggled
    assert stopped < 0.33 * smuggled, f"{stopped} of about {smuggled:.0f} smuggled migrants stopped at one crossing"


@pytest.mark.parametrize(("need", "work", "expected"), [(1.0, 1.0, 1.0), (1.5, 1.0, 1.5), (1.0, 0.5, 0.5),
                                                      (0.5, 0.5, 0.25), (1.6, 2.0, 3.0)])
def test_migrants_follow_need_at_home_and_work_abroad(need: float, work: float, expected: float) -> None:
    """Migration responds to the wage gap's two sides (model card 5.4b): a corridor's migrants scale
    with the origin's vulnerability and the destination's labour demand against the start, never more
    than `migration_ceiling` (3) times."""
    state = new_game(setup_people())
    state.regions["o"].vulnerability *= need
    state.regions["d"].demand["labour"] *= work
    assert Corridors(state).pressure("o", "d") == pytest.approx(expected)


def test_work_abroad_gone_draws_no_migrants() -> None:
    """A destination with no labour demand left draws no migrants on its corridor (pull), while the
    same border stops migrants where the demand stays."""
    drop = [{"id": "closure", "title": "Closure", "round": 1,
             "effects": [{"target": "region:d", "field": "demand.labour", "add": -0.8}]}]
    game = play(setup_people(events=drop), rounds=2)
    kept = play(setup_people(), rounds=2)
    assert total(kept, "migrants_stopped", "tran") > 0
    assert total(game, "migrants_stopped", "tran") + total(game, "migrants_diverted", "tran") == 0


def test_migration_goes_on_where_trafficking_stops() -> None:
    """Migration is the corridor's, not the networks': with no one recruiting on it, its migrants
    still travel the scenario's paths and meet its borders."""
    game = play(setup_people(network={"periphery": 0, "core": 0}), rounds=2)
    assert sum(report.states["orig"].recruited for report in game.reports) == 0
    assert total(game, "migrants_stopped", "tran") > 0



def test_a_labour_mou_channel_is_built_over_rounds_of_payment_not_at_signature() -> None:
    """Issue 14: cooperation counts when carried out. An MoU signed in round 1 moves none of the
    corridor's migrants to regular travel in its own round, a `pathway_rounds`-th of `pathway_share`
    for each round paid after, and its full share after `pathway_rounds` rounds (an outside
    reviewer's six MoUs signed in round 1, and nothing else, averted 4.6% of the harm on his map)."""
    from tests.diplomacy.deals import signed

    scenario = setup_people()
    params = scenario.parameters
    game = play(scenario, {1: signed("labour_migration_mou", "dest", "orig", duration=6)}, rounds=4)
    base = params.regular_share
    shares = [Corridors(game.after(r)).regular_share("orig", "dest") for r in range(1, 5)]
    step = params.pathway_share / params.pathway_rounds
    assert shares == pytest.approx([base + step, base + 2 * step, base + params.pathway_share,
                                    base + params.pathway_share]), shares
    assert Corridors(game.after(1)).mou[("orig", "dest")] == pytest.approx(1 / params.pathway_rounds)


def test_an_mou_in_force_before_the_game_carries_its_full_share_from_round_one() -> None:
    from game.engine.migration import channel

    state = new_game(setup_people())
    assert channel(state, 0) == 1.0 and channel(state, -5) == 1.0
    state.round = 3
    assert channel(state, 3) == 0.0 and channel(state, 2) == pytest.approx(1 / state.world.params.pathway_rounds)


def test_victims_of_a_free_movement_partner_are_let_go_on_their_road_not_deported() -> None:
    """Rules 16: a state cannot deport the citizens of a state it shares free movement with (a
    Romanian stopped in Germany): those it stops and does not recognise are let go, and their network
    takes them on to where it was taking them (Germany deported 540 EU citizens in a europe game)."""
    bare = play(setup_people(), rounds=2)
    free = play(setup_people(free_movement=[["orig", "tran"]]), rounds=2)
    assert total(bare, "victims_deported", "tran") > 0, "the case needs deportations"
    assert total(free, "victims_deported", "tran") == 0, "orig's citizens are not deported by tran"
    assert total(free, "arrived", "dest") > total(bare, "arrived", "dest"), "the let go arrive with the network"


def test_a_europe_game_keeps_its_accounts_with_victims_let_go_inside_the_eu() -> None:
    """Every person released in transit is moved, not lost or made twice: the round's accounts hold."""
    from game.scenario.library import resolve_scenario
    from game.scenario.loader import load_scenario
    from tests.engine.test_invariants import check_accounts

    game = play(load_scenario(resolve_scenario("europe")), rounds=3)
    for number, report in enumerate(game.reports, start=1):
        check_accounts(game.states[number - 1], game.states[number], report)
