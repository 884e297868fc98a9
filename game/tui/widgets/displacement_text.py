"""Displacement in a team's own words: what a network's move did to this team (left its territory,
crosses it now, now ends in it, or was moved by its own pressure or a fall in demand on its ground). Every team
it touched reads it in the same round's report (`game.session.seat_reports.touches`).

A move is told in short sentences, one a line, each folded to the report's width at 80 columns: who
moved what, from where, to where, why, and what it means for this team. It was one sentence of two
lines ('It now ends in your territory: ... moved some trade off Phnom Penh ... → Bangkok ...: demand
... fell less than 1% ... and moved to Phnom Penh...'), which a student could not take apart."""

import textwrap

from game.model.report import Displacement
from game.report.displacement_words import why_moved
from game.tui.text import escape, short

WIDTH = 76
"""The report's text width in an 80-column terminal (its padding and scroll bar taken off)."""
INDENT = "    "
KEEP = "\N{NO-BREAK SPACE}"
"""Binds a place's words while a sentence is folded (textwrap breaks only at ASCII white space):
'Mae / Sot and Tak province' split one place across two lines."""


def your_part(move: Displacement, who: str, mine: set[str]) -> str:
    """How a move touched this team, in sentences: it may have left, crossed and ended in its territory."""
    opened = move.opened or []
    parts = []
    if move.pressure_state == who:
        parts.append({"site": "Demand fell in your territory.",
                      "money": "Your territory was the riskiest place on its route."}.get(
                          move.cause, "Your pressure moved it."))
    if set(move.dropped) & mine and not set(opened) & mine:
        # a site move keeps its route: only part of the trade left
        parts.append("Some of the trade left your territory." if move.cause == "site"
                     else "The route left your territory.")
    if opened and opened[-1] in mine:
        # a move between two of this team's markets (Germany's trade moved from one German city to
        # another) read 'now ends in your territory', as if it had come from abroad (student21)
        parts.append("The trade still ends in your territory, at another place." if move.dropped
                     and move.dropped[-1] in mine else "The trade now ends in your territory.")
    elif set(opened) & mine:
        parts.append("The new path crosses your territory.")
    return " ".join(parts) or "The move touched your territory."


def move_sentences(move: Displacement, who: str, mine: set[str], names: dict[str, str]) -> list[str]:
    """The move in plain sentences, in the order a reader asks: who moved what, from where, to where,
    why, and what it means for this team."""
    network = f"{names.get(move.network, move.network)} ({move.form})"
    dropped = _path(move.dropped, names)
    where = _place(move.pressure_region, names)
    if move.cause == "site":  # the route stays; part of its trade moved
        said = [f"{network} moved some trade to a new path.", f"From: {dropped}."]
    else:
        said = [f"{network} gave up a route.", f"From: {dropped}."]
    if move.opened:
        onto = [("you" if s == who else names.get(s, s)) for s in move.received_by]
        # a move that reached no new state read 'new to no new state'
        new = f"New to {', '.join(onto)}." if onto else "It crosses no state it did not cross before."
        said.append(f"To: {_path(move.opened, names)}. {new}")
    else:
        said.append("To: nowhere. The flow was lost.")
    if move.cause == "detection":  # a site or a loss names its place, as the debrief does
        said.append(f"Why: pressure in {where} made the route too risky.")
    else:
        said.append(f"Why: {why_moved(move, where)}.")
    part = your_part(move, who, mine)
    said.append(f"For you: {part[0].lower()}{part[1:]}")
    return said


def _place(region: str, names: dict[str, str]) -> str:
    """A region's short name, its words bound together so that a line is never folded inside it."""
    return short(names.get(region, region)).replace(" ", KEEP)


def _path(regions: list[str], names: dict[str, str]) -> str:
    return " → ".join(_place(region, names) for region in regions)


def displacement_lines(moves: list[Displacement], who: str, mine: set[str], names: dict[str, str]) -> list[str]:
    """Each move that touched this team (the report is already filtered: `seat_reports.touches`),
    as markup lines: the first marked ⇢, the rest indented beneath it."""
    lines = []
    for move in moves:
        first, *rest = move_sentences(move, who, mine, names)
        lines += _folded(first, "  ⇢ ")
        for sentence in rest:
            lines += _folded(sentence, INDENT)
    return lines


def _folded(sentence: str, lead: str) -> list[str]:
    """A sentence folded to the report's width, its lines after the first under its first word;
    folded as plain text, then escaped, so that no markup is cut."""
    wrapped = textwrap.wrap(sentence, WIDTH, initial_indent=lead, subsequent_indent=INDENT + "  ",
                            break_on_hyphens=False, break_long_words=False)
    return [escape(line.replace(KEEP, " ")) for line in wrapped]
