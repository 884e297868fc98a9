"""Scoring (model card 6): each state's scenario objectives, and the shared outcome: true
victim-rounds against a counterfactual run of the same scenario and seed in which no state changes
anything ("harm averted", exactly 0 when nobody acts)."""

import math
from dataclasses import dataclass, field

from game.engine.round import is_over, resolve_round
from game.engine.setup import new_game
from game.model.catalogue import agreement_phrase
from game.model.partners_once import ONCE_PER_PARTNER
from game.model.scenario import (
    AdoptLaw,
    KeepApproval,
    Objective,
    OrganizationObjective,
    ReachTier,
    ReduceVictims,
    Scenario,
    SignAgreement,
    StatesMonitored,
    TrainStates,
)
from game.model.state import AgreementRecord, GameState
from game.model.vocabulary import TIER_ORDER
from game.model.world import World
from game.summing import add_up


@dataclass(slots=True)
class ObjectiveResult:
    kind: str
    description: str
    points: int
    met: bool
    earned: float = 0.0
    """Points earned: all of them when met; for a cut in victims, a share in proportion to the cut."""


@dataclass(slots=True)
class StateScore:
    """A state's result. `score` = objective points + its mean tier points over the rounds (3 for
    Tier 1, 2 for Tier 2, 1 for the Watch List, 0 for Tier 3, and up to `assessment.STANDING` for
    where its four pillars stand before rounding) + one point per 10% fewer
    victim-rounds in its own territory than with nobody acting: what it set out to do, how it was
    judged year after year, and what its people were spared."""

    points: float
    """Objective points earned (partial credit for part of a cut in victims)."""
    max_points: int
    objectives: list[ObjectiveResult] = field(default_factory=list)
    tier: str = "3"
    tier_points: float = 0.0
    own_victim_rounds: float = 0.0
    own_baseline_victim_rounds: float = 0.0
    score: float = 0.0


@dataclass(slots=True)
class GameScore:
    victim_rounds: float
    baseline_victim_rounds: float
    harm_averted: float
    """Victim-rounds the table prevented against the baseline, as a count of person-rounds."""
    states: dict[str, StateScore]
    organizations: dict[str, "OrgScore"] = field(default_factory=dict)


@dataclass(slots=True)
class OrgScore:
    """An organization's result: its objective points (partial for part of a cut in victims)."""

    points: float
    max_points: int
    objectives: list[ObjectiveResult] = field(default_factory=list)
    score: float = 0.0


def run_baseline(scenario: Scenario, seed: int, world: World | None = None) -> GameState:
    """The same scenario and seed played to the end with no orders at all; on the game's `world`
    when given (`new_game`). Nothing reads its reports, so its rounds are not hashed."""
    state = new_game(scenario, seed, world)
    while not is_over(state):
        state, _ = resolve_round(state, hashed=False)
    return state


def victims_in(state: GameState, regions: list[str]) -> int:
    wanted = set(regions)
    return add_up(
        held
        for network in state.networks.values()
        for region_id, by_form in network.stock.items()
        if region_id in wanted
        for held in by_form.values()
    )


def scores(state: GameState, baseline: GameState) -> GameScore:
    world = state.world
    per_state: dict[str, StateScore] = {}
    for state_id in world.state_ids:
        results = [_judge(state, baseline, state_id, objective) for objective in world.state_specs[state_id].objectives]
        record = state.states[state_id]
        points = round(add_up(r.earned for r in results), 3)
        own, own_baseline = record.victim_rounds, baseline.states[state_id].victim_rounds
        reduction = (own_baseline - own) / own_baseline if own_baseline > 0 else 0.0
        played = max(1, state.round - 1)
        tier_points = round(record.tier_points / played, 3)
        per_state[state_id] = StateScore(
            points=points,
            max_points=add_up(r.points for r in results),
            objectives=results,
            tier=record.tier,
            tier_points=tier_points,
            own_victim_rounds=own,
            own_baseline_victim_rounds=own_baseline,
            score=round(points + tier_points + 10.0 * reduction, 3),
        )
    per_org: dict[str, OrgScore] = {}
    for org_id in world.org_ids:
        results = [_judge_org(state, baseline, org_id, objective) for objective in world.org_specs[org_id].objectives]
        points = round(add_up(r.earned for r in results), 3)
        per_org[org_id] = OrgScore(points, add_up(r.points for r in results), results, points)
    return GameScore(
        victim_rounds=state.victim_rounds,
        baseline_victim_rounds=baseline.victim_rounds,
        harm_averted=baseline.victim_rounds - state.victim_rounds,
        states=per_state,
        organizations=per_org,
    )


def _judge_org(state: GameState, baseline: GameState, org_id: str, objective: OrganizationObjective) -> ObjectiveResult:
    org = state.organizations[org_id]
    if isinstance(objective, ReduceVictims):
        return _cut(state, baseline, objective)
    if isinstance(objective, TrainStates):
        met = len(org.trained) >= objective.count
        text = f"train officials of {objective.count} states ({len(org.trained)} so far)"
    elif isinstance(objective, StatesMonitored):
        met = len(org.monitored) >= objective.count
        text = f"review and publish {objective.count} states ({len(org.monitored)} so far)"
    else:
        assert isinstance(objective, SignAgreement)
        wanted = set(objective.with_)
        met = any(
            agreement.kind == objective.agreement
            and wanted <= set(agreement.parties)
            and (org_id in agreement.parties or _convened_by(state, agreement) == org_id)
            for agreement in state.agreements.values() if agreement.signed >= 1  # history is no signature
        )
        text = f"see {_agreement(state, objective.agreement)} signed under its auspices or with it as a party"
    return ObjectiveResult(objective.kind, text, objective.points, met, float(objective.points) if met else 0.0)


def _cut(state: GameState, baseline: GameState, objective: ReduceVictims) -> ObjectiveResult:
    """A cut in true victims against the baseline, with credit in proportion to the part achieved."""
    world = state.world
    regions = [objective.region] if objective.region else world.territory.get(objective.state or "", [])
    now, before = victims_in(state, regions), victims_in(baseline, regions)
    met = now <= (1.0 - objective.by) * before if before > 0 else now == 0
    place = _place(state, objective.region, objective.state)
    cut = (before - now) / before if before > 0 else (1.0 if now == 0 else 0.0)
    share = 1.0 if met or objective.by <= 0 else max(0.0, min(1.0, cut / objective.by))
    # never "-0%"; a rise says so ('-59%' after 'cut ... by 12%' read as a cut)
    achieved = f"up {-cut:.0%} instead" if cut <= -0.005 else f"{max(cut, 0.0):.0%}"
    if not met and achieved == f"{objective.by:.0%}":  # 11.9% read 'by 12% ...: 12%', and not met
        achieved = f"{math.floor(cut * 1000) / 10:g}%"
    text = f"cut true victims in {place} by {objective.by:.0%} against the baseline: {achieved} ({now:,} vs {before:,})"
    return ObjectiveResult(objective.kind, text, objective.points, met, round(objective.points * share, 3))


def _place(state: GameState, region: str | None, state_id: str | None) -> str:
    """A region's or a state's name from the scenario, for the objectives' words."""
    world = state.world
    if region:
        spec = world.region_specs.get(region)
        return spec.name if spec is not None else region
    named = world.state_specs.get(state_id or "")
    return named.name if named is not None else state_id or ""


def _agreement(state: GameState, kind: str) -> str:
    """'an information sharing agreement', 'the ASEAN Convention ...' (`agreement_phrase`)."""
    spec = state.world.agreements.get(kind)
    return agreement_phrase(kind, spec.name if spec is not None else kind)


def _judge(state: GameState, baseline: GameState, state_id: str, objective: Objective) -> ObjectiveResult:
    record = state.states[state_id]
    if isinstance(objective, ReduceVictims):
        return _cut(state, baseline, objective)
    if isinstance(objective, ReachTier):
        met = TIER_ORDER[record.tier] <= TIER_ORDER[str(objective.tier)]
        text = f"reach Tier {objective.tier} or better (now Tier {record.tier})"
    elif isinstance(objective, AdoptLaw):
        met = objective.law in record.laws
        law = state.world.laws.get(objective.law)
        text = f"have the law {law.name if law else objective.law} in force at the end"
    elif isinstance(objective, SignAgreement):
        wanted = {state_id, *objective.with_}
        kept = [
            agreement for agreement in state.agreements.values()
            if agreement.kind == objective.agreement
            and wanted <= set(agreement.parties) | {state_id}
            and state_id in agreement.parties
            and agreement.member_since(state_id) >= 1  # a party since before the game signed nothing in it
            and not broken_by(agreement, state_id)
        ]
        met = any(adds_a_partner(state, agreement, state_id) for agreement in kept)
        partners = f" with {', '.join(_place(state, None, p) for p in objective.with_)}" if objective.with_ else ""
        text = f"sign {_agreement(state, objective.agreement)}{partners} and keep it"
        if kept and not met:
            text += " (signed, but with partners who did it already under an agreement in force: it added nothing)"
    else:
        assert isinstance(objective, KeepApproval)
        met = record.min_approval >= objective.at_least
        text = (f"keep approval at {objective.at_least:g}% or more every {state.world.scenario.round_label} "
                f"(lowest {lowest_approval(record.min_approval, objective.at_least)}%)")
    return ObjectiveResult(objective.kind, text, objective.points, met, float(objective.points) if met else 0.0)


def lowest_approval(lowest: float, at_least: float) -> str:
    """The lowest approval, in whole percent unless that would read as meeting a bar it missed: China
    at 62.6 read '✗ keep approval at 63% or more every year (lowest 63%)'; then to the tenth below."""
    shown = f"{lowest:.0f}"
    if lowest < at_least <= float(shown):
        shown = f"{math.floor(lowest * 10) / 10:.1f}"
    return shown


def adds_a_partner(state: GameState, agreement: AgreementRecord, state_id: str) -> bool:
    """Whether the agreement brought `state_id` at least one partner it did not have: sharing, safe
    return and legal assistance count each partner once (`game.model.partners_once`), so one signed
    with partners who did it already under another agreement in force then adds nothing, and meets
    no objective (a reviewer's orders signing information sharing between Austria and Hungary, both
    sharing under the Council of Europe Convention, averted nothing and scored both 2 points).
    Agreements of other kinds always add."""
    kinds = state.world.agreements
    group = ONCE_PER_PARTNER.get(kinds[agreement.kind].rule)
    if group is None:
        return True
    signed = agreement.member_since(state_id)
    until = min(agreement.ends, state.world.scenario.rounds)
    counted: set[str] = set()
    for other in state.agreements.values():
        if other.id == agreement.id or state_id not in other.parties or kinds[other.kind].rule not in group:
            continue
        # in force before this one, for all of this one's rounds (as `counted_already` tells a team)
        ended = other.ended_round if other.ended_round is not None else other.ends
        if other.member_since(state_id) < signed and ended >= until:
            counted.update(other.parties)
    return any(p not in counted for p in agreement.parties if p != state_id)


def broken_by(agreement: AgreementRecord, state_id: str) -> bool:
    """Whether the agreement ended because `state_id` stopped paying or walked out: a signature it
    did not keep is no objective met (an outside reviewer found Vietnam credited for a return
    protocol that lapsed through its own non-payment)."""
    return agreement.status in ("lapsed", "withdrawn") and agreement.ended_by == state_id


def _convened_by(state: GameState, agreement: AgreementRecord) -> str | None:
    proposal = state.proposals.get(agreement.proposal)
    return proposal.convened_by if proposal is not None else None
