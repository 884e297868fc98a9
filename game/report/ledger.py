"""The agreement ledger (each proposal and agreement, round by round: proposed, signed, paid or
unpaid, ended, lapsed or withdrawn) and trust over time, read from the state after each round."""

from dataclasses import dataclass, field

from game.engine.diplomacy.trust import trust
from game.model.state import GameState
from game.model.terms import Terms
from game.model.world import World


@dataclass(slots=True)
class LedgerRow:
    proposal: str
    kind: str
    """The agreement's name from the catalogue."""
    proposer: str
    parties: list[str]
    proposed: int
    outcome: str
    """What became of it by the end: `in force`, `ended at term`, `lapsed`, `withdrawn`, `rejected`,
    `expired`, `countered`, or `open`."""
    agreement: str | None = None
    signed: int | None = None
    terms: Terms | None = None
    """Its terms, so that a grant's line can say who pays whom."""
    cells: dict[int, str] = field(default_factory=dict)
    """Round -> what happened to it in that round, in words."""
    paid: dict[str, int] = field(default_factory=dict)
    """Party -> rounds in force it paid its share."""
    unpaid: dict[str, int] = field(default_factory=dict)
    """Party -> rounds in force it withheld its share."""


@dataclass(slots=True)
class Ledger:
    rows: list[LedgerRow]
    trust: dict[str, list[float]]
    """State -> for each round, the mean trust the other states place in it (0 to 1; 0.5 with no record)."""


def build_ledger(world: World, after: list[GameState], names: dict[str, str]) -> Ledger:
    """`after[i]` is the state after round i + 1 resolved."""
    rows: dict[str, LedgerRow] = {}
    for number, state in enumerate(after, start=1):
        for proposal in state.proposals.values():
            row = rows.get(proposal.id)
            if row is None:
                spec = world.agreements.get(proposal.kind)
                row = rows[proposal.id] = LedgerRow(
                    proposal.id, spec.name if spec is not None else proposal.kind,
                    proposal.convened_by or proposal.proposer, list(proposal.parties), proposal.round, "open",
                    terms=proposal.terms)
                if proposal.round == number:
                    row.cells[number] = "proposed"
                else:  # proposed and settled in an earlier round that this list starts after
                    row.cells[proposal.round] = "proposed"
            if proposal.status != "open" and row.outcome == "open":
                row.outcome = proposal.status
                if proposal.status != "accepted":
                    row.cells[number] = _joined(row.cells.get(number), proposal.status)
            if proposal.agreement is not None:
                row.agreement = proposal.agreement
        for agreement in state.agreements.values():
            row = rows.get(agreement.proposal)
            if row is None:
                continue
            row.agreement, row.signed = agreement.id, agreement.signed
            if agreement.signed == number:
                row.cells[number] = _joined(row.cells.get(number), "signed")
            elif agreement.status == "in_force" or agreement.ended_round == number:
                for party in agreement.parties:
                    book = row.unpaid if party in agreement.unpaid else row.paid
                    book[party] = book.get(party, 0) + 1
                withheld = [names.get(p, p) for p in agreement.unpaid]
                text = f"unpaid by {', '.join(withheld)}" if withheld else "paid"
                row.cells[number] = _joined(row.cells.get(number), text)
            if agreement.ended_round == number:
                ended = {"ended": "ended at term", "lapsed": "lapsed", "withdrawn": "withdrawn"}.get(
                    agreement.status, agreement.status)
                if agreement.ended_by:
                    ended += f" by {names.get(agreement.ended_by, agreement.ended_by)}"
                row.cells[number] = _joined(row.cells.get(number), ended)
            row.outcome = {"in_force": "in force", "ended": "ended at term"}.get(agreement.status, agreement.status)
    ordered = sorted(rows.values(), key=lambda r: (r.proposed, _number(r.proposal)))
    return Ledger(ordered, _trust(world, after))


def _trust(world: World, after: list[GameState]) -> dict[str, list[float]]:
    table: dict[str, list[float]] = {}
    for state_id in world.state_ids:
        others = [o for o in world.state_ids if o != state_id]
        table[state_id] = [sum(trust(s, o, state_id) for o in others) / len(others) if others else 0.5
                           for s in after]
    return table


def _joined(before: str | None, text: str) -> str:
    return text if not before else f"{before}; {text}"


def _number(proposal_id: str) -> int:
    digits = "".join(c for c in proposal_id if c.isdigit())
    return int(digits) if digits else 0
