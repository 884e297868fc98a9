"""Victims decide (model card 5.5b): whether they come forward, accept assistance and testify
responds to what a state offers and does, summed up in their trust in its police and services.

Trust moves each round toward what the state offers: shelters and services (protection), and
residence or reflection permits with non-punishment (the victim protection law, Council of Europe
Convention arts. 10-16; Palermo Protocol art. 7). Raids without protection and the deportation of
victims caught at borders lower it (GAATW, *Collateral Damage*, 2007). Self-identification (41% of
exits in court cases were self-rescue, GLOTIP 2022) scales with trust; so do accepting assistance
and testifying, and testimony feeds prosecutions and convictions (UNODC, *Evidential Issues in
Trafficking in Persons Cases*, 2017: most cases rest on a victim's testimony). A raid finds
victims, and a network moves some others on or takes them back, unless protection catches them.
"""

import random

from game.engine.justice import identified_by_state
from game.engine.laws import holds
from game.engine.ledger import Ledger
from game.engine.organizations.effects import effective
from game.engine.retrafficking import return_to_networks
from game.engine.rng import stochastic_round
from game.model.state import GameState, StateRecord
from game.model.world import World


def offered_trust(world: World, record: StateRecord) -> float:
    """The trust a state's offer earns, once victims have seen it a while: `trust_base`, plus
    protection's share, plus permits and non-punishment, less where corruption reaches the police."""
    params = world.params
    protection = min(10.0, record.capacities.get("protection", 0.0))
    trust = params.trust_base + params.trust_protection * protection / 10.0
    if holds(world, record, "victim_protection"):
        trust += params.trust_permit
    return min(1.0, trust * (1.0 - record.corruption / 2.0))


def willingness(world: World, record: StateRecord) -> float:
    """Self-identification x this: 1 at `trust_reference`, the level the identification rows were set at
    (a reference of 0 leaves trust out: always 1)."""
    reference = world.params.trust_reference
    return record.trust / reference if reference > 0 else 1.0


def acceptance(world: World, record: StateRecord) -> float:
    """The share of identified victims who accept assistance (the others fear what it leads to)."""
    params = world.params
    return min(1.0, params.accept_base + params.accept_trust * record.trust)


def shelter_places(state: GameState, state_id: str) -> int:
    """Victims a state's services can take in a round (before confiscated money adds places)."""
    return int(effective(state, state_id, "protection") * state.world.params.assisted_per_protection)


def accepting(state: GameState, state_id: str, identified: int) -> int:
    """Identified victims in `state_id` who accept assistance (a share, rounded: no draw)."""
    return round(identified * acceptance(state.world, state.states[state_id]))


def testifying_share(world: World, record: StateRecord) -> float:
    """The share of those accepting assistance who testify."""
    params = world.params
    rate = params.testify_base
    if holds(world, record, "victim_protection"):
        rate += params.testify_permit
    return min(1.0, rate * willingness(world, record))


def decide(state: GameState, ledger: Ledger, rng: random.Random,
           split: dict[str, float], identified_by: dict[str, dict[str, int]] | None = None) -> None:
    """Each state's victims' decisions this round, after identification in exploitation and before
    justice: who came forward (the self-identified share of those identified in exploitation,
    `split`: state -> that share), who testifies, whom raids cost, and the trust that follows."""
    world = state.world
    params = world.params
    if identified_by is None:  # else the round's (`identified_by_state(ledger)`, the same after exploitation)
        identified_by = identified_by_state(ledger)
    for state_id in world.state_ids:
        record = state.states[state_id]
        figures = ledger.states[state_id]
        found = figures.identified_in_exploitation
        figures.came_forward = round(found * split.get(state_id, 0.0))
        identified = figures.detected_in_transit + found
        accepted = accepting(state, state_id, identified)
        supported = min(accepted, shelter_places(state, state_id))  # counselling and legal aid make testimony possible
        # those who came forward chose to; those a raid or a border found often did not
        chose = figures.came_forward / identified if identified else 0.0
        willing = chose + (1.0 - chose) * params.raided_testimony
        figures.testimonies = stochastic_round(
            (supported + (accepted - supported) * params.unsupported_testimony) * willing
            * testifying_share(world, record), rng)
        protected = min(1.0, effective(state, state_id, "protection") / 10.0)
        raided = max(0, found - figures.came_forward - figures.labour_inspections)  # inspections are not raids
        if raided > 0:
            moved = stochastic_round(raided * params.raid_moved_on * (1.0 - protected), rng)
            if moved > 0:
                moved = return_to_networks(state.networks, identified_by.get(state_id, {}), moved)
                figures.moved_on += moved
                figures.retrafficked += moved
        harm = 0.0
        if raided > 0:
            enforcement = min(1.0, effective(state, state_id, "enforcement") / 10.0)
            harm += params.raid_trust_loss * enforcement * (1.0 - protected) * (
                0.5 if holds(world, record, "victim_protection") else 1.0)
        caught = figures.victims_deported + figures.detected_in_transit
        if figures.victims_deported > 0:
            harm += params.deport_trust_loss * figures.victims_deported / caught
        # harm lowers the level trust settles at; trust_speed says how fast it gets there, not where
        trust = record.trust + params.trust_speed * (offered_trust(world, record) - harm - record.trust)
        record.trust = min(1.0, max(0.0, trust))
