"""The tournament runner: tables played over seeds, and over parameter variants, spread across
processes. Each game is fixed by its scenario, seed, table and variant, so a run can be reproduced
exactly whatever the number of processes.

Each game is scored against the baseline of its own seed and variant (nobody acting), which a
worker computes once and keeps while its jobs share it.
"""

import statistics
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache

from game.analysis.strategies import STRATEGIES, Table
from game.engine import scores, view
from game.engine.events import condition_figure
from game.engine.scoring import GameScore
from game.model.report import RoundReport
from game.model.scenario import Scenario
from game.model.state import GameState
from game.session.simulation import play_out


@dataclass(frozen=True, order=True)
class Override:
    """One model parameter set to another value than the scenario's."""

    parameter: str
    value: float


@dataclass(frozen=True)
class Job:
    table: Table
    seed: int
    override: Override | None = None


@dataclass(frozen=True)
class Outcome:
    """What one game gives the measures."""

    table: Table
    seed: int
    override: Override | None
    harm_averted: float
    """Victim-rounds prevented against the baseline of the same seed and variant."""
    baseline_victim_rounds: float
    scores: dict[str, float]
    """Each seat's score (states and organizations)."""
    avoiding: dict[str, int]
    """State -> people moved on routes that cross another state's territory and not its own,
    summed over the game's rounds: the flows a crackdown by that state could push elsewhere."""
    baseline_avoiding: dict[str, int]
    agreements: int
    """Agreements that entered into force during the game."""
    refused: tuple[str, ...] = ()
    """AI moves the rules refused (left out of the game), each with its reason."""
    people: dict[str, float] = field(default_factory=dict)
    """What happened to people, summed over the game's rounds and states (`people_figures`)."""
    by_state: dict[str, dict[str, float]] = field(default_factory=dict)
    """State -> migrants stopped and victims caught at its borders, summed over the game."""
    baseline_people: dict[str, float] = field(default_factory=dict)
    pledging: dict[str, dict[str, float]] = field(default_factory=dict)
    """State -> its pledges `made`, `kept` and `broken`, and the other states' mean `trust` in it at
    the end of the game (`pledge_figures`)."""
    score_parts: dict[str, dict[str, float]] = field(default_factory=dict)
    """State -> the parts of its score (`score_parts`): what a change in its score came from."""
    fired: tuple[str, ...] = ()
    """The scenario's events that fired in the game (scripted, by round or by condition)."""
    watched: dict[str, float] = field(default_factory=dict)
    """Event -> the figure its `when` condition reads, at the end of the game (`watched_figures`)."""


def watched_figures(scenario: Scenario, final: GameState) -> dict[str, float]:
    """For each event set off by a condition, the figure its condition reads, as the game ended: with
    the events that fired, it tells an author whose threshold no game reached how near the games came."""
    result = {}
    for event in scenario.events:
        figure = condition_figure(final, event.when) if event.when is not None else None
        if figure is not None:
            result[event.id] = figure
    return result


def score_parts(score: GameScore) -> dict[str, dict[str, float]]:
    """Each state's score in its three parts: `objectives` (its objective points), `tier` (its mean
    tier points) and `own_victims` (ten points per whole cut in victims on its own ground), so a
    measure can say what a seat gained or lost, not only that it did."""
    return {state_id: {"objectives": result.points, "tier": result.tier_points,
                       "own_victims": round(result.score - result.points - result.tier_points, 3)}
            for state_id, result in score.states.items()}


def pledge_figures(final: GameState) -> dict[str, dict[str, float]]:
    """What each state pledged and kept, and how far the others trusted it at the end."""
    states = final.world.state_ids
    trusted = {state_id: view(final, state_id).me.trust for state_id in states}  # the public view's trust row
    result = {}
    for state_id in states:
        mine = [p for p in final.pledges if p.seat == state_id]
        others = [trusted[other].get(state_id, 0.5) for other in states if other != state_id]
        result[state_id] = {"made": float(len(mine)), "kept": float(sum(1 for p in mine if p.kept is True)),
                            "broken": float(sum(1 for p in mine if p.kept is False)),
                            "trust": statistics.fmean(others) if others else 0.5}
    return result


def people_figures(reports: list[RoundReport]) -> tuple[dict[str, float], dict[str, dict[str, float]]]:
    """Convictions, re-trafficked and recruited summed over a game (and the people networks took from
    those sent back and from those who went around a border with smugglers), and each state's
    migrants stopped and sent around and victims caught in transit (recognised or deported): what
    `protection` and `border_harm` read."""
    totals = {"convictions": 0.0, "retrafficked": 0.0, "recruited": 0.0, "testimonies": 0.0,
              "recruited_returned": 0.0, "recruited_diverted": 0.0}
    by_state: dict[str, dict[str, float]] = {}
    for report in reports:
        for state_id, f in report.states.items():
            totals["convictions"] += f.convictions
            totals["retrafficked"] += f.retrafficked
            totals["recruited"] += f.recruited
            totals["testimonies"] += f.testimonies
            totals["recruited_returned"] += f.recruited_returned
            totals["recruited_diverted"] += f.recruited_diverted
            mine = by_state.setdefault(state_id, {"stopped": 0.0, "caught": 0.0, "deported": 0.0, "diverted": 0.0})
            mine["stopped"] += f.migrants_stopped
            mine["diverted"] += f.migrants_diverted
            mine["caught"] += f.detected_in_transit + f.victims_deported
            mine["deported"] += f.victims_deported
    return totals, by_state


def with_override(scenario: Scenario, override: Override | None) -> Scenario:
    if override is None:
        return scenario
    parameters = scenario.parameters.model_copy(update={override.parameter: override.value})
    return scenario.model_copy(update={"parameters": parameters})


def avoiding(scenario: Scenario, reports: list[RoundReport]) -> dict[str, int]:
    """See `Outcome.avoiding`; regions are counted by the state that controls them at the start."""
    owner = {region.id: region.controlled_by for region in scenario.regions}
    states = [s.id for s in scenario.states]
    totals = dict.fromkeys(states, 0)
    for report in reports:
        for network in report.networks.values():
            for route in network.routes:
                crossed = {owner.get(r) for r in route.path} - {None}
                for state_id in states:
                    if crossed and state_id not in crossed:
                        totals[state_id] += route.flow
    return totals


_scenario: list[Scenario] = []
"""The scenario this process plays: set once per worker, not sent with every job."""


def _use(scenario: Scenario) -> None:
    _scenario[:] = [scenario]
    _baseline.cache_clear()
    _variant.cache_clear()


@lru_cache(maxsize=8)
def _variant(override: Override | None) -> Scenario:
    return with_override(_scenario[0], override)


@lru_cache(maxsize=4)
def _baseline(override: Override | None, seed: int) -> tuple[GameState, dict[str, int], list[RoundReport]]:
    scenario = _variant(override)
    final, reports = play_out(scenario, seed)
    return final, avoiding(scenario, reports), reports


def play(job: Job) -> Outcome:
    scenario = _variant(job.override)
    baseline, baseline_avoiding, baseline_reports = _baseline(job.override, job.seed)
    strategy = STRATEGIES[job.table.strategy]
    refused: list[str] = []
    if strategy.seats(scenario, job.table.focus) or strategy.script(job.table.focus):
        final, reports = play_out(scenario, job.seed, ai=strategy.seats(scenario, job.table.focus),
                                  script=strategy.script(job.table.focus), allow=strategy.allow(job.table.focus),
                                  refused=refused)
        moved = avoiding(scenario, reports)
    else:  # nobody acts: the baseline itself
        final, moved, reports = baseline, baseline_avoiding, baseline_reports
    totals, by_state = people_figures(reports)
    score = scores(final, baseline)
    return Outcome(
        table=job.table, seed=job.seed, override=job.override,
        harm_averted=score.harm_averted, baseline_victim_rounds=score.baseline_victim_rounds,
        scores={**{s: v.score for s, v in score.states.items()},
                **{o: v.score for o, v in score.organizations.items()}},
        avoiding=moved, baseline_avoiding=baseline_avoiding, agreements=len(final.agreements),
        refused=tuple(refused), people=totals, by_state=by_state, baseline_people=people_figures(baseline_reports)[0],
        pledging=pledge_figures(final), score_parts=score_parts(score), fired=tuple(final.fired_events),
        watched=watched_figures(scenario, final),
    )


def run(scenario: Scenario, jobs: Iterable[Job], workers: int) -> list[Outcome]:
    """Every job's outcome, in the order of (variant, seed, table): jobs that share a baseline run
    in the same process one after another."""
    work = sorted(jobs, key=lambda j: (j.override is not None, j.override or Override("", 0.0), j.seed, j.table))
    workers = min(workers, len(work))
    if workers <= 1:
        _use(scenario)
        return [play(job) for job in work]
    with ProcessPoolExecutor(max_workers=workers, initializer=_use, initargs=(scenario,)) as pool:
        return list(pool.map(play, work, chunksize=max(1, len(work) // (workers * 6))))
