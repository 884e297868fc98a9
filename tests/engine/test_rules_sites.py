"""Model card, "Displacement": any loss of a site displaces. When the place where people are
exploited stops paying (a crackdown, a power cut, a fall in demand), operators move most of that
trade to the nearest market their routes reach where risk is lowest; the report says where."""

import pytest

from game.engine import sites
from game.engine.sites import demand_at_start, relocate
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


def test_a_site_move_reports_the_people_who_moved_not_the_whole_route() -> None:
    """An outside reviewer: the report gave a route's whole flow (4,718) where about 20 people
    moved. A site move keeps the route and reports the share of its trade that moved: the route's
    flow times the share of demand lost times `displacement_share`."""
    game = _game()
    move = next(m for m in game.report(2).displacement if m.cause == "site")
    flow = next(r.flow for r in game.report(1).networks["ring"].routes if r.path == move.dropped)
    share = game.after(2).world.params.displacement_share
    assert 0 < move.dropped_flow < flow
    assert abs(move.dropped_flow - flow * move.risk * share) <= 1 + 0.05 * flow, (move.dropped_flow, flow)


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


def _relocations(fall: float, seeds: range, monkeypatch: pytest.MonkeyPatch | None = None) -> list[float]:
    """The reach each seed moves from d when d's labour demand falls by the share `fall` between
    `demand_at_start` and relocation, in round 2 of the corridor with a second market at t2."""
    state = play(setup(regions={"t2": {"demand": {"labour": 0.4}}}), {}, rounds=1).after(1)
    moved = []
    for seed in seeds:
        trial = state.clone()
        trial.seed = seed
        before = demand_at_start(trial)
        trial.regions["d"].demand["labour"] *= 1.0 - fall
        moved.append(sum(m.reach_moved for m in relocate(trial, before)))
    return moved


def test_a_small_loss_of_demand_moves_trade_by_lot_the_same_trade_in_expectation(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Rules 9: a site losing less than `SMALL_FALL` of its demand (a law's slow fall) moves a
    route's trade with the chance (share lost) / SMALL_FALL, a SMALL_FALL loss's worth: over many
    draws the trade moved is what moving the share itself every round would move."""
    fall = sites.SMALL_FALL / 4
    lots = _relocations(fall, range(400))
    monkeypatch.setattr(sites, "SMALL_FALL", 0.0)  # every loss moved at once, as rules 8 did
    exact = _relocations(fall, range(1))[0]
    assert exact > 0
    moved = [m for m in lots if m > 0]
    assert 0.17 < len(moved) / len(lots) < 0.33, f"{len(moved)} of {len(lots)} draws moved trade, not about 1 in 4"
    assert all(abs(m - 4 * exact) < 1e-9 * exact for m in moved), "a draw moves a SMALL_FALL loss's worth"
    mean = sum(lots) / len(lots)
    assert abs(mean - exact) < 0.3 * exact, f"moved {mean:.3f} on average, against {exact:.3f} moved at once"


def test_a_loss_past_the_lot_moves_trade_every_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """A raid or an event's fall (past `SMALL_FALL`) moves every route's trade at once, whatever the draw."""
    fall = 2 * sites.SMALL_FALL
    lots = _relocations(fall, range(20))
    monkeypatch.setattr(sites, "SMALL_FALL", 0.0)
    assert lots[0] > 0 and lots == [_relocations(fall, range(1))[0]] * 20
