"""A save replays to the same hashes on every Python the game supports (3.11 and newer): a class may
play on one machine and the facilitator verify or replay on another.

The engine and the AI add floats left to right in plain floating point (`game.summing.add_up`),
never with the builtin `sum`, which compensates rounding from Python 3.12 on and so gives other
totals than 3.11 did. The recorded hashes below were the same under 3.11, 3.12 and 3.13.
"""

import ast
import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import game
from game.ai.registry import assign
from game.engine.version import ENGINE_RULES
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario
from game.session.simulation import simulate
from game.summing import add_up, left_to_right

PACKAGE = Path(game.__file__).parent

FINAL_HASHES = {
    17: {
        "tutorial": "98c365a88d11f0336e5306dffe9d1e349d8a373d52862b482fd053e97949215d",
        "mekong": "ac7edd16630b43b015267ef6c6088edc25efeb986d235e1be82ce5a8e57424e5",
        "europe": "27abf6fa2b54da9b416220a82e85ab8a1673484acf3be05b9ee6b5e5684b619a",
    },
}
"""ENGINE_RULES -> scenario -> the state hash after the last round of a mixed AI table, seed 1."""


def test_add_up_adds_left_to_right_as_python_3_11_did() -> None:
    # 1e16 + 1.0 rounds back to 1e16 in plain floating point; a compensated sum would keep the 1.0
    assert add_up([1e16, 1.0, -1e16]) == 0.0
    assert add_up([]) == 0 and add_up([1, 2, 3]) == 6 and add_up([0.5, 2]) == 2.5


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-2**70, 2**70),
                          st.sampled_from([0.0, -0.0, 1e16, -1e16, 1e-310, 5e-324]), st.booleans())))
def test_add_up_is_the_left_to_right_sum_bit_for_bit(values: list[float | int | bool]) -> None:
    """On 3.11 `add_up` is the builtin `sum` (faster, in C): it must give what adding left to right
    from 0 gives, to the bit and the type, ints, floats, infinities and the sign of zero included."""
    got, expected = add_up(values), left_to_right(values)
    assert type(got) is type(expected)
    if isinstance(expected, float) and math.isnan(expected):
        assert math.isnan(got)
    else:
        assert repr(got) == repr(expected)


def test_no_builtin_sum_in_the_engine_or_the_ai() -> None:
    found = []
    for folder in ("engine", "ai"):
        for path in sorted((PACKAGE / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text())):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "sum":
                    found.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}")
    assert not found, f"use game.summing.add_up, not sum (its float totals differ from Python 3.12): {found}"


@pytest.mark.parametrize("name", ["tutorial", "mekong", "europe"])
def test_an_ai_game_ends_in_the_state_recorded_for_these_rules(name: str) -> None:
    scenario = load_scenario(resolve_scenario(name))
    seats = assign([s.id for s in scenario.states], "mixed", 1, [o.id for o in scenario.organizations])
    final = simulate(scenario, 1, ai=seats).reports[-1].state_hash
    assert final == FINAL_HASHES[ENGINE_RULES][name], (
        f"{name}: the game ends in another state ({final}). Either the rules or the AI changed on purpose "
        "(record the new hashes here; for the rules, bump ENGINE_RULES in game/engine/version.py first), or "
        "this Python computes differently from 3.11 (a float summed with `sum`? see game/summing.py), and "
        "saves made elsewhere would fail `accord verify` here"
    )
