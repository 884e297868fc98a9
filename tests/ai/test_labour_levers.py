"""AI personalities weigh the labour side's levers too: a cooperative table adopts the forced labour
import ban once its earlier laws are in force and its budget carries the upkeep (it acts on labour
demand in the markets abroad that make the goods, model card 5.5c)."""

from game.ai.registry import assign
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario
from game.session.simulation import simulate


def test_a_cooperative_table_adopts_the_forced_labour_import_ban_somewhere() -> None:
    scenario = load_scenario(resolve_scenario("europe"))
    ids = [s.id for s in scenario.states]
    result = simulate(scenario, scenario.seed or 0,
                      ai=assign(ids, "cooperative", 1, [o.id for o in scenario.organizations]))
    adopted = [s for s, record in result.final.states.items() if "forced_labour_import_ban" in record.laws]
    assert adopted, "no cooperative state adopted the forced labour import ban in a whole game"
