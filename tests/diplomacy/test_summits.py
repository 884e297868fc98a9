"""Summits: a convention drafted clause by clause, voted, signed with reservations, ratified at home.

Rule cases on the four-state corridor: a summit scheduled by the scenario drafts in round 1 (amend,
vote on amendments), adopts and signs in round 2, and its signatories ratify from round 3; the
treaty enters into force among those who ratified once its minimum has.
"""

from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from game.ai.registry import assign
from game.engine import new_game
from game.engine.diplomacy import ratification
from game.engine.errors import ActionRejected
from game.engine.serialize import state_hash
from game.model.actions import Action, Amend, CallSummit, ChairSummit, Ratify, Sign, Vote
from game.model.scenario import Scenario
from game.model.summit import BUILTIN_CLAUSES, DraftClause
from game.report.simulation import simulation_document
from game.session.simulation import simulate
from tests.engine.play import Game, apply, play, setup
from tests.scenario.strategies import scenario_data

ALL = ("alt", "dest", "orig", "tran")
PROTECTED = {"laws": ["criminalization", "victim_protection"], "approval": 60}


def summit_scenario(rule: str = "consensus", minimum: int = 3, approval: float = 60, **extra: Any) -> Any:
    spec = {"id": "table", "name": "Corridor summit", "round": 1, "rule": rule, "min_ratifications": minimum,
            "clauses": [{"clause": "information_sharing"}, {"clause": "extradition"},
                        {"clause": "criminalization_duty"}], **extra}
    states = {s: {**PROTECTED, "approval": approval} for s in ALL}
    return setup(states=states, summits=[spec])


def vote(state: str, item: str, choice: str = "yes") -> Vote:
    return Vote(state=state, summit="table", item=item, choice=choice)  # type: ignore[arg-type]


def amend(state: str, change: str, clause: str, **numbers: float) -> Amend:
    return Amend(state=state, summit="table", change=change, clause=clause, numbers=numbers)  # type: ignore[arg-type]


def sign(state: str, *reservations: str) -> Sign:
    return Sign(state=state, summit="table", reservations=list(reservations))


def ratify(state: str) -> Ratify:
    return Ratify(state=state, summit="table")


def adopted_by_all(*round_one: Action) -> dict[int, list[Action]]:
    """Round 1 as given; round 2 every state votes yes and signs."""
    return {1: list(round_one), 2: [*(vote(s, "text") for s in ALL), *(sign(s) for s in ALL)]}


def summit(game: Game, round_no: int) -> Any:
    return game.after(round_no).summits["table"]


def test_a_scheduled_summit_is_in_the_opening_state_and_changes_its_hash() -> None:
    with_summit = new_game(summit_scenario(), 1)
    without = new_game(setup(states={s: PROTECTED for s in ALL}), 1)
    assert with_summit.summits["table"].phase(1) == "drafting"
    assert without.summits == {}
    assert state_hash(with_summit) != state_hash(without)


def test_an_amendment_carries_under_consensus_only_if_nobody_objects() -> None:
    game = play(summit_scenario(), {1: [amend("dest", "strike", "extradition"), vote("orig", "m1"),
                                        vote("tran", "m1"), vote("alt", "m1", "abstain"),
                                        amend("orig", "change", "information_sharing", contribution=1),
                                        vote("tran", "m2", "no")]}, rounds=1)
    record = summit(game, 1)
    assert [a.carried for a in record.amendments] == [True, False]
    assert record.clause_ids() == ["information_sharing", "criminalization_duty"]
    assert record.draft[0].numbers == {}, "the failed change left the numbers as drafted"
    assert any(e.id == "amendment-table-m2" and "fails" in e.title for e in game.report(1).events)


def test_an_amendment_carries_under_a_qualified_majority_despite_one_no() -> None:
    orders = {1: [amend("dest", "add", "repatriation", contribution=1), vote("orig", "m1"), vote("tran", "m1"),
                  vote("alt", "m1", "no")]}
    game = play(summit_scenario(rule="qualified_majority"), orders, rounds=1)
    record = summit(game, 1)
    assert record.amendments[0].carried is True, "3 of 4 votes cast is above two thirds"
    assert record.draft[-1].clause == "repatriation" and record.draft[-1].numbers == {"contribution": 1}
    game = play(summit_scenario(), orders, rounds=1)
    assert summit(game, 1).amendments[0].carried is False, "under consensus the one no blocks it"


def test_the_text_is_adopted_and_signed_with_a_reservation() -> None:
    orders = adopted_by_all()
    orders[2] = [*(vote(s, "text") for s in ALL), sign("dest"), sign("orig", "extradition"), sign("tran")]
    game = play(summit_scenario(), orders, rounds=2)
    record = summit(game, 2)
    assert record.status == "adopted"
    assert record.signed == {"dest": 2, "orig": 2, "tran": 2}
    assert record.reservations == {"orig": ["extradition"]}


def test_a_text_with_one_objection_is_not_adopted_by_consensus_and_signatures_lapse() -> None:
    orders = adopted_by_all()
    orders[2] = [vote("dest", "text"), vote("orig", "text"), vote("alt", "text", "no"), sign("dest")]
    game = play(summit_scenario(), orders, rounds=2)
    assert summit(game, 2).status == "not_adopted" and summit(game, 2).signed == {}
    with pytest.raises(ActionRejected, match="was not adopted"):
        apply(game.after(2), ratify("dest"))


def test_ratification_costs_political_capital_and_enters_into_force_at_the_minimum() -> None:
    orders = adopted_by_all()
    orders[3] = [ratify("dest"), ratify("orig")]
    orders[4] = [ratify("tran")]
    game = play(summit_scenario(approval=100), orders, rounds=4)
    spent = game.after(3).states["alt"].political_capital - game.after(3).states["dest"].political_capital
    assert spent == pytest.approx(2.0), "alt, alike but not ratifying, keeps the 2 points dest spent"
    three = summit(game, 3)
    assert three.ratified == {"dest": 3, "orig": 3} and three.status == "adopted", "two of three: not yet"
    four = summit(game, 4)
    assert four.status == "in_force" and four.in_force == 4
    sharing = game.after(4).agreements[four.agreements["information_sharing"]]
    assert (sharing.kind, sharing.parties, sharing.signed) == ("information_sharing", ["dest", "orig", "tran"], 4)
    assert any(e.id == "in-force-table" for e in game.report(4).events)


def test_a_reservation_keeps_that_party_outside_the_clause_only() -> None:
    orders = adopted_by_all()
    orders[2] = [*(vote(s, "text") for s in ALL), sign("dest"), sign("orig", "extradition"), sign("tran")]
    orders[3] = [ratify("dest"), ratify("orig"), ratify("tran")]
    game = play(summit_scenario(approval=100), orders, rounds=3)
    record = summit(game, 3)
    agreements = game.after(3).agreements
    assert agreements[record.agreements["extradition"]].parties == ["dest", "tran"]
    assert agreements[record.agreements["information_sharing"]].parties == ["dest", "orig", "tran"]


def test_ratification_fails_with_the_chance_approval_gives() -> None:
    """At approval 0 a parliament ratifies 5 times in 100: across seeds most attempts fail, some pass."""
    outcomes = []
    for seed in range(12):
        orders = adopted_by_all()
        orders[3] = [ratify("dest")]
        game = play(summit_scenario(approval=0), orders, rounds=3, seed=seed)
        outcomes.append("dest" in summit(game, 3).ratified)
        if not outcomes[-1]:
            assert summit(game, 3).failed == {"dest": 3}
            assert any(e.id == "ratification-failed-table-dest" for e in game.report(3).events)
    assert outcomes.count(False) >= 9
    assert ratification.chance(0) == pytest.approx(0.05)
    assert (ratification.chance(50), ratification.chance(100)) == (0.75, 0.95)


def test_the_same_seed_ratifies_the_same_way() -> None:
    orders = adopted_by_all()
    orders[3] = [ratify(s) for s in ALL]
    first = play(summit_scenario(approval=40), orders, rounds=3, seed=5)
    second = play(summit_scenario(approval=40), orders, rounds=3, seed=5)
    assert summit(first, 3).ratified == summit(second, 3).ratified
    assert first.report(3).state_hash == second.report(3).state_hash


def test_a_signatory_that_never_ratifies_is_named_and_loses_its_partners_trust() -> None:
    orders = adopted_by_all()
    orders[3] = [ratify("dest"), ratify("orig"), ratify("tran")]
    game = play(summit_scenario(approval=100, ratification_rounds=2), orders, rounds=4)
    assert summit(game, 3).overdue == []
    record = summit(game, 4)
    assert record.overdue == ["alt"]
    event = next(e for e in game.report(4).events if e.id == "unratified-table")
    assert "alt signed" in event.text
    assert game.after(4).commitments["alt"]["dest"][1] == 1, "a broken commitment to each signatory"


def test_the_criminalization_duty_puts_the_law_before_each_ratifier() -> None:
    scenario = summit_scenario(approval=100)
    data = scenario.model_dump()
    for state in data["states"]:
        if state["id"] == "tran":
            state["laws"] = []
    scenario = type(scenario).model_validate(data)
    orders = adopted_by_all()
    orders[3] = [ratify(s) for s in ("dest", "orig", "tran")]
    game = play(scenario, orders, rounds=5)
    record = summit(game, 3)
    assert record.agreements["criminalization_duty:tran"] == "criminalization"
    assert "criminalization" in game.after(4).states["tran"].laws
    extradition = game.after(4).agreements[record.agreements["extradition"]]
    assert "tran" in extradition.parties and extradition.joined == {"tran": 4}, \
        "it joins the extradition clause once the law it needs is in force"


HOSTILE = [
    (amend("dest", "strike", "joint_teams"), "has no clause Joint investigation teams"),
    (amend("dest", "add", "extradition"), "is in the draft already"),
    (amend("dest", "add", "piracy"), "unknown clause 'piracy'"),
    (amend("dest", "change", "information_sharing", contribution=9), "between 1 and 5, not 9"),
    (amend("dest", "change", "information_sharing", weight=1), "has no number 'weight'"),
    (vote("dest", "text"), "has no amendment 'text'"),
    (vote("dest", "m9"), "has no amendment 'm9'"),
    (sign("dest"), "open for signature once it is voted: it drafts in year 1"),
    (ratify("dest"), "has not signed"),
    (Vote(state="dest", summit="tabel", item="m1", choice="yes"), "no summit 'tabel'"),
]


# refusals a team reads on its screen: names, not ids, and the scenario's word for a round
@pytest.mark.parametrize(("action", "reason"), HOSTILE, ids=[r for _, r in HOSTILE])
def test_a_bad_summit_order_is_refused_with_a_reason_and_records_nothing(action: Action, reason: str) -> None:
    state = new_game(summit_scenario(), 1)
    before = state_hash(state)
    with pytest.raises(ActionRejected, match=reason):
        apply(state, action)
    assert state_hash(state) == before


def test_a_vote_out_of_turn_is_refused() -> None:
    state = apply(new_game(summit_scenario(), 1), amend("dest", "strike", "extradition"))
    with pytest.raises(ActionRejected, match="already voted on amendment m1 \\(you moved it"):
        apply(state, vote("dest", "m1"))
    state = apply(state, vote("orig", "m1"))
    with pytest.raises(ActionRejected, match="already voted on amendment m1"):
        apply(state, vote("orig", "m1", "no"))
    game = play(summit_scenario(), adopted_by_all(), rounds=2)
    with pytest.raises(ActionRejected, match="not in session"):
        apply(game.after(2), vote("dest", "text"))
    outsider = setup(states={s: PROTECTED for s in ALL}, summits=[{
        "id": "table", "name": "Three", "round": 1, "participants": ["dest", "orig", "tran"],
        "clauses": [{"clause": "information_sharing"}]}])
    with pytest.raises(ActionRejected, match="Alternative State is not at the table of the Three"):
        apply(new_game(outsider, 1), amend("alt", "strike", "information_sharing"))


def test_a_reservation_on_a_clause_that_allows_none_is_refused() -> None:
    game = play(summit_scenario(), {1: []}, rounds=1)
    with pytest.raises(ActionRejected, match="allows no reservation"):
        apply(game.after(1), sign("dest", "criminalization_duty"))
    with pytest.raises(ActionRejected, match="has no clause Peer review by a monitoring body to reserve"):
        apply(game.after(1), sign("dest", "peer_review"))


def test_a_state_calls_a_summit_that_drafts_next_round() -> None:
    scenario = setup(states={s: PROTECTED for s in ALL})
    call = CallSummit(state="dest", name="Dest summit", participants=["dest", "orig", "tran"],
                      clauses=[DraftClause(clause="mutual_legal_assistance")], min_ratifications=2)
    state = apply(new_game(scenario, 1), call)
    record = state.summits["s1"]
    assert (record.opens, record.convenor, record.phase(1), record.phase(2)) == (2, "dest", "invitation", "drafting")
    with pytest.raises(ActionRejected, match="one at a time"):
        apply(state, call)
    with pytest.raises(ActionRejected, match="more than the 3 states"):
        apply(new_game(scenario, 1), call.model_copy(update={"min_ratifications": 4}))


CALL = CallSummit(state="dest", name="Dest summit", participants=list(ALL),
                  clauses=[DraftClause(clause="mutual_legal_assistance")], min_ratifications=2)


def invitation(state: str, choice: str) -> Vote:
    return Vote(state=state, summit="s1", item="invitation", choice=choice)  # type: ignore[arg-type]


def test_a_called_summit_meets_if_half_the_invited_accept_its_convenor_among_them() -> None:
    scenario = setup(states={s: PROTECTED for s in ALL})
    game = play(scenario, {1: [CALL, invitation("orig", "yes"), invitation("tran", "no")]}, rounds=2)
    record = game.after(1).summits["s1"]
    assert record.status == "open" and record.invitation == {"orig": "yes", "tran": "no"}
    assert any(e.id == "invitation-s1" and "dest, orig accept" in e.text for e in game.report(1).events)
    assert record.phase(2) == "drafting"


def test_a_called_summit_too_few_accept_never_meets() -> None:
    scenario = setup(states={s: PROTECTED for s in ALL})
    game = play(scenario, {1: [CALL, invitation("orig", "no"), invitation("tran", "no")]}, rounds=2)
    record = game.after(1).summits["s1"]
    assert record.status == "declined" and record.phase(2) == "declined"
    with pytest.raises(ActionRejected, match="it never met: too few of the invited accepted"):
        apply(game.after(1), Amend(state="orig", summit="s1", change="strike", clause="mutual_legal_assistance"))


def test_an_invitation_is_answered_once_and_only_while_it_is_open() -> None:
    state = apply(new_game(setup(states={s: PROTECTED for s in ALL}), 1), CALL)
    state = apply(state, invitation("orig", "yes"))
    with pytest.raises(ActionRejected, match="already answered the invitation"):
        apply(state, invitation("orig", "no"))
    with pytest.raises(ActionRejected, match="has not opened"):
        apply(state, Vote(state="tran", summit="s1", item="text", choice="yes"))


def test_the_facilitator_chairs_a_summit_and_no_seat_can() -> None:
    scenario = setup(states={s: PROTECTED for s in ALL})
    chair = ChairSummit(name="Chaired", participants=list(ALL), clauses=[DraftClause(clause="repatriation")])
    state = apply(new_game(scenario, 1), chair)
    record = state.summits["s1"]
    assert (record.convenor, record.opens, record.participants) == ("facilitator", 2, sorted(ALL))
    with pytest.raises(ActionRejected, match="only the facilitator chairs a summit"):
        apply(new_game(scenario, 1), chair, by="dest")


def test_a_summit_called_too_late_to_adopt_its_text_is_refused() -> None:
    scenario = setup(states={s: PROTECTED for s in ALL})
    last = play(scenario, {}, rounds=scenario.rounds - 2).states[-1]
    assert last.round == scenario.rounds - 1
    chair = ChairSummit(name="Late", participants=list(ALL), clauses=[DraftClause(clause="repatriation")])
    with pytest.raises(ActionRejected, match="after the last round"):
        apply(last, chair)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenario_data(), st.lists(st.sampled_from(sorted(BUILTIN_CLAUSES)), min_size=1, max_size=5, unique=True),
       st.sampled_from(["consensus", "qualified_majority"]), st.integers(0, 50))
def test_ai_tables_play_a_summit_on_scenarios_never_seen(data: dict[str, Any], clauses: list[str], rule: str,
                                                         seed: int) -> None:
    """Any valid scenario with a summit: a mixed AI table drafts, votes, signs and ratifies (or not)
    without an illegal move, and the record carries it."""
    data = {**data, "rounds": max(data["rounds"], 3)}
    states = [s["id"] for s in data["states"]]
    assume(len(states) >= 2)
    data["summits"] = [{"id": "unseen", "name": "Unseen summit", "round": 1, "rule": rule,
                        "min_ratifications": 2, "clauses": [{"clause": c} for c in clauses]}]
    scenario = Scenario.model_validate(data)
    seats = assign(states, "mixed", seed, [o.id for o in scenario.organizations])
    sim = simulate(scenario, seed, ai=seats)
    final = sim.final.summits["unseen"]
    assert final.status in ("adopted", "not_adopted", "in_force")
    assert set(final.text_votes) <= set(states) and set(final.ratified) <= set(final.signed)
    assert simulation_document(sim)["summits"][0]["id"] == "unseen"


def test_joint_teams_target_the_network_seen_most_and_the_pool_funds_the_poorer_parties() -> None:
    states = {s: {**PROTECTED, "approval": 100, "budget": budget}
              for s, budget in (("alt", 12), ("dest", 30), ("orig", 8), ("tran", 20))}
    spec = {"id": "table", "name": "Pool summit", "round": 1, "min_ratifications": 4,
            "clauses": [{"clause": "joint_teams"}, {"clause": "funding_pool", "numbers": {"amount": 3}}]}
    orders = adopted_by_all()
    orders[3] = [ratify(s) for s in ALL]
    game = play(setup(states=states, summits=[spec]), orders, rounds=3)
    record = summit(game, 3)
    agreements = game.after(3).agreements
    team = agreements[record.agreements["joint_teams"]]
    assert (team.kind, team.terms.network, team.parties) == ("joint_investigation_team", "ring", sorted(ALL))
    pool = {(a.terms.donor, a.terms.recipient, a.terms.amount) for a in agreements.values() if a.kind == "funding"}
    assert pool == {("dest", "orig", 3.0), ("tran", "alt", 3.0)}, "each richer party funds a poorer one, in turn"


def test_a_summit_named_with_its_own_article_reads_once() -> None:
    """'Drumlin ratifies the The Four Harbours Summit treaty': a summit's name may carry its article."""
    from game.model.summit import the_summit

    assert the_summit("The Four Harbours Summit") == "the Four Harbours Summit"
    assert the_summit("The Four Harbours Summit", capital=True) == "The Four Harbours Summit"
    assert the_summit("Warsaw review") == "the Warsaw review"
    assert the_summit("Warsaw review", capital=True) == "The Warsaw review"
