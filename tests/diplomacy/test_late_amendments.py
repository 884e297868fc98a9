"""An amendment moved late in a summit's drafting round, once others at the table had cast their
votes and closed their orders for the round, is never adopted on its mover's vote alone (student
tester, summit18). Silence is nobody's consent: an amendment some participant has not answered is
decided at the drafting resolution only if no answer of theirs could change the outcome; otherwise
it is put to them in the next session (the adoption round), where they vote on it beside the text,
and it closes before the text does. Under consensus it then needs every participant's answer.
"""

import json
from pathlib import Path
from typing import Any

import pytest

from game import __version__
from game.ai.driver import play_round
from game.engine import resolve_round
from game.engine.errors import ActionRejected
from game.engine.orders import legal_actions
from game.engine.version import ENGINE_RULES
from game.model.actions import Action, Ready, Sign, Vote
from game.model.state import GameState
from game.session.errors import SaveError
from game.session.session import Session
from tests.diplomacy.test_summits import ALL, amend, sign, summit_scenario, vote
from tests.engine.play import ai_game_state, apply, new_game, play

OTHERS = ("alt", "orig", "tran")


def after(state: GameState, *actions: Action) -> GameState:
    for action in actions:
        state = apply(state, action)
    return state


def drafting_with_a_late_amendment(rule: str = "consensus") -> GameState:
    """Round 1: everyone votes for dest's amendment m1 and closes its orders; then dest, still at
    the keyboard, moves m2 (strike extradition) after the others can no longer answer."""
    state = new_game(summit_scenario(rule=rule), 1)
    state = after(state, amend("dest", "change", "information_sharing", contribution=1),
                  *(vote(s, "m1") for s in OTHERS), *(Ready(state=s) for s in OTHERS))
    state = after(state, amend("dest", "strike", "extradition"))
    for other in OTHERS:
        with pytest.raises(ActionRejected, match="already ready"):
            apply(state, vote(other, "m2", "no"))
    return state


@pytest.mark.parametrize("rule", ["consensus", "qualified_majority"])
def test_an_amendment_moved_after_the_others_closed_their_orders_does_not_carry_on_its_movers_vote(
        rule: str) -> None:
    state, report = resolve_round(drafting_with_a_late_amendment(rule))
    record = state.summits["table"]
    first, late = record.amendments
    assert first.carried is True, "m1, answered by every participant, closes as before"
    assert late.carried is None, "m2 is not decided on dest's vote alone"
    assert "extradition" in record.clause_ids(), "the clause it would strike stays in the draft"
    held = next(e for e in report.events if e.id == "held-table-m2")
    names = "Alternative State, Origin State, Transit State"
    assert f"Not answered by {names}: it is put to them in year 2, beside the text" in held.text, held.text


def test_the_others_answer_a_held_amendment_in_the_adoption_round_and_their_objection_blocks_it() -> None:
    state, _ = resolve_round(drafting_with_a_late_amendment())
    assert state.summits["table"].phase(state.round) == "adoption"
    offered = [a for a in legal_actions(state, "tran") if isinstance(a, Vote) and a.item == "m2"]
    assert {a.choice for a in offered} == {"yes", "no", "abstain"}, "the vote on m2 is offered to tran"
    assert not [a for a in legal_actions(state, "dest") if isinstance(a, Vote) and a.item == "m2"], \
        "dest answered it as it moved it"
    with pytest.raises(ActionRejected, match="no amendment 'm1' open"):
        apply(state, vote("tran", "m1"))
    state = after(state, vote("alt", "m2"), vote("orig", "m2"), vote("tran", "m2", "no"),
                  *(vote(s, "text") for s in ALL))
    state, report = resolve_round(state)
    record = state.summits["table"]
    assert record.amendments[1].carried is False, "tran's objection blocks it under consensus"
    assert "extradition" in record.clause_ids() and record.status == "adopted"
    titles = [e.id for e in report.events]
    assert titles.index("amendment-table-m2") < titles.index("adopted-table"), "the amendment closes first"


def test_a_held_amendment_every_participant_agrees_to_is_in_the_text_adopted() -> None:
    state, _ = resolve_round(drafting_with_a_late_amendment())
    state = after(state, *(vote(s, "m2") for s in OTHERS), *(vote(s, "text") for s in ALL),
                  sign("orig", "extradition"))
    state, _ = resolve_round(state)
    record = state.summits["table"]
    assert record.amendments[1].carried is True
    assert record.clause_ids() == ["information_sharing", "criminalization_duty"]
    assert record.status == "adopted" and record.signed == {"orig": 2}


def test_under_consensus_a_participant_who_never_answers_an_amendment_is_not_counted_as_agreeing() -> None:
    # dest moves m1 and orig votes for it; alt and tran say nothing in either session
    orders: dict[int, list[Action]] = {1: [amend("dest", "strike", "extradition"), vote("orig", "m1")],
                                       2: [vote(s, "text") for s in ALL]}
    game = play(summit_scenario(), orders, rounds=2)
    assert game.after(1).summits["table"].amendments[0].carried is None, "held: alt and tran have not answered"
    record = game.after(2).summits["table"]
    assert record.amendments[0].carried is False
    assert "extradition" in record.clause_ids()
    event = next(e for e in game.report(2).events if e.id == "amendment-table-m1")
    assert "Alternative State, Transit State did not answer (under consensus silence is no consent)" in event.text, \
        event.text


def test_under_a_qualified_majority_a_held_amendment_counts_the_votes_cast_once_all_could_answer() -> None:
    state, _ = resolve_round(drafting_with_a_late_amendment("qualified_majority"))
    state = after(state, vote("alt", "m2", "no"), vote("orig", "m2", "no"))
    state, _ = resolve_round(state)
    assert state.summits["table"].amendments[1].carried is False, "1 yes against 2 no is short of two thirds"
    assert "extradition" in state.summits["table"].clause_ids()


def test_an_amendment_the_silent_could_not_save_or_sink_is_decided_at_the_drafting_resolution() -> None:
    # consensus: one objection decides it whoever has not answered; a qualified majority: 3 yes of 4
    # carry it whatever the fourth says
    blocked = play(summit_scenario(), {1: [amend("dest", "strike", "extradition"), vote("tran", "m1", "no")]},
                   rounds=1)
    assert blocked.after(1).summits["table"].amendments[0].carried is False
    settled = play(summit_scenario(rule="qualified_majority"),
                   {1: [amend("dest", "strike", "extradition"), vote("orig", "m1"), vote("tran", "m1")]}, rounds=1)
    assert settled.after(1).summits["table"].amendments[0].carried is True
    assert "extradition" not in settled.after(1).summits["table"].clause_ids()


def test_a_later_amendment_on_the_same_clause_waits_for_a_held_one_so_they_close_in_the_order_moved() -> None:
    state = new_game(summit_scenario(rule="qualified_majority"), 1)
    state = after(state, amend("dest", "change", "information_sharing", contribution=1),
                  amend("orig", "change", "information_sharing", contribution=3), vote("alt", "m2"),
                  vote("tran", "m2"), vote("dest", "m2", "no"))
    state, _ = resolve_round(state)
    first, second = state.summits["table"].amendments
    assert first.carried is None and second.carried is None, "m2 is settled, but m1 on the same clause is not"


def test_a_held_amendment_that_would_add_a_clause_may_be_reserved_when_signing() -> None:
    state = new_game(summit_scenario(), 1)
    state = after(state, *(Ready(state=s) for s in OTHERS), amend("dest", "add", "repatriation"))
    state, _ = resolve_round(state)
    state = after(state, sign("orig", "repatriation"), *(vote(s, "m1") for s in OTHERS),
                  *(vote(s, "text") for s in ALL))
    state, _ = resolve_round(state)
    record = state.summits["table"]
    assert record.clause_ids()[-1] == "repatriation" and record.reservations == {"orig": ["repatriation"]}


def test_ai_tables_answer_every_amendment_and_decide_it_in_the_drafting_round() -> None:
    """AI seats vote on every amendment of the round in their second pass: nothing is held over, so
    an AI game's summit closes its amendments as it always did (europe's Warsaw review, round 5)."""
    state = ai_game_state("europe", 1, 5)
    record = state.summits["warsaw-review"]
    assert record.amendments, "europe's AI table moves amendments at the Warsaw review"
    assert all(a.carried is not None for a in record.amendments)
    assert all(set(a.votes) == set(record.participants) for a in record.amendments)


def test_ai_seats_answer_an_amendment_moved_after_their_round_in_the_adoption_round() -> None:
    """The hot seat's order: the computer players play their round first, a human seat moves its
    amendment after; they answer it when they play the adoption round, and it is decided on their
    votes, not on the mover's alone."""
    seats = {s: "cooperative" for s in OTHERS}
    state, _ = play_round(new_game(summit_scenario(), 1), seats)
    state = after(state, amend("dest", "strike", "extradition"))
    state, _ = resolve_round(state)
    assert state.summits["table"].amendments[0].carried is None
    state, moves = play_round(state, seats)
    answered = {m.state: m.action.choice for m in moves if isinstance(m.action, Vote) and m.action.item == "m1"}
    assert answered == {"alt": "no", "orig": "no", "tran": "no"}, "cooperative states keep the treaty whole"
    assert all("the treaty needs it" in m.reason for m in moves if isinstance(m.action, Vote) and m.action.item == "m1")
    state, _ = resolve_round(after(state, vote("dest", "text")))
    record = state.summits["table"]
    assert record.amendments[0].carried is False and "extradition" in record.clause_ids()


def test_a_save_of_rules_16_with_an_amendment_carried_on_its_movers_vote_reopens_under_these_rules(
        tmp_path: Path) -> None:
    """Rules 16 adopted m1 on dest's yes alone, and orig signed reserving the clause it added. The
    save re-runs under these rules into a new file (as any save of other rules does): nothing in it
    is refused, m1 is held and then fails for want of the others' answers, and the game goes on."""
    session = Session.new(summit_scenario(), 1, {}, tmp_path, path=tmp_path / "old.json")
    for action in (*(Ready(state=s) for s in OTHERS), amend("dest", "add", "repatriation")):
        session.submit(action)
    session.resolve()
    for action in (*(vote(s, "text") for s in ALL), sign("orig", "repatriation")):
        session.submit(action)
    session.resolve()
    data = json.loads((tmp_path / "old.json").read_text())
    data["engine"]["rules"] = ENGINE_RULES - 1
    (tmp_path / "old.json").write_text(json.dumps(data))
    reopened = Session.load(tmp_path / "old.json")
    assert reopened.path != tmp_path / "old.json" and reopened.parent is not None
    assert reopened.parent["reason"] == "rules"
    record = reopened.state.summits["table"]
    assert record.amendments[0].carried is False and "repatriation" not in record.clause_ids()
    assert record.status == "adopted" and record.reservations == {"orig": ["repatriation"]}


def test_a_sovereigntist_signing_beside_a_held_amendment_that_adds_joint_teams_reserves_them() -> None:
    """Under a qualified majority a held amendment may carry against a seat: a computer player that
    reserves intrusive clauses reserves one a held amendment would add, as it signs."""
    state = new_game(summit_scenario(rule="qualified_majority"), 1)
    state = after(state, Ready(state="alt"), amend("dest", "add", "joint_teams"))
    state, _ = resolve_round(state)
    assert state.summits["table"].amendments[0].carried is None, "alt's answer could still sink it"
    state, moves = play_round(state, {"alt": "sovereigntist"})
    signed = next(m.action for m in moves if isinstance(m.action, Sign))
    assert "joint_teams" in signed.reservations
    state, _ = resolve_round(after(state, *(vote(s, "text") for s in ("dest", "orig", "tran")),
                                   vote("orig", "m1"), vote("tran", "m1")))
    record = state.summits["table"]
    assert record.amendments[0].carried is True and "joint_teams" in record.clause_ids()
    assert "joint_teams" in record.reservations["alt"]


def test_a_save_of_rules_16_signed_with_a_reservation_on_a_clause_only_a_lone_yes_added_names_the_build_to_open_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Under rules 16 m1 (add safe return) carried on dest's yes alone, and orig signed in round 3,
    after the adoption round, reserving it. Under these rules m1 fails, the text has no such clause,
    and the signature is refused on the re-run: the save cannot go on under these rules, and the
    message names the build that opens it (it named 'accord 0.1.0', the very program refusing it)."""
    import game.session.document as document_module
    from game.engine.diplomacy import summits

    def rules_16(summit: Any, amendment: Any, final: bool) -> bool:
        return summits.passes(summit.rule, summit.majority, amendment.votes)

    with monkeypatch.context() as old:
        old.setattr(summits, "amendment_outcome", rules_16)
        old.setattr(document_module, "ENGINE_RULES", ENGINE_RULES - 1)
        session = Session.new(summit_scenario(), 1, {}, tmp_path, path=tmp_path / "old.json")
        for action in (*(Ready(state=s) for s in OTHERS), amend("dest", "add", "repatriation")):
            session.submit(action)
        session.resolve()
        assert session.state.summits["table"].amendments[0].carried is True
        for action in (vote(s, "text") for s in ALL):
            session.submit(action)
        session.resolve()
        session.submit(sign("orig", "repatriation"))
        session.save()
    with pytest.raises(SaveError) as refused:
        Session.load(tmp_path / "old.json")
    message = refused.value.message
    assert "round 3 action 1 (orig sign) is refused: the text of the Corridor summit has no clause Safe return" \
        in message, message
    assert message.endswith(f"Open it with an earlier build of accord {__version__} (engine rules {ENGINE_RULES - 1})")
