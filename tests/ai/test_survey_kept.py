"""An AI strategy surveys its view once per decision (`valuation.survey`): the copies of the view it
makes with its capital or budget lowered read the same survey, another seat's view or a view of a
changed state does not, and the partners it ranks are those a fresh survey ranks."""

from game.ai import valuation
from game.ai.driver import play_round
from game.ai.registry import assign
from game.engine import new_game, resolve_round, view
from game.model.view import PlayerView
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario


def _fresh_partners(seen: PlayerView) -> list[str]:
    valuation._last.clear()
    return valuation.partners(seen)


def test_copies_of_a_view_share_its_survey_and_other_views_do_not() -> None:
    scenario = load_scenario(resolve_scenario("mekong"))
    seats = assign([s.id for s in scenario.states], "mixed", 0, [o.id for o in scenario.organizations])
    state = new_game(scenario, 0)
    for _ in range(3):
        state, _ = resolve_round(play_round(state, seats)[0])
    mine = view(state, "thailand")
    first = valuation.survey(mine)
    poorer = mine.model_copy(update={"me": mine.me.model_copy(update={"political_capital": 0.0, "available": 0.0})})
    assert valuation.survey(poorer) is first
    assert valuation.partners(poorer) == valuation.partners(mine) == _fresh_partners(mine)
    assert valuation.partners(mine) and valuation.partners(mine) is not valuation.partners(mine)
    other = view(state, "cambodia")
    assert valuation.survey(other) is not valuation.survey(mine)
    assert valuation.partners(other) == _fresh_partners(other)
    lawless = mine.model_copy(update={"me": mine.me.model_copy(update={"laws": []})})
    assert valuation.survey(lawless) is not valuation.survey(mine)
    assert valuation.survey(lawless).laws["thailand"] == set()
