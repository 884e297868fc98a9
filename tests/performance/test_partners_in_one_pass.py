"""`giving_partners_all` finds every state's partners in one pass over the agreements, as the
phases that ask for every state need; it must give each state exactly the partners
`_giving_partners` finds for it alone: the other parties of its agreements of those kinds in force
that paid this round, and never the state itself."""

import pytest

from game.ai.driver import play_round
from game.ai.registry import assign
from game.engine import new_game, resolve_round
from game.engine.diplomacy.effects import _giving_partners, giving_partners_all
from game.model.partners_once import REPATRIATION, SHARING
from game.model.state import GameState
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario

KINDS = (SHARING, REPATRIATION, ("mutual_legal_assistance",), ("extradition",))


def _same_partners(state: GameState) -> int:
    """Checks every kind for every state; returns how many (state, kind) pairs had partners."""
    found = 0
    for rules in KINDS:
        together = giving_partners_all(state, rules)
        for state_id in state.world.state_ids:
            alone = _giving_partners(state, state_id, rules)
            assert together.get(state_id, set()) == alone, (state_id, rules)
            assert state_id not in together.get(state_id, set())
            found += bool(alone)
    return found


def _ai_rounds(name: str, seed: int, rounds: int) -> list[GameState]:
    """The states after each of `rounds` rounds of a mixed AI table on the scenario."""
    scenario = load_scenario(resolve_scenario(name))
    seats = assign([s.id for s in scenario.states], "mixed", seed, [o.id for o in scenario.organizations])
    states = [new_game(scenario, seed)]
    for _ in range(rounds):
        states.append(resolve_round(play_round(states[-1], seats)[0])[0])
    return states[1:]


@pytest.mark.parametrize("name", ["mekong", "europe"])
def test_every_states_partners_in_one_pass_are_those_found_for_it_alone(name: str) -> None:
    found = sum(_same_partners(state) for state in _ai_rounds(name, 3, 6))
    assert found, "no state had a partner: the check would cover nothing"


def test_a_party_that_did_not_pay_gives_nothing_but_still_receives() -> None:
    state = _ai_rounds("mekong", 1, 3)[-1]
    sharing = [a for a in state.agreements.values() if a.status == "in_force"
               and state.world.agreement_rules[a.kind] in SHARING]
    assert sharing, "the AI table has no sharing agreement in force"
    withholding = sharing[0].parties[0]
    for agreement in sharing:  # it pays into none of them this round
        if withholding in agreement.parties:
            agreement.unpaid = [withholding]
    together = giving_partners_all(state, SHARING)
    assert together[withholding], "it still hears from the parties that paid"
    assert not any(withholding in partners for partners in together.values()), "it shares with nobody"
    _same_partners(state)
