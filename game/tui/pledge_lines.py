"""Pledges as the screens list them: each with its standing, broken as soon as the engine knows it
(a round that fell short, a convention closed to accession), not only at its due round, when a
pledge already broken read '(not judged yet)' for rounds (`PledgeView.status`)."""

from game.model.view import PledgeView

MARKS = {"open": "…", "kept": "✓", "broken": "✗"}
LEGEND = "✓ kept · ✗ broken · … open"


def standing_text(pledge: PledgeView) -> str:
    """'✗ broken in year 1: less than 3 went to protection; scored as broken in year 3'."""
    return f"{MARKS.get(pledge.standing, '…')} {pledge.status}"


def shown_pledges(pledges: list[PledgeView], round_no: int) -> list[PledgeView]:
    """The pledges a list shows: every one still open or broken before its due round, and those
    judged at the last resolution; older verdicts stay in the news of their round."""
    return [p for p in pledges if p.kept is None or p.due >= round_no - 1]


def broken_this_round(pledges: list[PledgeView], who: str, round_no: int) -> list[PledgeView]:
    """`who`'s pledges that round `round_no` broke before their due round (the verdict at the due
    round is in the news)."""
    return [p for p in pledges if p.seat == who and p.kept is None and p.short == round_no]
