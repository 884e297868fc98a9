"""Model card section 4, the lifecycle of an agreement: proposed, then accepted by every party (or
rejected or countered), then in force from the next resolution, for a duration in rounds; each round
every party pays its contribution; a party that does not pay is in breach (trust falls, the
agreement may lapse); a party may withdraw.

"The next resolution" is the resolution of the round in which the last party accepts: a deal struck
during round n's negotiation binds from round n's resolution on, and its first contribution falls
due in round n + 1, when the parties can plan for it: nobody is in breach for a payment nobody
could see. Proposals and agreements are read from `Game.after(n)`, the state after round n resolved."""

import pytest

from game.engine import new_game, view
from game.engine.diplomacy.trust import trust
from game.model.actions import Action
from game.model.catalogue import BUILTIN_LAWS
from tests.diplomacy.deals import accept, propose, reject, rejected, signed, withdraw, withhold
from tests.engine.play import allocate, apply, holding, play, proposal, repeal, setup

PROTECTED = {"laws": ["criminalization", "victim_protection"]}
"""What a member of a regional convention must hold."""


def test_a_proposal_waits_for_every_party_and_is_seen_only_by_its_parties() -> None:
    """Model card 4: proposed, then accepted by every party. Until the last party accepts, a proposal
    stays open and nothing is in force; it appears in the views of its parties and no one else's."""
    state = apply(new_game(setup()), propose("dest", "information_sharing", "tran", "orig"))
    for party in ("dest", "tran", "orig"):
        assert [p.id for p in view(state, party).proposals] == [proposal(state, 1).id], f"{party} should see it"
    assert view(state, "alt").proposals == [], "alt is not a party: the proposal is none of its business"
    game = play(setup(), {1: [propose("dest", "information_sharing", "tran", "orig"), accept("tran")]}, rounds=1)
    after = game.after(1)
    assert proposal(after, 1).status == "open", "orig has not answered: the proposal must stay open"
    assert after.agreements == {}, "no agreement may enter into force before every party accepts"


def test_an_agreement_accepted_by_every_party_is_in_force_from_that_rounds_resolution() -> None:
    """Model card 4: accepted by every party, then in force from the next resolution. The last answer
    comes in round 2, so the agreement is signed at round 2's resolution and paid from round 3."""
    orders: dict[int, list[Action]] = {
        1: [propose("dest", "information_sharing", "tran", "orig"), accept("tran")], 2: [accept("orig")],
    }
    game = play(setup(), orders, rounds=3)
    agreement = game.after(2).agreements["a1"]
    assert proposal(game.after(2), 1).status == "accepted"
    assert (agreement.status, agreement.signed, agreement.parties) == ("in_force", 2, ["dest", "orig", "tran"])
    contribution = game.after(2).world.agreements["information_sharing"].contribution
    for party in agreement.parties:
        assert game.figures(2, party).contributed == 0, f"{party} owes nothing in the round of signature"
        assert game.figures(3, party).contributed == contribution, f"{party} pays from the round after signature"
    assert any(e.id == "a1" and e.kind == "agreement" for e in game.report(2).events), "the signing is an event"


def test_one_rejection_ends_a_proposal() -> None:
    """Model card 4: accepted by every party, or rejected: one party's no is enough, whatever the
    others answered, and the closed proposal can no longer be answered."""
    orders: dict[int, list[Action]] = {
        1: [propose("dest", "information_sharing", "tran", "orig"), accept("tran"), reject("orig")],
    }
    after = play(setup(), orders, rounds=1).after(1)
    assert proposal(after, 1).status == "rejected"
    assert after.agreements == {}
    message = rejected(after, accept("orig"))
    assert "no longer open" in message and "rejected" in message, message


def test_a_counter_proposal_replaces_the_proposal_it_counters() -> None:
    """Model card 4: or countered. A party's counter-proposal closes the old proposal (status
    'countered', no more answers to it) and the new terms are what enters into force."""
    state = apply(new_game(setup()), propose("dest", "information_sharing", "tran", contributions={"tran": 3}))
    state = apply(state, propose("tran", "information_sharing", "dest", counters="p1",
                                 contributions={"tran": 1, "dest": 3}))
    assert proposal(state, 1).status == "countered"
    assert proposal(state, 2).counters == proposal(state, 1).id and proposal(state, 2).status == "open"
    message = rejected(state, accept("tran", "p1"))
    assert "no longer open" in message and "countered" in message, message
    game = play(setup(), {1: [
        propose("dest", "information_sharing", "tran", contributions={"tran": 3}),
        propose("tran", "information_sharing", "dest", counters="p1", contributions={"tran": 1, "dest": 3}),
        accept("dest", "p2"),
    ]}, rounds=2)
    agreement = game.after(1).agreements["a1"]
    assert agreement.proposal == proposal(game.after(1), 2).id
    assert agreement.terms.contributions == {"dest": 3, "tran": 1}
    assert game.figures(2, "tran").contributed == 1, "tran pays what the counter-proposal says, not the original"


def test_a_proposer_can_withdraw_its_open_proposal() -> None:
    """Model card 4: a proposal can be taken back before it is settled: status 'withdrawn', no
    answers accepted, nothing enters into force, and no commitment is broken."""
    state = apply(new_game(setup()), propose("dest", "information_sharing", "tran"))
    state = apply(state, withdraw("dest", "p1"))
    assert proposal(state, 1).status == "withdrawn"
    message = rejected(state, accept("tran"))
    assert "no longer open" in message and "withdrawn" in message, message
    game = play(setup(), {1: [propose("dest", "information_sharing", "tran"), accept("tran"),
                              withdraw("dest", "p1")]}, rounds=1)
    assert game.after(1).agreements == {}, "a withdrawn proposal must not enter into force, even if accepted"
    assert trust(game.after(1), "tran", "dest") == 0.5, "taking back a proposal is no broken commitment"


def test_an_unanswered_proposal_expires_at_the_resolution_of_round_plus_proposal_rounds() -> None:
    """Model card 4 (parameters.proposal_rounds, default 2): a proposal made in round 1 can be answered
    through round 1 + proposal_rounds and expires at that round's resolution."""
    scenario = setup()
    last = 1 + scenario.parameters.proposal_rounds
    game = play(scenario, {1: [propose("dest", "information_sharing", "tran")]}, rounds=last)
    assert proposal(game.after(1), 1).expires == last
    for round_no in range(1, last):
        assert proposal(game.after(round_no), 1).status == "open", f"still open after round {round_no}"
    assert proposal(game.after(last), 1).status == "expired", f"it should expire at round {last}'s resolution"
    message = rejected(game.after(last), accept("tran"))
    assert "expired" in message, message


def test_a_proposal_can_still_be_accepted_in_its_last_round() -> None:
    """Model card 4: the proposal is open until the resolution of its last round, so an answer given in
    that round still brings the agreement into force."""
    scenario = setup()
    last = 1 + scenario.parameters.proposal_rounds
    game = play(scenario, {1: [propose("dest", "information_sharing", "tran")], last: [accept("tran")]}, rounds=last)
    assert proposal(game.after(last), 1).status == "accepted"
    assert game.after(last).agreements["a1"].signed == last


def test_a_proposal_expires_in_its_own_round_with_no_rounds_to_answer() -> None:
    """Model card 4: with parameters.proposal_rounds = 0 a proposal must be answered in the round it is made."""
    game = play(setup(parameters={"proposal_rounds": 0}), {1: [propose("dest", "information_sharing", "tran")]},
                rounds=1)
    assert proposal(game.after(1), 1).status == "expired"


def test_every_party_pays_its_contribution_each_round() -> None:
    """Model card 4: each round from the one after signature every party pays its contribution (here 3
    for dest and 1 for tran), and each payment is a kept commitment; the view tells each state what it
    owes a round."""
    orders: dict[int, list[Action]] = {
        1: signed("information_sharing", "dest", "tran", contributions={"dest": 3, "tran": 1}),
    }
    game = play(setup(), orders, rounds=4)
    assert game.figures(1, "dest").contributed == 0 and game.figures(1, "tran").contributed == 0
    for round_no in range(2, 5):
        assert game.figures(round_no, "dest").contributed == 3, f"round {round_no}: dest pays 3"
        assert game.figures(round_no, "tran").contributed == 1, f"round {round_no}: tran pays 1"
        assert game.figures(round_no, "orig").contributed == 0, "orig is no party"
    assert view(game.after(1), "dest").me.committed == 3 and view(game.after(1), "tran").me.committed == 1
    assert game.after(4).commitments["tran"]["dest"] == [3, 0], "three rounds paid: three kept commitments"


def test_a_party_that_allocates_all_its_points_is_in_breach() -> None:
    """Model card 4: a party that does not pay is in breach (trust falls). Contributions come from
    what the allocation leaves: tran allocates every point (a standing order), so from the round after
    signature it pays nothing; in the round of signature nobody is in breach."""
    scenario = setup()
    game = play(scenario, {1: [*signed("information_sharing", "dest", "tran"), withhold(scenario, "tran")]},
                rounds=2)
    assert not [e for e in game.report(1).events if e.kind == "breach"], "nothing falls due at signature"
    breaches = [e for e in game.report(2).events if e.kind == "breach"]
    assert [e.id for e in breaches] == ["breach-a1-tran"], f"one breach by tran expected, got {breaches}"
    agreement = game.after(2).agreements["a1"]
    assert agreement.unpaid == ["tran"] and agreement.breaches == {"dest": 0, "tran": 1}
    contribution = game.after(2).world.agreements["information_sharing"].contribution
    assert game.figures(2, "tran").contributed == 0 and game.figures(2, "dest").contributed == contribution
    assert trust(game.after(2), "dest", "tran") < 0.5, "dest's trust in tran must fall below the neutral 0.5"
    assert trust(game.after(2), "tran", "dest") > 0.5, "dest paid: tran's trust in dest rises"


def test_an_agreement_lapses_after_breaches_to_lapse_rounds_unpaid_in_a_row() -> None:
    """Model card 4: the agreement may lapse (parameters.breaches_to_lapse, default 3 rounds unpaid in
    a row). It stays in force through the earlier breaches."""
    scenario = setup()
    limit = scenario.parameters.breaches_to_lapse
    game = play(scenario, {1: [*signed("information_sharing", "dest", "tran", duration=10),
                               withhold(scenario, "tran")]}, rounds=limit + 2)
    last = limit + 1  # the first contribution falls due in round 2
    for round_no in range(1, last):
        assert game.after(round_no).agreements["a1"].status == "in_force", f"lapsed too early, round {round_no}"
    lapsed = game.after(last).agreements["a1"]
    assert (lapsed.status, lapsed.ended_round, lapsed.ended_by) == ("lapsed", last, "tran")
    assert any(e.id == "lapsed-a1" for e in game.report(last).events), "the lapse is announced"
    assert game.figures(last + 1, "dest").contributed == 0, "nobody pays a lapsed agreement"
    assert game.after(last).commitments["tran"]["dest"] == [0, limit], "one broken commitment per unpaid round"


def test_a_convention_member_unpaid_for_breaches_to_lapse_rounds_is_suspended_and_the_rest_go_on() -> None:
    """Model card 4 (the agreement may lapse): a multilateral convention that still has enough members
    without the one in breach suspends that member and goes on, as treaty bodies do; alt withholds
    from round 1 and is out after breaches_to_lapse rounds."""
    scenario = setup(states={s: PROTECTED for s in ("orig", "tran", "alt", "dest")})
    limit = scenario.parameters.breaches_to_lapse
    orders: dict[int, list[Action]] = {
        1: [*signed("regional_convention", "dest", "orig", "tran", "alt"), withhold(scenario, "alt")],
    }
    game = play(scenario, orders, rounds=limit + 2)
    last = limit + 1  # the first contribution falls due in round 2
    assert "alt" in game.after(last - 1).agreements["a1"].parties, "suspended too early"
    agreement = game.after(last).agreements["a1"]
    assert agreement.status == "in_force" and agreement.parties == ["dest", "orig", "tran"], agreement
    assert any(e.id == "suspended-a1-alt" for e in game.report(last).events), game.report(last).events
    assert game.after(last).commitments["alt"]["dest"] == [0, limit], "one broken commitment per unpaid round"
    assert game.figures(last + 1, "alt").contributed == 0
    assert not [e for e in game.report(last + 1).events if e.kind == "breach"], "a suspended member owes nothing"


def test_a_convention_of_three_lapses_when_a_member_stays_unpaid() -> None:
    """Model card 4: without the member in breach, two states cannot carry a convention: it lapses."""
    scenario = setup(states={s: PROTECTED for s in ("orig", "tran", "dest")})
    limit = scenario.parameters.breaches_to_lapse
    orders: dict[int, list[Action]] = {
        1: [*signed("regional_convention", "dest", "orig", "tran"), withhold(scenario, "orig")],
    }
    agreement = play(scenario, orders, rounds=limit + 1).after(limit + 1).agreements["a1"]
    assert (agreement.status, agreement.ended_by) == ("lapsed", "orig")


def test_paying_again_resets_the_count_of_breaches() -> None:
    """Model card 4: only breaches in a row make an agreement lapse: a round paid in between resets the
    count, so 2 + 2 unpaid rounds (with the default limit of 3) leave it in force."""
    scenario = setup()
    assert scenario.parameters.breaches_to_lapse == 3
    orders: dict[int, list[Action]] = {
        1: [*signed("information_sharing", "dest", "tran", duration=10), withhold(scenario, "tran")],
        4: [holding(scenario, "tran")], 5: [withhold(scenario, "tran")],
    }
    game = play(scenario, orders, rounds=6)
    assert [game.after(r).agreements["a1"].breaches["tran"] for r in range(2, 7)] == [1, 2, 0, 1, 2]
    assert game.after(6).agreements["a1"].status == "in_force"


def test_an_agreement_ends_at_its_term() -> None:
    """Model card 4: in force for a duration in rounds of payment. Signed in round 1 for 2 rounds, it
    is paid in rounds 2 and 3 (nothing falls due at signature, and that round is not one of the two),
    is 'ended' after round 3 (a term served, no commitment broken) and costs nothing after."""
    game = play(setup(), {1: signed("information_sharing", "dest", "tran", duration=2)}, rounds=4)
    assert game.after(1).agreements["a1"].ends == 3
    assert game.after(2).agreements["a1"].status == "in_force"
    ended = game.after(3).agreements["a1"]
    assert (ended.status, ended.ended_round, ended.ended_by) == ("ended", 3, None)
    assert [game.figures(r, "tran").contributed for r in (1, 2, 3, 4)] == [0, 2, 2, 0]
    assert view(game.after(3), "tran").me.committed == 0, "nothing is owed after the term"
    assert game.after(4).commitments["tran"]["dest"] == [2, 0]


def test_a_grant_of_three_rounds_is_paid_three_times() -> None:
    """Model card 4: a student offering a 3-round grant pays (and the recipient receives) it three
    times; the round of signature used to count as one of the three, so it paid twice."""
    terms = {"donor": "dest", "recipient": "orig", "amount": 2.0, "capacity": "prevention", "duration": 3}
    game = play(setup(), {1: signed("funding", "dest", "orig", **terms)}, rounds=6)
    assert [game.figures(r, "dest").contributed for r in range(1, 7)] == [0, 2, 2, 2, 0, 0]


def test_a_party_short_of_points_pays_first_the_agreement_one_miss_from_lapsing() -> None:
    """Model card 4: a party whose points do not cover every contribution pays first what one more
    miss would cost it, then the rest in the order signed. tran misses the newer agreement (a2) twice,
    then keeps back exactly its contribution: it goes to a2, which would lapse, not to the older a1."""
    scenario = setup()
    assert scenario.parameters.breaches_to_lapse == 3
    contribution = new_game(scenario).world.agreements["information_sharing"].contribution
    spec = next(s for s in scenario.states if s.id == "tran")
    upkeep = sum(BUILTIN_LAWS[law].upkeep for law in spec.laws)
    orders: dict[int, list[Action]] = {
        1: [*signed("information_sharing", "dest", "tran", duration=10),
            *signed("information_sharing", "tran", "orig", proposal="p2", duration=10)],
        2: [allocate("tran", enforcement=spec.budget - upkeep - contribution)],
    }
    game = play(scenario, orders, rounds=5)
    # rounds 2 and 3: the older a1 takes what is left, a2 is missed
    assert [game.after(r).agreements["a2"].breaches["tran"] for r in (2, 3)] == [1, 2]
    assert game.after(3).agreements["a1"].breaches["tran"] == 0
    # round 4: one more miss would end a2, so it is paid and a1 is missed instead
    assert game.after(4).agreements["a2"].breaches["tran"] == 0, "a2 lapsed although tran kept back its due"
    assert game.after(4).agreements["a1"].breaches["tran"] == 1
    assert game.after(4).agreements["a2"].status == "in_force"


def test_withdrawing_from_an_agreement_in_force_breaks_a_commitment_and_ends_a_two_party_agreement() -> None:
    """Model card 4: a party may withdraw; before the term that is a broken commitment (trust falls),
    and with one party left the agreement is over (status 'withdrawn')."""
    game = play(setup(), {1: signed("information_sharing", "dest", "tran"), 3: [withdraw("tran", "a1")]}, rounds=3)
    before = trust(game.after(2), "dest", "tran")
    after = game.after(3)
    agreement = after.agreements["a1"]
    assert (agreement.status, agreement.ended_round, agreement.ended_by) == ("withdrawn", 3, "tran")
    assert after.commitments["tran"]["dest"] == [1, 1], "one round paid, then one broken by leaving"
    assert trust(after, "dest", "tran") < before, "dest's trust in tran must fall"
    assert game.figures(3, "dest").contributed == 0 and game.figures(3, "tran").contributed == 0


def test_a_member_leaving_a_convention_of_four_leaves_the_other_three_bound() -> None:
    """Model card 4: a regional convention needs three parties; when one of four withdraws, the other
    three carry on without it, and the leaver has broken its commitment to each of them."""
    states = {s: PROTECTED for s in ("orig", "tran", "alt", "dest")}
    orders: dict[int, list[Action]] = {
        1: signed("regional_convention", "dest", "orig", "tran", "alt"), 3: [withdraw("alt", "a1")],
    }
    game = play(setup(states=states), orders, rounds=3)
    agreement = game.after(3).agreements["a1"]
    assert agreement.status == "in_force", "three members remain: the convention must continue"
    assert agreement.parties == ["dest", "orig", "tran"]
    assert game.figures(3, "alt").contributed == 0, "the leaver pays no more"
    contribution = game.after(3).world.agreements["regional_convention"].contribution
    assert all(game.figures(3, s).contributed == contribution for s in ("dest", "orig", "tran")), "the rest pay"
    for member in ("dest", "orig", "tran"):
        assert game.after(3).commitments["alt"][member] == [1, 1], f"alt broke its commitment to {member}"


def test_a_member_leaving_a_convention_of_three_ends_it() -> None:
    """Model card 4: a regional convention has three or more parties; two cannot carry it on."""
    states = {s: PROTECTED for s in ("orig", "tran", "dest")}
    orders: dict[int, list[Action]] = {
        1: signed("regional_convention", "dest", "orig", "tran"), 2: [withdraw("orig", "a1")],
    }
    agreement = play(setup(states=states), orders, rounds=2).after(2).agreements["a1"]
    assert (agreement.status, agreement.ended_by) == ("withdrawn", "orig")


def test_withdrawing_from_an_agreement_that_is_over_is_refused() -> None:
    """Model card 4: only an agreement in force can be left."""
    after = play(setup(), {1: signed("information_sharing", "dest", "tran", duration=1)}, rounds=2).after(2)
    message = rejected(after, withdraw("tran", "a1"))
    assert "no longer in force" in message and "ended" in message, message


def test_extradition_needs_criminalization_in_both_when_proposed() -> None:
    """Model card 4: extradition needs criminalization in both (dual criminality): refused at proposal."""
    state = new_game(setup(states={"tran": {"laws": []}}))
    message = rejected(state, propose("dest", "extradition", "tran"))
    assert "Criminalization" in message and "tran lacks it" in message, message


def test_extradition_needs_criminalization_in_the_party_that_accepts() -> None:
    """Model card 4: dual criminality is checked again at acceptance: tran repealed criminalization
    after the proposal was made, so it cannot accept it."""
    game = play(setup(), {1: [propose("dest", "extradition", "tran"), repeal("tran", "criminalization")]}, rounds=1)
    message = rejected(game.after(1), accept("tran"))
    assert "Criminalization" in message and "tran lacks it" in message, message
    apply(game.after(1), reject("tran"))


def test_extradition_falls_through_if_a_party_repeals_criminalization_before_it_enters_into_force() -> None:
    """Model card 4: accepted, but at the resolution a party no longer holds the law: nothing enters
    into force, the proposal is closed and the table is told why."""
    orders: dict[int, list[Action]] = {1: [*signed("extradition", "dest", "tran"), repeal("tran", "criminalization")]}
    game = play(setup(), orders, rounds=1)
    assert game.after(1).agreements == {}
    assert proposal(game.after(1), 1).status == "rejected"
    failed = [e for e in game.report(1).events if e.id == f"failed-{proposal(game.after(1), 1).id}"]
    assert failed and "tran lacks it" in failed[0].text, game.report(1).events


def test_extradition_lapses_when_a_party_repeals_criminalization() -> None:
    """Model card 4: dual criminality must hold while in force: repealing the law lapses the treaty
    at the next resolution, a commitment broken by the state that repealed it."""
    orders: dict[int, list[Action]] = {1: signed("extradition", "dest", "tran"), 2: [repeal("tran", "criminalization")]}
    game = play(setup(), orders, rounds=3)
    assert game.after(1).agreements["a1"].status == "in_force"
    agreement = game.after(2).agreements["a1"]
    assert (agreement.status, agreement.ended_round, agreement.ended_by) == ("lapsed", 2, "tran")
    assert game.after(2).commitments["tran"]["dest"][1] == 1, "the lapse is tran's broken commitment"
    assert any(e.id == "lapsed-a1" for e in game.report(2).events)


def test_a_regional_convention_needs_three_parties() -> None:
    """Model card 4: regional_convention: three or more parties."""
    state = new_game(setup(states={s: PROTECTED for s in ("tran", "dest")}))
    message = rejected(state, propose("dest", "regional_convention", "tran"))
    assert "at least 3 parties" in message and "names 2" in message, message


def test_a_regional_convention_needs_criminalization_and_victim_protection_in_every_member() -> None:
    """Model card 4: members must hold criminalization and victim_protection; orig holds only the first."""
    state = new_game(setup(states={s: PROTECTED for s in ("tran", "dest")}))
    message = rejected(state, propose("dest", "regional_convention", "tran", "orig"))
    assert "Victim protection" in message and "orig lacks it" in message, message


def test_a_regional_convention_of_three_qualified_members_enters_into_force() -> None:
    """Model card 4: three members, each with both laws: the convention is signed and each pays."""
    states = {s: PROTECTED for s in ("orig", "tran", "dest")}
    game = play(setup(states=states), {1: signed("regional_convention", "dest", "tran", "orig")}, rounds=2)
    agreement = game.after(1).agreements["a1"]
    assert agreement.status == "in_force" and agreement.parties == ["dest", "orig", "tran"]
    contribution = game.after(1).world.agreements["regional_convention"].contribution
    assert all(game.figures(2, s).contributed == contribution for s in agreement.parties)


@pytest.mark.parametrize("kind", ["information_sharing", "mutual_legal_assistance", "repatriation_protocol",
                                  "labour_migration_mou", "extradition"])
def test_every_kind_can_be_signed_by_two_states_with_its_default_terms(kind: str) -> None:
    """Model card 4: each two-party kind of the catalogue goes the whole way with its default terms:
    signed, in force for its default duration, each party paying its default contribution."""
    game = play(setup(), {1: signed(kind, "dest", "tran")}, rounds=2)
    spec = game.after(1).world.agreements[kind]
    agreement = game.after(1).agreements["a1"]
    assert (agreement.status, agreement.ends) == ("in_force", 1 + spec.duration), "paid in rounds 2 to 1 + duration"
    assert game.figures(2, "dest").contributed == spec.contribution
