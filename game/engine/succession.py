"""Succession and fragmentation: removing leaders does not end a network.

Research on networks that lose their leaders finds succession and splintering rather than collapse
(Morselli 2009, *Inside Criminal Networks*; Calderon et al. 2015 on Mexico's kingpin strategy; Kenney
2007 on trafficking organizations as learning systems). Here each leader removed is replaced by a
member of the periphery, promoted after `succession_lag` rounds (meanwhile the leader-to-be runs
part of a leader's crew, `succession_interim`), and the network works less well while its new
leaders learn (`skill`, regained a share a round). A network that loses every leader at once with
a crew of `fragment_periphery` or more and two routes or more splinters instead: two factions, each
promoting its own. A network ends only when its people and its money have run out
(`lifecycle.evolve`), never because a count of leaders reached 0.
"""

from game.engine.lifecycle import split
from game.model.report import EventRecord
from game.model.state import GameState, NetworkRecord


def leaders(state: GameState) -> dict[str, int]:
    """Each network's leaders now: read at the start of a round, to see how many it lost."""
    return {network_id: network.core for network_id, network in state.networks.items()}


def step(state: GameState, before: dict[str, int]) -> list[EventRecord]:
    """Promote the successors whose time has come, regain skill, and answer this round's losses."""
    params = state.world.params
    events: list[EventRecord] = []
    for network in list(state.networks.values()):
        if not network.active:
            continue
        removed = before.get(network.id, network.core) - network.core
        _promote(state, network)
        network.skill += params.skill_recovery * (1.0 - network.skill)
        if removed <= 0:
            continue
        lost_share = removed / max(before[network.id], 1)
        network.skill *= 1.0 - params.succession_skill_loss * lost_share
        if network.core <= 0 and not network.successors and network.periphery >= params.fragment_periphery \
                and len(network.routes) >= 2:
            events.append(split(state, network, "fragment"))
            child = state.networks[f"{network.id}-{state.round}"]
            _schedule(state, child, max(1, removed // 2))
            _schedule(state, network, max(1, removed - removed // 2))
        else:
            _schedule(state, network, removed)
    return events


def _promote(state: GameState, network: NetworkRecord) -> None:
    due = [when for when in network.successors if when <= state.round]
    if due:
        network.core += len(due)
        network.successors = [when for when in network.successors if when > state.round]


def _schedule(state: GameState, network: NetworkRecord, count: int) -> None:
    """Members step up to lead: they leave the crew now and lead from `succession_lag` rounds on."""
    promoted = min(count, network.periphery)
    network.periphery -= promoted
    network.successors.extend([state.round + state.world.params.succession_lag] * promoted)

