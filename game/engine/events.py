"""Events and shocks (model card 5.1): scripted events by round or by condition, events the
facilitator injects by hand, and seeded random shocks. Every change is clamped to the field's range,
so no event makes a figure impossible."""

import random

from game.engine.errors import ActionRejected
from game.engine.suggest import did_you_mean
from game.model.actions import Inject
from game.model.fields import FIELD_BOUNDS, generic
from game.model.report import EventRecord
from game.model.scenario import Condition, Effect
from game.model.state import GameState
from game.summing import add_up

SHOCK_RISE = 0.05


def inject(state: GameState, action: Inject, by: str | None) -> GameState:
    """The state with `action.event` due at the start of this round's resolution. Only the
    facilitator (no seat: `by` is None) may inject, an event of the scenario that has not fired."""
    scenario = state.world.scenario
    if by is not None:
        raise ActionRejected(f"only the facilitator can fire an event; {by} cannot")
    if state.round > scenario.rounds:
        raise ActionRejected(f"the game is over: all {scenario.rounds} rounds are resolved")
    if action.round is not None and action.round != state.round:
        raise ActionRejected(f"it is round {state.round}, not {action.round}: an event fires in the open round")
    ids = [event.id for event in scenario.events]
    if action.event not in ids:
        known = f"; its events are {', '.join(ids)}" if ids else "; it has none"
        raise ActionRejected(f"no event '{action.event}' in {scenario.id}{did_you_mean(action.event, ids)}{known}")
    if action.event in state.fired_events:
        raise ActionRejected(f"event '{action.event}' has already fired; an event fires once")
    if action.event in state.injected:
        raise ActionRejected(f"event '{action.event}' is already set to fire when this round resolves")
    after = state.clone()
    after.injected.append(action.event)
    return after


def fire_events(state: GameState, rng: random.Random) -> list[EventRecord]:
    records: list[EventRecord] = []
    by_id = {event.id: event for event in state.world.scenario.events}
    for event_id in state.injected:
        event = by_id[event_id]
        state.fired_events.append(event_id)
        applied = [_apply(state, effect) for effect in event.effects]
        records.append(EventRecord(event.id, event.title, event.text, "injected", applied))
    state.injected = []
    for event in state.world.scenario.events:
        if event.id in state.fired_events:
            continue
        due = event.round == state.round if event.round is not None else (
            event.when is not None and condition_holds(state, event.when)
        )
        if not due:
            continue
        state.fired_events.append(event.id)
        applied = [_apply(state, effect) for effect in event.effects]
        records.append(EventRecord(event.id, event.title, event.text, "scripted", applied))
    shock = _shock(state, rng)
    if shock is not None:
        records.append(shock)
    return records


def read_field(state: GameState, target: str, field: str) -> float:
    kind, _, ident = target.partition(":")
    if kind == "region":
        region = state.regions[ident]
        if field == "victims":
            return float(add_up(add_up(n.stock.get(ident, {}).values()) for n in state.networks.values()))
        if field.startswith("demand."):
            return region.demand.get(field.split(".", 1)[1], 0.0)
        return float(getattr(region, field))
    if kind == "state":
        record = state.states[ident]
        if field in ("victims", "identified", "convictions"):
            return state.last_figures.get(ident, {}).get(field, 0.0)
        if field.startswith("capacities."):
            return record.capacities[field.split(".", 1)[1]]
        return float(getattr(record, field))
    network = state.networks[ident]
    if field == "flow":
        return float(add_up(route.flow for route in network.routes))
    return float(network.tau if field == "tech" else getattr(network, field))


def condition_figure(state: GameState, condition: Condition) -> float | None:
    """The figure a condition reads, or None when its target is gone (a network that split or
    collapsed, or one that never emerged)."""
    if not _exists(state, condition.target):
        return None
    return read_field(state, condition.target, condition.field)


def condition_holds(state: GameState, condition: Condition) -> bool:
    value = condition_figure(state, condition)
    if value is None:
        return False
    if condition.below is not None:
        return value < condition.below
    return condition.above is not None and value > condition.above


def _apply(state: GameState, effect: Effect) -> str:
    if not _exists(state, effect.target):
        return f"{effect.target} no longer exists; nothing changed"
    kind, _, ident = effect.target.partition(":")
    before = read_field(state, effect.target, effect.field)
    value = before + effect.add if effect.add is not None else float(effect.set or 0.0)
    low, high = FIELD_BOUNDS.get(generic(effect.field), (0.0, None))
    value = max(low, value if high is None else min(high, value))
    _write(state, kind, ident, effect.field, value)
    return f"{effect.target} {effect.field}: {before:g} -> {value:g}"


def _exists(state: GameState, target: str) -> bool:
    """A target may be gone: a network that split or collapsed, or one that never emerged."""
    kind, _, ident = target.partition(":")
    if kind == "region":
        return ident in state.regions
    if kind == "state":
        return ident in state.states
    return kind == "network" and ident in state.networks


def _write(state: GameState, kind: str, ident: str, field: str, value: float) -> None:
    if kind == "region":
        region = state.regions[ident]
        if field.startswith("demand."):
            region.demand[field.split(".", 1)[1]] = value
        else:
            setattr(region, field, value)
    elif kind == "state":
        record = state.states[ident]
        if field.startswith("capacities."):
            record.capacities[field.split(".", 1)[1]] = value
        else:
            setattr(record, field, value)
    else:
        network = state.networks[ident]
        if field == "tech":
            network.tau = value
        elif field in ("core", "periphery"):
            setattr(network, field, round(value))
        else:
            setattr(network, field, value)


def _shock(state: GameState, rng: random.Random) -> EventRecord | None:
    """A seeded disaster somewhere: vulnerability rises, as after a flood or a harvest failure."""
    if rng.random() >= state.world.params.shock_chance:
        return None
    region_id = rng.choice(state.world.region_ids)
    region = state.regions[region_id]
    before = region.vulnerability
    region.vulnerability = min(1.0, before + SHOCK_RISE)
    name = state.world.region_specs[region_id].name
    return EventRecord(
        id=f"shock-{state.round}", title=f"Disaster in {name}",
        text=f"A flood ruins harvests in {name}; more families take risky offers of work abroad.",
        kind="shock", effects=[f"region:{region_id} vulnerability: {before:g} -> {region.vulnerability:g}"],
    )
