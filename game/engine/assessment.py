"""Assessment (model card 5.9): 4P scores, a TVPA-style tier, approval and political capital.

Tier 1: criminalization and a 4P sum of 13 or more, not falling. Tier 2: a sum of 9 or more.
"Falling" means a drop of 2 or more in a round, since four rounded pillars wobble by one.
Tier 2 Watch List: Tier 2 with true victims in its territory rising by more than 5%, or a sum that
fell below 13. Two Watch List rounds in a row downgrade to Tier 3, as the TIP Report's automatic downgrade.

A scenario may declare the tier each state held the year before round 1 (`State.tier`, a real
scenario's TIP placement). The state opens there, and the thresholds move for it by its `tier_bar`:
the report grades a government against its own record and its own problem, not against one scale for
all, and one scale placed Thailand (4P sum 15) above Austria and the Netherlands (14). Each declared
tier opens at the same place on the graded scale (`OPENING_GRADE`), so a real gain of two points (a
law, a capacity, a pillar raised) moves a state up and a rounding wobble does not.
"""

import math

from game.engine.laws import holds
from game.model.report import StateFigures
from game.model.state import GameState, StateRecord
from game.model.world import World
from game.summing import add_up

RISING = 1.05
FALL = 2
"""A 4P sum is falling when it drops by this much in a round; four rounded pillars wobble by one."""
TIER_ONE, TIER_TWO = 13, 9
"""The 4P sums (less the state's `tier_bar`) from which a state is on Tier 1 and on Tier 2."""
OPENING_CONVICTION_RATIO = 0.4
"""The conviction ratio a declared tier's opening record assumes (the TIP tables' ratio, about 0.4,
which earns prosecution its full half point): a report grades a justice system that already runs."""
OPENING_GRADE = {"1": TIER_ONE + 1, "2": TIER_ONE - 2, "3": TIER_TWO - 2}
"""Where a declared tier opens on the graded 4P scale: Tier 2 two points under Tier 1, Tier 3 two under
Tier 2, Tier 1 one above its threshold (a fall of two is already the Watch List)."""
TIER_POINTS = {"1": 3, "2": 2, "2WL": 1, "3": 0}
"""How a tier counts in a state's score, summed over rounds."""
STANDING = 0.5
"""Tier points a round added for where its four pillars stand before rounding, from 0 (every
pillar at 1) to this (every pillar at 5): a report reads the efforts, not only the tier they round
to. Without it a state whose tier a point of capacity could not move scored the same whatever it
built at home, and a free rider's savings spent there counted for nothing (docs/model.md 5.9)."""
TIER_APPROVAL = {"1": 1.0, "2": 0.0, "2WL": -0.5, "3": -1.0}
"""Approval a round from the tier: a good report is praised at home, a bad one costs a little."""


def four_p(world: World, record: StateRecord, figures: StateFigures, partnerships: int,
           conviction_ratio: float | None = None) -> dict[str, int]:
    """The four pillars, each 1 to 5; `conviction_ratio` stands in for the figures' own where there
    are none yet (the opening record, `OPENING_CONVICTION_RATIO`)."""
    return {name: _pillar(value) for name, value in pillar_values(world, record, figures, partnerships,
                                                                   conviction_ratio).items()}


def pillar_values(world: World, record: StateRecord, figures: StateFigures, partnerships: int,
                  conviction_ratio: float | None = None) -> dict[str, float]:
    """The four pillars before rounding (`four_p` rounds them)."""
    caps = record.capacities
    law_rules = world.law_rules
    rules = {law_rules.get(law, law) for law in record.laws}  # `world.law_rule`: what `holds` asks, once
    # a rule held counts 1 (True), else 0 (False): the same products and sums as with 1.0 and 0.0
    if conviction_ratio is None:
        conviction_ratio = figures.convictions / figures.prosecutions if figures.prosecutions else 0.0
    prevention = 1 + 2.0 * caps["prevention"] / 10 + 0.5 * (
        ("supply_chain_transparency" in rules) + ("demand_reduction" in rules) + ("fair_recruitment" in rules)
        + ("online_platform_duties" in rules)
    )
    protection = 1 + 1.5 * ("victim_protection" in rules) + 1.0 * ("referral_mechanism" in rules) \
        + 1.5 * caps["protection"] / 10
    prosecution = 1 + 1.5 * ("criminalization" in rules) + 1.5 * caps["enforcement"] / 10 \
        + 0.5 * min(1.0, conviction_ratio / 0.4) + 0.5 * ("anti_corruption" in rules)
    partnership = 1 + 1.0 * ("national_rapporteur" in rules) + 0.75 * partnerships + 1.0 * caps["intelligence"] / 10
    return {"prevention": prevention, "protection": protection, "prosecution": prosecution,
            "partnership": partnership}


def _pillar(value: float) -> int:
    """A pillar's score: the value rounded half up, 1 to 5. Half up, with a hair of tolerance: many
    pillars sit on a half exactly (laws count 0.5 and 1.5), and a capacity held at its level drifts by
    1e-10 in a round, which flipped Python's half-to-even `round` from one round to the next."""
    score = math.floor(value + 0.5 + 1e-9)
    return 1 if score < 1 else 5 if score > 5 else score


def bar_for(placed: str, total: int) -> int:
    """The `tier_bar` that grades a state opening with this 4P sum where its declared tier puts it
    (`OPENING_GRADE`): a gain of two points moves it up, a fall of two or more puts it on the Watch
    List, and the round's own conviction figures (absent at the start) cannot move it alone."""
    return total - OPENING_GRADE["2" if placed == "2WL" else placed]


def next_tier_at(record: StateRecord) -> int | None:
    """The 4P sum from which the state is graded a tier up (Tier 1 also needs criminalization); none
    at Tier 1. What a team needs to see: with a declared opening tier the thresholds are its own."""
    if record.tier == "1":
        return None
    return (TIER_TWO if record.tier == "3" else TIER_ONE) + record.tier_bar


def tier_for(world: World, record: StateRecord, scores: dict[str, int], victims: float,
             last_victims: float | None) -> tuple[str, int]:
    """The tier and the count of consecutive Watch List rounds."""
    total = add_up(scores.values())
    last_total = add_up(record.scores_4p.values()) if record.scores_4p else total
    falling = last_total - total >= FALL
    graded = total - record.tier_bar
    if graded >= TIER_ONE and not falling and holds(world, record, "criminalization"):
        return "1", 0
    if graded >= TIER_TWO:
        rising = last_victims is not None and victims > RISING * last_victims and victims > 0
        if rising or (falling and graded < TIER_ONE):
            rounds = record.watch_list_rounds + 1
            return ("3", rounds) if rounds >= 2 else ("2WL", rounds)
        return "2", 0
    return "3", 0


def assess(state: GameState, figures: dict[str, StateFigures], partnerships: dict[str, int]) -> None:
    world = state.world
    params = world.params
    drift, income = params.approval_drift, params.political_capital_income
    specs = world.state_specs
    last_figures = state.last_figures
    for state_id in world.state_ids:
        record = state.states[state_id]
        mine = figures[state_id]
        values = pillar_values(world, record, mine, partnerships.get(state_id, 0))
        scores = {name: _pillar(value) for name, value in values.items()}
        last = last_figures.get(state_id)
        tier, watch = tier_for(world, record, scores, mine.victims_exploited,
                               last["victims"] if last else None)
        record.scores_4p, record.tier, record.watch_list_rounds = scores, tier, watch
        standing = add_up(1.0 if v < 1.0 else 5.0 if v > 5.0 else v for v in values.values())
        record.tier_points += TIER_POINTS[tier] + STANDING * (standing - 4.0) / 16.0
        approval = record.approval
        approval += drift * (specs[state_id].approval - approval) + TIER_APPROVAL[tier]
        # clamped to 0-100 as `max(0.0, min(100.0, approval))` would, without the calls
        approval = record.approval = 0.0 if approval <= 0.0 else 100.0 if approval > 100.0 else approval
        record.political_capital += income * approval / 50.0
        if approval < record.min_approval:
            record.min_approval = approval
        last_figures[state_id] = {
            "victims": float(mine.victims_exploited),
            "identified": float(mine.identified),
            "prosecutions": float(mine.prosecutions),
            "convictions": float(mine.convictions),
        }
        mine.scores_4p, mine.tier = dict(scores), tier
        mine.approval, mine.political_capital = approval, record.political_capital
        mine.capacities, mine.laws, mine.corruption = dict(record.capacities), list(record.laws), record.corruption
