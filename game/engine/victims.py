"""Victim outcomes (model card 5.8): identified victims who accept assistance (`victims_decide`) are
assisted up to `protection` capacity; some of those left without assistance are trafficked again next
round, by the network that held them, fewer where a residence permit keeps them from being sent back.
"""

import random

from game.engine.confiscation import assisted_by_seized
from game.engine.diplomacy.effects import giving_partners_all, repatriation_partners
from game.engine.justice import identified_by_state
from game.engine.laws import holds
from game.engine.ledger import Ledger
from game.engine.retrafficking import return_to_networks
from game.engine.rng import stochastic_round
from game.engine.victims_decide import accepting, shelter_places
from game.model.partners_once import REPATRIATION
from game.model.state import GameState


def assist(state: GameState, ledger: Ledger, rng: random.Random,
           identified_by: dict[str, dict[str, int]] | None = None) -> None:
    """Assistance and re-trafficking in every state. The networks that held each state's identified
    victims come from one pass over the networks' tallies, rather than one a state."""
    params = state.world.params
    repatriating = giving_partners_all(state, REPATRIATION)
    alone, repatriated = _retrafficking_rate(state, False), _retrafficking_rate(state, True)
    if identified_by is None:  # else the round's (`identified_by_state(ledger)`, the same after exploitation)
        identified_by = identified_by_state(ledger)
    for state_id in state.world.state_ids:
        figures = ledger.states[state_id]
        places = shelter_places(state, state_id)
        if figures.assets_seized > 0.0:  # confiscated proceeds pay for more places
            places += assisted_by_seized(state, figures.assets_seized)
        figures.assisted = min(accepting(state, state_id, figures.identified), places)
        unassisted = figures.identified - figures.assisted
        rate = repatriated if repatriating.get(state_id) else alone
        if holds(state.world, state.states[state_id], "victim_protection"):
            rate *= params.permit_retrafficking  # a residence permit: not sent back into the same debt
        again = stochastic_round(unassisted * rate, rng)
        if again > 0:
            figures.retrafficked += return_to_networks(state.networks, identified_by.get(state_id, {}), again)


def retrafficking_rate(state: GameState, state_id: str) -> float:
    """The share of unassisted victims trafficked again; repatriation protocols lower it."""
    return _retrafficking_rate(state, bool(repatriation_partners(state, state_id)))


def _retrafficking_rate(state: GameState, repatriates: bool) -> float:
    params = state.world.params
    if repatriates:
        return params.retrafficking_rate * params.repatriation_factor
    return params.retrafficking_rate
