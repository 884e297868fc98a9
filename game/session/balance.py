"""Many AI games of one scenario, for an instructor checking balance before class: spread over
processes, each game fixed by its seed, so a report can be reproduced exactly."""

import statistics
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from game.ai.registry import assign
from game.collector import collector_paused
from game.engine import run_baseline, scores
from game.model.scenario import (
    AdoptLaw,
    KeepApproval,
    ReachTier,
    ReduceVictims,
    Scenario,
    SignAgreement,
    StatesMonitored,
    TrainStates,
)
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
    met: dict[str, list[bool]] = field(default_factory=dict)
    """Per seat (state or organization), whether each of its objectives was met, in the file's order."""
    organizations: dict[str, float] = field(default_factory=dict)
    """Each organization's score."""
    adopted: list[str] = field(default_factory=list)
    """Laws some state put in force during the game."""
    signed_kinds: list[str] = field(default_factory=list)
    """Kinds of agreement signed during the game."""


def play_one(scenario: Scenario, seed: int, choice: str) -> GameSummary:
    """One game as `simulate --games` plays it, with its baseline run and scores. The cycle
    collector is paused throughout: a game makes no reference cycles (every object is freed by its
    count), yet the collector walked the game's live records some twenty times a game, a twentieth
    of its time; it resumes afterwards, as it was, and collects any cycle then."""
    with collector_paused():
        return _summary(scenario, seed, choice)


def _summary(scenario: Scenario, seed: int, choice: str) -> GameSummary:
    seats = assign([s.id for s in scenario.states], choice, seed, [o.id for o in scenario.organizations])
    final = played(scenario, seed, seats)
    score = scores(final, run_baseline(scenario, seed, final.world))  # the game's World, hashed once
    signed = {state_id: 0 for state_id in seats}
    for agreement in final.agreements.values():
        for party in agreement.parties:
            signed[party] += 1
    at_start = {state.id: set(state.laws) for state in scenario.states}
    adopted = sorted({law for state_id, record in final.states.items() for law in record.laws
                      if law not in at_start[state_id]})
    met = {s: [result.met for result in v.objectives] for s, v in score.states.items()}
    met |= {o: [result.met for result in v.objectives] for o, v in score.organizations.items()}
    return GameSummary(
        seed=seed, seats=seats,
        points={s: v.score for s, v in score.states.items()},
        max_points={s: v.max_points for s, v in score.states.items()},
        tiers={s: r.tier for s, r in final.states.items()},
        agreements=signed, harm_averted=score.harm_averted,
        baseline_victim_rounds=score.baseline_victim_rounds,
        met=met, organizations={o: v.score for o, v in score.organizations.items()},
        adopted=adopted, signed_kinds=sorted({agreement.kind for agreement in final.agreements.values()}),
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
class ObjectiveBalance:
    """One objective of one seat over many games: how often it was met."""

    kind: str
    target: str
    """What it asks for: a law, an agreement, a region, a tier or a level of approval."""
    points: int
    met: int
    """Games in which it was met."""


@dataclass
class StateBalance:
    score: Spread
    max_points: int
    tiers: dict[str, int]
    agreements: float
    by_personality: dict[str, Spread] = field(default_factory=dict)
    ranks: dict[int, int] = field(default_factory=dict)
    """Rank among the states by score (1: first) -> games; tied states share the better rank."""
    objectives: list[ObjectiveBalance] = field(default_factory=list)


@dataclass
class OrgBalance:
    score: Spread
    objectives: list[ObjectiveBalance] = field(default_factory=list)


@dataclass
class Balance:
    scenario: str
    games: int
    ai: str
    harm_averted: Spread
    states: dict[str, StateBalance]
    organizations: dict[str, OrgBalance] = field(default_factory=dict)
    flags: list[str] = field(default_factory=list)
    """What an instructor should look at before class: a seat almost always last or first, an
    objective never met, a law or agreement an objective asks for that the AI never takes up."""


ALMOST_ALWAYS = 0.75
"""A seat last (or first) in this share of the games or more is flagged."""


def summarize(scenario: Scenario, choice: str, games: list[GameSummary]) -> Balance:
    states = {}
    ranks = [_ranks(game.points) for game in games]
    for spec in sorted(scenario.states, key=lambda s: s.id):
        state_id = spec.id
        personalities: dict[str, list[float]] = {}
        for game in games:
            personalities.setdefault(game.seats[state_id], []).append(game.points[state_id])
        states[state_id] = StateBalance(
            score=Spread.of([g.points[state_id] for g in games]),
            max_points=games[0].max_points[state_id],
            tiers=dict(sorted(Counter(g.tiers[state_id] for g in games).items())),
            agreements=statistics.fmean(g.agreements[state_id] for g in games),
            by_personality={name: Spread.of(v) for name, v in sorted(personalities.items())},
            ranks=dict(sorted(Counter(rank[state_id] for rank in ranks).items())),
            objectives=_objectives(state_id, spec.objectives, games),
        )
    organizations = {
        org.id: OrgBalance(Spread.of([g.organizations.get(org.id, 0.0) for g in games]),
                           _objectives(org.id, org.objectives, games))
        for org in sorted(scenario.organizations, key=lambda o: o.id)
    }
    balance = Balance(scenario.id, len(games), choice, Spread.of([g.harm_averted for g in games]), states,
                      organizations)
    balance.flags = flags(scenario, balance, games)
    return balance


def _ranks(points: dict[str, float]) -> dict[str, int]:
    return {seat: 1 + sum(other > score for other in points.values()) for seat, score in points.items()}


def _objectives(seat: str, objectives: Sequence[object], games: list[GameSummary]) -> list[ObjectiveBalance]:
    found = []
    for index, objective in enumerate(objectives):
        met = sum(1 for game in games if index < len(game.met.get(seat, [])) and game.met[seat][index])
        found.append(ObjectiveBalance(getattr(objective, "kind", "?"), _target(objective),
                                      getattr(objective, "points", 0), met))
    return found


def _target(objective: object) -> str:
    if isinstance(objective, AdoptLaw):
        return objective.law
    if isinstance(objective, SignAgreement):
        return objective.agreement
    if isinstance(objective, ReduceVictims):
        return objective.region or objective.state or ""
    if isinstance(objective, ReachTier):
        return f"Tier {objective.tier}"
    if isinstance(objective, KeepApproval):
        return f"approval {objective.at_least:g}"
    if isinstance(objective, TrainStates | StatesMonitored):
        return f"{objective.count} states"
    return ""


def flags(scenario: Scenario, balance: Balance, games: list[GameSummary]) -> list[str]:
    """The lines an instructor should read first."""
    found: list[str] = []
    count = len(games)
    seats = len(balance.states)
    if count >= 4 and seats > 1:
        for state_id, state in balance.states.items():
            last = sum(games for rank, games in state.ranks.items() if rank == seats)
            first = state.ranks.get(1, 0)
            if last >= ALMOST_ALWAYS * count:
                found.append(f"'{state_id}' finishes last in {last} of {count} games")
            if first >= ALMOST_ALWAYS * count:
                found.append(f"'{state_id}' finishes first in {first} of {count} games")
    adopted = {law for game in games for law in game.adopted}
    signed = {kind for game in games for kind in game.signed_kinds}
    seats_objectives = [(seat, state.objectives) for seat, state in balance.states.items()]
    seats_objectives += [(seat, org.objectives) for seat, org in balance.organizations.items()]
    for seat, objectives in seats_objectives:
        for objective in objectives:
            if objective.met:
                continue
            what = f"'{seat}': {objective.kind} {objective.target}".rstrip()
            if objective.kind == "adopt_law" and objective.target not in adopted:
                found.append(f"{what} is never met: the AI adopted '{objective.target}' in none of the {count} "
                             "games, so these games cannot tell whether a team can reach it")
            elif objective.kind == "sign_agreement" and objective.target not in signed:
                found.append(f"{what} is never met: the AI signed '{objective.target}' in none of the {count} "
                             "games, so these games cannot tell whether a team can reach it")
            else:
                found.append(f"{what} is never met in {count} games")
    return found


def _percentile(ordered: list[float], share: float) -> float:
    """Nearest-rank percentile: a value some game actually had."""
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]
