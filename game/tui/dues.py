"""What a team owes its agreements, against what its allocation leaves: the warnings the budget
screen and the end-of-turn dialog show, so that nobody breaches a payment it could have seen.

Contributions are paid from the points an allocation leaves. An agreement every party has accepted
this round falls due from the next, and the allocation stands from round to round: a standing
allocation that fits today may not fit then, nor after law upkeep or an event has shrunk the budget.
"""

from game.engine.budget import room_after_cut
from game.engine.diplomacy.settlement import paid_in_order
from game.model.view import DueView, PlayerView
from game.report.ordinals import ordinal
from game.tui.text import capacity_label, num_apart, points_num, points_text
from game.tui.views import names_of

EPSILON = 1e-9


def dues_warnings(view: PlayerView, allocated: float, *, in_full: bool = True, standing: bool = False) -> list[str]:
    """One warning for each way the allocation `allocated` leaves too little: this round, and from
    the next round once the agreements accepted by every party this round fall due. This round's
    names the contributions that would go unpaid: `in_full` one a line with what each miss costs
    (the budget tab, the end-of-turn question), else by id (the dashboard, which points to the tab).
    `standing`: `allocated` is the standing allocation, no new one given: given before a budget cut,
    it gives way to the contributions (`gives_way`)."""
    me = view.me
    left = me.available - allocated
    label = view.round_label
    warnings = []
    room = gives_way(view, allocated) if standing else None
    if room is not None:
        kept = me.available - room
        warnings.append(f"⚠ your allocation was given when your budget was "
                        f"{points_num(me.allocated_against or 0.0)}: {points_num(allocated)} of your "
                        f"{points_num(me.available)} free points now, so it gives way to your agreements, which get "
                        f"{points_num(kept)}, and your capacities {points_num(room)}. An allocation you "
                        "give now stands against the budget you have: what it leaves unpaid is a breach"
                        + unpaid_text(view, kept, in_full))
    elif allocated > me.available + EPSILON:
        warnings.append(f"⚠ the allocation ({num_apart(allocated, me.available)}) no longer fits the "
                        f"{points_num(me.available)} free points "
                        "(law upkeep or an event shrank the budget): it will be scaled down, and nothing is left "
                        "for agreements; allocate again" + unpaid_text(view, 0.0, in_full))
    elif me.committed > left + EPSILON:
        warnings.append(f"⚠ only {num_apart(max(left, 0), me.committed)} left for agreements that cost "
                        f"{points_num(me.committed)} this {label}: "
                        "a party that does not pay is in breach" + unpaid_text(view, left, in_full))
    upcoming = me.committed + me.accepted_dues
    if me.accepted_dues > EPSILON and upcoming > left + EPSILON:
        warnings.append(f"⚠ from next {label} agreements already accepted by every party add "
                        f"{points_num(me.accepted_dues)}: "
                        f"this allocation, if it stands, leaves {num_apart(max(left, 0), upcoming)} "
                        f"for {points_num(upcoming)}; "
                        f"lower it next {label} or be in breach")
    return warnings


def gives_way(view: PlayerView, allocated: float) -> float | None:
    """The points the capacities get when the standing allocation `allocated`, given against a
    larger budget than the team has now, gives way to the contributions (rules 17,
    `budget.fund_capacities`): what it would have left unallocated at the old budget is kept for
    them, up to what they are owed, and what then pays no contribution in full goes back to the
    capacities. None when nothing gives way."""
    me = view.me
    if me.allocated_against is None or me.allocated_against <= me.budget + EPSILON:
        return None
    return room_after_cut(me.available, me.allocated_against - me.budget, allocated, [d.amount for d in me.dues])


def budget_change(view: PlayerView) -> float:
    """What this round's announced events will change in the team's budget at the resolution."""
    return sum(item.budget.get(view.me.id, 0.0) for item in view.announced)


def capacity_changes(view: PlayerView) -> dict[str, float]:
    """What this round's announced events will change in the team's capacity levels at the
    resolution, by capacity: the events fire before the allocation funds the capacities
    (`round._resolve`: `fire_events`, then `fund_capacities`), so the points fund the level after it."""
    changes: dict[str, float] = {}
    for item in view.announced:
        for capacity, change in item.capacities.get(view.me.id, {}).items():
            changes[capacity] = changes.get(capacity, 0.0) + change
    return {capacity: change for capacity, change in changes.items() if abs(change) > EPSILON}


def event_capacity_lines(view: PlayerView) -> list[str]:
    """Capacity levels an announced event will change, said where the money is decided (the budget
    tab, its confirmation): europe's war takes a level from Ukraine's enforcement and border in year
    2, and the tab promised the levels its points would reach from the levels before it."""
    changes = capacity_changes(view)
    if not changes:
        return []
    label = view.round_label
    titles = "; ".join(item.title for item in view.announced if item.capacities.get(view.me.id))
    alike = len({change < 0 for change in changes.values()}) == 1  # one verb for them all
    words = [(f"{'takes' if change < 0 else 'adds'} " if not alike or index == 0 else "")
             + f"{points_num(abs(change))} {'level' if points_num(abs(change)) == '1' else 'levels'} "
             f"{'from' if change < 0 else 'to'} {capacity_label(capacity)}"
             for index, (capacity, change) in enumerate(changes.items())]
    listed = words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"
    return [f"{'⚠' if min(changes.values()) < 0 else '▲'} this {label}'s event ({titles}) {listed} at the "
            "resolution, before your points are spent: the next level counts it"]


def event_budget_lines(view: PlayerView, allocated: float | None) -> list[str]:
    """A budget an announced event will change, said where the money is decided (the budget tab,
    the end-of-turn question): by how much, and whether the allocation `allocated` still fits. The
    change comes at the resolution, before the money is spent (`budget.fund_capacities`): what the
    allocation left unallocated is kept for agreements, up to what they are owed, and the allocation
    is scaled down to what remains. Mekong's Thailand read of Covid's cut of 2 in the news only, and
    its report then said its capacities had been scaled down. `allocated` None: an allocation the
    rules refuse, which will not stand; only the change is said."""
    change = budget_change(view)
    if abs(change) < EPSILON:
        return []
    me, label = view.me, view.round_label
    titles = "; ".join(item.title for item in view.announced if abs(item.budget.get(me.id, 0.0)) > EPSILON)
    upkeep = me.budget - me.available
    free_after = max(0.0, me.budget + change - upkeep)
    if change > 0:
        return [f"▲ this {label}'s event ({titles}) raises your budget by {points_num(change)} at the resolution: "
                f"{points_num(free_after)} free points then, not {points_num(me.available)}; what you leave "
                "unallocated goes to agreements"]
    head = (f"⚠ this {label}'s event ({titles}) cuts your budget by {points_num(-change)} at the resolution: "
            f"{points_num(free_after)} free points, not {points_num(me.available)}. ")
    if allocated is None:
        return [head.rstrip()]
    room = scaled_room(view, allocated)
    if room is None:
        left = free_after - allocated
        owed = (f", and leaves {num_apart(left, me.committed)} for agreements that cost {points_num(me.committed)}"
                if me.committed > EPSILON else "")
        return [head + f"Your allocation of {num_apart(allocated, free_after)} still fits{owed}."]
    kept = free_after - room
    aside = f", {points_num(kept)} being kept for agreements" if kept > EPSILON else ""
    return [head + f"Your allocation of {num_apart(allocated, room)} no longer fits: it will be scaled down to "
            f"{num_apart(room, allocated)}{aside}. Lower it yourself to choose what gives way."]


def scaled_room(view: PlayerView, allocated: float) -> float | None:
    """The points the capacities get when an announced cut scales the allocation `allocated` down
    (`event_budget_lines`), else None."""
    change = budget_change(view)
    if change > -EPSILON:
        return None
    me = view.me
    free_after = max(0.0, me.budget + change - (me.budget - me.available))
    return room_after_cut(free_after, me.available - free_after, allocated, [d.amount for d in me.dues])


def pledge_warnings(view: PlayerView, points: dict[str, float]) -> list[str]:
    """The team's funding pledges that the allocation `points` would break at this round's
    resolution, scaled down as an announced cut will scale it: a team that pledged 3 to border and
    gave it 3 broke the pledge when Covid's cut scaled its 3 to 2.8, and lowering a capacity
    below a pledge said nothing until the pledge was judged."""
    total = sum(points.values())
    room = scaled_room(view, total)
    factor = room / total if room is not None and total > 0 else 1.0
    lines = []
    for pledge in view.pledges:
        if (pledge.seat != view.me.id or pledge.kind != "fund" or pledge.standing != "open"
                or not pledge.made <= view.round <= pledge.due):
            continue
        capacity, wanted = str(pledge.capacity), float(pledge.points or 0.0)
        given = points.get(capacity, 0.0)
        if given * factor + EPSILON >= wanted:
            continue
        why = " once the cut scales your allocation down" if given + EPSILON >= wanted else ""
        lines.append(f"⚠ your pledge to {pledge.text} would be broken this {view.round_label}: "
                     f"{capacity_label(capacity)} gets {points_num(given * factor)} of your points{why}")
    return lines


def unpaid_text(view: PlayerView, left: float, in_full: bool) -> str:
    """'. These go unpaid:' and a line for each, or '; a2 and a7 go unpaid' by id."""
    missed = unpaid(view, left)
    if not missed:
        return ""
    if not in_full:
        ids = [due.agreement for due in missed]
        listed = ids[0] if len(ids) == 1 else f"{', '.join(ids[:-1])} and {ids[-1]}"
        return f"; {listed} {'goes' if len(ids) == 1 else 'go'} unpaid"
    return (f". {'This goes' if len(missed) == 1 else 'These go'} unpaid:"
            + "".join(f"\n  • {due_words(view, due)}" for due in missed))


def owed_words(view: PlayerView, allocated: float) -> str:
    """What agreements take this round, beside the allocation: 'of the rest' only when a rest is
    there ('agreements take 2.7 of the rest' stood beside '7.9 of 7 free points allocated')."""
    me, label = view.me, view.round_label
    if me.committed <= 0:
        return f"no agreement takes any this {label}"
    if allocated + me.committed <= me.available + EPSILON:
        return f"agreements take {points_num(me.committed)} of the rest this {label}"
    return f"agreements are owed {points_num(me.committed)} this {label}"


def unpaid(view: PlayerView, left: float) -> list[DueView]:
    """The contributions `left` points would leave unpaid this round, by the settlement's own order
    (`payment_order`, `paid_in_order`): 'agreements that cost 3' did not say which would be
    missed, nor that one of them would lapse."""
    dues = view.me.dues
    paid = paid_in_order([due.amount for due in dues], max(left, 0.0))
    return [due for due, ok in zip(dues, paid, strict=True) if not ok]


def due_words(view: PlayerView, due: DueView) -> str:
    """'a2 Information sharing with Meridia (2 points): its 1st miss of 2 in a row before it lapses'."""
    names = names_of(view)
    agreement = next((a for a in view.agreements if a.id == due.agreement), None)
    if agreement is None:  # a view always lists the agreements its dues are owed to
        return f"{due.agreement} ({points_text(due.amount)})"
    spec = view.rules.agreements.get(agreement.kind)
    name = spec.name if spec else agreement.kind
    terms, me = agreement.terms, view.me.id
    if terms.donor == me and terms.recipient:
        whom = f"to {names.get(terms.recipient, terms.recipient)}"
    else:
        others = [names.get(p, p) for p in agreement.parties if p != me]
        whom = f"with {', '.join(others)}" if len(others) <= 3 else f"with {len(others)} partners"
    cost = miss_words(due, view.rules.breaches_to_lapse)
    return f"{agreement.id} {name} {whom} ({points_text(due.amount)}): {cost}"


def miss_words(due: DueView, limit: int) -> str:
    """What one more miss costs: 'its 1st miss of 2 in a row before it lapses', or at the limit
    'its 2nd miss in a row: it lapses' ('you are suspended from it', from a convention)."""
    count = due.misses + 1
    nth = ordinal(count)
    suspended = due.sanction == "suspend"
    if count >= limit:
        return f"its {nth} miss in a row: " + ("you are suspended from it" if suspended else "it lapses")
    return f"its {nth} miss of {limit} in a row before " + ("you are suspended" if suspended else "it lapses")
