"""A scenario's word for a round is the author's text: a backslash in it ('year\\') stopped an AI
table with 'internal error: bad escape' (it was used as a regular expression's replacement)."""

from game.ai.registry import assign
from game.report.simulation import simulation_table
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario
from game.session.simulation import simulate


def test_an_ai_table_plays_and_reports_a_scenario_whose_round_word_holds_a_backslash() -> None:
    scenario = load_scenario(resolve_scenario("tutorial")).model_copy(update={"round_label": "year\\"})
    states = [s.id for s in scenario.states]
    result = simulate(scenario, 1, ai=assign(states, "mixed", 1, [o.id for o in scenario.organizations]))
    assert len(result.reports) == scenario.rounds
    assert "year\\" in simulation_table(result)
