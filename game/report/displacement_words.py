"""Why a network moved, in the same words on every screen and in every report.

Three causes move trade (model card, "Displacement" and 5.7): pressure on a route (detection made
it too risky, and the network gave the route up: its whole flow moved), a place of exploitation that
stopped paying (demand there fell, for whatever reason: a law, an agreement, an event; the route
stays and part of its trade moves), and a network losing money that moved its riskiest route onto a
safer path though no police had pushed it past what it bears. Calling the second or the third
"pressure" told a team its police had pushed a network out when they had not.
"""

from collections.abc import Callable

from game.engine.sites import SMALL_FALL
from game.model.report import Displacement


def why_moved(move: Displacement, place: str) -> str:
    """The cause, after "because": `place` names the region (or state) where it happened."""
    if move.cause == "site":
        # a fall under SMALL_FALL moves trade only by lot: 'fell less than 1%' alone did not say why
        # so small a fall moved hundreds of people
        lot = (f" (under {SMALL_FALL:.0%}, a fall moves trade only now and then, by chance, as much on average as "
               "it is worth: this time it did)") if 0.0 < move.risk < SMALL_FALL else ""
        return f"demand for its trade fell {fall_share(move.risk)} in {place}{lot}"
    if move.cause == "money":
        return f"it was losing money, and {place} was the riskiest place on that route"
    return f"pressure in {place}"


def because(move: Displacement, place: str) -> str:
    """The cause after a noun phrase: "because of pressure in Aldmark" (the debrief's moment read
    'because pressure in Aldmark'), "because demand for its trade fell 17% in ..."."""
    return f"because of {why_moved(move, place)}" if move.cause == "detection" else f"because {why_moved(move, place)}"


NO_NEW_STATE = "no state it did not cross already"
"""Where a displaced flow went when its new path crosses only states the old one crossed: 'onto no
other state' read as if nobody paid, beside a table whose new path ended in Meridia's coast."""


def fall_share(share: float) -> str:
    """A fall in demand as a percentage that never reads '0%': a law's slow fall is often under half
    a percent a round (mekong's labour markets: 0.4%), and 'demand fell 0%' contradicted itself. Under
    10% with one decimal: a 1.5% fall read '2%' beside the rule that moves trade by lot under 2%."""
    if 0.0 < share < 0.0005:
        return "less than 0.1%"
    return f"{share:.1%}" if share < 0.1 else f"{share:.0%}"


def what_moved(move: Displacement, label: str = "round") -> str:
    """What moved: the route given up with its people, or the part of a route's trade moved away;
    `label` is the scenario's word for a round (mekong's debrief read '852 people a round' beside its
    table's 'people a year')."""
    if move.cause == "site":
        return f"about {move.dropped_flow:,} people a {label} of its trade"
    return f"a route carrying {move.dropped_flow:,} people a {label}"


def where_and_why(move: Displacement, name: Callable[[str | None], str]) -> str:
    """The cause with its region and the state holding it, for the debrief's table; a region no state
    holds says so in words (mekong's Myawaddy read 'in Myawaddy border zone (Shwe Kokko, KK Park)
    (no state)')."""
    holder = f" ({name(move.pressure_state)})" if move.pressure_state else ", held by no state"
    return why_moved(move, f"{name(move.pressure_region)}{holder}")
