"""Model card 5.4b, mixed migration: a corridor carries migrants who are not trafficked beside the
victims; border checks stop them; the stopped are sent back, where networks recruit them first;
victims caught without screening and non-punishment are deported; regular pathways lower smuggling."""

from typing import Any

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
    assert stopped > 2 * victims, f"{stopped} migrants stopped against {victims} victims caught"
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
