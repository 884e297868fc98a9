"""The AI pays for nothing that brings it nothing, and does not ask again at once what was just
refused. It signs a summit's text reserving the clauses that would bring it nothing: sharing and safe
return count each partner once, and mekong's states share through the Bali Process and return
victims under COMMIT from the first year, so the ASEAN draft's sharing and repatriation would be paid
for and add nothing (its cooperative signatories used to pay for both, and ratifying the treaty
averted less than leaving it unratified)."""

from itertools import pairwise

from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario
from game.session.simulation import simulate


def test_cooperative_signatories_reserve_the_summit_clauses_their_partners_do_already() -> None:
    scenario = load_scenario(resolve_scenario("mekong"))
    seats = {s.id: "cooperative" for s in scenario.states} | {o.id: "mandate" for o in scenario.organizations}
    summit = simulate(scenario, 0, ai=seats).final.summits["asean-summit"]
    assert summit.signed, "the cooperative table signs the ASEAN text"
    for seat in summit.signed:
        reserved = summit.reservations.get(seat, [])
        assert {"information_sharing", "repatriation"} <= set(reserved), (
            f"{seat} signed without reserving the sharing and safe return its partners give it already: {reserved}")
        assert "joint_teams" not in reserved, f"{seat} reserved joint teams, which are new: {reserved}"


def test_a_convention_turned_down_is_not_proposed_again_the_next_two_rounds() -> None:
    """The tutorial's Aldmark proposed the same convention three rounds running to Korvia and Meridia,
    who answered each time that they could not pay it."""
    scenario = load_scenario(resolve_scenario("tutorial"))
    final = simulate(scenario, 1, ai=dict.fromkeys((s.id for s in scenario.states), "cooperative")).final
    rounds: dict[str, list[int]] = {}
    for proposal in final.proposals.values():
        if proposal.kind == "regional_convention" and proposal.status == "rejected":
            rounds.setdefault(proposal.proposer, []).append(proposal.round)
    assert rounds, "the tutorial's cooperative table proposes a convention that is turned down"
    for proposer, made in rounds.items():
        made.sort()
        assert all(later - earlier > 2 for earlier, later in pairwise(made)), (proposer, made)
