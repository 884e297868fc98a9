"""Many AI games of one scenario, for an instructor checking balance before class: spread over
processes, each game fixed by its seed, so a report can be reproduced exactly."""

import statistics
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from game.ai.registry import assign
from game.engine import run_baseline, scores
from game.model.scenario import Scenario
from game.model.state import GameState
from game.session.simulation import play_out


@dataclass(frozen=True)
class GameSummary:
    seed: int
    seats: dict[str, str]
    points: dict[str, float]
    """Each state's score (see `game.engine.scoring.StateScore`)."""
    max_points: dict[str, int]
    tiers: dict[str, str]
    agreements: dict[str, int]
    """Agreements each state signed in the game."""
    harm_averted: float
    baseline_victim_rounds: float


def play_one(scenario: Scenario, seed: int, choice: str) -> GameSummary:
    seats = assign([s.id for s in scenario.states], choice, seed, [o.id for o in scenario.organizations])
    final = played(scenario, seed, seats)
    score = scores(final, run_baseline(scenario, seed))
    signed = {state_id: 0 for state_id in seats}
    for agreement in final.agreements.values():
        for party in agreement.parties:
            signed[party] += 1
    return GameSummary(
        seed=seed, seats=seats,
        points={s: v.score for s, v in score.states.items()},
        max_points={s: v.max_points for s, v in score.states.items()},
        tiers={s: r.tier for s, r in final.states.items()},
        agreements=signed, harm_averted=score.harm_averted,
        baseline_victim_rounds=score.baseline_victim_rounds,
    )


def played(scenario: Scenario, seed: int, seats: dict[str, str]) -> GameState:
    """The end of the game `simulate` plays with these AI seats and no orders file."""
    return play_out(scenario, seed, ai=seats)[0]


def _play(job: tuple[Scenario, int, str]) -> GameSummary:
    return play_one(*job)


def play_many(scenario: Scenario, seeds: list[int], choice: str, jobs: int) -> list[GameSummary]:
    work = [(scenario, seed, choice) for seed in seeds]
    if jobs <= 1 or len(seeds) <= 1:
        return [_play(job) for job in work]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(_play, work, chunksize=max(1, len(work) // (jobs * 8))))


@dataclass
class Spread:
    mean: float
    p10: float
    p90: float

    @classmethod
    def of(cls, values: list[float]) -> "Spread":
        ordered = sorted(values)
        return cls(statistics.fmean(ordered), _percentile(ordered, 0.1), _percentile(ordered, 0.9))


@dataclass
class StateBalance:
    score: Spread
    max_points: int
    tiers: dict[str, int]
    agreements: float
    by_personality: dict[str, Spread] = field(default_factory=dict)


@dataclass
class Balance:
    scenario: str
    games: int
    ai: str
    harm_averted: Spread
    states: dict[str, StateBalance]


def summarize(scenario: Scenario, choice: str, games: list[GameSummary]) -> Balance:
    states = {}
    for state_id in sorted(s.id for s in scenario.states):
        personalities: dict[str, list[float]] = {}
        for game in games:
            personalities.setdefault(game.seats[state_id], []).append(game.points[state_id])
        states[state_id] = StateBalance(
            score=Spread.of([g.points[state_id] for g in games]),
            max_points=games[0].max_points[state_id],
            tiers=dict(sorted(Counter(g.tiers[state_id] for g in games).items())),
            agreements=statistics.fmean(g.agreements[state_id] for g in games),
            by_personality={name: Spread.of(v) for name, v in sorted(personalities.items())},
        )
    return Balance(scenario.id, len(games), choice, Spread.of([g.harm_averted for g in games]), states)


def _percentile(ordered: list[float], share: float) -> float:
    """Nearest-rank percentile: a value some game actually had."""
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]
