"""Model card, "Displacement": any loss of a site displaces. When the place where people are
exploited stops paying (a crackdown, a power cut, a fall in demand), operators move most of that
trade to the nearest market their routes reach where risk is lowest; the report says where."""

from game.model.report import RoundReport
from tests.engine.play import Game, play, setup

CRACKDOWN = {"id": "crackdown", "round": 2, "title": "Raids in the destination",
             "effects": [{"target": "region:d", "field": "demand.labour", "set": 0.2}]}


def _flow_to(report: RoundReport, region: str, *, into: bool) -> int:
    ring = report.networks["ring"]
    return sum(r.flow for r in ring.routes if (r.path[-1] == region) == into)


def _game(**parameters: float) -> Game:
    scenario = setup(events=[CRACKDOWN], states={"tran": {"capacities": {"border": 9, "enforcement": 9}}},
                     regions={"o": {"demand": {"labour": 0.0}}}, parameters=parameters)
    return play(scenario, {}, rounds=3)


def test_a_crackdown_that_cuts_a_sites_demand_moves_its_trade_elsewhere_and_says_where() -> None:
    game = _game()
    moves = [m for m in game.report(2).displacement if m.cause == "site"]
    assert moves, "the crackdown at d displaced nothing"
    move = moves[0]
    assert move.pressure_region == "d" and move.pressure_state == "dest"
    assert move.opened is not None and move.opened[-1] != "d", f"the trade should leave d: {move.opened}"
    assert abs(move.risk - 0.75) < 1e-9, f"d lost three quarters of its labour demand, not {move.risk:.0%}"
    before, after = _flow_to(game.report(1), "d", into=False), _flow_to(game.report(3), "d", into=False)
    lost = _flow_to(game.report(1), "d", into=True) - _flow_to(game.report(3), "d", into=True)
    assert after - before > 0.4 * lost, f"flows elsewhere rose by {after - before} while d lost {lost}"


def test_displaced_operators_go_where_risk_is_lowest() -> None:
    """tran holds border and enforcement at 9, alt at 3 (and the origin is no market here): the new
    path avoids tran's territory and ends in alt's market."""
    move = next(m for m in _game().report(2).displacement if m.cause == "site")
    assert move.opened is not None and "t1" not in move.opened, f"the new path crosses the guarded t1: {move.opened}"
    assert "alt" in move.received_by, f"alt should receive the flow: {move.received_by}"


def test_without_displacement_the_lost_trade_simply_ends() -> None:
    """displacement_share is the share of lost trade that reappears: at 0 nothing moves."""
    game = _game(displacement_share=0.0)
    assert not [m for m in game.report(2).displacement if m.cause == "site"]


def test_no_site_is_lost_where_demand_holds() -> None:
    game = play(setup(), {}, rounds=2)
    assert not [m for r in game.reports for m in r.displacement if m.cause == "site"]
