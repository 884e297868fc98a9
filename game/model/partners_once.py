"""Agreements whose whole worth is the partners they bring, each partner counted once: information
sharing (and a convention's sharing), safe return, mutual legal assistance. A partner that shares
through one agreement in force shares nothing more through a second, so what a state pays into the
second buys nothing from that partner. The engine counts partners this way (docs/model.md,
"Information sharing"); the AI and the players' screens read the same rule to tell what an
agreement would add."""

from game.model.summit import BUILTIN_CLAUSES, SummitView
from game.model.view import AgreementView, PlayerView

SHARING = ("information_sharing", "regional_convention")
"""The rules under which partners share what they know."""
REPATRIATION = ("repatriation_protocol",)
"""The rules under which partners return victims safely."""
LEGAL_ASSISTANCE = ("mutual_legal_assistance",)
"""The rules under which partners help each other's prosecutions."""

ONCE_PER_PARTNER: dict[str, tuple[str, ...]] = {
    "information_sharing": SHARING,
    "repatriation_protocol": REPATRIATION,
    "mutual_legal_assistance": LEGAL_ASSISTANCE,
}
"""A rule whose every effect is a partner counted once -> the rules whose agreements in force already
count that partner. A convention is not one: it brings peer review and standing besides its sharing."""


def counted_already(view: PlayerView, rule: str, duration: int) -> dict[str, AgreementView]:
    """Partner -> an agreement in force that already counts it for the viewer under `rule`, until
    the end of a new agreement of `duration` rounds signed now (or of the game): a second agreement
    with that partner would be paid for and add nothing from it. Empty for a rule counted per
    agreement (joint teams, extradition, funding, a convention)."""
    group = ONCE_PER_PARTNER.get(rule)
    if group is None:
        return {}
    until = min(view.rounds, view.round + duration)
    me = view.me.id
    kinds = view.rules.agreements
    found: dict[str, AgreementView] = {}
    for agreement in sorted(view.agreements, key=lambda a: a.id):
        if agreement.status != "in_force" or me not in agreement.parties or agreement.ends < until:
            continue
        if agreement.kind in kinds and kinds[agreement.kind].rule in group:
            for partner in agreement.parties:
                if partner != me:
                    found.setdefault(partner, agreement)
    return found


def clauses_adding_nothing(view: object, summit: SummitView) -> set[str]:
    """A summit's clauses that would bring this team nothing: their agreement counts each partner
    once, and every other state at the table does it with the team already, under agreements in
    force for the treaty's duration. A team that signs may reserve them, and pay nothing for them; the AI does
    (mekong's ASEAN draft asked again for the sharing and safe return in force under the Bali Process
    and COMMIT, and cooperative signatories paid for both for nothing)."""
    if not isinstance(view, PlayerView) or view.me.id not in summit.participants or view.me.id in summit.signed:
        # none for a team not at the table (China read 'adds nothing for you ... you may reserve it'
        # under the ASEAN summit it had no seat at), nor once it has signed (Thailand read it beside
        # the reservation it had made)
        return set()
    others = set(summit.participants) - {view.me.id}
    found: set[str] = set()
    for clause in summit.draft:
        kind = BUILTIN_CLAUSES[clause.clause].agreement if clause.clause in BUILTIN_CLAUSES else None
        spec = view.rules.agreements.get(kind) if kind is not None else None
        if spec is not None and spec.rule in ONCE_PER_PARTNER and others \
                and others <= set(counted_already(view, spec.rule, summit.duration)):
            found.add(clause.clause)
    return found
