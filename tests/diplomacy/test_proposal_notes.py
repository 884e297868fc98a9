"""A proposal, and a counter-proposal, may carry the proposer's line (`Propose.note`), kept as the
proposer's entry in the proposal's notes beside the parties' answers: a student offering to carry a
partner's share could say so only in a separate message. An empty note is no note, so a game
without notes keeps the state (and its hash) it had before notes on proposals existed."""

import pytest
from pydantic import ValidationError

from game.engine import apply, new_game, view
from game.engine.serialize import state_hash
from game.model.actions import NOTE_CHARACTERS, Propose, Respond
from tests.diplomacy.deals import propose
from tests.engine.play import setup

LINE = "we carry Transia's share for two years"


def with_note(action: Propose, note: str) -> Propose:
    return action.model_copy(update={"note": note})


def test_a_proposals_note_is_the_proposers_line_every_party_reads() -> None:
    state = apply(new_game(setup()), with_note(propose("dest", "information_sharing", "tran", "orig"), LINE))
    for party in ("dest", "tran", "orig"):
        [seen] = view(state, party).proposals
        assert seen.notes == {"dest": LINE}, party
    assert view(state, "alt").proposals == [], "alt is no party: it reads neither the proposal nor the note"


def test_a_counter_proposal_carries_its_own_note_and_the_answers_keep_the_proposers() -> None:
    state = apply(new_game(setup()), with_note(propose("dest", "information_sharing", "tran"), LINE))
    first = view(state, "dest").proposals[0].id
    state = apply(state, Respond(state="tran", proposal=first, answer="accept"))
    assert view(state, "tran").proposals[0].notes == {"dest": LINE}, "an answer without a line leaves the proposer's"
    counter = Propose.model_validate({"state": "tran", "agreement": "information_sharing", "parties": ["dest", "tran"],
                                      "counters": first, "note": "half each, but for three years"})
    state = apply(state, counter)
    replaced, offered = sorted(view(state, "dest").proposals, key=lambda p: p.id != first)
    assert replaced.status == "countered" and replaced.notes == {"dest": LINE}
    assert offered.counters == first and offered.notes == {"tran": "half each, but for three years"}
    answered = apply(state, Respond(state="dest", proposal=offered.id, answer="reject", note="three is too long"))
    assert [p.notes for p in view(answered, "tran").proposals if p.id == offered.id] == [
        {"dest": "three is too long", "tran": "half each, but for three years"}]


def test_an_empty_note_is_no_note_and_changes_no_hash() -> None:
    plain = apply(new_game(setup()), propose("dest", "information_sharing", "tran"))
    empty = apply(new_game(setup()), with_note(propose("dest", "information_sharing", "tran"), ""))
    assert view(empty, "dest").proposals[0].notes == {}
    blank = apply(new_game(setup()), with_note(propose("dest", "information_sharing", "tran"), "   "))
    assert view(blank, "dest").proposals[0].notes == {}, "blanks (an orders file's, a client's) are no note"
    assert state_hash(blank) == state_hash(plain)
    assert state_hash(empty) == state_hash(plain)
    noted = apply(new_game(setup()), with_note(propose("dest", "information_sharing", "tran"), LINE))
    assert state_hash(noted) != state_hash(plain), "a note is part of the game: replays must keep it"


def test_a_proposals_note_has_the_limits_of_an_answers() -> None:
    note = "x" * (NOTE_CHARACTERS + 1)
    data = {"state": "dest", "agreement": "information_sharing", "parties": ["dest", "tran"], "note": note}
    with pytest.raises(ValidationError, match=f"at most {NOTE_CHARACTERS} characters"):
        Propose.model_validate(data)
    with pytest.raises(ValidationError, match=f"at most {NOTE_CHARACTERS} characters"):
        Respond.model_validate({"state": "tran", "proposal": "p1", "answer": "reject", "note": note})
    cleaned = Propose.model_validate({**data, "note": "one\tline\x1b[31m"})
    assert "\t" not in cleaned.note and "\x1b" not in cleaned.note, "a line keeps printable characters only"
