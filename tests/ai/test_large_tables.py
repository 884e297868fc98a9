"""The AI at a table larger than a proposal can name: a proposal names at most MAX_RECIPIENTS
parties, so a convention offered to more states that qualify goes to the ones that share the most
flow with the proposer, and the rest may accede later (the 200-state benchmark game stopped on it)."""

from benchmarks.synthetic import generate
from game.ai.registry import assign
from game.model.actions import MAX_RECIPIENTS, Propose
from game.model.scenario import Scenario
from game.session.simulation import simulate


def test_an_ai_convention_at_a_table_of_two_hundred_states_names_no_more_parties_than_a_proposal_may() -> None:
    # two rounds: nothing is proposed in a game's last round
    scenario = Scenario.model_validate(generate(states=200, networks=10, routes=100, rounds=2))
    ids = [s.id for s in scenario.states]
    result = simulate(scenario, 1, ai=assign(ids, "cooperative", 1, []))
    assert len(result.reports) == 2, "the game is played to its end"
    conventions = [m.action for m in result.moves
                   if isinstance(m.action, Propose) and len(m.action.parties) > 2]
    assert conventions, "at two hundred states that qualify the AI should still offer a convention"
    assert max(len(p.parties) for p in conventions) == MAX_RECIPIENTS
