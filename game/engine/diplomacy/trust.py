"""Trust of state A in state B: `(kept + 1) / (kept + broken + 2)` over B's commitments to A."""

from game.model.state import GameState


def trust(state: GameState, truster: str, trusted: str) -> float:
    kept, broken = state.commitments.get(trusted, {}).get(truster, [0, 0])
    return (kept + 1) / (kept + broken + 2)


def record(state: GameState, promiser: str, partners: list[str], *, kept: bool) -> None:
    """One commitment of `promiser` to each partner, kept or broken."""
    ledger = state.commitments.setdefault(promiser, {})
    for partner in partners:
        if partner == promiser:
            continue
        counts = ledger.setdefault(partner, [0, 0])
        counts[0 if kept else 1] += 1


def trust_row(state: GameState, truster: str) -> dict[str, float]:
    """`trust` of `truster` in every other state (every seat's view shows its row: `trust`, inlined)."""
    commitments = state.commitments
    row: dict[str, float] = {}
    for other in state.world.state_ids:
        if other == truster:
            continue
        kept, broken = commitments.get(other, {}).get(truster, (0, 0))
        row[other] = (kept + 1) / (kept + broken + 2)
    return row
