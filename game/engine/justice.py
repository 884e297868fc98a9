"""Justice (model card 5.6): prosecutions follow identified cases; convictions remove periphery.

Prosecutions scale with criminalization (x0.2 without it), enforcement and corruption; convictions
are about 0.4-0.5 of prosecutions (TIP 2017-2023), more with victims' testimony (the share of
identified victims who testify, `victims_decide`, raises both). Only joint
investigations and extradition (agreements) reach a network's core.
"""

import random

from game.engine.diplomacy.effects import giving_partners_all
from game.engine.laws import holds
from game.engine.ledger import Ledger
from game.engine.organizations.effects import effective
from game.engine.rng import stochastic_round
from game.model.partners_once import LEGAL_ASSISTANCE
from game.model.state import GameState
from game.summing import add_up


def prosecute(state: GameState, ledger: Ledger, rng: random.Random,
              identified_by: dict[str, dict[str, int]] | None = None) -> None:
    """Prosecutions and convictions in every state with identified victims. The networks behind each
    state's cases come from one pass over the networks' tallies (`identified_by`:
    `identified_by_state(ledger)` when the round has it already), and the states a network works in
    are found once for whichever states with legal assistance ask."""
    world = state.world
    params = world.params
    if identified_by is None:
        identified_by = identified_by_state(ledger)
    assistance = giving_partners_all(state, LEGAL_ASSISTANCE)
    footprints: dict[str, frozenset[str]] = {}
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
        # a victim's evidence (`victims_decide`), against the share the TIP figures' rates were measured at
        share = min(1.0, figures.testimonies / figures.identified)
        testified = share - params.testimony_reference
        rate = min(1.0, rate * evidence(share, params.testimony_reference, params.testimony_cases))
        figures.prosecutions = stochastic_round(figures.identified * rate, rng)
        conviction_rate = params.conviction_rate
        if holds(world, record, "victim_protection"):
            conviction_rate += params.testimony_bonus
        conviction_rate += params.testimony_conviction * testified
        mine = identified_by.get(state_id, {})
        conviction_rate += params.legal_assistance_bonus * _assisted_share(
            state, mine, assistance.get(state_id), footprints
        )
        figures.convictions = min(
            figures.prosecutions, stochastic_round(figures.prosecutions * min(1.0, conviction_rate), rng)
        )
        _remove_periphery(state, ledger, state_id, mine, figures.convictions)


def evidence(share: float, reference: float, resting: float) -> float:
    """Prosecutions per identified victim x this when `share` of the identified testify, against
    `reference`: a case with a victim's testimony goes to court far more often than one without, and
    `resting` of prosecutions rest on testimony at the reference share (UNODC 2017: most). So a case
    without testimony proceeds at `rho = reference (1 - resting) / (resting (1 - reference))` the rate
    of one with (0.07 at 0.1 and 0.6), and the rate follows `share + (1 - share) rho`. 1 where the
    reference or `resting` leaves testimony out."""
    if not 0.0 < reference < 1.0 or resting <= 0.0:
        return 1.0
    rho = reference * (1.0 - resting) / (resting * (1.0 - reference))
    return (share + (1.0 - share) * rho) / (reference + (1.0 - reference) * rho)


def identified_by_state(ledger: Ledger) -> dict[str, dict[str, int]]:
    """State -> network -> people it identified of that network this round (only counts above 0),
    networks in the ledger's order: read once, rather than once per state."""
    result: dict[str, dict[str, int]] = {}
    for network_id, tally in ledger.networks.items():
        for state_id, count in tally.identified_by.items():
            if count > 0:
                mine = result.get(state_id)
                if mine is None:
                    mine = result[state_id] = {}
                mine[network_id] = count
    return result


def _assisted_share(state: GameState, identified: dict[str, int], partners: set[str] | None,
                    footprints: dict[str, frozenset[str]]) -> float:
    """The share of this state's identified victims held by networks that also work in a state it has
    mutual legal assistance with: the cross-border cases where evidence from abroad helps.
    `footprints`: network -> the states its routes cross, filled as networks come up."""
    if not partners:
        return 0.0
    total = helped = 0
    for network_id, mine in identified.items():
        total += mine
        footprint = footprints.get(network_id)
        if footprint is None:
            states_on = state.world.states_on
            footprint = footprints[network_id] = frozenset().union(
                *(states_on(route.path) for route in state.networks[network_id].routes)
            )
        if not footprint.isdisjoint(partners):
            helped += mine
    return helped / total if total else 0.0


def _remove_periphery(state: GameState, ledger: Ledger, state_id: str, shares: dict[str, int],
                      convictions: int) -> None:
    """Convictions fall on the networks whose victims this state identified (`shares`), in proportion,
    the largest first (ties by id: sorting (-people, id) pairs)."""
    total = add_up(shares.values())
    if total <= 0 or convictions <= 0:
        return
    networks, tallies = state.networks, ledger.networks
    left = convictions
    for negated, network_id in sorted([(-count, network_id) for network_id, count in shares.items()]):
        network = networks[network_id]
        # at least one, at most what is left and what the network has (comparisons: min and max
        # calls were a third of this loop)
        removed = round(convictions * -negated / total)
        if removed < 1:
            removed = 1
        if removed > left:
            removed = left
        if removed > network.periphery:
            removed = network.periphery
        network.periphery -= removed
        tally = tallies[network_id]
        tally.periphery_removed += removed
        convicted = tally.convictions_by
        convicted[state_id] = convicted.get(state_id, 0) + removed
        left -= removed
        if left <= 0:
            break
    ledger.states[state_id].periphery_removed += convictions - left
