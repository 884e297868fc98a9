"""Justice (RULES.md 5.6): prosecutions follow identified cases; convictions remove periphery.

Prosecutions scale with criminalization (x0.2 without it), enforcement and corruption; convictions
are about 0.4-0.5 of prosecutions (TIP 2017-2023), more with victims' testimony. Only joint
investigations and extradition (agreements) reach a network's core.
"""

import random

from game.engine.diplomacy.effects import giving_partners_all
from game.engine.laws import holds
from game.engine.ledger import Ledger
from game.engine.organizations.effects import effective
from game.engine.rng import stochastic_round
from game.model.state import GameState


def prosecute(state: GameState, ledger: Ledger, rng: random.Random) -> None:
    world = state.world
    params = world.params
    identified_by = identified_by_state(ledger)
    assistance = giving_partners_all(state, ("mutual_legal_assistance",))
    for state_id in world.state_ids:
        record = state.states[state_id]
        figures = ledger.states[state_id]
        figures.identified = figures.detected_in_transit + figures.identified_in_exploitation
        if figures.identified <= 0:
            continue
        rate = (
            params.prosecutions_per_identified
            * (1.0 + params.prosecution_enforcement * effective(state, state_id, "enforcement"))
            * (1.0 - record.corruption)
        )
        if not holds(world, record, "criminalization"):
            rate *= params.prosecution_without_criminalization
        figures.prosecutions = stochastic_round(figures.identified * rate, rng)
        conviction_rate = params.conviction_rate
        if holds(world, record, "victim_protection"):
            conviction_rate += params.testimony_bonus
        mine = identified_by.get(state_id, {})
        conviction_rate += params.legal_assistance_bonus * _assisted_share(state, mine, assistance.get(state_id))
        figures.convictions = min(
            figures.prosecutions, stochastic_round(figures.prosecutions * min(1.0, conviction_rate), rng)
        )
        _remove_periphery(state, ledger, state_id, mine, figures.convictions)


def identified_by_state(ledger: Ledger) -> dict[str, dict[str, int]]:
    """State -> network -> people it identified of that network this round (only counts above 0),
    networks in the ledger's order: read once, rather than once per state."""
    result: dict[str, dict[str, int]] = {}
    for network_id, tally in ledger.networks.items():
        for state_id, count in tally.identified_by.items():
            if count > 0:
                result.setdefault(state_id, {})[network_id] = count
    return result


def _assisted_share(state: GameState, identified: dict[str, int], partners: set[str] | None) -> float:
    """The share of this state's identified victims held by networks that also work in a state it has
    mutual legal assistance with: the cross-border cases where evidence from abroad helps."""
    if not partners:
        return 0.0
    total = helped = 0
    for network_id, mine in identified.items():
        total += mine
        footprint = {state.world.controller[r] for route in state.networks[network_id].routes for r in route.path}
        if footprint & partners:
            helped += mine
    return helped / total if total else 0.0


def _remove_periphery(state: GameState, ledger: Ledger, state_id: str, shares: dict[str, int],
                      convictions: int) -> None:
    """Convictions fall on the networks whose victims this state identified (`shares`), in proportion."""
    total = sum(shares.values())
    if total <= 0 or convictions <= 0:
        return
    left = convictions
    for network_id in sorted(shares, key=lambda n: (-shares[n], n)):
        network = state.networks[network_id]
        removed = min(network.periphery, left, max(1, round(convictions * shares[network_id] / total)))
        network.periphery -= removed
        tally = ledger.network(network_id)
        tally.periphery_removed += removed
        tally.convictions_by[state_id] = tally.convictions_by.get(state_id, 0) + removed
        ledger.states[state_id].periphery_removed += removed
        left -= removed
        if left <= 0:
            break
