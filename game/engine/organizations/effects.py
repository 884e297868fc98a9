"""What organizations' instruments do in a round (model card 4b): trained officials work better for
a while, assistance funds victim services, campaigns lower vulnerability and raise
self-identification, and published reviews reveal the truth and move approval."""

from typing import get_args

from game.engine.funders import Funders, funded
from game.model.report import EventRecord
from game.model.scenario import Trainable
from game.model.state import GameState, Review, Training

TRAINABLE: tuple[str, ...] = get_args(Trainable)


def effective(state: GameState, state_id: str, capacity: str) -> float:
    """A capacity as it works: more while its officials' training lasts."""
    level = state.states[state_id].capacities[capacity]
    held = state.training.get(state_id, {}).get(capacity)
    if held is not None and held.until >= state.round:
        level *= 1.0 + state.world.params.training_bonus
    return level


def trained_by(state: GameState, state_id: str, capacity: str = "enforcement") -> str | None:
    """The organization whose standard this state's officials were trained to, while it lasts."""
    held = state.training.get(state_id, {}).get(capacity)
    return held.by if held is not None and held.until >= state.round else None


def same_standard(state: GameState, parties: list[str]) -> bool:
    """Every party's enforcement officials trained to the same organization's standard."""
    standards = {trained_by(state, party) for party in parties}
    return len(standards) == 1 and None not in standards


def campaign_self_identification(state: GameState, region_id: str) -> float:
    until = state.campaigns.get(region_id)
    return state.world.params.campaign_self_identification if until is not None and until >= state.round else 0.0


def take_effect(state: GameState, funders: Funders | None = None) -> tuple[dict[str, dict[str, float]],
                                                                         list[EventRecord]]:
    """The round's instrument orders start: training, assistance (points for the target's
    protection), campaigns; conditions of earlier assistance are checked. `funders`, when given,
    gets who gave each assistance (recipient -> organization -> capacity -> points)."""
    params = state.world.params
    transfers: dict[str, dict[str, float]] = {}
    events: list[EventRecord] = []
    for org_id in state.world.org_ids:
        org = state.organizations[org_id]
        name = state.world.org_specs[org_id].name
        for target, capacity in org.trainings:
            state.training.setdefault(target, {})[capacity] = Training(org_id, state.round + params.training_rounds - 1)
            if target not in org.trained:
                org.trained.append(target)
            events.append(
                EventRecord(
                    f"train-{org_id}-{target}-{capacity}",
                    f"{name} trains {target}'s officials",
                    f"{capacity.capitalize()} officials trained to {name}'s standard.",
                    "organization",
                )
            )
        for target, amount in org.assists.items():
            gift = transfers.setdefault(target, {})
            gift["protection"] = gift.get("protection", 0.0) + amount
            if funders is not None:
                funded(funders, target, org_id, "protection", amount)
            events.append(
                EventRecord(
                    f"assist-{org_id}-{target}",
                    f"{name} funds victim services in {target}",
                    f"{amount:g} points for shelters and case workers.",
                    "organization",
                )
            )
        for region_id in org.campaigns:
            state.campaigns[region_id] = max(
                state.campaigns.get(region_id, 0), state.round + params.campaign_rounds - 1
            )
            events.append(
                EventRecord(
                    f"campaign-{org_id}-{region_id}",
                    f"{name} campaigns in {region_id}",
                    "An awareness campaign: fewer risky offers taken, more victims coming forward.",
                    "organization",
                )
            )
        events.extend(_check_conditions(state, org_id))
    state.campaigns = dict(sorted(state.campaigns.items()))
    return transfers, events


def _check_conditions(state: GameState, org_id: str) -> list[EventRecord]:
    org = state.organizations[org_id]
    events = []
    for target, conditions in list(org.conditions.items()):
        record = state.states[target]
        broken = [
            c
            for c in conditions
            if state.round > c.by_round and c.law not in record.laws and c.law not in record.pending_laws
        ]
        if broken:
            del org.conditions[target]
            if target not in org.barred:
                org.barred.append(target)
            events.append(
                EventRecord(
                    f"conditions-{org_id}-{target}",
                    f"{target} breaks the conditions of its assistance",
                    f"{broken[0].law} was not adopted by round {broken[0].by_round}.",
                    "breach",
                )
            )
    return events


def run_campaigns(state: GameState) -> None:
    fall = state.world.params.campaign_vulnerability
    for region_id, until in state.campaigns.items():
        if until >= state.round:
            state.regions[region_id].vulnerability *= 1.0 - fall


def publish_reviews(state: GameState, victims: dict[str, int], last_victims: dict[str, float]) -> list[EventRecord]:
    """Each review reveals the state's true figures, names its gaps, and moves its approval; a
    review that finds victims rising keeps the state from Tier 1 (it feeds the tier)."""
    params = state.world.params
    events = []
    for org_id in state.world.org_ids:
        org = state.organizations[org_id]
        name = state.world.org_specs[org_id].name
        for target in org.reviews:
            record = state.states[target]
            true_victims = victims.get(target, 0)
            before = last_victims.get(target)
            rising = before is not None and true_victims > 1.05 * before
            gaps = sorted(p for p, score in record.scores_4p.items() if score <= 2)
            if rising or gaps:
                record.approval = max(0.0, record.approval - params.monitor_shame)
                if rising and record.tier == "1":
                    record.tier = "2"
                    record.tier_points -= 1
            else:
                record.approval = min(100.0, record.approval + params.monitor_praise)
            state.reviews[target] = Review(state.round, org_id, true_victims, ", ".join(gaps), rising)
            if target not in org.monitored:
                org.monitored.append(target)
            finding = ("victims rising" if rising else "") + (
                f"{'; ' if rising else ''}weak {', '.join(gaps)}" if gaps else ""
            )
            events.append(
                EventRecord(
                    f"review-{org_id}-{target}",
                    f"{name} publishes its review of {target}",
                    f"{true_victims:,} people in exploitation; {finding or 'no serious gaps found'}.",
                    "review",
                )
            )
    state.reviews = dict(sorted(state.reviews.items()))
    return events


def close_round(state: GameState) -> None:
    """Orders were for this round only; budgets renew."""
    for org in state.organizations.values():
        org.spent, org.ready = 0.0, False
        org.trainings, org.reviews, org.assists, org.campaigns = [], [], {}, []
