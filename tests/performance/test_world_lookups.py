"""Lookups the engine asks of the immutable `World` every round, found once per map: each must
answer as the rule it stands for would, region by region and state by state, on every shipped map."""

import pytest

from game.engine import new_game, resolve_round
from game.engine.migration import Corridors
from game.model.world import World
from game.scenario.library import shipped_scenarios
from game.scenario.loader import load_scenario

WORLDS = [pytest.param(World(load_scenario(path)), id=path.stem) for path in shipped_scenarios()]


@pytest.mark.parametrize("world", WORLDS)
def test_not_deported_names_exactly_the_states_whose_citizens_deportable_refuses(world: World) -> None:
    owners = sorted({owner for owner in world.controller.values() if owner is not None})
    for state_id in world.state_ids:
        expected = {origin for origin in owners if origin != state_id and not world.deportable(origin, state_id)}
        assert world.not_deported[state_id] == expected, state_id


def test_a_map_with_free_movement_has_states_that_do_not_deport_their_partners_citizens() -> None:
    """The check above is not vacuous: europe's free-movement area keeps some citizens from deportation."""
    europe = World(load_scenario(next(path for path in shipped_scenarios() if path.stem == "europe")))
    assert any(europe.not_deported.values())


@pytest.mark.parametrize("world", WORLDS)
def test_leg_owners_are_the_holders_of_every_region_after_the_origin(world: World) -> None:
    for network in world.scenario.networks:
        for route in network.routes:
            path = tuple(route.path)
            legs = path[1:] if len(path) > 1 else path
            assert world.leg_owners(path) == tuple(world.controller[region_id] for region_id in legs)
    region_id = world.region_ids[0]  # a path within one region is one leg
    assert world.leg_owners((region_id,)) == (world.controller[region_id],)


@pytest.mark.parametrize("world", WORLDS)
def test_the_corridors_travel_takes_are_the_scenarios_sorted_with_the_holders_of_their_ends(world: World) -> None:
    """`migration.travel` takes the corridors in the order kept once per world (`Corridors.order`):
    every corridor of the scenario, sorted, with the states holding its origin and its destination."""
    state = new_game(world.scenario, 1, world)
    corridors = Corridors(state)
    assert corridors.order == [(key, world.controller[key[0]], world.controller[key[1]])
                               for key in sorted(corridors.base)]
    assert Corridors(state).order is corridors.order


def test_a_world_gains_no_attribute_once_built_even_when_games_ask_it_everything() -> None:
    """Under CPython 3.11 an attribute added to an instance after `__init__` (as
    `functools.cached_property` adds one) made every attribute read of every `World` several times
    slower: the engine reads `world.controller` and `world.params` thousands of times a round."""
    world = World(load_scenario(next(path for path in shipped_scenarios() if path.stem == "mekong")))
    built = set(vars(world))
    state = new_game(world.scenario, 3, world)
    for _ in range(2):
        state, _ = resolve_round(state)
    assert world.scenario_hash and set(vars(world)) == built
