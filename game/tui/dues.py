"""What a team owes its agreements, against what its allocation leaves: the warnings the budget
screen and the end-of-turn dialog show, so that nobody breaches a payment it could have seen.

Contributions are paid from the points an allocation leaves. An agreement every party has accepted
this round falls due from the next, and the allocation stands from round to round: a standing
allocation that fits today may not fit then, nor after law upkeep or an event has shrunk the budget.
"""

from game.model.view import PlayerView
from game.tui.text import num, num_apart

EPSILON = 1e-9


def dues_warnings(view: PlayerView, allocated: float) -> list[str]:
    """One line for each way the allocation `allocated` leaves too little: this round, and from the
    next round once the agreements accepted by every party this round fall due."""
    me = view.me
    left = me.available - allocated
    label = view.round_label
    warnings = []
    if allocated > me.available + EPSILON:
        warnings.append(f"⚠ the allocation ({num_apart(allocated, me.available)}) no longer fits the "
                        f"{num(me.available)} free points "
                        "(law upkeep or an event shrank the budget): it will be scaled down, and nothing is left "
                        "for agreements; allocate again")
    elif me.committed > left + EPSILON:
        warnings.append(f"⚠ only {num_apart(max(left, 0), me.committed)} left for agreements that cost "
                        f"{num(me.committed)} this {label}: "
                        "a party that does not pay is in breach")
    upcoming = me.committed + me.accepted_dues
    if me.accepted_dues > EPSILON and upcoming > left + EPSILON:
        warnings.append(f"⚠ from next {label} agreements already accepted by every party add {num(me.accepted_dues)}: "
                        f"this allocation, if it stands, leaves {num_apart(max(left, 0), upcoming)} "
                        f"for {num(upcoming)}; "
                        f"lower it next {label} or be in breach")
    return warnings


def owed_words(view: PlayerView, allocated: float) -> str:
    """What agreements take this round, beside the allocation: 'of the rest' only when a rest is
    there ('agreements take 2.7 of the rest' stood beside '7.9 of 7 free points allocated')."""
    me, label = view.me, view.round_label
    if me.committed <= 0:
        return f"no agreement takes any this {label}"
    if allocated + me.committed <= me.available + EPSILON:
        return f"agreements take {num(me.committed)} of the rest this {label}"
    return f"agreements are owed {num(me.committed)} this {label}"
