"""`accord lessons` end to end: every strategy's tables over the seeds, the sweep's variants, the
lessons, and the time it took."""

import statistics
import time
from dataclasses import dataclass, field

from game.analysis import measures
from game.analysis.measures import Breaking, Flip, Lesson, Summary
from game.analysis.runner import Job, Outcome, Override, run
from game.analysis.strategies import STRATEGIES, SWEPT, Table
from game.analysis.sweep import Sweep, sweep
from game.analysis.unfired import Unfired, unfired
from game.model.scenario import Scenario


@dataclass(frozen=True)
class StrategyFigures:
    """A strategy's games, averaged over its seeds and, for one table per state, over its tables."""

    name: str
    summary: str
    games: int
    harm_averted: float
    harm_averted_share: float
    scores: dict[str, float]
    tables: dict[str, Summary] = field(default_factory=dict)
    """By seat in focus, for a strategy with one table per state."""


@dataclass(frozen=True)
class Findings:
    scenario: str
    seeds: list[int]
    strategies: dict[str, StrategyFigures]
    lessons: dict[str, Lesson]
    sweep: Sweep
    breaking: list[Breaking]
    flips: list[Flip]
    seconds: float
    refused: "Refused"
    unfired: list[Unfired] = field(default_factory=list)
    """Events set off by a condition that no game at the scenario's values reached."""


@dataclass(frozen=True)
class Refused:
    """AI moves the rules refused, left out of their games: a sign that an AI's rules of thumb no
    longer match the rules (under a variant, most often), which the figures depend on."""

    moves: int
    in_sweep: int
    """Of those, moves in the sweep's games."""
    examples: list[str]


def examine(scenario: Scenario, seeds: list[int], parameters: list[str], workers: int) -> Findings:
    """Every strategy's tables over `seeds`, and the swept strategies under each variant of
    `parameters`, in one pool of `workers` processes; then the lessons."""
    started = time.perf_counter()
    variants = sweep(scenario.parameters, parameters)
    jobs = [Job(table, seed) for strategy in STRATEGIES.values() for table in strategy.tables(scenario)
            for seed in seeds]
    jobs += [Job(table, seed, override) for override in variants.overrides for name in SWEPT
             for table in STRATEGIES[name].tables(scenario) for seed in seeds]
    outcomes = run(scenario, jobs, workers)
    defaults = measures.summarize(o for o in outcomes if o.override is None)
    by_variant: dict[Override, list[Outcome]] = {}
    for outcome in outcomes:
        if outcome.override is not None:
            by_variant.setdefault(outcome.override, []).append(outcome)
    varied = {override: measures.summarize(games) for override, games in by_variant.items()}
    robust, breaking, flips = measures.robustness(defaults, varied, variants.parameters)
    lessons = [measures.displacement(defaults), measures.cooperation(defaults), measures.implementation(defaults),
               measures.free_riding(defaults), measures.pledges(defaults), measures.protection(defaults),
               measures.border_harm(defaults), measures.ratification(defaults, len(scenario.summits)), robust]
    return Findings(
        scenario=scenario.id, seeds=seeds, strategies=_by_strategy(defaults), lessons={x.name: x for x in lessons},
        sweep=variants, breaking=breaking, flips=flips, seconds=time.perf_counter() - started,
        refused=_refused(outcomes), unfired=unfired(scenario, (o for o in outcomes if o.override is None)),
    )


def _refused(outcomes: list[Outcome]) -> Refused:
    examples: list[str] = []
    for o in outcomes:
        where = o.table.strategy + (f" ({o.table.focus})" if o.table.focus else "")
        if o.override is not None:
            where += f" with {o.override.parameter}={o.override.value:g}"
        examples += [f"{where}, seed {o.seed}, {move}" for move in o.refused[: 3 - len(examples)]]
    return Refused(sum(len(o.refused) for o in outcomes),
                   sum(len(o.refused) for o in outcomes if o.override is not None), examples)


def _by_strategy(tables: dict[Table, Summary]) -> dict[str, StrategyFigures]:
    result = {}
    for name, strategy in STRATEGIES.items():
        mine: list[Summary] = [s for t, s in tables.items() if t.strategy == name]
        if not mine:
            continue
        harm = statistics.fmean(s.harm_averted for s in mine)
        baseline = statistics.fmean(s.baseline_victim_rounds for s in mine)
        seats = mine[0].scores
        result[name] = StrategyFigures(
            name=name, summary=strategy.summary, games=sum(s.games for s in mine),
            harm_averted=harm, harm_averted_share=harm / baseline if baseline > 0 else 0.0,
            scores={seat: statistics.fmean(s.scores[seat] for s in mine) for seat in seats},
            tables={s.table.focus: s for s in mine if s.table.focus is not None},
        )
    return result
