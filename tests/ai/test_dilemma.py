"""The dilemma the game teaches is real (issue 4, point 6), measured on the shipped scenarios:

- an all-cooperative table averts more harm than an all-sovereigntist one;
- a free rider among cooperators scores better for itself than a cooperator in its seat, while the
  table averts less harm.

Single games are noisy (a table of AI players reacts to every small difference), so each claim is
about the mean over every seat and a few seeds, the way an instructor's balance run reads it. The
organizations' seats play their mandate, as in `accord lessons` and a class (left idle, mekong's
tables were ones no class plays). Mekong takes six seeds: while its free rider paid every due under
1.5 points, its mean gain a seat was about +0.05 and three seeds' mean fell either side of 0.
"""

import statistics
from concurrent.futures import ProcessPoolExecutor
from functools import cache

import pytest

from game.engine import run_baseline
from game.scenario.library import shipped_scenarios
from game.scenario.loader import load_scenario
from game.session.simulation import simulate

SEEDS = {"tutorial": range(6), "mekong": range(6), "europe": range(3)}


def _play(job: tuple[str, int]) -> dict[str, tuple[float, dict[str, float]]]:
    """Every table of one seed: all cooperative, all sovereigntist, and a free rider in each seat."""
    name, seed = job
    scenario = load_scenario(next(p for p in shipped_scenarios() if p.stem == name))
    ids = sorted(s.id for s in scenario.states)
    organizations = {o.id: "mandate" for o in scenario.organizations}
    baseline = run_baseline(scenario, seed)

    def table(seats: dict[str, str]) -> tuple[float, dict[str, float]]:
        result = simulate(scenario, seed, ai=seats | organizations, baseline=baseline)
        return result.score.harm_averted, {s: v.score for s, v in result.score.states.items()}

    tables = {"cooperative": table(dict.fromkeys(ids, "cooperative")),
              "sovereigntist": table(dict.fromkeys(ids, "sovereigntist"))}
    for seat in ids:
        tables[seat] = table({**dict.fromkeys(ids, "cooperative"), seat: "free_rider"})
    return tables


@cache
def games(name: str) -> list[dict[str, tuple[float, dict[str, float]]]]:
    with ProcessPoolExecutor(max_workers=2) as pool:
        return list(pool.map(_play, [(name, seed) for seed in SEEDS[name]]))


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_an_all_cooperative_table_averts_more_harm_than_an_all_sovereigntist_one(name: str) -> None:
    played = games(name)
    cooperative = statistics.fmean(g["cooperative"][0] for g in played)
    sovereigntist = statistics.fmean(g["sovereigntist"][0] for g in played)
    assert cooperative > sovereigntist, (
        f"{name}: harm averted, cooperative {cooperative:.0f} vs sovereigntist {sovereigntist:.0f}"
    )


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_a_free_rider_scores_better_for_itself_than_a_cooperator_in_its_seat(name: str) -> None:
    played = games(name)
    seats = [s for s in played[0] if s not in ("cooperative", "sovereigntist")]
    gains = {s: statistics.fmean(g[s][1][s] - g["cooperative"][1][s] for g in played) for s in seats}
    assert statistics.fmean(gains.values()) > 0, f"{name}: free rider's score minus a cooperator's, by seat: {gains}"


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_a_table_with_a_free_rider_averts_less_harm_than_an_all_cooperative_one(name: str) -> None:
    played = games(name)
    seats = [s for s in played[0] if s not in ("cooperative", "sovereigntist")]
    cooperative = statistics.fmean(g["cooperative"][0] for g in played)
    with_rider = statistics.fmean(g[s][0] for g in played for s in seats)
    assert with_rider < cooperative, (
        f"{name}: harm averted with a free rider {with_rider:.0f} vs all cooperative {cooperative:.0f}"
    )
