"""A joint team's counter-proposal may keep the target the proposal it counters named: Thailand has
no intelligence on Cambodia's Sihanoukville syndicate, yet Cambodia's offer named it, so Thailand's
counter with another split of the cost keeps it. Anything else still needs the proposer's own
intelligence. Every party reads the target's name, not its id."""

import pytest

from game.engine import apply, new_game, view
from game.engine.errors import ActionRejected
from game.model.actions import Propose
from game.model.state import GameState
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario

TARGET = "sihanoukville-syndicate"


def offered() -> tuple[GameState, str]:
    state = new_game(load_scenario(resolve_scenario("mekong")), 2015)
    known = {route.split("/")[0] for route in state.intelligence["thailand"].routes}
    assert TARGET not in known, "the test needs a target Thailand knows nothing of"
    after = apply(state, Propose(state="cambodia", agreement="joint_investigation_team",
                                 parties=["cambodia", "thailand"], terms={"network": TARGET}))
    proposal = next(p for p in after.proposals.values() if p.proposer == "cambodia")
    return after, proposal.id


def test_a_counter_keeps_the_target_the_proposal_it_counters_named() -> None:
    state, offer = offered()
    countered = apply(state, Propose(state="thailand", agreement="joint_investigation_team",
                                     parties=["cambodia", "thailand"], counters=offer,
                                     terms={"network": TARGET, "contributions": {"cambodia": 4, "thailand": 2}}))
    new = next(p for p in countered.proposals.values() if p.counters == offer)
    assert new.terms.network == TARGET and countered.proposals[offer].status == "countered"


def test_without_the_offer_a_target_still_needs_the_proposers_own_intelligence() -> None:
    state, offer = offered()
    with pytest.raises(ActionRejected, match="no intelligence on an active network called 'sihanoukville-syndicate'"):
        apply(state, Propose(state="thailand", agreement="joint_investigation_team",
                             parties=["laos", "thailand"], terms={"network": TARGET}))
    with pytest.raises(ActionRejected, match="no intelligence on an active network called 'northern-border-brokers'"):
        apply(state, Propose(state="thailand", agreement="joint_investigation_team", parties=["cambodia", "thailand"],
                             counters=offer, terms={"network": "northern-border-brokers"}))


def test_every_party_reads_the_targets_name() -> None:
    state, offer = offered()
    seen = next(p for p in view(state, "thailand").proposals if p.id == offer)
    assert seen.target_name == "Sihanoukville compound syndicate"
