"""Information sharing is worth what is shared (model card: "Information sharing").

A partner's share of what it knows builds up over the rounds it actually pays into a sharing
agreement or a convention (liaison officers, joint databases and habits of working together take
years, not a signature), and fades once it stops. What a partner can share about a network is what
it knows of it: its intelligence, and only where the network works in its territory. What the
receiver gains is what it can act on: its enforcement, less its corruption (applied by the callers
with every other enforcement effect). Many partners give diminishing returns toward a cap: several
reports of the same network are worth less than their sum.
"""

import math

from game.engine.diplomacy.effects import SHARED_INFORMATION_CAP, carried_out, giving_partners_all
from game.model.partners_once import SHARING
from game.model.state import GameState

FADED = 0.01
"""A built-up share below this is forgotten, so that old partners do not linger in every state."""


def build(state: GameState, giving: dict[str, set[str]] | None = None) -> None:
    """After this round's payments: each partner that paid shares more, each that did not, less.
    `giving`: `giving_partners_all(state, SHARING)` when the round has it already."""
    params = state.world.params
    if giving is None:
        giving = giving_partners_all(state, SHARING)
    grow, fade = params.sharing_build, params.sharing_decay
    for state_id, record in state.states.items():
        partners = giving.get(state_id, set())
        levels = record.shared_from
        if not partners and not levels:
            continue
        built: dict[str, float] = {}
        for partner in sorted(set(levels) | partners):
            level = levels.get(partner, 0.0)
            level = level + grow * (1.0 - level) if partner in partners else level * (1.0 - fade)
            if level >= FADED:
                built[partner] = level
        record.shared_from = built


def knowledge(state: GameState, partner: str) -> float:
    """0 to 1: what a partner knows of the networks in its territory, from its intelligence."""
    record = state.states.get(partner)
    if record is None:
        return 0.0
    return min(1.0, max(0.0, record.capacities["intelligence"] / 10.0))


def reach(state: GameState, receiver: str) -> float:
    """0 to 1: how much of what it is told the receiver can act on, from its enforcement."""
    return carried_out(state, receiver, "enforcement")


def weights(state: GameState, giving: dict[str, set[str]] | None = None) -> dict[str, dict[str, float]]:
    """Receiver -> partner -> what that partner shares this round (built-up share x knowledge), for
    the partners that paid this round: one that withholds shares nothing, however long it shared.
    `giving`: `giving_partners_all(state, SHARING)` when the round has it already."""
    if giving is None:
        giving = giving_partners_all(state, SHARING)
    states = state.states
    known: dict[str, float] = {}
    """Partner -> its `knowledge`, asked once: every receiver of a convention asks of the same partners."""
    result: dict[str, dict[str, float]] = {}
    for receiver, partners in giving.items():
        record = states.get(receiver)
        if record is None:
            continue
        levels = record.shared_from
        mine: dict[str, float] = {}
        for partner in sorted(partners):
            knows = known.get(partner)
            if knows is None:
                knows = known[partner] = knowledge(state, partner)
            weight = levels.get(partner, 0.0) * knows
            if weight > 0.0:
                mine[partner] = weight
        if mine:
            result[receiver] = mine
    return result


def information(shared: dict[str, float], on: frozenset[str], cap: float, acts: float) -> float:
    """What a receiver makes of its partners' information about a route or a network crossing the
    states `on`: the partners' shares there, with diminishing returns toward `cap`, times what the
    receiver can act on (`reach`). Partners elsewhere share nothing about it."""
    total = 0.0
    for partner, weight in shared.items():
        if partner in on:
            total += weight
    if total <= 0.0 or cap <= 0.0:
        return 0.0
    return cap * (1.0 - math.exp(-total / cap)) * acts


def route_information(state: GameState, owner: str, route_states: frozenset[str]) -> float:
    """The information `owner` brings to bear on a route crossing `route_states`: its own
    (intelligence / 20) and what its partners there share, capped (`Detector` computes the same
    once per phase)."""
    own = state.states[owner].capacities["intelligence"] / 20.0
    shared = weights(state).get(owner, {})
    params = state.world.params
    from_partners = information(
        {p: w * params.information_per_partner for p, w in shared.items()}, route_states,
        SHARED_INFORMATION_CAP, reach(state, owner),
    )
    return min(SHARED_INFORMATION_CAP, own + from_partners)
