"""Victim outcomes (RULES.md 5.8): identified victims are assisted up to `protection` capacity;
some of those left without assistance are trafficked again next round, by the network that held them.
"""

import random

from game.engine.diplomacy.effects import REPATRIATION, giving_partners_all, repatriation_partners
from game.engine.ledger import Ledger
from game.engine.organizations.effects import effective
from game.engine.rng import stochastic_round
from game.model.state import GameState


def assist(state: GameState, ledger: Ledger, rng: random.Random) -> None:
    params = state.world.params
    repatriating = giving_partners_all(state, REPATRIATION)
    for state_id in state.world.state_ids:
        figures = ledger.states[state_id]
        places = effective(state, state_id, "protection") * params.assisted_per_protection
        figures.assisted = min(figures.identified, int(places))
        unassisted = figures.identified - figures.assisted
        rate = _retrafficking_rate(state, bool(repatriating.get(state_id)))
        figures.retrafficked = stochastic_round(unassisted * rate, rng)
        _return_to_networks(state, ledger, state_id, figures.retrafficked)


def retrafficking_rate(state: GameState, state_id: str) -> float:
    """The share of unassisted victims trafficked again; repatriation protocols lower it."""
    return _retrafficking_rate(state, bool(repatriation_partners(state, state_id)))


def _retrafficking_rate(state: GameState, repatriates: bool) -> float:
    params = state.world.params
    if repatriates:
        return params.retrafficking_rate * params.repatriation_factor
    return params.retrafficking_rate


def _return_to_networks(state: GameState, ledger: Ledger, state_id: str, people: int) -> None:
    if people <= 0:  # nobody to return: skip reading every network's tally
        return
    shares = {
        network_id: tally.identified_by[state_id]
        for network_id, tally in ledger.networks.items()
        if tally.identified_by.get(state_id, 0) > 0 and state.networks[network_id].active
    }
    total = sum(shares.values())
    left = people
    for network_id in sorted(shares, key=lambda n: (-shares[n], n)):
        if left <= 0 or total <= 0:
            break
        back = min(left, max(1, round(people * shares[network_id] / total)))
        state.networks[network_id].retrafficked += back
        left -= back
