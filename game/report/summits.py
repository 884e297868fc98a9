"""Summits in the record: each summit as data (`simulate --json`) and as lines of the debrief.

A summit's record holds its history with the round of each step (amendments, votes, signatures,
ratifications), so the same words serve a simulated game and a saved one.
"""

import re
from typing import Any

from game.model.summit import BUILTIN_CLAUSES, SummitRecord
from game.model.world import World

_AGREEMENT_ID = re.compile(r"a\d+")
"""An agreement's id (`a12`): what carries out a clause, as against the laws and the pool's pairs."""


def summit_data(summit: SummitRecord) -> dict[str, Any]:
    """The fields `simulate --json` promises: id, draft, amendments, votes, adopted, signed,
    reservations, ratified (with the failed votes and the signatories seen not to ratify)."""
    adopted = None if summit.status == "open" else summit.status not in ("not_adopted", "declined")
    return {
        "id": summit.id, "name": summit.name, "convenor": summit.convenor, "participants": summit.participants,
        "rule": summit.rule, "opens": summit.opens, "status": summit.status,
        "draft": [{"clause": c.clause, "numbers": c.numbers} for c in summit.draft],
        "amendments": [
            {"id": a.id, "by": a.by, "change": a.change, "clause": a.clause, "numbers": a.numbers, "round": a.round,
             "votes": a.votes, "carried": a.carried}
            for a in summit.amendments
        ],
        "invitation": summit.invitation,
        "votes": summit.text_votes, "adopted": adopted, "signed": summit.signed, "reservations": summit.reservations,
        "ratified": summit.ratified, "ratification_failed": summit.failed, "in_force": summit.in_force,
        "signed_not_ratified": [p for p in summit.signed if p not in summit.ratified],
        "agreements": {k: v for k, v in summit.agreements.items() if _AGREEMENT_ID.fullmatch(v)},
    }


def summit_lines(summit: SummitRecord, names: dict[str, str], label: str = "round") -> list[str]:
    """A summit in a few sentences a class reads: the text, the votes, who signed, who ratified, in
    the scenario's word for a round."""

    def who(ids: list[str]) -> str:
        return ", ".join(names.get(i, i) for i in ids) or "nobody"

    clauses = ", ".join(BUILTIN_CLAUSES[c.clause].name.lower() for c in summit.draft) or "no clause"
    lines = [f"{summit.name} ({label} {summit.opens}, {summit.rule.replace('_', ' ')}): {clauses}."]
    for amendment in summit.amendments:
        outcome = {True: "carried", False: "failed", None: "pending"}[amendment.carried]
        yes = [p for p, v in amendment.votes.items() if v == "yes"]
        no = [p for p, v in amendment.votes.items() if v == "no"]
        lines.append(f"  Amendment {amendment.id} by {names.get(amendment.by, amendment.by)} to {amendment.change} "
                     f"{BUILTIN_CLAUSES[amendment.clause].name.lower()}: {outcome} (for: {who(yes)}; "
                     f"against: {who(no)}).")
    if summit.status == "declined":
        lines.append(f"  It never met: too few accepted the invitation ({who(list(summit.invitation))} answered).")
        return lines
    if summit.status == "open":
        lines.append("  The text has not been voted yet.")
        return lines
    if summit.status == "not_adopted":
        against = [p for p, v in summit.text_votes.items() if v == "no"]
        lines.append(f"  The text was not adopted (against: {who(against)}).")
        return lines
    reserved = "; ".join(f"{names.get(p, p)} reserved {', '.join(_clause_name(x) for x in c)}"
                         for p, c in summit.reservations.items())
    lines.append(f"  Adopted; signed by {who(list(summit.signed))}" + (f" ({reserved})." if reserved else "."))
    lines.append(f"  Ratified by {who(list(summit.ratified))}; it needs {summit.min_ratifications}."
                 + (f" In force from {label} {summit.in_force}." if summit.in_force is not None else " Not in force."))
    refused = [p for p in summit.failed if p not in summit.ratified]
    if refused:
        lines.append(f"  Parliaments refused it in {who(refused)}.")
    late = [p for p in summit.overdue if p not in summit.ratified]
    if late:
        lines.append(f"  Signed, never ratified: {who(late)} (not within the {summit.ratification_rounds} "
                     f"round(s) after adoption; named in the news).")
    waiting = [p for p in summit.signed if p not in summit.ratified and p not in summit.failed and p not in late]
    if waiting:
        lines.append(f"  Signed, not yet put to a parliament: {who(waiting)}.")
    return lines


SUMMIT_ORDERS = ("call_summit", "amend", "vote", "sign", "ratify")


def describe_order(data: dict[str, Any], world: World | None = None) -> str:
    """A summit order in words for the debrief's timeline and the team's round report (`KeyError`
    on a malformed one): the summit and the states by name when the scenario names them (a team
    read 'voted yes on the text at summit asean-summit')."""
    kind = data["type"]
    ident = str(data.get("summit", ""))
    scheduled = {spec.id: spec.name for spec in world.scenario.summits} if world is not None else {}
    summit = f"the {scheduled[ident]}" if ident in scheduled else f"summit {ident}"

    def state(party: str) -> str:
        spec = world.state_specs.get(party) if world is not None else None
        return spec.name if spec is not None else party

    if kind == "call_summit":
        clauses = ", ".join(_clause_name(c["clause"]) for c in data["clauses"])
        return f"called the summit '{data['name']}' of {', '.join(state(p) for p in data['participants'])} on {clauses}"
    if kind == "amend":
        numbers = ", ".join(f"{k} {v:g}" for k, v in dict(data.get("numbers") or {}).items())
        return f"moved at {summit} to {data['change']} {_clause_name(data['clause'])}" + (
            f" ({numbers})" if numbers else "")
    if kind == "vote":
        item = {"text": "the text", "invitation": "the invitation"}.get(data["item"], f"amendment {data['item']}")
        return f"voted {data['choice']} on {item} at {summit}"
    if kind == "sign":
        reserved = ", ".join(_clause_name(c) for c in data.get("reservations") or [])
        return f"signed the text of {summit}" + (f", reserving {reserved}" if reserved else "")
    return f"put the treaty of {summit} to its parliament"


def _clause_name(clause: str) -> str:
    spec = BUILTIN_CLAUSES.get(clause)
    return spec.name.lower() if spec is not None else clause
