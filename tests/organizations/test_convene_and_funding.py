"""Convening, and organizations as parties (model card 4b; issue 9, point 2): a regional convention
negotiated under an organization's roof costs its parties half the political capital and opens on
more trust, the host not being a party; an organization may give funding from its budget, and is
never a party to laws, extradition or any other agreement."""

import random

import pytest

from game.ai.mandate import Mandate
from game.engine import new_game
from game.engine.diplomacy.proposals import signing_cost
from game.engine.diplomacy.trust import trust
from game.engine.views import org_view
from game.model.actions import Action, AdoptLaw, Allocate, Convene, Propose, RepealLaw, Respond, Train
from game.model.parameters import Parameters
from game.model.terms import Terms
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario
from tests.diplomacy.deals import accept, propose, rejected, signed
from tests.engine.play import Game, apply, play, proposal
from tests.organizations.helpers import CONVENTION_READY, ORG, convene, monitor, train, with_org

DEFAULTS = Parameters()
MEMBERS = ("orig", "tran", "dest")
READY = {state_id: CONVENTION_READY for state_id in MEMBERS}
GRANT = {"donor": ORG, "recipient": "orig", "amount": 4, "capacity": "protection"}


def convened_and_proposed() -> tuple[Game, Game]:
    scenario = with_org(states=READY)
    convened = play(scenario, {1: [convene(*MEMBERS), *(accept(s) for s in MEMBERS)]}, rounds=1)
    proposed = play(scenario, {1: signed("regional_convention", "orig", "tran", "dest")}, rounds=1)
    return convened, proposed


# --- convene -------------------------------------------------------------------------------------


def test_a_convened_convention_costs_its_parties_half_the_political_capital() -> None:
    """regional_convention costs 3 political capital to sign; under an organization's auspices
    (convene_discount 0.5) each party pays 1.5, and a state that is not invited pays nothing."""
    convened, proposed = convened_and_proposed()
    assert convened.after(1).agreements["a1"].parties == sorted(MEMBERS)
    full = 3.0
    for state_id in MEMBERS:
        saved = (convened.after(1).states[state_id].political_capital
                 - proposed.after(1).states[state_id].political_capital)
        assert abs(saved - full * DEFAULTS.convene_discount) < 1e-9, f"{state_id} saved {saved}"
    assert convened.after(1).states["alt"].political_capital == \
        proposed.after(1).states["alt"].political_capital
    first = proposal(convened.after(1), 1)
    assert signing_cost(convened.after(1), first) == 1.5


def test_a_convened_convention_starts_its_parties_with_trust_above_a_half() -> None:
    """Each pair of parties starts with `convene_trust` kept commitment(s) more than when one of
    them proposed the same convention."""
    convened, proposed = convened_and_proposed()
    for truster in MEMBERS:
        for trusted in MEMBERS:
            if truster == trusted:
                continue
            high = trust(convened.after(1), truster, trusted)
            low = trust(proposed.after(1), truster, trusted)
            assert high > 0.5 and high > low, f"{truster} in {trusted}: {high} vs {low}"
            kept = convened.after(1).commitments[trusted][truster][0]
            # nothing is paid in the round of signature: the proposed one has no record yet
            plain = proposed.after(1).commitments.get(trusted, {}).get(truster, [0, 0])[0]
            assert kept == plain + DEFAULTS.convene_trust


def test_the_host_is_not_a_party_and_pays_only_for_hosting() -> None:
    convened, _ = convened_and_proposed()
    agreement = convened.after(1).agreements["a1"]
    assert ORG not in agreement.parties
    assert proposal(convened.after(1), 1).convened_by == ORG
    assert convened.report(1).organizations[ORG].spent == DEFAULTS.convene_cost
    assert ORG not in convened.after(1).commitments


def test_a_state_short_of_political_capital_can_sign_convened_but_not_proposed() -> None:
    scenario = with_org(states={**READY, "dest": {**CONVENTION_READY, "political_capital": 2}})
    state = new_game(scenario)
    hosted = apply(state, convene(*MEMBERS), by=ORG)
    apply(hosted, accept("dest"), by="dest")
    plain = apply(state, propose("orig", "regional_convention", "tran", "dest"), by="orig")
    assert rejected(plain, accept("dest"), by="dest") == "not enough political capital: signing costs 3, you have 2"


def test_only_conventions_are_convened_and_their_parties_must_qualify() -> None:
    state = new_game(with_org(states=READY))
    assert rejected(state, convene(*MEMBERS, agreement="extradition"), by=ORG) == (
        "an organization convenes conventions; Extradition treaty is negotiated by the states themselves")
    assert "needs Victim protection in force in every party: alt lacks it" in rejected(
        state, convene("orig", "tran", "alt"), by=ORG)
    assert rejected(state, convene("orig", "tran", "dset"), by=ORG) == "unknown state 'dset' (did you mean 'dest'?)"
    assert rejected(state, convene("orig", "tran", ORG), by=ORG).startswith(f"unknown state '{ORG}'")
    assert rejected(state, convene(*MEMBERS, agreement="regional_conventoin"), by=ORG) == (
        "unknown agreement 'regional_conventoin' (did you mean 'regional_convention'?)")


# --- organizations as parties --------------------------------------------------------------------


def org_funding(**terms: object) -> Propose:
    return Propose(org=ORG, agreement="funding", parties=[ORG, "orig"], terms=Terms(**{**GRANT, **terms}))


def test_an_organization_proposes_funding_as_donor_and_pays_from_its_budget() -> None:
    game = play(with_org(), {1: [org_funding(), accept("orig")]}, rounds=3)
    agreement = game.after(1).agreements["a1"]
    assert agreement.parties == ["orig", ORG] and agreement.terms.donor == ORG
    assert game.figures(1, "orig").funding_received == 0, "nothing falls due in the round of signature"
    for round_no in (2, 3):
        assert game.figures(round_no, "orig").funding_received == 4
    assert game.figures(1, "orig").political_capital == game.figures(1, "tran").political_capital


def test_funding_is_paid_from_what_the_instruments_leave() -> None:
    """10 points: 8 on instruments leave 2, short of the 4 promised: a breach, and no money moves."""
    orders: dict[int, list[Action]] = {1: [org_funding(), accept("orig")],
              2: [train("dest"), train("tran"), monitor("alt")]}
    game = play(with_org(), orders, rounds=2)
    assert game.figures(2, "orig").funding_received == 0
    breach = next(e for e in game.report(2).events if e.kind == "breach")
    assert breach.id == f"breach-a1-{ORG}" and "did not pay its 4 points" in breach.text
    assert trust(game.after(2), "orig", ORG) < trust(game.after(1), "orig", ORG)


def test_an_organization_may_accept_funding_a_state_asks_of_it() -> None:
    ask = Propose(state="orig", agreement="funding", parties=["orig", ORG], terms=Terms(**GRANT))
    game = play(with_org(), {1: [ask, Respond(org=ORG, proposal="p1", answer="accept")]}, rounds=2)
    assert game.figures(2, "orig").funding_received == 4


def test_an_organization_gives_funding_but_does_not_receive_it() -> None:
    state = new_game(with_org())
    ask = Propose(state="orig", agreement="funding", parties=["orig", ORG],
                  terms=Terms(donor="orig", recipient=ORG, amount=2, capacity="protection"))
    assert rejected(state, ask) == (
        "an organization gives funding but does not receive it: the recipient must be a state")


@pytest.mark.parametrize("kind", ["extradition", "information_sharing", "mutual_legal_assistance",
                                  "joint_investigation_team", "repatriation_protocol", "labour_migration_mou",
                                  "regional_convention"])
def test_an_organization_is_never_a_party_to_any_other_agreement(kind: str) -> None:
    state = new_game(with_org(states=READY))
    name = state.world.agreements[kind].name.lower()
    expected = f"an organization can be a party to funding only, not to {name}"
    by_state = Propose(state="orig", agreement=kind, parties=["orig", "tran", ORG], terms=Terms(network="ring"))
    assert rejected(state, by_state) == expected
    by_org = Propose(org=ORG, agreement=kind, parties=[ORG, "orig", "tran"], terms=Terms(network="ring"))
    assert rejected(state, by_org, by=ORG) == expected


def test_an_organization_cannot_allocate_adopt_or_repeal_laws() -> None:
    state = new_game(with_org())
    for action in (Allocate.model_validate({"state": ORG, "budget": {"protection": 2}}),
                   AdoptLaw(state=ORG, law="victim_protection"), RepealLaw(state=ORG, law="criminalization")):
        assert rejected(state, action, by=ORG) == (
            f"an organization has no budget to allocate and no laws: '{action.type}' is for states")


def test_a_state_cannot_use_an_organizations_instruments() -> None:
    state = new_game(with_org())
    assert rejected(state, Train(org="dest", target="orig", capacity="enforcement"), by="dest") == (
        "'train' is an organization's instrument; states cannot use it")


def test_an_organization_does_not_convene_states_bound_by_a_convention_in_force_already() -> None:
    """A student watched UNODC convene the regional convention again and again in mekong, and every
    ASEAN state reject it ('a member of a convention in force already': ACTIP binds them from the
    start). The mandate AI invites only states outside every opt-in convention in force, and so
    convenes nothing where too few are left."""
    state = new_game(load_scenario(resolve_scenario("mekong")))
    view = org_view(state, "unodc")
    bound = {p for a in view.agreements if a.status == "in_force" and view.rules.agreements[a.kind].opt_in
             for p in a.parties}
    assert {"thailand", "cambodia", "laos", "myanmar", "vietnam"} <= bound, "ACTIP binds the ASEAN states"
    convened = [m.action for m in Mandate().act(view, random.Random(1)) if isinstance(m.action, Convene)]
    assert all(not set(c.parties) & bound for c in convened), convened
