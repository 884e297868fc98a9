"""Displacement in a team's own words: what a network's move did to this team (left its territory,
crosses it now, now ends in it, or was moved by its own pressure or a fall in demand on its ground). Every team
it touched reads it in the same round's report (`game.session.seat_reports.touches`)."""

from game.model.report import Displacement
from game.report.displacement_words import because, why_moved
from game.tui.text import escape, short


def your_part(move: Displacement, who: str, mine: set[str]) -> str:
    """How a move touched this team, in words: it may have left, crossed and ended in its territory."""
    opened = move.opened or []
    parts = []
    if move.pressure_state == who:
        parts.append({"site": "demand fell in your territory",
                      "money": "it was losing money and your territory was the riskiest on its way"}.get(
                          move.cause, "your pressure moved it"))
    if set(move.dropped) & mine and not set(opened) & mine:
        # a site move keeps its route: only part of the trade left
        parts.append("some of its trade left your territory" if move.cause == "site" else "it left your territory")
    if opened and opened[-1] in mine:
        parts.append("it now ends in your territory")
    elif set(opened) & mine:
        parts.append("its new path crosses your territory")
    return "; ".join(parts) or "it touched your territory"


def displacement_lines(moves: list[Displacement], who: str, mine: set[str], names: dict[str, str]) -> list[str]:
    """Each move that touched this team (the report is already filtered: `seat_reports.touches`),
    with what it did to this team first."""
    lines = []
    for move in moves:
        dropped = " → ".join(short(names.get(r, r)) for r in move.dropped)
        opened = (" → ".join(short(names.get(r, r)) for r in move.opened) if move.opened
                  else "nowhere (the flow was lost)")
        onto = ", ".join("you" if s == who else names.get(s, s) for s in move.received_by)
        network = names.get(move.network, move.network)
        part = escape(your_part(move, who, mine)).capitalize()
        if move.cause == "site":  # the route stays; part of its trade moved
            place = short(names.get(move.pressure_region, move.pressure_region))
            lines.append(f"  ⇢ {part}: {escape(network)} ({move.form}) moved some trade off {escape(dropped)}: "
                         f"{escape(why_moved(move, place))}")
        else:
            pressed = names.get(move.pressure_state or "", "no state")
            if move.cause == "money":
                cause = because(move, "your territory" if move.pressure_state == who else pressed)
            else:
                cause = "because of " + ("your pressure" if move.pressure_state == who else f"pressure in {pressed}")
            lines.append(f"  ⇢ {part}: {escape(network)} ({move.form}) left {escape(dropped)} {escape(cause)}")
        # a move that reached no new state read 'new to no new state'
        where = (f": new to {escape(onto)}" if onto else
                 ", through states it already crossed" if move.opened else "")
        lines.append(f"    and moved to {escape(opened)}{where}")
    return lines
