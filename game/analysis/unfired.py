"""Events a scenario sets off by a condition that no game played by `accord lessons` reached.

An author who writes `when: {target: state:north, field: approval, below: 20}` means something to
happen in class; if no strategy's game ever brings approval that low, the event is dead text. Loading
a scenario cannot tell (it would have to play it); the lessons' games can, at no extra cost.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from game.analysis.runner import Outcome
from game.model.scenario import Condition, Scenario


@dataclass(frozen=True)
class Unfired:
    event: str
    condition: str
    """The condition in words, e.g. 'state:north approval below 20'."""
    games: int
    lowest: float | None
    """The lowest and highest value its figure stood at when the games ended (None: its target
    was gone by then in every game)."""
    highest: float | None


def unfired(scenario: Scenario, outcomes: Iterable[Outcome]) -> list[Unfired]:
    """Each conditional event that fired in none of `outcomes`, with the range its figure ended in."""
    games = list(outcomes)
    fired = {event for outcome in games for event in outcome.fired}
    result = []
    for event in scenario.events:
        if event.when is None or event.id in fired:
            continue
        seen = [outcome.watched[event.id] for outcome in games if event.id in outcome.watched]
        result.append(Unfired(event.id, condition_text(event.when), len(games),
                              min(seen) if seen else None, max(seen) if seen else None))
    return result


def condition_text(condition: Condition) -> str:
    side, bound = ("below", condition.below) if condition.below is not None else ("above", condition.above)
    return f"{condition.target} {condition.field} {side} {bound:g}"


def figure(item: Unfired) -> str:
    """The condition's figure without its bound, 'state:myanmar approval': what the range is of (an
    instructor read 'it ended between 31 and 79' and could not tell what 'it' was)."""
    return item.condition.rsplit(" ", 2)[0]


def sentence(item: Unfired) -> str:
    """One line for the instructor: which event, its condition, and how near the games came."""
    if item.lowest is None or item.highest is None:
        where = "its target was gone by the end of every game"
    elif item.lowest == item.highest:
        where = f"{figure(item)} stood at {item.lowest:,.4g} when the games ended"
    else:
        where = f"{figure(item)} stood between {item.lowest:,.4g} and {item.highest:,.4g} when the games ended"
    return (f"event '{item.event}' fired in none of {item.games} games (its condition: {item.condition}; {where}): "
            "move the threshold into that range, or schedule it with `round:` instead of `when:`")
