"""Laws: what a state holds, and the slow effects of laws in force (model card section 3)."""

from game.model.state import GameState, StateRecord
from game.model.world import World
from game.summing import add_up


def holds(world: World, record: StateRecord, rule: str) -> bool:
    """Whether a law following the built-in `rule` is in force (a scenario law `based_on` it counts)."""
    following = world.laws_following.get(rule)
    if following is None:  # no law of the catalogue follows it: only an unknown law of that name would
        return rule not in world.law_rules and rule in record.laws
    return not following.isdisjoint(record.laws)


def upkeep(world: World, laws: list[str]) -> float:
    catalogue = world.laws
    return add_up([catalogue[law].upkeep for law in laws if law in catalogue])


def in_force_at_resolution(state: GameState, record: StateRecord) -> list[str]:
    """The laws that will be in force once this round's orders take effect."""
    entering = [law for law, when in record.pending_laws.items() if when <= state.round]
    return [law for law in record.laws if law not in record.pending_repeals] + entering


def dependants(world: World, record: StateRecord, law: str) -> list[str]:
    """Laws in force or pending that need `law` as a prerequisite."""
    held = [*record.laws, *record.pending_laws]
    return sorted(other for other in held if law in world.laws[other].prerequisites)


def apply_standing_effects(state: GameState) -> None:
    """Each round a law is in force it moves its slow figures: demand, vulnerability, corruption."""
    world = state.world
    params = world.params
    supply_chain: list[str] = []  # the states whose trade laws act abroad this round
    banning: list[str] = []
    for record in state.states.values():
        territory = world.territory[record.id]
        if holds(world, record, "supply_chain_transparency"):
            supply_chain.append(record.id)
        if holds(world, record, "forced_labour_import_ban"):
            banning.append(record.id)
        if holds(world, record, "demand_reduction"):
            for region_id in territory:
                demand = state.regions[region_id].demand
                if "sexual" in demand:
                    demand["sexual"] *= 1.0 - params.demand_reduction_fall
        if holds(world, record, "fair_recruitment"):
            # fair recruitment works where labour recruiters work: the regions labour routes leave from
            senders = {route.path[0] for network in state.networks.values() for route in network.routes
                       if route.form == "labour"}
            for region_id in territory:
                if region_id in senders:
                    region = state.regions[region_id]
                    region.vulnerability *= 1.0 - params.fair_recruitment_fall
        if holds(world, record, "anti_corruption"):
            record.corruption *= 1.0 - params.corruption_reform_rate
    if supply_chain or banning:
        _trade_laws_abroad(state, supply_chain, banning)


def _trade_laws_abroad(state: GameState, supply_chain: list[str], banning: list[str]) -> None:
    """Supply-chain statements and forced labour import bans act through trade, where the goods are
    made: labour demand falls in every market outside the adopting states, once a round however many
    adopt (one more statement or ban among buyers who already have one changes little for a
    producer), and never more than the law's floor below where the scenario started it: a few
    percent for statements (`supply_chain_floor`), a little more for bans (`import_ban_floor`),
    since producers re-route goods to buyers without either. Before, each adopter took its share
    again, and a table that all adopted both cut its neighbours' labour demand by a quarter in a
    game, where no effect on prevalence has been measured."""
    world = state.world
    params = world.params
    for region_id, region in state.regions.items():
        demand = region.demand
        if "labour" not in demand:
            continue
        owner = world.controller[region_id]
        stating = any(adopter != owner for adopter in supply_chain)
        ban = any(adopter != owner for adopter in banning)
        if not (stating or ban):
            continue
        factor = (1.0 - params.supply_chain_demand_fall if stating else 1.0) * (
            1.0 - params.import_ban_fall if ban else 1.0)
        floor = max(params.supply_chain_floor if stating else 0.0, params.import_ban_floor if ban else 0.0)
        lowest = (1.0 - floor) * world.region_specs[region_id].demand.get("labour", 0.0)
        demand["labour"] = max(min(demand["labour"], lowest), demand["labour"] * factor)
