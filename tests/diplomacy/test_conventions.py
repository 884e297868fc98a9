"""Conventions are opt-in, and nobody pays what it could not see coming.

A regional convention enters into force among those who accepted once enough have (the term
`min_members`, else the kind's `min_parties`); a state that rejects or does not answer stays outside,
feels its neighbours' peer pressure, and may accede later. Contributions fall due from the round
after signature (or accession), and the view shows each party's bill and when it starts.
"""

from typing import Any

import pytest

from game.engine import legal_actions, new_game, view
from game.model.actions import Accede, Action
from game.model.catalogue import BUILTIN_LAWS
from tests.diplomacy.deals import accept, propose, reject, rejected, signed, withhold
from tests.engine.play import allocate, apply, play, proposal, repeal, setup

PROTECTED = {"laws": ["criminalization", "victim_protection"]}
ALL = ("orig", "tran", "alt", "dest")


def qualified(**parameters: Any) -> Any:
    return setup(states={s: PROTECTED for s in ALL}, parameters=parameters or None)


def test_a_convention_enters_into_force_among_those_who_accepted_and_a_rejection_vetoes_nothing() -> None:
    """Four invited, alt rejects: the other three are bound from this resolution; alt stays outside."""
    orders: dict[int, list[Action]] = {
        1: [propose("dest", "regional_convention", "orig", "tran", "alt"), accept("orig"), accept("tran"),
            reject("alt")],
    }
    game = play(qualified(), orders, rounds=2)
    agreement = game.after(1).agreements["a1"]
    assert (agreement.status, agreement.parties) == ("in_force", ["dest", "orig", "tran"])
    assert proposal(game.after(1), 1).status == "accepted"
    assert "alt stay(s) outside" in next(e.text for e in game.report(1).events if e.id == "a1")
    contribution = game.after(1).world.agreements["regional_convention"].contribution
    assert game.figures(2, "alt").contributed == 0, "the holdout pays nothing"
    assert all(game.figures(2, s).contributed == contribution for s in ("dest", "orig", "tran"))


def test_a_convention_without_enough_acceptances_falls_through() -> None:
    """Two acceptances cannot carry a convention that needs three: two rejections end it at once."""
    orders: dict[int, list[Action]] = {
        1: [propose("dest", "regional_convention", "orig", "tran", "alt"), accept("orig"), reject("tran"),
            reject("alt")],
    }
    game = play(qualified(), orders, rounds=1)
    assert game.after(1).agreements == {}
    assert proposal(game.after(1), 1).status == "rejected"
    failed = f"failed-{proposal(game.after(1), 1).id}"
    assert any(e.id == failed and "only 2 of the 3" in e.text for e in game.report(1).events)


def test_a_convention_waits_for_answers_that_could_still_bring_it_into_force() -> None:
    """Proposer and one acceptance, two parties yet to answer: it stays open, and enters into force
    at the resolution of the round in which a third party accepts."""
    orders: dict[int, list[Action]] = {
        1: [propose("dest", "regional_convention", "orig", "tran", "alt"), accept("orig")], 2: [accept("alt")],
    }
    game = play(qualified(), orders, rounds=2)
    assert proposal(game.after(1), 1).status == "open" and game.after(1).agreements == {}
    assert game.after(2).agreements["a1"].parties == ["alt", "dest", "orig"]
    agreement = game.after(2).agreements["a1"]
    assert (agreement.signed, agreement.ends) == (2, 12), "ten rounds paid: rounds 3 to 12"


def test_min_members_sets_how_many_acceptances_a_convention_needs() -> None:
    """With min_members 4 of four, one rejection leaves it short; the term is refused outside its range
    and on kinds that bind every party."""
    orders: dict[int, list[Action]] = {
        1: [propose("dest", "regional_convention", "orig", "tran", "alt", min_members=4), accept("orig"),
            accept("tran"), reject("alt")],
    }
    assert play(qualified(), orders, rounds=1).after(1).agreements == {}
    state = new_game(qualified())
    assert "between 3" in rejected(state, propose("dest", "regional_convention", "orig", "tran", min_members=4))
    assert "for conventions" in rejected(state, propose("dest", "information_sharing", "tran", min_members=2))


def test_a_holdout_accedes_later_and_pays_from_the_round_after_it_joins() -> None:
    """alt rejects in round 1, accedes in round 3: it is a party from round 3's resolution, spends the
    convention's political cost, and owes its first contribution in round 4."""
    orders: dict[int, list[Action]] = {
        1: [propose("dest", "regional_convention", "orig", "tran", "alt"), accept("orig"), accept("tran"),
            reject("alt")],
        3: [Accede(state="alt", agreement="a1")],
    }
    game = play(qualified(), orders, rounds=4)
    assert "alt" not in game.after(2).agreements["a1"].parties
    joined = game.after(3).agreements["a1"]
    assert "alt" in joined.parties and joined.joined == {"alt": 3}
    assert any(e.id == "accession-a1-alt" for e in game.report(3).events)
    spec = game.after(1).world.agreements["regional_convention"]
    assert game.figures(3, "alt").contributed == 0, "nothing is due in the round of accession"
    assert game.figures(4, "alt").contributed == spec.contribution
    stayed_out = play(qualified(), {1: orders[1]}, rounds=3)
    spent = stayed_out.after(3).states["alt"].political_capital - game.after(3).states["alt"].political_capital
    assert spent == pytest.approx(spec.political_cost, abs=0.1), "capital earned moves a little with approval"


def test_accession_is_only_to_a_convention_in_force_by_a_qualified_outsider() -> None:
    state = play(setup(states={s: PROTECTED for s in ("orig", "tran", "dest")}), {
        1: [*signed("regional_convention", "dest", "orig", "tran"),
            *signed("information_sharing", "dest", "tran", proposal="p2")],
    }, rounds=1).after(1)
    assert "only a convention" in rejected(state, Accede(state="alt", agreement="a2"))
    assert "already a party" in rejected(state, Accede(state="orig", agreement="a1"))
    assert "Victim protection" in rejected(state, Accede(state="alt", agreement="a1"))
    assert "no agreement 'a9'" in rejected(state, Accede(state="alt", agreement="a9"))


def test_a_holdout_next_to_members_loses_approval_while_they_are_in() -> None:
    """Peer pressure: alt, a neighbour of the members' regions, loses parameters.holdout_cost of
    approval a round while outside; with the cost set to 0 it does not."""
    orders: dict[int, list[Action]] = {
        1: [propose("dest", "regional_convention", "orig", "tran", "alt"), accept("orig"), accept("tran"),
            reject("alt")],
    }
    pressed = play(qualified(), orders, rounds=3)
    free = play(qualified(holdout_cost=0), orders, rounds=3)
    cost = pressed.after(1).world.params.holdout_cost
    gap = free.after(3).states["alt"].approval - pressed.after(3).states["alt"].approval
    assert cost > 0 and 2 * cost < gap <= 3 * cost + 1e-9, f"three rounds outside cost {gap} (approval drifts back)"
    members = [pressed.after(3).states[s].approval - free.after(3).states[s].approval for s in ("orig", "dest")]
    assert members == [0, 0], "members feel no holdout cost"


def test_a_proposal_shows_each_partys_bill_and_the_round_it_first_falls_due() -> None:
    """The view of a proposal gives each party's points a round and the first round they fall due;
    once every party has accepted, the budget screen's `accepted_dues` counts them for next round."""
    state = apply(new_game(setup()), propose("dest", "information_sharing", "tran", contributions={"dest": 3}))
    seen = view(state, "tran").proposals[0]
    assert seen.costs == {"dest": 3, "tran": 2} and seen.first_due == 2 and seen.min_members == 0
    assert view(state, "tran").me.accepted_dues == 0, "not accepted yet"
    state = apply(state, accept("tran"))
    assert view(state, "tran").me.accepted_dues == 2 and view(state, "dest").me.accepted_dues == 3
    assert view(state, "tran").me.committed == 0, "nothing is owed this round"
    conv = apply(new_game(qualified()), propose("dest", "regional_convention", "orig", "tran", "alt"))
    assert view(conv, "orig").proposals[0].min_members == 3


def cut(state_id: str, points: float, round_no: int) -> dict[str, Any]:
    return {"id": f"cut-{state_id}", "title": "Budget cut", "round": round_no,
            "effects": [{"target": f"state:{state_id}", "field": "budget", "add": -points}]}


def test_a_budget_cut_by_an_event_does_not_breach_what_the_state_kept_aside() -> None:
    """An event cuts tran's budget by 3 at round 2's resolution, after its orders: the allocation
    gives way and the 2 points it kept aside for its contribution still pay it; a state that kept
    nothing aside (a free rider's choice) is in breach as before."""
    scenario = setup(events=[cut("tran", 3, 2)])
    spec = next(s for s in scenario.states if s.id == "tran")
    upkeep = sum(BUILTIN_LAWS[law].upkeep for law in spec.laws)
    kept = {1: [*signed("information_sharing", "dest", "tran"), allocate("tran", enforcement=spec.budget - upkeep - 2)]}
    game = play(scenario, kept, rounds=2)
    assert game.figures(2, "tran").contributed == 2 and not [e for e in game.report(2).events if e.kind == "breach"]
    spent = play(scenario, {1: [*signed("information_sharing", "dest", "tran"), withhold(scenario, "tran")]}, rounds=2)
    assert [e.id for e in spent.report(2).events if e.kind == "breach"] == ["breach-a1-tran"]


def test_an_allocation_given_before_a_cut_gives_way_to_contributions_in_every_later_round_until_changed() -> None:
    """Rules 17: tran allocates in round 1 leaving 2 points for its contribution; an event cuts its
    budget by 3 at round 2's resolution. Its standing allocation, given against the old budget,
    gives way in round 3 and after as in round 2 (the baseline's Ukraine, cut by the war, was
    suspended from the convention in year 5 for the point its unchanged allocation no longer left);
    once tran allocates again against the cut budget, what it leaves unpaid is its choice."""
    scenario = setup(events=[cut("tran", 3, 2)])
    spec = next(s for s in scenario.states if s.id == "tran")
    upkeep = sum(BUILTIN_LAWS[law].upkeep for law in spec.laws)
    full = spec.budget - upkeep - 2
    kept = {1: [*signed("information_sharing", "dest", "tran"), allocate("tran", enforcement=full)]}
    game = play(scenario, kept, rounds=4)
    for round_no in (2, 3, 4):
        assert game.figures(round_no, "tran").contributed == 2, round_no
    breaches = [e for r in (2, 3, 4) for e in game.report(r).events if e.kind == "breach"]
    assert not breaches, breaches
    changed = play(scenario, {**kept, 3: [allocate("tran", enforcement=full - 1)]}, rounds=4)  # all it has left
    assert [e.id for e in changed.report(3).events if e.kind == "breach"] == ["breach-a1-tran"], (
        "an allocation given after the cut, leaving nothing, is the team's own choice")


def test_a_pair_already_bound_by_a_wider_extradition_treaty_cannot_sign_another() -> None:
    """Three states bound by one extradition treaty: two of them cannot sign a second one between
    themselves (paper diplomacy); a pair outside it can, and a wider information sharing agreement
    does not stop two of its members from sharing on terms of their own."""
    state = play(setup(), {1: [propose("dest", "extradition", "tran", "orig"), accept("tran"), accept("orig")]},
                 rounds=1).after(1)
    assert "already binds them all" in rejected(state, propose("dest", "extradition", "tran"))
    apply(state, propose("dest", "extradition", "alt"))
    shared = play(setup(), {1: signed("information_sharing", "dest", "tran", "orig")}, rounds=1).after(1)
    apply(shared, propose("dest", "information_sharing", "tran"))


def test_the_debrief_names_an_accession() -> None:
    from game.report.describe import describe

    assert describe({"type": "accede", "state": "alt", "agreement": "a1"}, new_game(setup()).world) == "acceded to a1"


def test_accession_is_among_the_legal_actions_of_a_qualified_outsider() -> None:
    orders: dict[int, list[Action]] = {
        1: [propose("dest", "regional_convention", "orig", "tran", "alt"), accept("orig"), accept("tran"),
            reject("alt")],
    }
    state = play(qualified(), orders, rounds=1).after(1)
    assert Accede(state="alt", agreement="a1") in legal_actions(state, "alt")
    assert not [a for a in legal_actions(state, "orig") if isinstance(a, Accede)], "a member has nothing to join"


def test_an_accession_falls_through_if_the_state_repeals_a_required_law_the_same_round() -> None:
    orders: dict[int, list[Action]] = {
        1: [propose("dest", "regional_convention", "orig", "tran", "alt"), accept("orig"), accept("tran"),
            reject("alt")],
        2: [Accede(state="alt", agreement="a1"), repeal("alt", "victim_protection")],
    }
    game = play(qualified(), orders, rounds=2)
    assert "alt" not in game.after(2).agreements["a1"].parties
    failed = [e for e in game.report(2).events if e.id == "accession-failed-a1-alt"]
    assert failed and "alt lacks it" in failed[0].text, game.report(2).events


def test_points_kept_aside_for_a_contribution_the_cut_budget_cannot_pay_go_back_to_the_capacities() -> None:
    """Tran keeps 5 aside for information sharing (2) and a joint team (3); an event cuts its budget
    by 15 at round 2's resolution: 4 points are left, its whole allocation gives way, the sharing is
    paid and the team's 3 cannot be. The 2 points it could not pay with go back to its enforcement
    (they lay idle: Ukraine's police went unfunded in europe while 3 points waited for nothing)."""
    scenario = setup(events=[cut("tran", 15, 2)])
    spec = next(s for s in scenario.states if s.id == "tran")
    upkeep = sum(BUILTIN_LAWS[law].upkeep for law in spec.laws)
    orders: dict[int, list[Action]] = {1: [
        *signed("information_sharing", "dest", "tran", contributions={"dest": 2, "tran": 2}),
        *signed("joint_investigation_team", "dest", "tran", proposal="p2", network="ring",
                contributions={"dest": 3, "tran": 3}),
        allocate("tran", enforcement=spec.budget - upkeep - 5)]}
    game = play(scenario, orders, rounds=2)
    figures = game.figures(2, "tran")
    points = spec.budget - 15 - upkeep
    assert figures.contributed == 2, "the sharing is paid, the joint team's 3 cannot be"
    assert [e.id for e in game.report(2).events if e.kind == "breach"] == ["breach-a2-tran"]
    assert figures.spent["enforcement"] == pytest.approx(points - 2), "nothing left idle"
