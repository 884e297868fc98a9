"""What paid for each capacity in a round, for the team's round report: the state's own allocation,
partners' funding (a grant, an organization's assistance, named), and an allocation scaled down
to fit a budget that an event cut or law upkeep shrank (which event, by how much).

'capacities 18' counted a partner's grant as the team's own spending, and an allocation the
resolution scaled down was not mentioned: a team read levels below what its confirmation promised
and could not tell why. The figures are the engine's (`StateFigures.spent`, `.funding`); this
module only takes one from the other and puts them in words.
"""

from game.model.report import StateFigures
from game.session.seat_reports import StateRoundReport
from game.tui.text import capacity_label, escape, points_num, short
from game.tui.views import names_of

SHOWN = 0.005
"""Below this the figures print alike (`points_num`): no 'scaled down' a team could not see."""


def own_points(fig: StateFigures) -> dict[str, float]:
    """Points each capacity got from the state's own allocation: what was spent on it, less what
    partners paid into it."""
    given: dict[str, float] = {}
    for gifts in fig.funding.values():
        for capacity, points in gifts.items():
            given[capacity] = given.get(capacity, 0.0) + points
    return {capacity: max(0.0, points - given.get(capacity, 0.0)) for capacity, points in fig.spent.items()}


def budget_events(data: StateRoundReport) -> list[str]:
    """The titles of the round's events that changed this state's budget."""
    target = f"state:{data.view.me.id} budget:"
    return [event.title for event in data.report.events if any(e.startswith(target) for e in event.effects)]


def capacity_events(data: StateRoundReport) -> dict[str, list[tuple[str, float]]]:
    """The round's events that changed this state's capacity levels, by capacity: each event's title
    and the change it made, read from the effects the engine recorded ('state:meridia
    capacities.border: 3 -> 7'). They fire before the allocation funds the levels."""
    prefix = f"state:{data.view.me.id} capacities."
    found: dict[str, list[tuple[str, float]]] = {}
    for event in data.report.events:
        for effect in event.effects:
            if not effect.startswith(prefix):
                continue
            capacity, _, move = effect[len(prefix):].partition(": ")
            before, _, after = move.partition(" -> ")
            try:
                change = float(after) - float(before)
            except ValueError:
                continue
            if abs(change) > 1e-9:
                found.setdefault(capacity, []).append((event.title, change))
    return found


def scaled_line(data: StateRoundReport, fig: StateFigures) -> str | None:
    """'⚠ your allocation of 19 was scaled down to 17 (2 less) to fit: this year's event 'Typhoon season'
    cut your budget from 22 to 20', or None when the allocation was funded in full."""
    ordered = sum(data.view.me.allocation.values())
    applied = sum(own_points(fig).values())
    if ordered - applied < SHOWN:
        return None
    label = data.view.round_label
    events = budget_events(data)
    if events and abs(data.before_budget - fig.budget) > 1e-9:
        named = " and ".join(f"'{title}'" for title in events)
        verb = "cut" if fig.budget < data.before_budget else "changed"
        cause = (f"this {label}'s event{'s' if len(events) > 1 else ''} {named} {verb} your budget from "
                 f"{points_num(data.before_budget)} to {points_num(fig.budget)}")
    elif (against := data.view.me.allocated_against) is not None and against > fig.budget + 1e-9:
        # a standing allocation given before a cut (rules 17): 'law upkeep 5 left 5 free points' named
        # the upkeep, which had not changed, beside screens that said it gives way to the agreements
        cause = (f"it was given when your budget was {points_num(against)}: at {points_num(fig.budget)} it gives "
                 "way to your agreements until you allocate again")
    else:
        cause = f"law upkeep {points_num(fig.upkeep)} left {points_num(max(0.0, fig.budget - fig.upkeep))} free points"
    return (f"  ⚠ your allocation of {points_num(ordered)} was scaled down to {points_num(applied)} "
            f"({points_num(ordered - applied)} less) to fit:\n    {escape(cause)}")


def capacity_lines(data: StateRoundReport, fig: StateFigures) -> list[str]:
    """One line a capacity: its level before and after, and what paid for it this round."""
    names = names_of(data.view)
    ordered = data.view.me.allocation
    own = own_points(fig)
    events = capacity_events(data)
    lines = ["  capacities (level before→after, and the points that paid for it):"]
    for capacity, level in fig.capacities.items():
        before = data.before_capacities.get(capacity, 0.0)
        mine, wanted = own.get(capacity, 0.0), ordered.get(capacity, 0.0)
        if mine < SHOWN and wanted < SHOWN:
            paid = "nothing allocated"
        elif wanted - mine >= SHOWN:
            paid = f"{points_num(mine)} allocated (of your {points_num(wanted)}: scaled down)"
        else:
            paid = f"{points_num(mine)} allocated"
        gifts = [f" + {points_num(gifts[capacity])} from {short(names.get(donor, donor))}"
                 for donor, gifts in fig.funding.items() if gifts.get(capacity, 0.0) > 0]
        # an event's change, first: Meridia's border went 3.0→6.6 on '0.9 allocated', the new border
        # post at the Tessel Pass named only in the news
        moved = "".join(f"; {'+' if change > 0 else '−'}{points_num(abs(change))} "
                        f"{'level' if points_num(abs(change)) == '1' else 'levels'} from the event '{title}'"
                        for title, change in events.get(capacity, []))
        lines.append(f"    {capacity_label(capacity):<12} {levels(before, level)}  "
                     f"{paid}{escape(''.join(gifts))}{escape(moved)}")
    return lines


def levels(before: float, after: float) -> str:
    """'4.0→4.1 ▲'; a move too small for one decimal with two, as the budget tab promised it: the tab
    said '▲ 2.50 to 2.55' for 1 point over the hold, and the report then read '2.5→2.5 =', as if the
    point had bought nothing."""
    digits = 2 if f"{before:.1f}" == f"{after:.1f}" and f"{before:.2f}" != f"{after:.2f}" else 1
    return f"{before:.{digits}f}→{after:.{digits}f} {arrow(before, after, digits)}"


def arrow(before: float, after: float, digits: int = 1) -> str:
    """The trend of a figure as it is printed with `digits` decimals: the arrow compares the printed
    figures, so that '51→51%' never carries ▲ and '6.4→6.3' never reads '='."""
    shown_before, shown_after = float(f"{before:.{digits}f}"), float(f"{after:.{digits}f}")
    if shown_after > shown_before:
        return "▲"
    if shown_after < shown_before:
        return "▼"
    return "="
