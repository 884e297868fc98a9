"""Which fields an event may change or a condition may watch, per kind of target.

The scenario checks use this to reject a misspelt field with "did you mean"; the engine uses it to
read and write them. `<form>` and `<capacity>` stand for any form of exploitation or capacity.
"""

from game.model.scenario import MAX_BUDGET, MAX_CAPITAL, MAX_MEMBERS, MAX_POLITICAL_CAPITAL, MAX_POPULATION
from game.model.vocabulary import CAPACITIES

EFFECT_FIELDS: dict[str, tuple[str, ...]] = {
    "region": ("vulnerability", "population", "demand.<form>"),
    "state": ("approval", "budget", "political_capital", "corruption", *(f"capacities.{c}" for c in CAPACITIES)),
    "network": ("capital", "core", "periphery", "tech"),
}
"""Fields an event effect may `add` to or `set`."""

CONDITION_FIELDS: dict[str, tuple[str, ...]] = {
    "region": (*EFFECT_FIELDS["region"], "victims"),
    "state": (*EFFECT_FIELDS["state"], "victims", "identified", "convictions"),
    "network": (*EFFECT_FIELDS["network"], "flow"),
}
"""Fields a `when` condition may watch: the effect fields, and figures the engine computes."""

CHANGED_BY_ENGINE: dict[str, frozenset[str]] = {
    "region": frozenset({"vulnerability", "demand.<form>", "victims"}),
    "state": frozenset(
        {"approval", "political_capital", "corruption", "victims", "identified", "convictions",
         *(f"capacities.{c}" for c in CAPACITIES)}
    ),
    "network": frozenset({"capital", "core", "periphery", "tech", "flow"}),
}
"""Fields that move during play even when no event touches them; a condition on any other field
can only fire if some event changes it (a lint warning otherwise)."""

FIELD_BOUNDS: dict[str, tuple[float, float | None]] = {
    "vulnerability": (0.0, 1.0),
    "population": (0.0, MAX_POPULATION),
    "demand.<form>": (0.0, 1.0),
    "approval": (0.0, 100.0),
    "budget": (0.0, MAX_BUDGET),
    "political_capital": (0.0, MAX_POLITICAL_CAPITAL),
    "corruption": (0.0, 1.0),
    "capacities.<capacity>": (0.0, 10.0),
    "capital": (0.0, MAX_CAPITAL),
    "core": (0.0, MAX_MEMBERS),
    "periphery": (0.0, MAX_MEMBERS),
    "tech": (0.0, 1.0),
}
"""The range an effect's result is clamped to, so an event can never make a figure impossible or
larger than a scenario may write it (the engine's arithmetic is safe inside those ranges)."""


def generic(field: str) -> str:
    """`demand.labour` -> `demand.<form>`, `capacities.border` -> `capacities.<capacity>`."""
    if field.startswith("demand."):
        return "demand.<form>"
    if field.startswith("capacities."):
        return "capacities.<capacity>"
    return field
