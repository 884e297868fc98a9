"""Leaders are found, then surrendered: a treaty hands over located suspects.

A network's leaders hide in its haven (`hideouts.haven`). Another state on its routes
locates one there when a conviction of a member names him (`leader_named_chance` a conviction),
through its own intelligence (`leader_located_intelligence` a level, less corruption) or through a
joint team's operation (`diplomacy.effects.operations`). An extradition treaty between the state
that located a leader and the haven surrenders him with a chance (`extradition_chance`, less the
haven's corruption); a refused or failed request warns him and the trail is lost. Dual criminality
is the treaty's own condition (both parties hold criminalization to sign it, UNTOC art. 16).
"""

import random

from game.engine.diplomacy.effects import in_force
from game.engine.hideouts import add_located, footprint, haven
from game.engine.ledger import Ledger
from game.engine.rng import stochastic_round
from game.model.report import EventRecord
from game.model.state import GameState


def locate(state: GameState, ledger: Ledger, rng: random.Random) -> None:
    """Convictions and intelligence locate leaders hiding in another state."""
    params = state.world.params
    named_chance = params.leader_named_chance
    # each state's chance a round of locating a leader of a network on its territory
    spotting = {state_id: params.leader_located_intelligence * record.capacities["intelligence"]
                * (1.0 - record.corruption) for state_id, record in state.states.items()}
    for network in state.networks.values():
        if not network.active or network.core <= 0:
            continue
        states_on = footprint(state, network)
        hiding = haven(state, network, states_on)
        if hiding is None:
            continue
        convicted = ledger.network(network.id).convictions_by
        for state_id in states_on:
            if state_id == hiding:
                continue
            named = stochastic_round(convicted.get(state_id, 0) * named_chance, rng)
            if rng.random() < spotting[state_id]:
                named += 1
            add_located(network, state_id, hiding, named)


def surrender(state: GameState, rng: random.Random) -> list[EventRecord]:
    """Each extradition treaty hands over, between its parties, the leaders one located in another."""
    params = state.world.params
    events: list[EventRecord] = []
    for agreement in in_force(state, "extradition"):
        parties = agreement.parties
        for network in state.networks.values():
            if not network.active or not network.located:
                continue
            handed = 0
            moves: list[str] = []  # "Hungary to Austria": who handed whom over, by name
            for requester in parties:
                known = network.located.get(requester)
                if not known:
                    continue
                for host in parties:
                    sought = min(known.get(host, 0), network.core)
                    if host == requester or sought <= 0:
                        continue
                    chance = params.extradition_chance * (1.0 - state.states[host].corruption)
                    caught = sum_of_draws(sought, chance, rng)
                    network.core -= caught
                    handed += caught
                    if caught:
                        name = state.world.state_name
                        moves.append(f"{caught} by {name(host)} to {name(requester)}")
                    del known[host]  # the surrendered are gone, the others warned
            if handed:
                events.append(EventRecord(
                    f"extradition-{agreement.id}-{network.id}", f"Leaders of {network.name} extradited",
                    f"{handed} located leader{'' if handed == 1 else 's'} handed over: {'; '.join(moves)}.",
                    "operation",
                    [f"network:{network.id} core -{handed}"],
                ))
    return events


def sum_of_draws(count: int, chance: float, rng: random.Random) -> int:
    """How many of `count` independent tries with this chance succeed."""
    return [rng.random() < chance for _ in range(count)].count(True)
