"""`settlement._dues` lists the contributions due and which each party's points cover in one pass
over the agreements, as `pay_commitments` pays them; it must cover exactly what `payment_order`
(the order the budget screen names) and `paid_in_order` cover, party by party, whatever each party
has left, including a party one miss from losing an agreement."""

import random

import pytest

from game.ai.driver import play_round
from game.ai.registry import assign
from game.engine import new_game, resolve_round
from game.engine.diplomacy.settlement import _dues, paid_in_order, payment_order
from game.model.state import GameState
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario


def _ai_rounds(name: str, seed: int, rounds: int) -> list[GameState]:
    """The states after each of `rounds` rounds of a mixed AI table on the scenario."""
    scenario = load_scenario(resolve_scenario(name))
    seats = assign([s.id for s in scenario.states], "mixed", seed, [o.id for o in scenario.organizations])
    states = [new_game(scenario, seed)]
    for _ in range(rounds):
        states.append(resolve_round(play_round(states[-1], seats)[0])[0])
    return states[1:]


def _covered_by_payment_order(state: GameState, leftover: dict[str, float]) -> set[tuple[str, str]]:
    covered = set()
    for party, items in payment_order(state).items():
        for item, paid in zip(items, paid_in_order([i.amount for i in items], leftover.get(party, 0.0)), strict=True):
            if paid:
                covered.add((item.agreement, party))
    return covered


def _covered_in_one_pass(state: GameState, leftover: dict[str, float]) -> set[tuple[str, str]]:
    return {(agreement.id, party) for agreement, _, dues in _dues(state, leftover) for party, (_, paid) in dues if paid}


@pytest.mark.parametrize("name", ["mekong", "europe"])
def test_the_settlement_covers_in_one_pass_what_the_payment_order_covers(name: str) -> None:
    draw = random.Random(7)
    short = 0
    for state in _ai_rounds(name, 2, 6):
        limit = state.world.params.breaches_to_lapse
        for agreement in state.agreements.values():  # some parties one miss from the limit
            for party in agreement.parties:
                if draw.random() < 0.3:
                    agreement.breaches[party] = limit - 1
        owed = {party: sum(item.amount for item in items) for party, items in payment_order(state).items()}
        for _ in range(20):
            leftover = {party: draw.choice([0.0, total, total * draw.random(), total + 1])
                        for party, total in owed.items()}
            expected = _covered_by_payment_order(state, leftover)
            assert _covered_in_one_pass(state, leftover) == expected
            short += len(expected) < sum(len(items) for items in payment_order(state).values())
    assert short, "no party was ever short: the check would cover nothing"
