"""`python -m benchmarks.hashes` is how an optimization proves it changed no state; its every-kind
game must actually sign every bilateral kind, or the hashes it pins would skip their effects."""

from benchmarks.hashes import EVERY_KIND, every_kind
from game.engine import apply, new_game, resolve_round
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario


def test_the_every_kind_game_signs_every_kind_in_round_1() -> None:
    state = new_game(load_scenario(resolve_scenario("mekong")), 0)
    before = set(state.agreements)
    for action, _ in every_kind(state):
        state = apply(state, action)
    after, _ = resolve_round(state)
    signed = sorted((record.kind, partner) for id_, record in after.agreements.items() if id_ not in before
                    for partner in record.parties if partner != "thailand")
    assert signed == sorted(EVERY_KIND)
