"""A hot-seat game's turn timer is kept with its save: a game continued from the save (or a what-if
branched from it) keeps its timer; the timer is a setting of the room, outside the hashes and the
seals, so it changes neither; a save written without one (every older save) opens without a timer,
and an edited timer that is no time is refused in one line."""

import json
from pathlib import Path

import pytest

from game.session.errors import SaveError
from game.session.session import Session
from game.session.verify import verify
from tests.session.helpers import tutorial
from tests.tui.helpers import finish_round

FIXTURE = Path(__file__).parent / "fixtures" / "format1-tutorial.json"


def test_a_games_turn_timer_is_saved_and_a_continued_game_keeps_it(tmp_path: Path) -> None:
    session = Session.new(tutorial(), 7, None, tmp_path, turn_minutes=4.5)
    assert session.path is not None
    assert json.loads(session.path.read_text("utf-8"))["turn_minutes"] == 4.5
    continued = Session.load(session.path)
    assert continued.turn_seconds == 270.0
    assert continued.document.turn_minutes == 4.5


def test_a_game_without_a_timer_writes_no_timer_key_and_opens_without_one(tmp_path: Path) -> None:
    session = Session.new(tutorial(), 7, None, tmp_path)
    assert session.path is not None
    assert "turn_minutes" not in json.loads(session.path.read_text("utf-8"))
    assert Session.load(session.path).turn_seconds is None


def test_an_older_save_opens_without_a_timer() -> None:
    assert "turn_minutes" not in json.loads(FIXTURE.read_text("utf-8"))
    assert Session.load(FIXTURE, autosave=False).turn_seconds is None


def test_the_timer_changes_no_hash_and_breaks_no_seal(tmp_path: Path) -> None:
    timed = Session.new(tutorial(), 7, None, tmp_path / "timed", turn_minutes=5)
    plain = Session.new(tutorial(), 7, None, tmp_path / "plain")
    for session in (timed, plain):
        session.play_ai()
        finish_round(session)
    assert timed.document.log.rounds[0].hash == plain.document.log.rounds[0].hash
    assert timed.path is not None
    reopened = Session.load(timed.path)
    assert reopened.warning is None, "a timer is not an edit of the record of play"
    assert verify(timed.path).rounds == 1


def test_a_what_if_branched_from_a_timed_game_keeps_the_timer(tmp_path: Path) -> None:
    session = Session.new(tutorial(), 7, None, tmp_path, turn_minutes=6)
    finish_round(session)
    branch = session.branch(1)
    assert branch.turn_seconds == 360.0
    assert branch.path is not None and Session.load(branch.path).turn_seconds == 360.0


@pytest.mark.parametrize("edited", ["-3", "0", "1e999", '"abc"', "1441"])
def test_an_edited_timer_that_is_no_time_is_refused_in_one_line(tmp_path: Path, edited: str) -> None:
    session = Session.new(tutorial(), 7, None, tmp_path, turn_minutes=5)
    assert session.path is not None
    text = session.path.read_text("utf-8").replace('"turn_minutes":5', f'"turn_minutes":{edited}')
    assert text != session.path.read_text("utf-8")
    session.path.write_text(text, "utf-8")
    with pytest.raises(SaveError, match=f"turn_minutes|{edited}") as error:
        Session.load(session.path)
    assert "\n" not in str(error.value)


def test_a_save_replayed_under_other_rules_keeps_its_timer(tmp_path: Path) -> None:
    session = Session.new(tutorial(), 7, None, tmp_path, turn_minutes=2.5)
    finish_round(session)
    assert session.path is not None
    data = json.loads(session.path.read_text("utf-8"))
    data["engine"]["rules"] = 0
    session.path.write_text(json.dumps(data), "utf-8")
    replayed = Session.load(session.path)
    assert replayed.path != session.path and replayed.parent is not None and replayed.parent["reason"] == "rules"
    assert replayed.turn_seconds == 150.0
    written = replayed.save()  # a replayed game is written with its next order; here at once
    assert Session.load(written).turn_seconds == 150.0
