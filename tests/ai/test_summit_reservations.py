"""The AI signs a summit's text reserving the clauses that would bring it nothing: sharing and safe
return count each partner once, and mekong's states share through the Bali Process and return
victims under COMMIT from the first year, so the ASEAN draft's sharing and repatriation would be paid
for and add nothing (its cooperative signatories used to pay for both, and ratifying the treaty
averted less than leaving it unratified)."""

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
