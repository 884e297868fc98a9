"""How an AI seat pledges in public, and how one that keeps its word keeps it.

A state that means to keep its word pledges what it already plans (a floor under its strongest
capacity, below this round's spending on it and within what holding its capacities costs) and then
funds it as pledged: a kept pledge
earns every other seat's trust. A free rider pledges what it does not mean to do: the dues of an
agreement it withholds, or more for a capacity than it plans to spend. A state of little appetite
for cooperation (the sovereigntist) makes no public promises. Each keeps at most one pledge open,
so that a pledge is news, not noise; each move comes with its one-line reason.
"""

from typing import TYPE_CHECKING

from game.ai import valuation
from game.model.actions import Pledge
from game.model.view import PlayerView

if TYPE_CHECKING:
    from game.ai.base import Move, Strategy

PLEDGE_APPETITE = 0.5
"""Cooperation below which a state makes no pledges."""
FLOOR_SHARE = 0.8
"""Share of this round's planned spending on a capacity that a keeper pledges as its floor."""
HOLDING_SHARE = 0.5
"""A keeper's floor is at most this share of what holding all its capacities costs: a pledge it can
keep even when deals and laws it takes on later leave little beyond holding them."""
OVERSTATEMENT = 1.5
"""How far a free rider's pledge exceeds what it plans to spend."""
CHEAP = 1.5
"""Points a round below which even a free rider pays (`base.CHEAP`)."""
SPAN = 2
"""Rounds after this one that a pledge covers (fewer near the game's end)."""


def open_pledges(view: PlayerView) -> list[Pledge]:
    """Its own pledges not yet judged, as actions (the fields a pledge was made with)."""
    mine = [p for p in view.pledges if p.seat == view.me.id and p.kept is None]
    return [Pledge.model_validate({"state": p.seat, "kind": p.kind, "due": p.due, "capacity": p.capacity,
                                   "points": p.points, "law": p.law, "agreement": p.agreement}) for p in mine]


def honour(view: PlayerView, plan: dict[str, float], weights: dict[str, float]) -> dict[str, float]:
    """The plan raised to every funding floor it pledged, the points taken from the capacities it
    weighs least: its word before its preferences."""
    result = dict(plan)
    for pledge in open_pledges(view):
        if pledge.kind != "fund" or pledge.capacity is None or pledge.points is None:
            continue
        floor, need = pledge.capacity, pledge.points - result.get(pledge.capacity, 0.0)
        for capacity in sorted(result, key=lambda c: (weights.get(c, 0.0), c)):
            if need <= 1e-9:
                break
            if capacity == floor:
                continue
            taken = min(need, result[capacity])
            result[capacity] -= taken
            result[floor] = result.get(floor, 0.0) + taken
            need -= taken
    return {c: v for c, v in result.items() if v > 1e-9}


def pledge(strategy: "Strategy", view: PlayerView, plan: dict[str, float]) -> "list[Move]":
    """At most one new pledge, when it has none open: a keeper's floor, or a free rider's empty word."""
    from game.ai.base import Move

    traits = strategy.traits
    me = view.me
    if traits.cooperation < PLEDGE_APPETITE or open_pledges(view) or not plan:
        return []
    due = min(view.round + SPAN, view.rounds)
    weights = strategy.capacity_weights
    top = max(plan, key=lambda c: (weights.get(c, 0.0), plan[c], c))
    if traits.keeps_promises:
        points = _floor(min(plan[top] * FLOOR_SHARE, strategy.minimum_upkeep(view) * HOLDING_SHARE))
        if points < 1.0:
            return []
        return [Move(Pledge(state=me.id, kind="fund", capacity=top, points=points, due=due),
                     f"pledges at least {points:g} point{'' if points == 1 else 's'} a round to {top} through round "
                     f"{due}: it plans "
                     f"{plan[top]:g} this round, and keeps its word")]
    for agreement in sorted(view.agreements, key=lambda a: a.id):
        if agreement.status != "in_force" or me.id not in agreement.parties or agreement.ends < view.round:
            continue
        owed = valuation.due_in(view, agreement.id)
        if owed > CHEAP:
            until = min(due, agreement.ends)
            return [Move(Pledge(state=me.id, kind="pay_dues", agreement=agreement.id, due=until),
                         f"pledges to pay its {owed:g} points a round to agreement {agreement.id} through round "
                         f"{until}, and means to withhold them: a promise costs nothing today")]
    points = _floor(min(plan[top] * OVERSTATEMENT, me.budget))
    if points <= plan[top] or points < 1.0:
        return []
    return [Move(Pledge(state=me.id, kind="fund", capacity=top, points=points, due=due),
                 f"pledges {points:g} points a round to {top} through round {due}, more than the {plan[top]:g} "
                 "it plans: a promise costs nothing today")]


def _floor(value: float) -> float:
    return int(value * 10) / 10
