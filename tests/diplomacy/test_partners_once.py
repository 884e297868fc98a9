"""Sharing, safe return and legal assistance count each partner once: a second agreement with a
partner that already shares (the Bali Process, ACTIP) is paid for and adds nothing from it
(`game.model.partners_once`). `counted_already` tells a player or the AI which partners an
agreement in force covers already, and for how long."""

from functools import cache

from game.engine import new_game, view
from game.engine.diplomacy.effects import giving_partners_all
from game.model.partners_once import ONCE_PER_PARTNER, REPATRIATION, SHARING, counted_already
from game.model.state import GameState
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario


@cache
def mekong() -> GameState:
    return new_game(load_scenario(resolve_scenario("mekong")), 0)


def test_in_mekong_every_partner_already_shares_and_returns_victims_through_the_frameworks_in_force() -> None:
    seen = view(mekong(), "thailand")
    others = {"cambodia", "china", "laos", "myanmar", "vietnam"}
    sharing = counted_already(seen, "information_sharing", 4)
    assert set(sharing) == others
    assert seen.rules.agreements[sharing["china"].kind].name == "Bali Process information sharing"
    assert set(counted_already(seen, "repatriation_protocol", 4)) == others  # COMMIT
    assert counted_already(seen, "mutual_legal_assistance", 4) == {}


def test_agreements_counted_per_agreement_have_no_partner_counted_already() -> None:
    seen = view(mekong(), "thailand")
    for rule in ("joint_investigation_team", "extradition", "funding", "regional_convention"):
        assert counted_already(seen, rule, 4) == {}, rule


def test_an_agreement_that_ends_before_the_new_one_would_does_not_cover_it() -> None:
    state = mekong().clone()
    for agreement in state.agreements.values():
        agreement.ends = 3
    seen = view(state, "thailand")
    assert counted_already(seen, "information_sharing", 4) == {}, "in force to round 3, not to round 5"
    assert set(counted_already(seen, "information_sharing", 2)) >= {"china"}, "a two-round deal ends in round 3"


def test_the_groups_are_those_the_engine_counts_partners_by() -> None:
    assert ONCE_PER_PARTNER["information_sharing"] == SHARING
    assert ONCE_PER_PARTNER["repatriation_protocol"] == REPATRIATION
    state = mekong()
    # the engine's sharing partners of a state are the parties of its sharing agreements in force
    giving = giving_partners_all(state, SHARING)
    assert giving["thailand"] <= set(counted_already(view(state, "thailand"), "information_sharing", 1))
