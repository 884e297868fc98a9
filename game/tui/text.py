"""Words and glyphs the screens share, so that meaning is never carried by colour alone: every
tier, status and trend is written as a word or a symbol, and colour only repeats it."""

from typing import TYPE_CHECKING

from textual.markup import escape as markup_escape

if TYPE_CHECKING:  # pydantic loads with the first game, not before the title screen
    from pydantic import BaseModel

TIERS: dict[str, tuple[str, str]] = {
    "1": ("Tier 1 ★", "good"),
    "2": ("Tier 2 ●", "fair"),
    "2WL": ("Tier 2 WL ⚠", "warn"),
    "3": ("Tier 3 ✗", "bad"),
}
"""Tier id -> (label with its symbol, the style class that colours it)."""

FOUR_P = ("prevention", "protection", "prosecution", "partnership")
BLOCKS = " ▁▂▃▄▅▆▇█"


def tier_label(tier: str) -> str:
    return TIERS.get(tier, (f"Tier {tier}", "fair"))[0]


def tier_markup(tier: str) -> str:
    """The tier as Textual markup: a coloured label whose words and symbol say it all."""
    label, style = TIERS.get(tier, (f"Tier {tier}", "fair"))
    return f"[${_STYLE_VARS[style]}]{label}[/]"


_STYLE_VARS = {"good": "success", "fair": "primary", "warn": "warning", "bad": "error"}


def four_p(scores: dict[str, int]) -> str:
    """'Prev 2 · Prot 1 · Pros 3 · Part 1': each P named, so no reader needs a legend."""
    return " · ".join(f"{p[:4].capitalize()} {scores.get(p, 0)}" for p in FOUR_P)


def bar(value: float, top: float = 10.0, width: int = 10) -> str:
    """A level as a text bar: '███▌░░░░░░'; the number is always printed beside it."""
    if top <= 0:
        return "░" * width
    filled = max(0.0, min(1.0, value / top)) * width
    whole = int(filled)
    half = "▌" if filled - whole >= 0.5 and whole < width else ""
    return "█" * whole + half + "░" * (width - whole - len(half))


def sparkline(values: list[float]) -> str:
    """One glyph a value, scaled from zero to the largest value."""
    if not values:
        return ""
    top = max(values)
    if top <= 0:
        return BLOCKS[1] * len(values)
    return "".join(BLOCKS[max(1, round(v / top * (len(BLOCKS) - 1)))] for v in values)


def num(value: float) -> str:
    """A figure as students read it: thousands separated, one decimal only where it matters."""
    if abs(value - round(value)) < 0.05:
        return f"{round(value):,}"
    return f"{value:,.1f}"


def check(ok: bool) -> str:
    return "✓" if ok else "✗"


def objective_text(objective: "BaseModel", names: dict[str, str]) -> str:
    """An objective from the brief in words, with its points."""
    data = objective.model_dump()
    kind = data["kind"]
    points = data.get("points", 0)
    if kind == "reduce_victims":
        place = names.get(data.get("region") or data.get("state") or "", data.get("region") or data.get("state"))
        text = f"cut true victims in {place} by {data['by']:.0%} against nobody acting"
    elif kind == "reach_tier":
        text = f"reach Tier {data['tier']} or better by the end"
    elif kind == "adopt_law":
        text = f"have the law {names.get(data['law'], data['law'])} in force at the end"
    elif kind == "sign_agreement":
        partners = data.get("with_") or []
        others = ", ".join(names.get(p, p) for p in partners)
        text = f"sign {names.get(data['agreement'], data['agreement'])}" + (f" with {others}" if partners else "")
    elif kind == "train_states":
        text = f"train the officials of {data['count']} different states"
    elif kind == "states_monitored":
        text = f"review and publish {data['count']} different states"
    elif kind == "keep_approval":
        text = f"keep approval at {data['at_least']:g} or more every round"
    else:
        text = kind.replace("_", " ")
    return f"{text} ({points} pts)"


def short(name: str) -> str:
    """A place's name without its gloss: 'Port Sava (Korvian capital)' -> 'Port Sava'."""
    return name.split(" (")[0]


CAPACITY_LABELS = {"labour_inspection": "labour insp."}
"""Capacities whose id is too long for a column of 12-13 characters."""


def capacity_label(capacity: str) -> str:
    return CAPACITY_LABELS.get(capacity, capacity)


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def escape(text: str) -> str:
    """Text from a scenario or a player, shown literally inside markup."""
    return markup_escape(text)
