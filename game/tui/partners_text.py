"""The line a team reads when an agreement it proposes or is asked to accept would bring partners it
has already: sharing, safe return and legal assistance count each partner once
(`game.model.partners_once`), so a second agreement with a partner is paid for and adds nothing from
it. In mekong every state shares through the Bali Process and returns victims under COMMIT from the
first year; a student offering Thailand information sharing would pay for nothing new."""

from collections.abc import Iterable

from game.model.partners_once import counted_already
from game.model.summit import BUILTIN_CLAUSES, SummitView
from game.model.view import PlayerView
from game.tui.text import short
from game.tui.views import SeatView, names_of

PARTNERS_DO = {
    "information_sharing": ("share information with you", "shares information with you"),
    "repatriation_protocol": ("return victims with you", "returns victims with you"),
    "mutual_legal_assistance": ("assist your prosecutions", "assists your prosecutions"),
}
"""What partners counted already do for the team, by rule (several of them, one)."""


def counted_once_text(view: SeatView, kind: str, parties: Iterable[str], duration: int | None) -> str:
    """'' unless some other party counts for this team already under an agreement in force for as
    long as this one would run; then who, through what, and what is left that would be new."""
    spec = view.rules.agreements.get(kind)
    if not isinstance(view, PlayerView) or spec is None or spec.rule not in PARTNERS_DO:
        return ""
    me = view.me.id
    others = [p for p in parties if p != me]
    counted = counted_already(view, spec.rule, duration or spec.duration)
    covered = [p for p in others if p in counted]
    if not covered:
        return ""
    names = names_of(view)
    through: dict[str, list[str]] = {}
    for partner in covered:
        agreement = counted[partner]
        spec_in_force = view.rules.agreements.get(agreement.kind)
        name = spec_in_force.name if spec_in_force is not None else agreement.kind
        through.setdefault(f"{name}, {agreement.id}, to {view.round_label} {agreement.ends}", []).append(
            short(names.get(partner, partner)))
    who = "; ".join(f"{', '.join(partners)}: {what}" for what, partners in through.items())
    new = [short(names.get(p, p)) for p in others if p not in counted]
    several, one = PARTNERS_DO[spec.rule]
    if not new:
        subject = f"They all {several}" if len(others) > 1 else f"{short(names.get(others[0], others[0]))} {one}"
        return (f"\n! {subject} already, under agreements in force ({who}). A partner counts once, so this "
                "would cost each party and add nothing.")
    return (f"\n! Some of them {several} already, under agreements in force ({who}). A partner counts once, so "
            f"this adds nothing from them; only {', '.join(new)} would be new.")


def clauses_adding_nothing(view: SeatView, summit: SummitView) -> set[str]:
    """A summit's clauses that would bring this team nothing: their agreement counts each partner
    once, and every other state at the table does it with the team already, under agreements in
    force for the treaty's duration. A team that signs may reserve them, and pay nothing for them.
    None for a team not at the table: it neither signs nor reserves (China read 'adds nothing for you
    ... you may reserve it' under the ASEAN summit it had no seat at), nor for one that has signed."""
    if not isinstance(view, PlayerView) or view.me.id not in summit.participants or view.me.id in summit.signed:
        return set()  # once signed, 'you may reserve it' is past: Thailand read it beside its reservation
    others = set(summit.participants) - {view.me.id}
    found: set[str] = set()
    for clause in summit.draft:
        kind = BUILTIN_CLAUSES[clause.clause].agreement if clause.clause in BUILTIN_CLAUSES else None
        spec = view.rules.agreements.get(kind) if kind is not None else None
        if spec is not None and spec.rule in PARTNERS_DO and others \
                and others <= set(counted_already(view, spec.rule, summit.duration)):
            found.add(clause.clause)
    return found
