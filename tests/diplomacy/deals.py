"""Helpers for the diplomacy rule cases: proposals, answers and a deal signed in one go, on the
corridor of `tests.engine.maps` (origin `orig`, transit `tran`, alternative `alt`, destination `dest`;
the network `ring` runs o -> t1 -> d, so `orig`, `tran` and `dest` are on its route and `alt` is not).

A rule case reads as in tests/engine: set up (`setup(...)`), order (`{round: [actions]}`), resolve
(`play`), assert.
"""

from typing import Any

import pytest

from game.engine import ActionRejected
from game.model.actions import Action, Allocate, Propose, Respond, Withdraw
from game.model.catalogue import BUILTIN_LAWS
from game.model.scenario import Scenario
from game.model.state import GameState
from game.model.terms import Terms
from tests.engine.play import allocate, apply

ON_ROUTE = ("orig", "tran", "dest")
"""The states whose regions the ring's one route crosses."""


def propose(proposer: str, kind: str, *others: str, counters: str | None = None, **terms: Any) -> Propose:
    """`proposer` offers `kind` to `others`; keyword arguments are the terms."""
    return Propose(state=proposer, agreement=kind, parties=[proposer, *others], terms=Terms(**terms),
                   counters=counters)


def accept(state: str, proposal: str = "p1") -> Respond:
    return Respond(state=state, proposal=proposal, answer="accept")


def reject(state: str, proposal: str = "p1") -> Respond:
    return Respond(state=state, proposal=proposal, answer="reject")


def withdraw(state: str, agreement: str) -> Withdraw:
    return Withdraw(state=state, agreement=agreement)


def signed(kind: str, proposer: str, *others: str, proposal: str = "p1", **terms: Any) -> list[Action]:
    """Orders for one round in which `proposer` offers `kind` and every other party accepts: the
    agreement is in force from that round's resolution."""
    return [propose(proposer, kind, *others, **terms), *(accept(other, proposal) for other in others)]


def withhold(scenario: Scenario, state_id: str) -> Allocate:
    """Allocate every point left after law upkeep (all of it to enforcement): nothing is left to pay
    an agreement with, so the state is in breach of what it owes."""
    spec = next(s for s in scenario.states if s.id == state_id)
    upkeep = sum(BUILTIN_LAWS[law].upkeep for law in spec.laws)
    return allocate(state_id, enforcement=spec.budget - upkeep)


def rejected(state: GameState, action: Action, by: str | None = None) -> str:
    """The reason `apply` refuses `action`; the test fails if it is accepted."""
    with pytest.raises(ActionRejected) as caught:
        apply(state, action, by=by)
    return str(caught.value)
