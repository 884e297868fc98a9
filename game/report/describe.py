"""An action in words, for the debrief's timeline: a few familiar kinds read naturally, and any
other kind (the diplomacy actions, or one added later) is shown by its type and fields, so that a
new action appears in every debrief without a change here."""

from typing import Any

from game.model.world import World

_PLAIN = {"type", "state", "org", "round"}


def describe(data: dict[str, Any], world: World) -> str:
    kind = str(data.get("type", "?"))
    try:
        if kind == "allocate":
            budget = {str(k): float(v) for k, v in dict(data.get("budget", {})).items() if float(v) > 0}
            if not budget:
                return "allocated nothing to capacities"
            parts = ", ".join(f"{capacity} {points:g}" for capacity, points in budget.items())
            return f"allocated {sum(budget.values()):g} points ({parts})"
        if kind == "adopt_law":
            return f"adopted {law_name(str(data['law']), world)}"
        if kind == "repeal_law":
            return f"repealed {law_name(str(data['law']), world)}"
        if kind == "ready":
            return "declared itself ready"
        if kind == "message":
            return f"message to {', '.join(map(str, data['to']))}: “{data['text']}”"
        if kind == "propose":
            spec = world.agreements.get(str(data["agreement"]))
            name = spec.name if spec is not None else str(data["agreement"])
            others = [str(p) for p in data["parties"] if p != (data.get("state") or data.get("org"))]
            terms = _fields(dict(data.get("terms") or {}))
            return f"proposed {name} with {', '.join(others)}" + (f" ({terms})" if terms else "")
        if kind == "respond":
            return f"answered {data['answer']} to proposal {data['proposal']}"
        if kind == "withdraw":
            return f"withdrew from {data['agreement']}"
        if kind == "accede":
            return f"acceded to {data['agreement']}"
        if kind == "train":
            return f"trained {data['target']}'s {data['capacity']} officials"
        if kind == "monitor":
            return f"reviewed {data['target']} and published it"
        if kind == "assist":
            conditions = [f"{law_name(str(c['law']), world)} by round {c['by_round']}"
                          for c in data.get("conditions") or []]
            return f"funded victim services in {data['target']} ({float(data['amount']):g} points" + (
                f", on condition of {', '.join(conditions)})" if conditions else ")")
        if kind == "campaign":
            region = world.region_specs.get(str(data["region"]))
            return f"campaigned in {region.name if region is not None else data['region']}"
        if kind == "inject":
            titles = {event.id: event.title for event in world.scenario.events}
            event = str(data["event"])
            return f"fired the event '{titles.get(event, event)}' by hand"
        if kind == "convene":
            spec = world.agreements.get(str(data["agreement"]))
            name = spec.name if spec is not None else str(data["agreement"])
            return f"convened the {name} among {', '.join(map(str, data['parties']))}"
    except (KeyError, TypeError, ValueError):
        pass
    details = _fields({k: v for k, v in data.items() if k not in _PLAIN})
    return f"{kind.replace('_', ' ')}" + (f": {details}" if details else "")


def law_name(law: str, world: World) -> str:
    spec = world.laws.get(law)
    return spec.name if spec is not None else law


def _fields(data: dict[str, Any]) -> str:
    shown = {key: value for key, value in data.items() if value not in (None, {}, [])}
    return "; ".join(f"{key.replace('_', ' ')} {_value(value)}" for key, value in shown.items())


def _value(value: Any) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k} {_value(v)}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(_value(v) for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)
