"""An action in words, for the debrief's timeline: a few familiar kinds read naturally, and any
other kind (the diplomacy actions, or one added later) is shown by its type and fields, so that a
new action appears in every debrief without a change here."""

import functools
import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

from game.model.pledge import pledge_text
from game.model.world import World
from game.report.points import points_figure, points_words
from game.report.summits import SUMMIT_ORDERS, describe_order

_PLAIN = {"type", "state", "org", "round"}


def describe(data: dict[str, Any], world: World) -> str:
    kind = str(data.get("type", "?"))
    try:
        if kind == "allocate":
            budget = {str(k): float(v) for k, v in dict(data.get("budget", {})).items() if float(v) > 0}
            if not budget:
                return "allocated nothing to capacities"
            parts = ", ".join(f"{capacity.replace('_', ' ')} {points_figure(points)}"
                              for capacity, points in budget.items())
            return f"allocated {points_words(sum(budget.values()))} ({parts})"
        if kind == "adopt_law":
            return f"adopted {law_name(str(data['law']), world)}"
        if kind == "repeal_law":
            return f"repealed {law_name(str(data['law']), world)}"
        if kind == "ready":
            return "declared itself ready"
        if kind == "message":
            return f"sent a message to {_names(data['to'], world)}: “{data['text']}”"
        if kind == "propose":
            spec = world.agreements.get(str(data["agreement"]))
            name = spec.name if spec is not None else str(data["agreement"])
            others = [p for p in data["parties"] if p != (data.get("state") or data.get("org"))]
            terms = _fields(_named_terms(dict(data.get("terms") or {}), world))
            return f"proposed {name} with {_names(others, world)}" + (f" ({terms})" if terms else "")
        if kind == "respond":
            note = str(data.get("note") or "").strip()  # the line its parties read with the answer
            return (f"{'accepted' if data['answer'] == 'accept' else 'rejected'} proposal {data['proposal']}"
                    + (f", saying: “{note}”" if note else ""))
        if kind == "withdraw":
            ident = str(data["agreement"])
            return f"withdrew proposal {ident}" if ident.startswith("p") else f"withdrew from agreement {ident}"
        if kind == "accede":
            return f"acceded to {data['agreement']}"
        if kind == "train":
            capacity = str(data["capacity"])
            trained = "labour inspectors" if capacity == "labour_inspection" else f"{capacity} officials"
            return f"trained {name_of(str(data['target']), world)}'s {trained}"
        if kind == "monitor":
            return f"reviewed {name_of(str(data['target']), world)} and published it"
        if kind == "assist":
            conditions = [f"{law_name(str(c['law']), world)} by round {c['by_round']}"
                          for c in data.get("conditions") or []]
            target = name_of(str(data["target"]), world)
            return f"funded victim services in {target} ({points_words(float(data['amount']))}" + (
                f", on condition of {', '.join(conditions)})" if conditions else ")")
        if kind == "campaign":
            region = world.region_specs.get(str(data["region"]))
            return f"campaigned in {region.name if region is not None else data['region']}"
        if kind == "inject":
            titles = {event.id: event.title for event in world.scenario.events}
            event = str(data["event"])
            return f"fired the event '{titles.get(event, event)}' by hand"
        if kind in SUMMIT_ORDERS:
            return describe_order(data, world)
        if kind == "convene":
            spec = world.agreements.get(str(data["agreement"]))
            name = spec.name if spec is not None else str(data["agreement"])
            return f"convened the {name} among {_names(data['parties'], world)}"
        if kind in ("statement", "pledge"):
            return statement_or_pledge(data, world)
    except (KeyError, TypeError, ValueError):
        pass
    details = _fields({k: v for k, v in data.items() if k not in _PLAIN})
    return f"{kind.replace('_', ' ')}" + (f": {details}" if details else "")


def statement_or_pledge(data: dict[str, Any], world: World) -> str:
    if data["type"] == "statement":
        return f"stated in public: “{data['text']}”"
    return f"pledged to {pledge_text(world, data)}"


def name_of(ident: str, world: World) -> str:
    """A state's, an organization's or a region's name from the scenario; an unknown id as it is."""
    for specs in (world.state_specs, world.org_specs, world.region_specs):
        spec = specs.get(ident)
        if spec is not None:
            return spec.name
    return ident


def _names(idents: Any, world: World) -> str:
    return ", ".join(name_of(str(ident), world) for ident in idents)


def law_name(law: str, world: World) -> str:
    spec = world.laws.get(law)
    return spec.name if spec is not None else law


def _named_terms(terms: dict[str, Any], world: World) -> dict[str, Any]:
    """A proposal's terms with the parties they name (who pays, who gives, who receives) by name."""
    named = dict(terms)
    if isinstance(named.get("contributions"), dict):
        named["contributions"] = {name_of(str(k), world): v for k, v in named["contributions"].items()}
    for key in ("donor", "recipient"):
        if isinstance(named.get(key), str):
            named[key] = name_of(named[key], world)
    if isinstance(named.get("network"), str):
        network = next((n for n in world.scenario.networks if n.id == named["network"]), None)
        named["network"] = network.name if network is not None else named["network"]
    label = world.scenario.round_label
    if isinstance(named.get("conditions"), list):
        named["conditions"] = [f"{law_name(str(c.get('law')), world)} in force by {label} {c.get('by_round')}"
                               if isinstance(c, dict) else c for c in named["conditions"]]
    return named


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


_STATE_FIELDS = {"approval": "approval", "budget": "budget", "political_capital": "political capital",
                 "corruption": "corruption"}
_NETWORK_FIELDS = {"capital": "money", "core": "leaders", "periphery": "recruiters and drivers",
                   "tech": "share of business online", "flow": "flow"}


def effect_sentence(effect: str, names: Mapping[str, str], me: str | None = None) -> str:
    """An event's effect as the engine records it (`state:aldmark capacities.enforcement: 6 -> 6.5`)
    in a sentence (`Aldmark's enforcement capacity rose from 6 to 6.5.`), with the scenario's
    names; `me` reads as "your". A line in another shape is returned as it is."""
    target, _, rest = effect.partition(" ")
    kind, _, ident = target.partition(":")
    if rest.endswith("no longer exists; nothing changed"):
        return f"{capital(_name(kind, ident, names))} no longer exists: nothing changed."
    field, _, change = rest.partition(": ")
    before, arrow, after = change.partition(" -> ")
    if not arrow or kind not in ("region", "state", "network"):
        return effect
    subject = _subject(kind, ident, field, names, me)
    unit = "%" if kind == "state" and field == "approval" else ""
    before, after = _figure(before), _figure(after)
    if _number(after) > _number(before):
        verb = f"rose from {before}{unit} to {after}{unit}"
    elif _number(after) < _number(before):
        verb = f"fell from {before}{unit} to {after}{unit}"
    else:
        verb = f"stayed at {after}{unit}"
    return f"{capital(subject)} {verb}."


def _subject(kind: str, ident: str, field: str, names: Mapping[str, str], me: str | None) -> str:
    owner = "your" if ident == me else f"{_name(kind, ident, names)}'s"
    if kind == "region":
        place = _name(kind, ident, names)
        if field.startswith("demand."):
            return f"demand for {field.split('.', 1)[1]} exploitation in {place}"
        return f"{field.replace('_', ' ')} in {place}"
    if kind == "state":
        if field.startswith("capacities."):
            return f"{owner} {field.split('.', 1)[1]} capacity"
        return f"{owner} {_STATE_FIELDS.get(field, field.replace('_', ' '))}"
    return f"{owner} {_NETWORK_FIELDS.get(field, field.replace('_', ' '))}"


def _name(kind: str, ident: str, names: Mapping[str, str]) -> str:
    if ident in names:
        return names[ident]
    return f"the {ident.replace('-', ' ')} network" if kind == "network" else ident


def _figure(text: str) -> str:
    """A figure of an effect as a reader takes it in, at most two decimals: the engine records it
    with six digits, and the news read 'Your political capital rose from 11.6429 to 13.6429.'"""
    try:
        value = float(text)
    except ValueError:
        return text
    return f"{round(value, 2):g}" if math.isfinite(value) else text


def _number(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return 0.0


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def world_names(world: World) -> dict[str, str]:
    """Every state, organization, region and network of the scenario by id, with its name; a state's
    or an organization's wins over a region's or a network's with the same id (europe's `austria`)."""
    names = {r.id: r.name for r in world.scenario.regions} | {n.id: n.name for n in world.scenario.networks}
    return names | {s.id: s.name for s in world.scenario.states} | {o.id: o.name for o in world.scenario.organizations}


def ids_to_names(text: str, names: Mapping[str, str]) -> str:
    """Every whole word of `text` that is an id in `names` replaced by its name: the engine's
    sentences (a refusal, an event it writes) name states, laws and agreements by id."""

    def named(match: re.Match[str]) -> str:
        word = match.group(0)
        return names.get(word, word)

    return re.sub(r"(?<![\w-])[a-z][a-z0-9_-]*[a-z0-9](?![\w-])", named, text)


AUTHORED = ("scripted", "injected")
SAID = ("statement",)
"""Events whose text is a player's own words: shown as written (a statement's 'next round' is not
the engine's 'round', nor its 'thailand' an id to name)."""
"""Event kinds whose title and text the scenario's author wrote: prose already, left as it is."""


def event_words(text: str, kind: str, names: Mapping[str, str], label: str, titles: Iterable[str] = ()) -> str:
    """An event's title or text in the scenario's words: the engine writes its own events (an
    agreement signed, a breach, a network splitting) with ids and "round"; this puts the names and
    the round label (`cambodia, thailand sign for 4 round(s).` -> `Cambodia, Thailand sign for 4
    years.`). An author's event is returned as written.

    `titles` are the agreements' names: the engine writes some in lower case ('breaches the asean
    convention against trafficking in persons (actip)', 'The information sharing lapses'), and they
    are given back as the catalogue writes them, as the engine's other sentences do ('Information
    sharing signed'). One with capitals past its first letter (an acronym, a proper noun) is found in
    any case, none of its words taken for an id or for the engine's "round" ('the COMMIT ...
    guidelines', not 'the commit ...'; GRETA's 'evaluation round' stays a round in a game of years);
    one of common words only where the engine names an agreement, after "the" (or ending "the ...
    treaty's information sharing"), so that the same words in a sentence of their own stay as they are."""
    if kind in AUTHORED:
        return text
    proper = {title.lower(): title for title in titles}
    pattern = _titles_pattern(tuple(sorted(proper.values(), key=len, reverse=True)))
    if pattern is None:
        return capital(_engine_words(text, names, label))
    worded, start = [], 0
    for match in pattern.finditer(text):
        worded += [_engine_words(text[start:match.start()], names, label), proper[match.group(0).lower()]]
        start = match.end()
    worded.append(_engine_words(text[start:], names, label))
    return capital("".join(worded))


@functools.lru_cache(maxsize=64)
def _titles_pattern(titles: tuple[str, ...]) -> re.Pattern[str] | None:
    """Where an engine's sentence names one of `titles` (longest first), for `event_words`."""
    proper = [re.escape(title) for title in titles if title[1:] != title[1:].lower()]
    common = [re.escape(title.lower()) for title in titles if title[1:] == title[1:].lower()]
    ways = []
    if proper:
        ways.append(r"(?<![\w-])(?i:" + "|".join(proper) + r")(?![\w-])")
    if common:
        words = "|".join(common)
        ways += [r"(?<=[Tt]he )(?:" + words + r")(?![\w-])", r"(?<=treaty's )(?:" + words + r")$"]
    return re.compile("|".join(ways)) if ways else None


def _engine_words(text: str, names: Mapping[str, str], label: str) -> str:
    text = ids_to_names(text, names)
    # a capacity's id, as the engine writes it into a training's news ('Labour_inspection officials');
    # worded here, not in the engine, so that the reports saves were verified against stay the same
    text = re.sub(r"\b([Ll])abour_inspection\b", r"\1abour inspection", text)
    # the label is the author's text: a function, so that a backslash in it is no escape ('year\\')
    text = re.sub(r"\bround\(s\)|\brounds\b", lambda _: f"{label}s", text)
    return re.sub(r"\bround\b", lambda _: label, text)
