"""Financial investigation and confiscation: a state with the
`asset_confiscation` law traces and seizes the proceeds of the networks whose members it convicts,
and the money funds its victims' services (FATF/APG 2018, Financial Flows from Human Trafficking;
UNTOC art. 12-14 on confiscation, with art. 14(2) on returning proceeds to compensate victims).

The share seized grows with the convictions that give investigators a case (each names accounts,
property, front companies), up to a cap, and corruption lets part of it slip away.
"""

from game.engine.laws import holds
from game.engine.ledger import Ledger
from game.model.state import GameState


def confiscate(state: GameState, ledger: Ledger) -> None:
    """Seize from each network the share its convictions in each confiscating state allow, in the
    order of the world's states; record it on both sides of the ledger."""
    world = state.world
    params = world.params
    confiscating = [state_id for state_id in world.state_ids
                    if holds(world, state.states[state_id], "asset_confiscation")]
    if not confiscating:
        return
    for network_id, tally in ledger.networks.items():
        network = state.networks[network_id]
        for state_id in confiscating:
            convictions = tally.convictions_by.get(state_id, 0)
            if convictions <= 0 or network.capital <= 0.0:
                continue
            share = min(params.confiscation_cap, params.confiscation_per_conviction * convictions)
            seized = network.capital * share * (1.0 - state.states[state_id].corruption)
            network.capital -= seized
            tally.seized += seized
            ledger.states[state_id].assets_seized += seized


def assisted_by_seized(state: GameState, seized: float) -> int:
    """Victims whose assistance the seized money pays for this round."""
    cost = state.world.params.assistance_cost
    return int(seized / cost) if cost > 0.0 else 0
