"""An agreement's parties and standing in words, the same in a team's Diplomacy table, the
facilitator's console and the debrief.

A grant says who pays whom: a grant each way between Korvia and Meridia both read 'Funding (Korvia,
Meridia)', and a student took the grant it received for the one it gave. An agreement that served
its term is a kept commitment, not a failure ('✗ ended in year 4' read as one), and one in force
from before the game was not 'signed in year 0'."""

from collections.abc import Callable
from typing import Protocol

from game.model.terms import Terms


class AgreementLike(Protocol):
    """What the words read of an agreement: a team's `AgreementView` or the engine's record."""

    parties: list[str]
    terms: Terms
    signed: int
    ends: int
    status: str
    ended_by: str | None
    ended_round: int | None


def parties_words(parties: list[str], terms: Terms | None, name: Callable[[str], str], label: str) -> str:
    """'Korvia, Meridia', or for a grant 'Korvia → Meridia, 2 a year' (and any other party after)."""
    if terms is None or not (terms.donor and terms.recipient):
        return ", ".join(name(p) for p in parties)
    others = "".join(f", {name(p)}" for p in parties if p not in (terms.donor, terms.recipient))
    return f"{name(terms.donor)} → {name(terms.recipient)}, {_amount(terms.amount or 0.0)} a {label}{others}"


def standing_words(agreement: AgreementLike, name: Callable[[str], str], label: str, rounds: int | None = None) -> str:
    """'✓ in force (signed year 2, until year 5)', '✓ in force (from before the game, until year 10)',
    '✓ served its term (year 5)', or '✗ lapsed by Korvia in year 4'. With the game's `rounds`, one
    running past them reads 'until the game ends, year 10' (a summit treaty read 'until year 12' in a
    10-year game)."""
    if agreement.status == "in_force":
        since = "from before the game" if agreement.signed <= 0 else f"signed {label} {agreement.signed}"
        if rounds is not None and agreement.ends > rounds:
            return f"✓ in force ({since}, until the game ends, {label} {rounds})"
        return f"✓ in force ({since}, until {label} {agreement.ends})"
    when = f" in {label} {agreement.ended_round}" if agreement.ended_round else ""
    if agreement.status == "ended":
        return f"✓ served its term{when}"
    by = f" by {name(agreement.ended_by)}" if agreement.ended_by else ""
    return f"✗ {agreement.status.replace('_', ' ')}{by}{when}"


def _amount(points: float) -> str:
    """Points as the screens write them: thousands apart, one decimal where it matters."""
    return f"{points:,.1f}".removesuffix(".0")
