"""Where a network's leaders hide, and who knows it.

Leaders live where the law reaches them least: of the states the network's routes cross, the one
with the lowest enforcement x (1 - corruption) (ties by id). Convictions, intelligence and joint
operations locate them there (`extradition.locate`, `diplomacy.effects.operations`); only what is
located can be asked for under an extradition treaty.
"""

from game.model.state import GameState, NetworkRecord


def footprint(state: GameState, network: NetworkRecord) -> list[str]:
    """The states its routes cross, sorted."""
    controller = state.world.controller
    found = {controller[r] for route in network.routes for r in route.path}
    return sorted(s for s in found if s is not None and s in state.states)


def haven(state: GameState, network: NetworkRecord, states_on: list[str] | None = None) -> str | None:
    """Where its leaders hide: the state on its routes where enforcement reaches least.
    `states_on`: its `footprint`, when the caller has it."""
    best: tuple[float, str] | None = None
    for state_id in footprint(state, network) if states_on is None else states_on:
        record = state.states[state_id]
        reach = record.capacities["enforcement"] * (1.0 - record.corruption)
        if best is None or reach < best[0]:
            best = (reach, state_id)
    return best[1] if best is not None else None


def add_located(network: NetworkRecord, by: str, where: str, leaders: int) -> None:
    """`by` now knows of `leaders` more of the network's leaders hiding in `where` (never more
    than the network has)."""
    if leaders <= 0:
        return
    known = network.located.setdefault(by, {})
    known[where] = min(network.core, known.get(where, 0) + leaders)
