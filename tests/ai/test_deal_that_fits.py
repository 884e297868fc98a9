"""A state whose capacities cost more to hold than its budget (`Strategy.cannot_hold`) still
cooperates: it keeps a quarter of its budget (less what it pays already) for deals, and offers the
most valuable deal it can pay when its most valued one (a joint team) does not fit. A state that can
hold its capacities waits for room for its best deal, as before. Without this, doubling
`capacity_upkeep` left a cooperative table signing nothing, so it did exactly what states acting
alone did (western balkans map: 4,447 victim-years averted either way)."""

from functools import cache

from game.ai.cooperative import Cooperative
from game.analysis.runner import Override, with_override
from game.engine import new_game, view
from game.model.actions import Propose
from game.model.state import GameState
from game.model.view import PlayerView
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario


@cache
def europe(upkeep: float = 0.3) -> GameState:
    scenario = with_override(load_scenario(resolve_scenario("europe")), Override("capacity_upkeep", upkeep))
    return new_game(scenario, 0)


class Tight(Cooperative):
    """A cooperator with exactly `ROOM` points of room for deals."""

    ROOM = 1.5

    def room_for_deals(self, view: PlayerView) -> float:
        return self.ROOM


def test_with_room_to_spare_a_cooperator_offers_its_most_valued_deal_a_joint_team() -> None:
    deal = Cooperative().bilateral(view(europe(), "romania"))
    assert deal is not None and isinstance(deal.action, Propose)
    assert deal.action.agreement == "joint_investigation_team", deal.reason


def test_a_state_that_can_hold_its_capacities_waits_for_room_for_the_deal_it_values_most() -> None:
    me = view(europe(), "romania")
    assert not Tight.cannot_hold(me)
    assert Tight().bilateral(me) is None, "it settled for a lesser deal though room for its best comes back"


def test_a_state_that_cannot_hold_its_capacities_offers_the_most_valuable_deal_it_can_pay() -> None:
    me = view(europe(0.9), "romania")
    assert Tight.cannot_hold(me), "the test needs a state whose capacities cost more than its budget to hold"
    deal = Tight().bilateral(me)
    assert deal is not None and isinstance(deal.action, Propose), "nothing offered, though a cheaper deal fits"
    assert deal.action.agreement != "joint_investigation_team", deal.reason
    assert deal.action.terms is not None
    assert deal.action.terms.contributions["romania"] <= Tight.ROOM, deal.reason


def test_a_cooperator_that_cannot_hold_its_capacities_keeps_a_quarter_of_its_budget_for_deals() -> None:
    me = view(europe(0.9), "ukraine")
    ai = Cooperative()
    assert ai.minimum_upkeep(me) + ai.reserve(me) > me.me.available, "the test needs a state that cannot hold"
    floor = 0.25 * me.me.available - ai.reserve(me) - me.me.accepted_dues
    assert ai.room(me) + 0.25 * ai.minimum_upkeep(me) < floor, "the test needs a state the floor holds up"
    assert ai.room_for_deals(me) >= floor > 0, (ai.room_for_deals(me), floor)
