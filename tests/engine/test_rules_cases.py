"""Model card 5.10: who the victims are (children, women and girls) and one person in each round's
numbers, drawn from the state's own figures of the round, without a draw."""

from game.engine import new_game, resolve_round
from game.engine.cases import _busiest, _person, case
from game.model.report import StateFigures
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario
from tests.engine.play import play, setup_people


def test_identified_children_and_women_follow_the_routes_shares() -> None:
    route = {"path": ["o", "t1", "d"], "form": "labour", "flow": 1000, "children": 0.5, "female": 0.2}
    game = play(setup_people(network={"routes": [route]}), rounds=2)
    figures = game.report(2).states["dest"]
    assert figures.identified > 10
    assert abs(figures.identified_children - 0.5 * figures.identified) <= 1
    assert abs(figures.identified_female - 0.2 * figures.identified) <= 1


def test_the_default_shares_are_glotips() -> None:
    world = new_game(setup_people()).world
    assert world.victim_shares("o", "d") == (0.38, 0.61)


def test_each_state_has_a_case_drawn_from_its_own_figures() -> None:
    game = play(setup_people(), rounds=1)
    report = game.report(1)
    assert report.cases["alt"] == "", "no route crosses Alternative State: no case to draw"
    for state_id in ("orig", "tran", "dest"):
        figures, text = report.states[state_id], report.cases[state_id]
        assert "from Origin" in text and "in Destination" in text, (state_id, text)
        if figures.victims_deported >= max(figures.came_forward, figures.retrafficked, figures.labour_inspections,
                                           figures.identified_in_exploitation - figures.came_forward):
            verb = "turned back" if state_id == "orig" else "deported"  # a state does not deport its own people
            assert f"{verb} {figures.victims_deported} " in text, text


def test_a_case_is_the_same_on_replay_and_names_no_network() -> None:
    scenario = load_scenario(resolve_scenario("tutorial"))
    one = resolve_round(new_game(scenario))[1].cases
    two = resolve_round(new_game(scenario))[1].cases
    assert one == two
    names = [n.name for n in scenario.networks]
    assert not any(name in text for text in one.values() for name in names)


def test_a_state_stopping_its_own_people_on_the_way_out_sends_them_home_it_does_not_deport_them() -> None:
    """A victim caught at the origin's own border is sent back to where they set out from: the case
    says so (the figure is counted with the deported, who are returned the same way)."""
    game = play(setup_people(states={"orig": {"capacities": {"border": 10}}}), rounds=1)
    figures, text = game.report(1).states["orig"], game.report(1).cases["orig"]
    assert figures.victims_deported > max(figures.came_forward, figures.retrafficked), "the case is the border's"
    assert "on the way out" in text and "sent home" in text and "deported" not in text, text
    assert f"turned back {figures.victims_deported} people" in text, text


def test_cases_use_the_right_pronouns_for_the_person() -> None:
    """A man or a boy has his workplace and finds his own way home; never "him workplace"."""
    for round_no in range(1, 30):
        who, she, her, hers = _person(0.38, 0.61, round_no)
        assert (she, her, hers) == (("he", "him", "his") if who in ("a man", "a boy") else ("she", "her", "her"))
    games = [play(setup_people(states={"dest": {"capacities": {"labour_inspection": 10}}}), rounds=6),
             play(load_scenario(resolve_scenario("tutorial")))]
    texts = [text for game in games for report in game.reports for text in report.cases.values()]
    assert texts and not any(bad in text for text in texts for bad in ("him workplace", "him own"))


def test_a_case_follows_the_largest_flow_through_the_state_the_first_of_equal_ones() -> None:
    routes = [{"path": ["o", "t1", "d"], "form": "labour", "flow": 100},
              {"path": ["o", "t1", "d"], "form": "sexual", "flow": 100}]
    state = new_game(setup_people(network={"routes": routes}))
    first, second = state.networks["ring"].routes
    first.flow, second.flow = 10, 10
    assert _busiest(state)[0]["dest"] is first, "a tie goes to the first route"
    second.flow = 11
    through, into = _busiest(state)
    assert through["dest"] is second and through["orig"] is second and "alt" not in through
    assert into == {"dest": second}, "only the state a route ends in has it as the route into it"


def test_a_person_found_where_they_were_exploited_was_offered_work_in_that_state() -> None:
    """A raid in Origin State finds someone held there: the case follows a route that ends in Origin
    (offered work in Origin), not the busier route abroad (which would have them offered work in
    Destination and held in Origin). Someone stopped at its border still follows the route abroad."""
    routes = [{"path": ["o", "t1", "d"], "form": "labour", "flow": 1000},
              {"path": ["o"], "form": "sexual", "flow": 60}]
    state = new_game(setup_people(network={"routes": routes}))
    raided, stopped = StateFigures(), StateFigures()
    raided.identified_in_exploitation, stopped.victims_deported = 12, 12
    assert "offered a job waiting tables in Origin." in case(state, "orig", raided, 1)
    assert "in Destination, and paid a smuggler" in case(state, "orig", stopped, 1)
