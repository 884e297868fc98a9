"""Assessment (RULES.md 5.9): 4P scores, a TVPA-style tier, approval and political capital.

Tier 1: criminalization and a 4P sum of 13 or more, not falling. Tier 2: a sum of 9 or more.
"Falling" means a drop of 2 or more in a round, since four rounded pillars wobble by one.
Tier 2 Watch List: Tier 2 with true victims in its territory rising by more than 5%, or a sum that
fell below 13. Two Watch List rounds in a row downgrade to Tier 3, as the TIP Report's automatic downgrade.
"""

from game.engine.laws import holds
from game.model.report import StateFigures
from game.model.state import GameState, StateRecord
from game.model.world import World

RISING = 1.05
FALL = 2
"""A 4P sum is falling when it drops by this much in a round; four rounded pillars wobble by one."""
TIER_POINTS = {"1": 3, "2": 2, "2WL": 1, "3": 0}
"""How a tier counts in a state's score, summed over rounds."""
TIER_APPROVAL = {"1": 1.0, "2": 0.0, "2WL": -0.5, "3": -1.0}
"""Approval a round from the tier: a good report is praised at home, a bad one costs a little."""


def four_p(world: World, record: StateRecord, figures: StateFigures, partnerships: int) -> dict[str, int]:
    caps = record.capacities
    rules = {world.law_rule(law) for law in record.laws}  # what `holds` asks, once for the ten questions

    def has(rule: str) -> float:
        return 1.0 if rule in rules else 0.0

    conviction_ratio = figures.convictions / figures.prosecutions if figures.prosecutions else 0.0
    raw = {
        "prevention": 1 + 2.0 * caps["prevention"] / 10 + 0.5 * (
            has("supply_chain_transparency") + has("demand_reduction") + has("fair_recruitment")
            + has("online_platform_duties")
        ),
        "protection": 1 + 1.5 * has("victim_protection") + 1.0 * has("referral_mechanism")
        + 1.5 * caps["protection"] / 10,
        "prosecution": 1 + 1.5 * has("criminalization") + 1.5 * caps["enforcement"] / 10
        + 0.5 * min(1.0, conviction_ratio / 0.4) + 0.5 * has("anti_corruption"),
        "partnership": 1 + 1.0 * has("national_rapporteur") + 0.75 * partnerships
        + 1.0 * caps["intelligence"] / 10,
    }
    return {pillar: max(1, min(5, round(value))) for pillar, value in raw.items()}


def tier_for(world: World, record: StateRecord, scores: dict[str, int], victims: float,
             last_victims: float | None) -> tuple[str, int]:
    """The tier and the count of consecutive Watch List rounds."""
    total = sum(scores.values())
    last_total = sum(record.scores_4p.values()) if record.scores_4p else total
    criminalized = holds(world, record, "criminalization")
    falling = last_total - total >= FALL
    if criminalized and total >= 13 and not falling:
        return "1", 0
    if total >= 9:
        rising = last_victims is not None and victims > RISING * last_victims and victims > 0
        if rising or (falling and total < 13):
            rounds = record.watch_list_rounds + 1
            return ("3", rounds) if rounds >= 2 else ("2WL", rounds)
        return "2", 0
    return "3", 0


def assess(state: GameState, figures: dict[str, StateFigures], partnerships: dict[str, int]) -> None:
    world = state.world
    params = world.params
    for state_id in world.state_ids:
        record = state.states[state_id]
        mine = figures[state_id]
        scores = four_p(world, record, mine, partnerships.get(state_id, 0))
        last = state.last_figures.get(state_id)
        tier, watch = tier_for(world, record, scores, mine.victims_exploited,
                               last["victims"] if last else None)
        record.scores_4p, record.tier, record.watch_list_rounds = scores, tier, watch
        record.tier_points += TIER_POINTS[tier]
        home = world.state_specs[state_id].approval
        record.approval += params.approval_drift * (home - record.approval) + TIER_APPROVAL[tier]
        record.approval = max(0.0, min(100.0, record.approval))
        record.political_capital += params.political_capital_income * record.approval / 50.0
        record.min_approval = min(record.min_approval, record.approval)
        state.last_figures[state_id] = {
            "victims": float(mine.victims_exploited),
            "identified": float(mine.identified),
            "prosecutions": float(mine.prosecutions),
            "convictions": float(mine.convictions),
        }
        mine.scores_4p, mine.tier = dict(scores), tier
        mine.approval, mine.political_capital = record.approval, record.political_capital
        mine.capacities, mine.laws, mine.corruption = dict(record.capacities), list(record.laws), record.corruption
