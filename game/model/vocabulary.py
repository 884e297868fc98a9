"""The fixed words of the game: capacities, forms of exploitation, tiers.

Kept in one place so that the scenario format, the engine and the screens agree on spelling.
"""

from typing import Literal, get_args

CapacityName = Literal[
    "enforcement", "border", "protection", "prevention", "intelligence", "cyber", "labour_inspection"
]
CAPACITIES: tuple[str, ...] = get_args(CapacityName)

BUILTIN_FORMS: tuple[str, ...] = ("sexual", "labour", "criminality", "marriage")
"""Forms with default figures; a scenario may name others, which take the labour figures."""

NOT_LABOUR: frozenset[str] = frozenset({"sexual", "criminality", "marriage"})
"""Forms that labour inspectors do not look for: every other form (labour, and a scenario's own
forms, which take the labour figures) is work that an inspector can find (`labour_inspection`)."""

Tier = Literal["1", "2", "2WL", "3"]
TIERS: tuple[str, ...] = get_args(Tier)
TIER_ORDER: dict[str, int] = {"1": 0, "2": 1, "2WL": 2, "3": 3}
"""Lower is better; Tier 2 Watch List sits between Tier 2 and Tier 3, as in the TIP Report."""


def tier_title(tier: str) -> str:
    """A tier as a report names it: "Tier 1", "Tier 2 Watch List"."""
    return "Tier 2 Watch List" if tier == "2WL" else f"Tier {tier}"
