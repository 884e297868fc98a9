"""Issue 17.6: displacement reaches everyone it touches, in the same round's report: the state
whose pressure moved it, the state it left, the states on the new path and the state where it now
ends; a state it never touched does not read it."""

from game.model.report import Displacement, RoundReport, StateFigures
from game.session.seat_reports import seat_report
from game.tui.widgets.displacement_text import displacement_lines

TERRITORY = {"origin": {"o"}, "transit": {"t1"}, "alt": {"t2"}, "dest": {"d"}, "far": {"x"}}
MOVE = Displacement("ring", "labour", ["o", "t1", "d"], 900, ["o", "t2", "d"], 800.0, 0.4, "t1", "transit", ["alt"])


def report() -> RoundReport:
    return RoundReport(round=3, states={s: StateFigures() for s in TERRITORY}, networks={}, events=[],
                       displacement=[MOVE])


def moves_for(who: str) -> list[Displacement]:
    return seat_report(report(), who, TERRITORY[who]).displacement


def test_every_state_on_the_old_or_new_path_reads_the_move_in_the_same_round() -> None:
    for who in ("origin", "transit", "alt", "dest"):
        moves = moves_for(who)
        assert [(m.dropped, m.opened) for m in moves] == [(MOVE.dropped, MOVE.opened)], who
        assert moves[0].dropped_flow == 0 and moves[0].reach_moved == 0.0, "paths, not flows"


def test_a_state_the_move_never_touched_does_not_read_it() -> None:
    assert moves_for("far") == []


def test_a_state_the_flow_left_reads_that_it_left_and_the_state_where_it_ends_reads_that() -> None:
    left = Displacement("ring", "labour", ["o", "t1"], 900, ["o", "t2"], 800.0, 0.4, "t1", "transit", ["alt"])
    names = {"transit": "Transit One", "alt": "Transit Two", "t1": "Pass One", "t2": "Pass Two", "o": "Home"}
    transit = " ".join(" ".join(displacement_lines([left], "transit", {"t1"}, names)).split())
    assert "For you: your pressure moved it. The route left your territory." in transit
    ends = " ".join(" ".join(displacement_lines([left], "alt", {"t2"}, names)).split())
    assert "For you: the trade now ends in your territory." in ends and "New to you." in ends
    crossed = " ".join(" ".join(displacement_lines([MOVE], "alt", {"t2"}, names)).split())
    assert "For you: the new path crosses your territory." in crossed
