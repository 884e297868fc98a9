"""Model card 5.5c, the labour side: labour inspection is a capacity of its own that finds forced
labour at workplaces, where police rarely look; it finds no sexual exploitation; a scenario written
before it had the capacity opens it at 0."""

import pytest

from game.engine import new_game
from tests.engine.play import Game, play, setup

SEXUAL_RING = {"routes": [{"path": ["o", "t1", "d"], "form": "sexual", "flow": 1000}]}


def inspected(level: float, **network: object) -> Game:
    states = {"dest": {"capacities": {"labour_inspection": level}}}
    return play(setup(states=states, network=network or None), rounds=3)


def total(game: Game, name: str, state_id: str = "dest") -> int:
    return sum(getattr(report.states[state_id], name) for report in game.reports)


def test_labour_inspectors_find_forced_labour_the_police_do_not() -> None:
    none, some = inspected(0), inspected(8)
    assert total(none, "labour_inspections") == 0
    assert total(some, "labour_inspections") > 0
    assert total(some, "identified_in_exploitation") > total(none, "identified_in_exploitation")
    assert total(some, "labour_inspections") <= total(some, "identified_in_exploitation")


def test_labour_inspectors_do_not_look_for_sexual_exploitation() -> None:
    none, some = inspected(0, **SEXUAL_RING), inspected(8, **SEXUAL_RING)
    assert total(some, "labour_inspections") == 0
    assert total(some, "identified_in_exploitation") == total(none, "identified_in_exploitation")


def test_a_scenario_without_the_capacity_opens_it_at_zero() -> None:
    state = new_game(setup())
    assert all(record.capacities["labour_inspection"] == 0.0 for record in state.states.values())


def test_an_import_ban_lowers_labour_demand_abroad_within_its_bound() -> None:
    """Issue 15 point 4: a forced labour import ban acts on the markets abroad that make the goods,
    bounded: never more than `import_ban_floor` below the start, and not at home."""
    scenario = setup(rounds=30, states={"dest": {"laws": ["criminalization", "forced_labour_import_ban"]}})
    game = play(scenario)
    floor = scenario.parameters.import_ban_floor
    start = {r.id: r.demand.get("labour", 0.0) for r in scenario.regions}
    after = game.after(30).regions
    assert after["d"].demand["labour"] == start["d"], "the banning state's own market is not touched"
    for region_id in ("o", "t1", "t2"):
        assert after[region_id].demand["labour"] < start[region_id]
        assert after[region_id].demand["labour"] >= (1 - floor) * start[region_id] - 1e-12
    assert after["t1"].demand["labour"] == pytest.approx((1 - floor) * start["t1"]), "30 rounds reach the floor"


LABOUR_LAWS = ["criminalization", "supply_chain_transparency", "forced_labour_import_ban"]


def test_trade_laws_act_once_a_round_however_many_states_adopt_them() -> None:
    """Issue 14 point 8: supply-chain statements and import bans act on markets abroad once a round,
    whether one buyer or every buyer has them; before, each adopter cut the same market again."""
    one = play(setup(rounds=3, states={"dest": {"laws": LABOUR_LAWS}}))
    every = play(setup(rounds=3, states={s: {"laws": LABOUR_LAWS} for s in ("orig", "tran", "dest")}))
    assert every.after(3).regions["o"].demand["labour"] == one.after(3).regions["o"].demand["labour"]


def test_every_state_holding_both_trade_laws_takes_no_more_than_the_ban_floor_off_any_market() -> None:
    """Issue 14 point 8: demand laws bounded, a few percent over a game: with every state holding
    both laws for 30 rounds, no market's labour demand ends more than `import_ban_floor` below its
    start (it was a quarter below in a ten-round europe game), and with statements alone no more than
    `supply_chain_floor`."""
    both = setup(rounds=30, states={s: {"laws": LABOUR_LAWS} for s in ("orig", "tran", "dest")})
    statements = setup(rounds=30, states={s: {"laws": ["criminalization", "supply_chain_transparency"]}
                                          for s in ("orig", "tran", "dest")})
    for scenario, floor in ((both, both.parameters.import_ban_floor),
                            (statements, statements.parameters.supply_chain_floor)):
        start = {r.id: r.demand.get("labour", 0.0) for r in scenario.regions}
        after = play(scenario).after(30).regions
        for region_id, begun in start.items():
            if begun > 0:
                assert after[region_id].demand["labour"] >= (1 - floor) * begun - 1e-12, region_id
                assert after[region_id].demand["labour"] < begun, f"{region_id}: the laws act"
