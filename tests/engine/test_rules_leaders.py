"""Issue 14 point 2, leaders: removing them triggers succession (a member promoted after a lag, the
network working less well meanwhile) or a split into factions; a network ends when its people and
its money have run out, never because its leaders were removed. Extradition itself is a case of
tests/diplomacy/test_kinds.py; here, how leaders are located and what their loss does.

The corridor's ring has 5 leaders and 80 members on one route o -> t1 -> d."""

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine import apply, new_game, resolve_round
from game.engine.hideouts import haven
from game.model.actions import Propose, Respond
from game.model.terms import Terms
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario
from tests.engine.play import play, setup


def decapitate(round_no: int) -> dict[str, Any]:
    return {"id": "leaders", "title": "Leaders arrested", "round": round_no,
            "effects": [{"target": "network:ring", "field": "core", "set": 0}]}


def test_removing_every_leader_promotes_members_after_a_lag() -> None:
    """Every leader removed in round 2: the network stays active, five members step up from the crew
    at once, and lead from round 3's resolution (`succession_lag` 1)."""
    game = play(setup(events=[decapitate(2)]), rounds=4)
    assert "collapse" not in [e.kind for r in (2, 3, 4) for e in game.report(r).events]
    assert game.after(2).networks["ring"].active
    assert game.network(2).core == 0 and game.network(2).successors == 5
    assert game.network(3).core == 5 and game.network(3).successors == 0
    assert game.recruited(3) > 0, "the crew goes on working under its leaders-to-be"


def test_new_leaders_run_the_network_worse_for_a_while() -> None:
    """Succession costs skill: the crew moves fewer people for a few rounds, then regains it."""
    game = play(setup(events=[decapitate(2)]), rounds=6)
    skills = [game.after(r).networks["ring"].skill for r in range(1, 7)]
    assert skills[0] == 1.0 and skills[1] < 0.8, f"skill by round: {skills}"
    assert skills[2:] == sorted(skills[2:]) and skills[-1] > skills[1], f"skill should recover: {skills}"


def test_a_leaderless_network_with_a_large_crew_and_two_routes_splits_into_factions() -> None:
    """With every leader gone, a crew of `fragment_periphery` or more working two routes splits: two
    factions, each a network of its own with half the crew and its own successor."""
    two_routes = {"routes": [{"path": ["o", "t1", "d"], "form": "labour", "flow": 1000},
                             {"path": ["o", "t2", "d"], "form": "labour", "flow": 1000}]}
    game = play(setup(network=two_routes, events=[decapitate(1)]), rounds=2)
    assert "split" in [e.kind for e in game.report(1).events]
    networks = game.after(1).networks
    child = next(n for n in networks.values() if n.parent == "ring")
    parent = networks["ring"]
    assert parent.active and child.active and parent.successors and child.successors
    assert len(parent.routes) == len(child.routes) == 1
    assert game.after(2).networks[child.id].core >= 1 and game.after(2).networks["ring"].core >= 1


def test_a_network_without_people_ends() -> None:
    """Nobody left to lead, to work or to promote: the network ends, whatever money it holds."""
    gone = {"id": "gone", "title": "Gone", "round": 1,
            "effects": [{"target": "network:ring", "field": "core", "set": 0},
                        {"target": "network:ring", "field": "periphery", "set": 0}]}
    game = play(setup(events=[gone], network={"capital": 100000}), rounds=1)
    assert "collapse" in [e.kind for e in game.report(1).events]
    assert not game.after(1).networks["ring"].active


def test_leaders_hide_where_the_law_reaches_least() -> None:
    """The haven is the state on the network's route with the lowest enforcement x (1 - corruption)."""
    state = new_game(setup(states={"tran": {"corruption": 0.6}}))
    assert haven(state, state.networks["ring"]) == "tran"


def test_intelligence_locates_leaders_hiding_abroad() -> None:
    """A state on the route with intelligence locates leaders in the haven without a conviction."""
    scenario = setup(states={"orig": {"corruption": 0.5},
                             "dest": {"capacities": {"intelligence": 10}, "corruption": 0.0}},
                     parameters={"leader_named_chance": 0.0, "leader_located_intelligence": 0.1})
    game = play(scenario, rounds=1)
    assert game.after(1).networks["ring"].located == {"dest": {"orig": 1}}


MEKONG_TREATIES = [("thailand", "myanmar"), ("thailand", "cambodia"), ("thailand", "laos"), ("vietnam", "cambodia"),
                   ("vietnam", "laos"), ("china", "myanmar"), ("china", "laos"), ("china", "vietnam"),
                   ("cambodia", "laos"), ("myanmar", "laos")]


def treaty_game(seed: int) -> int:
    """Whole mekong games with every extradition treaty signed in round 1 (between states that
    hold criminalization), convictions naming leaders twenty times as often as by default so that
    many are surrendered. Asserts that no network active at a round's start ends in that round while
    it still had people and money; returns the leaders surrendered."""
    shipped = load_scenario(resolve_scenario("mekong"))
    scenario = shipped.model_copy(update={"parameters": shipped.parameters.model_copy(
        update={"leader_named_chance": 20 * shipped.parameters.leader_named_chance})})
    state = new_game(scenario, seed)
    signed = 0
    bound = [set(x.parties) for x in state.agreements.values() if x.kind == "extradition"]
    for a, b in MEKONG_TREATIES:
        if not all("criminalization" in state.states[s].laws for s in (a, b)) or {a, b} in bound:
            continue  # the treaties in force from the start (China-Thailand, ...) bind already
        signed += 1
        before = set(state.proposals)
        state = apply(state, Propose(state=a, agreement="extradition", parties=[a, b], terms=Terms()))
        [made] = set(state.proposals) - before
        state = apply(state, Respond(state=b, proposal=made, answer="accept"))
    assert signed >= 3
    extradited = 0
    for _ in range(scenario.rounds):
        before = {i: n.active for i, n in state.networks.items()}
        state, report = resolve_round(state)
        for network_id, active in before.items():
            after = report.networks[network_id]
            if active and not after.active:
                assert after.periphery <= 0 and (after.core <= 0 or after.capital < 5.0), (
                    f"{network_id} ended in round {report.round} with {after.core} leaders, "
                    f"{after.periphery} members and {after.capital:.0f} capital")
        extradited += len([e for e in report.events if e.id.startswith("extradition-")])
    return extradited


@settings(max_examples=6, deadline=None)
@given(seed=st.integers(0, 10_000))
def test_no_network_disappears_in_one_round_because_its_leaders_were_removed(seed: int) -> None:
    """Losing leaders never ends a network: only running out of people and money does."""
    treaty_game(seed)


def test_such_treaties_do_surrender_leaders() -> None:
    """The games above are a test only if leaders are surrendered in them: surrender is a chance,
    and in some games none is (seed 79: hypothesis found it), so the check counts three games together."""
    assert sum(treaty_game(seed) for seed in (0, 1, 2)) > 0, "the treaties should surrender some leaders"


def test_members_being_promoted_hire_a_crew_for_the_leaders_they_will_be() -> None:
    """Every leader removed in round 1 and the crew cut to 5 in round 2, before the successors take
    over: the leaders-to-be hire for the crew they will run, so the network does not starve for want
    of a leader on the day it recruits."""
    cut = {"id": "cut", "title": "Crew arrested", "round": 2,
           "effects": [{"target": "network:ring", "field": "periphery", "set": 5}]}
    game = play(setup(events=[decapitate(1), cut]), rounds=2)
    assert game.after(1).networks["ring"].core == 0 and game.after(1).networks["ring"].successors
    assert game.network(2).periphery_replaced > 0
