"""A cooperative state offers a grant and a deal in the same round, and weighs a deal against its
room and a quarter of what holding its capacities costs (`Strategy.room_for_deals`): in europe every
state's capacities took its whole budget, grants came first and took what was left, and the
cooperative table signed nothing but grants (docs/model.md, section 8)."""

import dataclasses
import random
from functools import cache

from game.ai.cooperative import Cooperative
from game.engine import apply, new_game, view
from game.model.actions import Propose
from game.model.state import GameState
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario


class Willing(random.Random):
    """A draw that always falls under the AI's appetite for deals."""

    def random(self) -> float:
        return 0.0


@cache
def europe() -> GameState:
    return new_game(load_scenario(resolve_scenario("europe")), 0)


def grown(state: GameState, state_id: str) -> GameState:
    """The state with `state_id`'s capacities grown until holding them takes all its budget but half
    a point, as a cooperative state's allocations grow them in a few rounds."""
    grown = state.clone()
    record = grown.states[state_id]
    me = view(grown, state_id)
    hold = Cooperative.minimum_upkeep(me)
    scale = (me.me.available - me.me.committed - 0.5) / hold
    record.capacities = {c: level * scale for c, level in record.capacities.items()}
    return grown


def test_a_cooperative_state_offers_a_grant_and_a_deal_in_the_same_round() -> None:
    moves = Cooperative().proposals(view(europe(), "germany"), Willing())
    kinds = [m.action.agreement for m in moves if isinstance(m.action, Propose)]
    assert "funding" in kinds and len(kinds) == 2, [m.reason for m in moves]


def test_the_deal_fits_beside_the_grant_offered_with_it() -> None:
    ai = Cooperative()
    me = view(europe(), "germany")
    grant, deal = ai.proposals(me, Willing())
    assert isinstance(grant.action, Propose) and isinstance(deal.action, Propose)
    assert grant.action.terms is not None and deal.action.terms is not None
    offered = grant.action.terms.amount or 0.0
    share = deal.action.terms.contributions["germany"]
    assert offered <= max(0.0, ai.room(me)), "a grant is weighed against the room alone"
    assert share <= ai.room_for_deals(me) - offered, (share, ai.room_for_deals(me), offered)


def test_a_state_whose_capacities_take_its_budget_accepts_a_joint_team_it_values() -> None:
    """Austria's capacities and the conventions it pays leave it no room; moving a quarter of its
    capacities' upkeep into a team with Germany, it accepts, where it used to answer 'cannot pay'."""
    state = grown(europe(), "austria")
    network = "seasonal-agencies"
    proposed = apply(state, Propose(state="germany", agreement="joint_investigation_team",
                                    parties=["austria", "germany"],
                                    terms={"contributions": {"germany": 3.3, "austria": 2.7}, "network": network}))
    austria = view(proposed, "austria")
    proposal = next(p for p in austria.proposals if p.kind == "joint_investigation_team")
    cooperative = Cooperative()
    assert cooperative.room(austria) < 2.7 <= cooperative.room_for_deals(austria)
    accepted, reason = cooperative.judge(austria, proposal, 0.0)
    assert accepted, reason
    unmoved = Cooperative()
    unmoved.traits = dataclasses.replace(Cooperative.traits, reprioritise=0.0)
    refused, why = unmoved.judge(austria, proposal, 0.0)
    assert not refused and "cannot pay" in why
