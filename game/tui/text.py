"""Words and glyphs the screens share, so that meaning is never carried by colour alone: every
tier, status and trend is written as a word or a symbol, and colour only repeats it."""

import math

from rich.text import Text
from textual.markup import escape as markup_escape

from game.report.points import points_figure, points_short, points_words
from game.scenario.wording import objective_text as objective_text

TIERS: dict[str, tuple[str, str]] = {
    "1": ("Tier 1 ★", "good"),
    "2": ("Tier 2 ●", "fair"),
    "2WL": ("Tier 2 WL ⚠", "warn"),
    "3": ("Tier 3 ✗", "bad"),
}
"""Tier id -> (label with its symbol, the style class that colours it)."""

FOUR_P = ("prevention", "protection", "prosecution", "partnership")
BLOCKS = " ▁▂▃▄▅▆▇█"
PENDING = "…"
"""Pending, waiting: a glyph every font has (the hourglass `⧗` shows as an empty box in many browsers)."""


def tier_label(tier: str) -> str:
    return TIERS.get(tier, (f"Tier {tier}", "fair"))[0]


def tier_markup(tier: str) -> str:
    """The tier as Textual markup: a coloured label whose words and symbol say it all."""
    label, style = TIERS.get(tier, (f"Tier {tier}", "fair"))
    return f"[${_STYLE_VARS[style]}]{label}[/]"


_STYLE_VARS = {"good": "success", "fair": "primary", "warn": "warning", "bad": "error"}


def next_tier_text(tier: str, total: int, at: int) -> str:
    """'4P sum 15: Tier 1 from a sum of 17 (with criminalization)': the team's own threshold, which a
    scenario's declared opening tier sets apart from the rule's 13 and 9."""
    up = "Tier 2" if tier == "3" else "Tier 1"
    if total >= at:  # held back by the Watch List (victims rising, a falling sum) or by the law
        return f"4P sum {total}: {up} once victims stop rising and the sum holds" + (
            "" if tier == "3" else ", with criminalization")
    return f"4P sum {total}: {up} from a sum of {at}" + ("" if tier == "3" else " (with criminalization)")


def four_p(scores: dict[str, int]) -> str:
    """'Prev 2 · Prot 1 · Pros 3 · Part 1': each P named, so no reader needs a legend."""
    return " · ".join(f"{p[:4].capitalize()} {scores.get(p, 0)}" for p in FOUR_P)


def bar(value: float, top: float = 10.0, width: int = 10) -> str:
    """A level as a text bar: '███▌░░░░░░'; the number is always printed beside it, with one decimal,
    and the bar draws that figure: a level of 5.997 drew '█████▌' beside its '6.0'."""
    if top <= 0:
        return "░" * width
    filled = max(0.0, min(1.0, float(f"{value:.1f}") / top)) * width
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
    """A figure as students read it: thousands separated, one decimal only where it matters. Never
    raises: a figure that is not finite (which the rules never let in) is written as it is."""
    if not math.isfinite(value):
        return str(value)
    if abs(value) >= 1e15:  # a typing slip (1e99) in one short word, not a hundred digits over three lines
        return f"{value:.3g}"
    if abs(value - round(value)) < 0.05:
        return f"{round(value):,}"
    return f"{value:,.1f}"


def points_num(value: float) -> str:
    """A number of points, written one way on every screen and report (`game.report.points`)."""
    return points_figure(value)


def num_apart(value: float, other: float) -> str:
    """`value` as `points_num` writes it (points, as every use of it is), unless it would be written
    as `other` is though the two differ: then with the decimals that tell them apart. A standing
    allocation of 23.04 read 'left over 2 (agreements need 2)' and '⚠ only 2 left for agreements
    that cost 2', and the 1.96 left was a breach of the 2 owed; 'the allocation (23) no longer fits
    the 23 free points' read as nonsense."""
    if points_num(value) != points_num(other) or not math.isfinite(value) or not math.isfinite(other):
        return points_num(value)
    for places in (3, 4):
        if round(value, places) != round(other, places):
            return f"{value:,.{places}f}"
    return points_num(value)


def points_text(value: float) -> str:
    """A number of points as `points_num` writes it, with its noun: "1 point", "1.5 points", "9 points"."""
    return points_words(value)


def pts_text(value: float, width: int = 0) -> str:
    """Points in a column, abbreviated: '0.6 pts', '1 point' (never '1 pts')."""
    return points_short(value, width)


def typed_number(text: str, field: str) -> float | None:
    """What a person typed in a number field: None when it is empty, else a finite number, or a
    `ValueError` saying in one line what is wrong with it (`1e999` reads as infinity in Python)."""
    text = text.strip()
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if math.isnan(value):
        raise ValueError(f"{field}: '{text[:20]}' is not a number")
    if math.isinf(value):
        raise ValueError(f"{field}: '{text[:20]}…' is too large a number")
    return value + 0.0  # -0 is 0


def typed_whole(text: str, field: str) -> int | None:
    """A whole number typed in a field for one (a duration, a round): None when it is empty, else a
    `ValueError` saying in one line what is wrong with it; a fraction is one (`int` cut 2.5 to 2)."""
    value = typed_number(text, field)
    if value is None:
        return None
    if not value.is_integer():
        raise ValueError(f"{field}: '{text.strip()[:20]}' is not a whole number")
    return int(value)


def check(ok: bool) -> str:
    return "✓" if ok else "✗"


def short(name: str) -> str:
    """A place's name without its gloss: 'Port Sava (Korvian capital)' -> 'Port Sava'."""
    return name.split(" (")[0]


def clip(text: str, width: int) -> str:
    """`text` in at most `width` characters, an ellipsis saying that it was cut."""
    return text if len(text) <= width else text[:max(0, width - 1)].rstrip() + "…"


CAPACITY_LABELS = {"labour_inspection": "labour insp."}
"""Capacities whose id is too long for a column of 12-13 characters."""


def capacity_label(capacity: str) -> str:
    return CAPACITY_LABELS.get(capacity, capacity)


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def escape(text: str) -> str:
    """Text from a scenario or a player, shown literally inside markup."""
    return markup_escape(text)


def counted(value: float, one: str, many: str) -> str:
    """`1 woman or girl`, `2 women and girls`: a report reads '1 women and girls' and '1 victims' as
    a mistake."""
    return f"{num(value)} {one if value == 1 else many}"


def seat_words(is_human: bool, personality: str | None) -> str:
    """Who plays a seat, in words: `human team`, `AI free rider` (not `AI free_rider`)."""
    return "human team" if is_human else f"AI {(personality or '').replace('_', ' ')}".rstrip()


def members_line(roles: list[str], online: list[str]) -> str:
    """A team that plays in roles (`accord host --roles`): each member's role, and whether its member
    is connected now ('' for a team with one code)."""
    return " · ".join(f"{role.replace('_', ' ')} {'● online' if role in online else '○ offline'}" for role in roles)


def item_lines(head: str, items: list[str], width: int = 78, indent: str = "  ") -> list[str]:
    """`head` and `items` joined by ' · ', broken between items, never inside one, into lines of at
    most `width` cells (an item longer than a line stands alone): a wrapped Trust line put
    'Netherlands' at the end of one line and its '0.50' at the start of the next. `head` may hold
    markup; the items are text, escaped here."""
    lines: list[str] = []
    line, used = head, Text.from_markup(head).cell_len
    for item in items:
        size = Text(item).cell_len
        join = " · " if line != head else ""
        if used + len(join) + size > width and line.strip():
            lines.append(line.rstrip())
            line, used, join = indent, len(indent), ""
        line += join + escape(item)
        used += len(join) + size
    lines.append(line.rstrip())
    return lines
