"""What one team can do to the others with orders the rules accept: terminal escapes in a message
(stripped at the boundary, for the network, the hot seat and orders files alike), a message to
thousands of recipients (each once, and only those at the table), and a flood of messages within the
rate limit (bounded per seat and round, refused with 429 and the reason)."""

from pathlib import Path

import pytest

import game.net.table as table_module
from game.engine import ActionRejected
from game.model.text import clean_text
from game.session.session import Session
from tests.net.helpers import Api, hosted, tutorial_session

ESCAPES = "\x1b[2J\x1b[31mred\x1b[0m \x1b]0;owned\x07title \x9b1;1H\x1bPdcs\x1b\\ bell\x07 \u202eevil\r\nnext\x00"


def test_control_characters_are_stripped_and_newlines_kept() -> None:
    assert clean_text(ESCAPES) == "red title  bell evil\nnext"
    assert clean_text("a\nb\tc", lines=False) == "ab c"
    assert clean_text("ordinary text, accents é and emoji ✓ stay") == "ordinary text, accents é and emoji ✓ stay"


def test_an_orders_file_or_the_hot_seat_gets_no_escape_into_the_game() -> None:
    action = Session.parse_action({"type": "message", "state": "korvia", "to": ["meridia"], "text": ESCAPES})
    assert "\x1b" not in action.text and "\x9b" not in action.text  # type: ignore[union-attr]
    with pytest.raises(ActionRejected, match="text"):
        Session.parse_action({"type": "message", "state": "korvia", "to": ["meridia"], "text": "\x1b[2J\x07"})


def test_a_message_over_the_network_reaches_others_without_its_escapes(tmp_path: Path) -> None:
    with hosted(tutorial_session(tmp_path / "game.json")) as (host, codes):
        korvia, meridia = Api(host.port, codes.seats["korvia"]), Api(host.port, codes.seats["meridia"])
        assert korvia.act({"type": "message", "state": "korvia", "to": ["meridia"], "text": ESCAPES}).status == 200
        assert [m["text"] for m in meridia.view()["messages"]] == ["red title  bell evil\nnext"]
        status = Api(host.port, codes.facilitator).get("/api/facilitator/status").data
        assert all("\x1b" not in m["text"] for m in status["messages"])


def test_recipients_are_kept_once_and_must_be_at_the_table(tmp_path: Path) -> None:
    save = tmp_path / "game.json"
    with hosted(tutorial_session(save)) as (host, codes):
        korvia = Api(host.port, codes.seats["korvia"])
        same = korvia.act({"type": "message", "state": "korvia", "to": ["meridia"] * 5000, "text": "hi"})
        assert same.status == 200
        many = korvia.act({"type": "message", "state": "korvia", "to": [f"s{n}" for n in range(5000)], "text": "x"})
        assert many.status == 400 and "at most 64 recipients" in many.error
        parties = korvia.act({"type": "propose", "state": "korvia", "agreement": "funding",
                              "parties": ["korvia", "meridia"] * 100})
        assert parties.status == 400 and "at most 64" in parties.error
        stranger = korvia.act({"type": "message", "state": "korvia", "to": ["meridia", "atlantis"], "text": "x"})
        assert stranger.status == 409 and "atlantis" in stranger.error
    assert [s.data["to"] for s in Session.load(save).log.open] == [["meridia"]], "stored once, not as sent"


def test_what_one_seat_adds_in_a_round_is_bounded_with_429_and_a_reason(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(table_module, "MESSAGES_PER_ROUND", 3)
    monkeypatch.setattr(table_module, "MESSAGE_CHARACTERS_PER_ROUND", 100)
    monkeypatch.setattr(table_module, "ORDERS_PER_ROUND", 6)
    with hosted(tutorial_session(tmp_path / "game.json")) as (host, codes):
        korvia, meridia = Api(host.port, codes.seats["korvia"]), Api(host.port, codes.seats["meridia"])

        def say(api: Api, who: str, text: str) -> int:
            return api.act({"type": "message", "state": who, "to": ["aldmark"], "text": text}).status

        assert say(korvia, "korvia", "x" * 60) == 200
        long = korvia.act({"type": "message", "state": "korvia", "to": ["aldmark"], "text": "y" * 41})
        assert long.status == 429 and long.data["kind"] == "rate_limited" and "100 characters" in long.error
        assert say(korvia, "korvia", "a") == say(korvia, "korvia", "b") == 200
        fourth = korvia.act({"type": "message", "state": "korvia", "to": ["aldmark"], "text": "c"})
        assert fourth.status == 429 and "3 messages this year already" in fourth.error
        assert say(meridia, "meridia", "another team is not held up") == 200
        for budget in (1, 2, 3):
            assert korvia.act({"type": "allocate", "state": "korvia", "budget": {"enforcement": budget}}).status == 200
        too_many = korvia.act({"type": "allocate", "state": "korvia", "budget": {"enforcement": 4}})
        assert too_many.status == 429 and "6 orders this year already" in too_many.error
        assert len([m for m in meridia.view()["messages"] if m["sender"] == "korvia"]) == 0
        assert len([m for m in Api(host.port, codes.seats["aldmark"]).view()["messages"]
                    if m["sender"] == "korvia"]) == 3
