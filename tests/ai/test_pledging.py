"""AI seats pledge by their personalities, each pledge with its one-line reason: a state that keeps
its word pledges what it plans and keeps it; a free rider pledges what it does not mean to do; a
sovereigntist makes no public promises."""

from game.ai.driver import play_round
from game.engine import new_game, resolve_round
from game.engine.round import is_over
from game.model.actions import Pledge
from game.model.state import GameState
from tests.engine.play import setup

STATES = ("alt", "dest", "orig", "tran")


def played(seats: dict[str, str], seed: int = 3) -> tuple[GameState, list[tuple[str, str]]]:
    """The corridor played to its end by AI seats; the pledges' reasons as (seat, reason)."""
    state = new_game(setup(), seed)
    reasons = []
    while not is_over(state):
        state, moves = play_round(state, seats)
        reasons += [(m.state, m.reason) for m in moves if isinstance(m.action, Pledge)]
        state, _ = resolve_round(state)
    return state, reasons


def test_cooperative_seats_pledge_what_they_plan_and_keep_it() -> None:
    final, reasons = played(dict.fromkeys(STATES, "cooperative"))
    judged = [p for p in final.pledges if p.kept is not None]
    assert len(judged) >= len(STATES), f"each cooperator pledges more than once over the game: {final.pledges}"
    assert all(p.kept for p in judged), [p for p in judged if not p.kept]
    assert reasons and all("keeps its word" in reason for _, reason in reasons)


def test_a_free_rider_pledges_and_breaks() -> None:
    final, reasons = played({**dict.fromkeys(STATES, "cooperative"), "tran": "free_rider"})
    riders = [p for p in final.pledges if p.seat == "tran" and p.kept is not None]
    assert riders and any(p.kept is False for p in riders), riders
    assert all("a promise costs nothing today" in reason for seat, reason in reasons if seat == "tran")
    assert all(p.kept for p in final.pledges if p.seat != "tran" and p.kept is not None)


def test_a_broken_pledge_costs_the_free_rider_the_others_trust() -> None:
    final, _ = played({**dict.fromkeys(STATES, "cooperative"), "tran": "free_rider"})
    kept_by_rider = [p for p in final.pledges if p.seat == "tran" and p.kept is not None]
    broken = sum(1 for p in kept_by_rider if p.kept is False)
    assert final.commitments["tran"]["dest"][1] >= broken > 0


def test_a_sovereigntist_makes_no_public_promises() -> None:
    final, _ = played(dict.fromkeys(STATES, "sovereigntist"))
    assert final.pledges == []
