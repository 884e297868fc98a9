"""Every JSON the game writes holds finite numbers only, and a save that holds another is refused with
one line (issue 13, point 1): JSON has no NaN or infinity, Python's writer would put `Infinity` in a
save that no reader then opens, and pydantic's would silently write `null` for a figure."""

import io
import math
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game import jsontext
from game.engine.serialize import state_hash, state_to_json
from game.model.actions import ACTION_ADAPTER
from game.model.terms import Terms
from game.session.errors import SaveError
from game.session.log import compact
from game.session.seats import Seat
from game.session.session import Session
from game.session.store import read_save
from tests.session.helpers import short, tutorial


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_the_json_writer_refuses_nan_and_infinity_and_says_where(bad: float) -> None:
    with pytest.raises(jsontext.NotFinite, match=r"at reports\.1\.victims"):
        jsontext.dumps({"reports": [{"victims": 1.0}, {"victims": bad}]})
    with pytest.raises(jsontext.NotFinite):
        compact({"x": bad})  # how a save writes every value
    with pytest.raises(jsontext.NotFinite):
        jsontext.dump([bad], io.StringIO())


def test_a_model_is_never_written_with_a_silent_null_for_an_infinity() -> None:
    terms = Terms.model_construct(amount=math.inf)
    assert terms.model_dump_json().count("Infinity") == 1, "pydantic writes the constant the check looks for"
    with pytest.raises(jsontext.NotFinite):
        jsontext.model_text(terms)


def test_a_state_with_a_figure_that_is_not_finite_is_never_written_nor_hashed(tmp_path: Path) -> None:
    session = Session.new(short(tutorial(), 3), 9, {"korvia": Seat.ai("cooperative")}, tmp_path)
    state = session.state.clone()
    before = state_hash(state)
    state.states["korvia"] = replace(state.states["korvia"], approval=math.inf)
    with pytest.raises(jsontext.NotFinite, match="state of round 1"):
        state_to_json(state)
    with pytest.raises(jsontext.NotFinite):
        state_hash(state)
    assert state_hash(session.state) == before


def test_a_text_that_merely_names_infinity_is_written() -> None:
    text = b'{"name":"Infinity Bay","note":"NaN"}'
    assert jsontext.checked(text, "a test") == text


@pytest.mark.parametrize(("number", "reason"), [
    ("Infinity", "Infinity is not a number JSON can hold"),
    ("-Infinity", "-Infinity is not a number JSON can hold"),
    ("NaN", "NaN is not a number JSON can hold"),
    ("1e999", "1e999 is too large a number"),
    ("1" * 5001, "a number in it has more than 4,300 digits"),
])
def test_a_save_holding_a_number_that_is_not_finite_is_refused_in_one_line(tmp_path: Path, number: str,
                                                                          reason: str) -> None:
    session = Session.new(short(tutorial(), 3), 9, {"korvia": Seat.ai("cooperative")}, tmp_path)
    assert session.path is not None
    text = session.path.read_text()
    assert '"snapshot_every":' in text
    path = tmp_path / "edited.json"
    path.write_text(text.replace('"snapshot_every":', f'"snapshot_every":{number},"was":', 1))
    with pytest.raises(SaveError) as refused:
        read_save(path)
    line = "\n".join(refused.value.lines())
    assert reason in line and "\n" not in line, line


def test_an_order_of_a_live_game_is_saved_with_finite_numbers_only(tmp_path: Path) -> None:
    session = Session.new(short(tutorial(), 3), 9, {"korvia": Seat.ai("cooperative")}, tmp_path)
    action = Session.parse_action({"type": "allocate", "state": "meridia", "budget": {"border": "-0"}})
    session.submit(action, by="meridia")
    assert session.path is not None
    assert "-0" not in session.path.read_text().split('"open":')[1]
    assert read_save(session.path).log.open[0].data == ACTION_ADAPTER.dump_python(action, mode="json",
                                                                                 exclude_none=True)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([b"N", b"Na", b"NaN", b"I", b"Infinit", b"Infinity", b"a", b"x", b"\"", b"NN"]),
                max_size=200))
def test_the_fast_search_for_a_constant_finds_what_in_finds(parts: list[bytes]) -> None:
    """`checked` looks for `NaN` and `Infinity` through their first byte (`_mentions`): it answers
    as `in` does, with the first byte never, once, or more than 64 times in the text."""
    text = b"".join(parts)
    for word in (b"NaN", b"Infinity"):
        assert jsontext._mentions(text, word) == (word in text)
    assert jsontext._mentions(b"N" * 100 + b"NaN", b"NaN") and not jsontext._mentions(b"N" * 100, b"NaN")
