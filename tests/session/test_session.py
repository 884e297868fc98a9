"""The session: seats, submitting, readiness, autosave after every change, and nothing half-done."""

import json
import re
from pathlib import Path
from typing import Any

import pytest

from game.engine import ActionRejected
from game.model.actions import AdoptLaw, Allocate, Ready
from game.session.errors import SaveError, SessionError
from game.session.seats import Seat
from game.session.session import Session
from game.session.store import read_save
from game.session.verify import verify
from tests.session.helpers import short, tutorial


@pytest.fixture
def session(tmp_path: Path) -> Session:
    seats = {"korvia": Seat.ai("cooperative")}
    return Session.new(short(tutorial(), 3), 9, seats, tmp_path)


def _saved(session: Session) -> dict[str, Any]:
    assert session.path is not None
    data: dict[str, Any] = json.loads(session.path.read_text())
    return data


def test_a_new_session_is_saved_at_once_under_a_dated_name(session: Session, tmp_path: Path) -> None:
    assert session.path is not None and session.path.parent == tmp_path
    assert re.fullmatch(r"tutorial-\d{8}-\d{6}-[0-9a-f]{8}\.json", session.path.name)
    data = _saved(session)
    assert data["kind"] == "accord-save" and data["format"] == 1 and data["seed"] == 9
    assert data["seats"] == {"korvia": {"kind": "ai", "personality": "cooperative"}, "meridia": {"kind": "human"},
                             "aldmark": {"kind": "human"}}
    assert session.round == 1 and session.phase == "orders" and session.id in session.path.name


def test_every_accepted_action_is_autosaved_with_its_submitter(session: Session) -> None:
    session.submit(AdoptLaw(state="aldmark", law="referral_mechanism"), by="aldmark")
    data = _saved(session)
    assert data["open"] == {"round": 1, "actions": [
        {"by": "aldmark", "action": {"type": "adopt_law", "state": "aldmark", "law": "referral_mechanism"}}]}
    session.submit(Allocate.model_validate({"state": "korvia", "budget": {"border": 1}}), by="korvia",
                   reason="holding the line")
    assert _saved(session)["open"]["actions"][1]["reason"] == "holding the line"


def test_a_rejected_action_leaves_log_and_file_untouched(session: Session) -> None:
    assert session.path is not None
    before = session.path.read_bytes()
    with pytest.raises(ActionRejected, match="not your state"):
        session.submit(Ready(state="korvia"), by="aldmark")
    with pytest.raises(ActionRejected, match="no seat 'atlantis'"):
        session.submit(Ready(state="korvia"), by="atlantis")
    with pytest.raises(ActionRejected, match="unknown law"):
        session.submit(AdoptLaw(state="korvia", law="prohibition"), by="korvia")
    assert session.log.open == [] and session.path.read_bytes() == before


def test_readiness_and_who_the_table_waits_for(session: Session) -> None:
    assert session.waiting_for() == ["meridia", "aldmark"]  # the AI seat is not waited for
    session.submit(Ready(state="aldmark"), by="aldmark")
    assert session.ready_seats() == ["aldmark"] and session.waiting_for() == ["meridia"]
    session.submit(Ready(state="meridia"), by="meridia")
    assert session.waiting_for() == []
    report = session.resolve()
    assert report.round == 1 and session.round == 2 and session.ready_seats() == []
    assert len(_saved(session)["rounds"]) == 1


def test_resolving_to_the_end_and_beyond(session: Session) -> None:
    for _ in range(3):
        session.resolve()
    assert session.phase == "over" and session.is_over and _saved(session)["open"] is None
    with pytest.raises(ActionRejected, match="game is over"):
        session.resolve()
    with pytest.raises(ActionRejected, match="game is over"):
        session.submit(Ready(state="korvia"))


def test_snapshots_every_k_rounds_and_always_the_last(tmp_path: Path) -> None:
    session = Session.new(short(tutorial(), 5), 1, saves_dir=tmp_path, snapshot_every=2)
    for _ in range(5):
        session.resolve()
    rounds = _saved(session)["rounds"]
    assert ["snapshot" in r for r in rounds] == [False, True, False, True, True]
    assert session.path is not None and verify(session.path).snapshots == 4
    loaded = Session.load(session.path)
    assert loaded.replay().seek(3, "orders").hash == session.replay().seek(3, "orders").hash


def test_annotations_are_kept_by_round(session: Session) -> None:
    session.annotate(0, "Before play: the class chose teams by lot.")
    session.annotate(1, "  Aldmark hesitated.  ")
    assert _saved(session)["annotations"] == {"0": ["Before play: the class chose teams by lot."],
                                              "1": ["Aldmark hesitated."]}
    with pytest.raises(SessionError, match="annotate rounds 0 to 1"):
        session.annotate(2, "too early")
    with pytest.raises(SessionError, match="needs some text"):
        session.annotate(1, "   ")
    assert session.path is not None
    assert Session.load(session.path).annotations[1] == ["Aldmark hesitated."]


def test_a_seat_can_change_hands(session: Session) -> None:
    session.set_seat("meridia", Seat.ai("free_rider"))
    assert _saved(session)["seats"]["meridia"] == {"kind": "ai", "personality": "free_rider"}
    with pytest.raises(SessionError, match="no state 'atlantis'"):
        session.set_seat("atlantis", Seat.human())


def test_bad_seats_are_refused() -> None:
    with pytest.raises(SessionError, match="no state 'atlantis' in tutorial"):
        Session.new(tutorial(), 1, {"atlantis": Seat.human()}, None)
    with pytest.raises(ValueError, match="needs a personality"):
        Seat("ai")


def test_a_failed_autosave_undoes_the_change(session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    import game.session.session as session_module

    assert session.path is not None
    before = session.path.read_bytes()

    def full_disk(path: Path, document: object) -> None:
        raise SaveError(str(path), "cannot write it: No space left on device")

    monkeypatch.setattr(session_module, "write_save", full_disk)
    with pytest.raises(SaveError, match="No space left"):
        session.submit(Ready(state="aldmark"), by="aldmark")
    assert session.log.open == [] and session.ready_seats() == []
    with pytest.raises(SaveError):
        session.resolve()
    assert session.round == 1 and session.log.rounds == []
    with pytest.raises(SaveError):
        session.annotate(1, "lost?")
    assert session.annotations == {}
    monkeypatch.undo()
    assert session.path.read_bytes() == before
    session.submit(Ready(state="aldmark"), by="aldmark")
    assert read_save(session.path).log.open[0].type == "ready"


def test_a_session_in_memory_writes_nothing_until_asked(tmp_path: Path) -> None:
    session = Session.new(short(tutorial(), 2), 2, saves_dir=None)
    session.resolve()
    assert session.path is None
    with pytest.raises(SessionError, match="memory only"):
        session.save()
    path = session.save(tmp_path / "deep" / "game.json")
    assert session.path == path and verify(path).rounds == 1


def test_a_save_from_other_rules_continues_in_a_new_file(session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    session.submit(AdoptLaw(state="aldmark", law="referral_mechanism"), by="aldmark")
    session.resolve()
    assert session.path is not None
    data = json.loads(session.path.read_text())
    data["engine"]["rules"] = 0
    session.path.write_text(json.dumps(data))
    original = session.path.read_bytes()

    loaded = Session.load(session.path)
    assert loaded.note is not None and "engine rules 0" in loaded.note and "original is left" in loaded.note
    assert loaded.path is not None and loaded.path != session.path and loaded.path.parent == session.path.parent
    assert loaded.parent is not None and loaded.parent["id"] == session.id and loaded.parent["reason"] == "rules"
    assert loaded.reports[0].state_hash == session.reports[0].state_hash  # these rules replay it the same
    loaded.resolve()
    assert session.path.read_bytes() == original and verify(loaded.path).rounds == 2


def test_views_and_truth(session: Session) -> None:
    mine = session.view("korvia")
    assert mine.me.id == "korvia" and all(o.id != "korvia" for o in mine.others)
    assert session.truth()["round"] == 1
    with pytest.raises(SessionError, match="no state 'x'"):
        session.view("x")
    assert any(isinstance(a, Ready) for a in session.legal_actions("korvia"))


def test_parse_action_gives_a_rejection_a_student_reads() -> None:
    assert Session.parse_action({"type": "ready", "state": "korvia"}) == Ready(state="korvia")
    with pytest.raises(ActionRejected, match="budget"):
        Session.parse_action({"type": "allocate", "state": "korvia", "budget": {"border": -1}})
