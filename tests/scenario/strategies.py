"""hypothesis strategies: small scenarios that are valid by construction, and junk."""

from typing import Any

from hypothesis import strategies as st

from game.model.catalogue import BUILTIN_AGREEMENTS, BUILTIN_LAWS
from game.model.fields import CONDITION_FIELDS, EFFECT_FIELDS, FIELD_BOUNDS, generic
from game.model.vocabulary import BUILTIN_FORMS, CAPACITIES

slugs = st.from_regex(r"[a-z0-9][a-z0-9_-]{0,12}", fullmatch=True)
# PyYAML's emitter writes U+0085 (NEL) raw inside a quoted scalar, where YAML folds it to a space:
# a dumper quirk, not the loader's, so the generated text leaves it out.
characters = st.characters(exclude_categories=("Cs",), exclude_characters="\x85")
texts = st.text(characters, max_size=30)
names = st.text(characters, min_size=1, max_size=20)
fractions = st.floats(0, 1, allow_nan=False)
amounts = st.floats(0, 1e4, allow_nan=False)  # inside every range a scenario allows
counts = st.integers(0, 1000)


def _unique(draw: st.DrawFn, size: tuple[int, int]) -> list[str]:
    return draw(st.lists(slugs, min_size=size[0], max_size=size[1], unique=True))


@st.composite
def scenario_data(draw: st.DrawFn) -> dict[str, Any]:
    """The data of a scenario with no error: every reference resolves, every path steps between
    neighbours. Lint warnings may remain, as they may in a real file."""
    region_ids = _unique(draw, (1, 5))
    state_ids = _unique(draw, (1, 3))
    rounds = draw(st.integers(1, 12))
    links: dict[str, set[str]] = {region: set() for region in region_ids}
    for index in range(1, len(region_ids)):
        other = region_ids[draw(st.integers(0, index - 1))]
        links[region_ids[index]].add(other)
        links[other].add(region_ids[index])
    custom_forms = draw(st.lists(slugs, max_size=1))
    forms = [*BUILTIN_FORMS, *custom_forms]
    regions = [
        {
            "id": region,
            "name": draw(names),
            "population": draw(st.floats(0.001, 1e4, allow_nan=False)),
            "vulnerability": draw(fractions),
            "demand": draw(st.dictionaries(st.sampled_from(forms), fractions, max_size=3)),
            "neighbours": draw(st.permutations(sorted(links[region]))),
            "controlled_by": draw(st.none() | st.sampled_from(state_ids)),
        }
        for region in region_ids
    ]
    forms = sorted(set(BUILTIN_FORMS) | {form for region in regions for form in region["demand"]})
    laws = sorted(BUILTIN_LAWS)
    states = [
        {
            "id": state,
            "name": draw(names),
            "budget": draw(amounts),
            "political_capital": draw(amounts),
            "approval": draw(st.floats(0, 100, allow_nan=False)),
            "corruption": draw(fractions),
            "capacities": {name: draw(st.floats(0, 10, allow_nan=False)) for name in CAPACITIES},
            "laws": draw(st.lists(st.sampled_from(laws), max_size=3, unique=True)),
            "brief": draw(texts),
            "objectives": draw(st.lists(_objective(region_ids, state_ids, state), max_size=2)),
        }
        for state in state_ids
    ]
    networks = [
        {
            "id": network,
            "name": draw(names),
            "capital": draw(amounts),
            "core": draw(counts),
            "periphery": draw(counts),
            "tech": draw(fractions),
            "loss_tolerance": draw(st.none() | fractions),
            "routes": [
                {"path": draw(_walk(links, region_ids)), "form": draw(st.sampled_from(forms)), "flow": draw(amounts)}
                for _ in range(draw(st.integers(0, 2)))
            ],
        }
        for network in _unique(draw, (0, 2))
    ]
    targets = {"region": region_ids, "state": state_ids, "network": [n["id"] for n in networks]}
    events = [draw(_event(event, rounds, targets, forms)) for event in _unique(draw, (0, 2))]
    return {
        "format": 1,
        "id": draw(slugs),
        "title": draw(names),
        "summary": draw(texts),
        "rounds": rounds,
        "round_label": draw(names),
        "seed": draw(st.none() | st.integers(0, 2**40)),
        "learning_objectives": draw(st.lists(texts, max_size=2)),
        "regions": regions,
        "states": states,
        "networks": networks,
        "events": events,
        "laws": draw(st.lists(_law_entry(), max_size=1)),
        "agreements": [],
        "parameters": draw(
            st.fixed_dictionaries({}, optional={"escape_rate": fractions, "detect_base": st.floats(0, 10)})
        ),
    }


def _walk(links: dict[str, set[str]], region_ids: list[str]) -> st.SearchStrategy[list[str]]:
    @st.composite
    def walk(draw: st.DrawFn) -> list[str]:
        path = [draw(st.sampled_from(region_ids))]
        for _ in range(draw(st.integers(0, 3))):
            choices = sorted(links[path[-1]] - set(path))
            if not choices:
                break
            path.append(draw(st.sampled_from(choices)))
        return path

    return walk()


def _objective(region_ids: list[str], state_ids: list[str], holder: str) -> st.SearchStrategy[dict[str, Any]]:
    points = st.integers(0, 10)
    others = [state for state in state_ids if state != holder]
    return st.one_of(
        st.builds(lambda r, by, p: {"kind": "reduce_victims", "region": r, "by": by, "points": p},
                  st.sampled_from(region_ids), fractions, points),
        st.builds(lambda s, by, p: {"kind": "reduce_victims", "state": s, "by": by, "points": p},
                  st.sampled_from(state_ids), fractions, points),
        st.builds(lambda t, p: {"kind": "reach_tier", "tier": t, "points": p}, st.sampled_from([1, 2]), points),
        st.builds(lambda law, p: {"kind": "adopt_law", "law": law, "points": p},
                  st.sampled_from(sorted(BUILTIN_LAWS)), points),
        st.builds(lambda a, w, p: {"kind": "sign_agreement", "agreement": a, "with": w, "points": p},
                  st.sampled_from(sorted(BUILTIN_AGREEMENTS)), st.lists(st.sampled_from(others), unique=True)
                  if others else st.just([]), points),
        st.builds(lambda at, p: {"kind": "keep_approval", "at_least": at, "points": p},
                  st.floats(0, 100, allow_nan=False), points),
    )


def _field(kind: str, table: dict[str, tuple[str, ...]], forms: list[str]) -> st.SearchStrategy[str]:
    return st.sampled_from(table[kind]).flatmap(
        lambda field: st.sampled_from([f"demand.{form}" for form in forms]) if field == "demand.<form>"
        else st.just(field)
    )


@st.composite
def _event(draw: st.DrawFn, event_id: str, rounds: int, targets: dict[str, list[str]], forms: list[str]) -> Any:
    kinds = [kind for kind, ids in targets.items() if ids]
    event: dict[str, Any] = {"id": event_id, "title": draw(names), "text": draw(texts), "effects": []}
    kind = draw(st.sampled_from(kinds))
    if draw(st.booleans()):
        event["round"] = draw(st.integers(1, rounds))
    else:
        bound = draw(st.sampled_from(["below", "above"]))
        event["when"] = {"target": f"{kind}:{draw(st.sampled_from(targets[kind]))}",
                         "field": draw(_field(kind, CONDITION_FIELDS, forms)),
                         bound: draw(st.floats(-10, 1000, allow_nan=False))}
    for _ in range(draw(st.integers(0, 2))):
        kind = draw(st.sampled_from(kinds))
        field = draw(_field(kind, EFFECT_FIELDS, forms))
        low, high = FIELD_BOUNDS[generic(field)]
        change = ("set", draw(st.floats(low, high if high is not None else 1e6, allow_nan=False))) \
            if draw(st.booleans()) else ("add", draw(st.floats(-100, 100, allow_nan=False)))
        event["effects"].append({"target": f"{kind}:{draw(st.sampled_from(targets[kind]))}", "field": field,
                                 change[0]: change[1]})
    return event


def _law_entry() -> st.SearchStrategy[dict[str, Any]]:
    laws = sorted(BUILTIN_LAWS)
    return st.one_of(
        st.builds(lambda law, cost: {"id": law, "political_cost": cost}, st.sampled_from(laws), amounts),
        st.builds(lambda new, base, name: {"id": f"x-{new}", "based_on": base, "name": name},
                  slugs, st.sampled_from(laws), names),
    )


yaml_fragments = st.lists(
    st.sampled_from([
        "a", "b:", " ", "  ", "\n", "- ", "[", "]", "{", "}", ",", ": ", "&x ", "*x", "&y ", "*y", "<<: ",
        "!!python/object:os.system ", "!foo ", "!!str ", "!!set ", "'", '"', "#", "---\n", "? ", "|\n  ",
        ">\n", "1", "1.5", ".inf", "null", "yes", "~", "regions:", "format: 1", "\t", "%YAML 1.1\n", "é",
    ]),
    max_size=60,
).map("".join)
"""Text made of YAML's own syntax, to reach the reader's odd corners faster than random text."""

json_like = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | texts,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(texts, inner, max_size=4),
    max_leaves=20,
)
