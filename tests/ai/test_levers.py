"""Issue 15 point 7: the AI weighs labour inspection from what it can see: a share of its enforcement
weight where its own territory holds labour markets, none where it holds none."""

from game.ai.levers import INSPECTION_SHARE, weighted
from game.engine import new_game, view
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario

WEIGHTS = {"enforcement": 3.0, "protection": 3.0}


def test_a_state_with_labour_markets_weighs_labour_inspection() -> None:
    state = new_game(load_scenario(resolve_scenario("mekong")))
    weights = weighted(WEIGHTS, view(state, "thailand"))
    assert 0 < weights["labour_inspection"] <= INSPECTION_SHARE * WEIGHTS["enforcement"]
    assert weights["enforcement"] == WEIGHTS["enforcement"]


def test_no_labour_market_no_inspection_and_a_named_weight_is_kept() -> None:
    state = new_game(load_scenario(resolve_scenario("mekong")))
    me = view(state, "thailand")
    for region in me.regions:
        region.demand = {form: level for form, level in region.demand.items() if form == "sexual"}
    assert "labour_inspection" not in weighted(WEIGHTS, me)
    assert weighted({**WEIGHTS, "labour_inspection": 0.0}, view(state, "thailand"))["labour_inspection"] == 0.0
