"""An answer to a proposal may carry a line for its parties (`Respond.note`): a student whose
proposal the computer players refused read only '✗ rejected' until the round was resolved, and
learned why (and what split they might accept) a round too late to offer another."""

import math

from game.ai.cooperative import Cooperative
from game.engine import apply, new_game, view
from game.model.actions import Propose, Respond
from tests.ai.test_room_for_deals import Willing, europe, grown
from tests.diplomacy.deals import propose
from tests.engine.play import setup


def test_a_note_given_with_an_answer_is_shown_to_the_proposals_parties_only() -> None:
    state = apply(new_game(setup()), propose("dest", "information_sharing", "tran", "orig"))
    proposal = view(state, "dest").proposals[0].id
    state = apply(state, Respond(state="tran", proposal=proposal, answer="reject", note="we cannot pay 2 a round"))
    for party in ("dest", "orig"):
        [seen] = view(state, party).proposals
        assert seen.notes == {"tran": "we cannot pay 2 a round"}, party
    assert view(state, "alt").proposals == [], "alt is no party: it sees neither the proposal nor the note"


def test_a_new_answer_without_a_note_drops_the_old_note() -> None:
    state = apply(new_game(setup()), propose("dest", "information_sharing", "tran", "orig"))
    proposal = view(state, "dest").proposals[0].id
    state = apply(state, Respond(state="tran", proposal=proposal, answer="reject", note="too dear"))
    state = apply(state, Respond(state="tran", proposal=proposal, answer="accept"))
    assert view(state, "dest").proposals[0].notes == {}, "'too dear' was about the rejection"


def test_a_computer_players_refusal_says_why_in_the_round_it_is_given() -> None:
    state = grown(europe(), "austria")
    can = Cooperative().room_for_deals(view(state, "austria"))
    ask = float(math.ceil(can) + 1)
    proposed = apply(state, Propose(state="germany", agreement="information_sharing", parties=["austria", "germany"],
                                    terms={"contributions": {"austria": ask, "germany": 2.0}}))
    moves = Cooperative().answer_and_allocate(view(proposed, "austria"), Willing())
    refusal = next(m.action for m in moves if isinstance(m.action, Respond) and m.action.answer == "reject")
    label = view(proposed, "austria").round_label  # in the scenario's words: europe's rounds are years
    could = math.floor(can * 10) / 10
    assert refusal.note.startswith(f"cannot pay {ask:g} points a {label} (it could pay {could:g}"), refusal.note
    answered = apply(proposed, refusal, by="austria")
    [seen] = [p for p in view(answered, "germany").proposals if p.kind == "information_sharing"]
    assert seen.notes["austria"] == refusal.note
    accepted = [m.action for m in Cooperative().answer_and_allocate(view(state, "austria"), Willing())
                if isinstance(m.action, Respond) and m.action.answer == "accept"]
    assert all(a.note == "" for a in accepted), "an acceptance needs no line"
