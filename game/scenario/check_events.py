"""Checks of scripted events: when they fire, what they watch, what they change.

An event's `target` names a region, state or network as `kind:id`, and its `field` must be one the
engine can read or write for that kind (`game.model.fields`), so a typo is caught here rather than
silently doing nothing in round seven of a class.
"""

from game.model.fields import CONDITION_FIELDS, EFFECT_FIELDS, FIELD_BOUNDS, generic
from game.model.scenario import Effect
from game.scenario.draft import Draft
from game.scenario.hints import year_round_hint
from game.scenario.problems import DataPath
from game.scenario.reporter import Reporter
from game.scenario.suggest import did_you_mean

TARGET_KINDS = ("region", "state", "network")


def split_target(target: str) -> tuple[str, str] | None:
    """`'state:tran'` -> `('state', 'tran')`; None unless it has the `kind:id` shape."""
    kind, colon, target_id = target.partition(":")
    if not colon or not kind or not target_id:
        return None
    return kind.strip(), target_id.strip()


def check_events(draft: Draft, report: Reporter) -> None:
    ids = {kind: draft.known(f"{kind}s") for kind in TARGET_KINDS}
    forms = draft.forms
    for index, event in draft.events:
        here: DataPath = ("events", index)
        if event.round is not None and draft.rounds is not None and event.round > draft.rounds:
            report.error((*here, "round"),
                         f"round {event.round} is after the last round ({draft.rounds}): the event never happens"
                         f"{year_round_hint(event.round, draft.start_year, draft.rounds)}")
        if event.when is not None:
            at = (*here, "when")
            kind = _check_target(report, at, event.when.target, ids)
            if kind is not None:
                _check_field(report, (*at, "field"), event.when.field, kind, CONDITION_FIELDS, forms)
        for position, effect in enumerate(event.effects):
            at = (*here, "effects", position)
            kind = _check_target(report, at, effect.target, ids)
            if kind is not None and _check_field(report, (*at, "field"), effect.field, kind, EFFECT_FIELDS, forms):
                _check_set(report, at, effect)


def _check_target(report: Reporter, here: DataPath, target: str, ids: dict[str, set[str]]) -> str | None:
    at = (*here, "target")
    parts = split_target(target)
    if parts is None:
        known = [kind for kind in TARGET_KINDS if target.strip() in ids[kind]]
        hint = f": write \"{known[0]}:{target.strip()}\", in quotes" if known else ""
        report.error(at, f"'{target}' should be region:ID, state:ID or network:ID{hint}")
        return None
    kind, target_id = parts
    if kind not in ids:
        report.error(at, f"unknown target kind '{kind}'{did_you_mean(kind, TARGET_KINDS)} "
                         "(one of region, state, network)")
        return None
    if target_id not in ids[kind]:
        report.error(at, f"unknown {kind} '{target_id}'{did_you_mean(target_id, ids[kind])}")
        return None
    return kind


def _check_field(
    report: Reporter, at: DataPath, field: str, kind: str, table: dict[str, tuple[str, ...]], forms: set[str]
) -> bool:
    allowed = table[kind]
    if field in allowed:
        return True
    if field.startswith("demand.") and "demand.<form>" in allowed:
        form = field.removeprefix("demand.")
        if form in forms:
            return True
        report.error(at, f"unknown form '{form}'{did_you_mean(form, forms)} in '{field}'")
        return False
    concrete = [name for name in allowed if "<" not in name]
    if "demand.<form>" in allowed:
        concrete += [f"demand.{form}" for form in sorted(forms)]
    owners = [other for other in TARGET_KINDS if other != kind and field in table[other]]
    if owners:
        report.error(at, f"'{field}' is a field of a {owners[0]}, not of a {kind}")
    else:
        hint = did_you_mean(field, concrete) or f"; a {kind}'s fields are {', '.join(concrete)}"
        report.error(at, f"unknown field '{field}' for a {kind}{hint}")
    return False


def _check_set(report: Reporter, here: DataPath, effect: Effect) -> None:
    if effect.set is None:
        return
    low, high = FIELD_BOUNDS.get(generic(effect.field), (float("-inf"), None))
    if effect.set < low or (high is not None and effect.set > high):
        span = f"{low:g} to {high:g}" if high is not None else f"{low:g} or more"
        report.error((*here, "set"), f"{effect.set:g} is outside the range of '{effect.field}' ({span})")
