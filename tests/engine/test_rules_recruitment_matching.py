"""Model card 5.3: crew and people both limit recruitment. A network recruits the soft minimum of
its routes' potential and its crew's capacity, so that neither prevention nor disruption is all or
nothing, whichever side happens to be scarcer; the opening reach is fitted so the first round
recruits the scenario's flows."""

import pytest

from game.engine.recruitment import matched
from tests.engine.play import play, setup


def test_matching_is_below_both_sides_and_near_the_scarcer() -> None:
    assert matched(1000.0, 1200.0, 4.0) < 1000.0
    assert matched(1000.0, 1200.0, 4.0) == pytest.approx(906.0, abs=1.0)
    assert matched(1000.0, 10_000.0, 4.0) == pytest.approx(1000.0, rel=0.001), "a crew to spare barely limits"
    assert matched(10_000.0, 1000.0, 4.0) == pytest.approx(1000.0, rel=0.001), "people to spare barely limit"


def test_matching_with_strictness_zero_is_the_hard_minimum() -> None:
    assert matched(1000.0, 1200.0, 0.0) == 1000.0
    assert matched(1300.0, 1200.0, 0.0) == 1200.0


def test_nothing_is_recruited_without_crew_or_without_people() -> None:
    assert matched(0.0, 1200.0, 4.0) == 0.0
    assert matched(1000.0, 0.0, 4.0) == 0.0


def test_the_first_round_recruits_the_scenarios_flow() -> None:
    """The corridor's ring has capacity 80 x 25 = 2,000 against a flow of 1,000: its reach is fitted so
    that the soft minimum still recruits the 1,000 the scenario gives."""
    game = play(setup(), rounds=1)
    assert game.recruited(1) == pytest.approx(1000, rel=0.05)


def test_a_thinner_crew_recruits_less_even_with_crew_to_spare() -> None:
    """With a hard minimum a ring whose crew exceeds its flows lost nothing to arrests short of the
    excess; with crew and people both limiting, a quarter of the crew gone costs recruits at once."""
    full = play(setup(), rounds=2)
    cut = {"id": "arrests", "title": "Arrests", "round": 2,
           "effects": [{"target": "network:ring", "field": "periphery", "set": 60}]}
    thinner = play(setup(events=[cut]), rounds=2)
    assert thinner.recruited(2) < 0.97 * full.recruited(2), (thinner.recruited(2), full.recruited(2))


def test_fewer_people_to_reach_still_cut_recruitment_when_the_crew_is_short() -> None:
    """A ring with fewer recruiters than its routes could use (crew 45 x 25 = 1,125 people against a
    fitted potential of about 1,280) is still held back by the people it can reach (what prevention
    lowers): with a hard minimum, vulnerability falling by a third at the origin would change nothing
    while the crew binds; here it cuts recruits, by less than the third."""
    short = {"periphery": 45}
    fall = {"id": "livelihoods", "title": "Livelihoods", "round": 2,
            "effects": [{"target": "region:o", "field": "vulnerability", "set": 0.4}]}
    base = play(setup(network=short), rounds=2)
    fewer = play(setup(network=short, events=[fall]), rounds=2)
    assert fewer.recruited(2) < 0.97 * base.recruited(2), (fewer.recruited(2), base.recruited(2))
    assert fewer.recruited(2) > 0.67 * base.recruited(2), "the short crew still limits it most"


def test_matching_holds_at_extreme_sizes_and_exponents() -> None:
    """Scenario numbers reach 1e9 people and the exponent 64: the soft minimum stays finite, below
    both sides and no lower than the smaller one times 2^(-1/k)."""
    for potential, capacity in ((1e9, 1e9), (1e-6, 1e9), (1e9, 1e-6), (3.0, 7.0)):
        for strictness in (0.5, 4.0, 64.0):
            result = matched(potential, capacity, strictness)
            least = min(potential, capacity)
            assert least * 2 ** (-1 / strictness) * (1 - 1e-12) <= result <= least, (potential, capacity, strictness)
