"""Victim outcomes (RULES.md 5.8): identified victims are assisted up to `protection` capacity;
some of those left without assistance are trafficked again next round, by the network that held them.
"""

import random

from game.engine.confiscation import assisted_by_seized
from game.engine.diplomacy.effects import REPATRIATION, giving_partners_all, repatriation_partners
from game.engine.justice import identified_by_state
from game.engine.ledger import Ledger
from game.engine.organizations.effects import effective
from game.engine.rng import stochastic_round
from game.model.state import GameState, NetworkRecord
from game.summing import add_up


def assist(state: GameState, ledger: Ledger, rng: random.Random) -> None:
    """Assistance and re-trafficking in every state. The networks that held each state's identified
    victims come from one pass over the networks' tallies, rather than one a state."""
    params = state.world.params
    repatriating = giving_partners_all(state, REPATRIATION)
    alone, repatriated = _retrafficking_rate(state, False), _retrafficking_rate(state, True)
    identified_by = identified_by_state(ledger)
    for state_id in state.world.state_ids:
        figures = ledger.states[state_id]
        places = int(effective(state, state_id, "protection") * params.assisted_per_protection)
        if figures.assets_seized > 0.0:  # confiscated proceeds pay for more places
            places += assisted_by_seized(state, figures.assets_seized)
        figures.assisted = min(figures.identified, places)
        unassisted = figures.identified - figures.assisted
        rate = repatriated if repatriating.get(state_id) else alone
        figures.retrafficked = stochastic_round(unassisted * rate, rng)
        if figures.retrafficked > 0:
            _return_to_networks(state.networks, identified_by.get(state_id, {}), figures.retrafficked)


def retrafficking_rate(state: GameState, state_id: str) -> float:
    """The share of unassisted victims trafficked again; repatriation protocols lower it."""
    return _retrafficking_rate(state, bool(repatriation_partners(state, state_id)))


def _retrafficking_rate(state: GameState, repatriates: bool) -> float:
    params = state.world.params
    if repatriates:
        return params.retrafficking_rate * params.repatriation_factor
    return params.retrafficking_rate


def _return_to_networks(networks: dict[str, NetworkRecord], identified: dict[str, int], people: int) -> None:
    """`people` go back to the active networks this state identified victims of (`identified`:
    network -> people), in proportion, the largest first (ties by id: sorting (-people, id) pairs)."""
    largest_first = sorted([(-count, network_id) for network_id, count in identified.items()
                            if networks[network_id].active])
    total = -add_up(negated for negated, _ in largest_first)
    left = people
    for negated, network_id in largest_first:
        back = round(people * -negated / total)  # at least one, at most what is left
        if back < 1:
            back = 1
        if back > left:
            back = left
        networks[network_id].retrafficked += back
        left -= back
        if left <= 0:
            break
