"""`accord simulate --json` carries what the confiscation law seized, by state and by network (the
engine counted it, and no output showed it)."""

from game.report.simulation import simulation_document
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario
from game.session.simulation import simulate


def test_simulate_json_gives_the_assets_each_state_seized_and_each_network_lost() -> None:
    scenario = load_scenario(resolve_scenario("tutorial"))
    scenario = scenario.model_copy(update={"states": [
        s.model_copy(update={"laws": sorted({*s.laws, "asset_confiscation"})}) for s in scenario.states]})
    document = simulation_document(simulate(scenario, 1, ai=dict.fromkeys((s.id for s in scenario.states),
                                                                            "cooperative")))
    by_states = sum(f["assets_seized"] for r in document["rounds"] for f in r["states"].values())
    by_networks = sum(n["seized"] for r in document["rounds"] for n in r["networks"].values())
    assert by_states > 0, "states that convict under the confiscation law seize something over a game"
    assert abs(by_states - by_networks) <= 0.1 * len(document["rounds"]) * 10, (by_states, by_networks)
