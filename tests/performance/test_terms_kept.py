"""A state record's terms are written from their JSON data worked out once per `Terms`
(`terms_data`): the same bytes as the model's own serializer, so every state hash is the one it was,
and one mapping a `Terms` however many rounds write it."""

import json

import pytest

from game.engine import new_game, resolve_round
from game.engine.serialize import state_to_data, state_to_json
from game.model import terms as terms_module
from game.model.terms import Terms, terms_data
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario


def test_a_states_agreements_write_their_terms_as_the_terms_themselves_would() -> None:
    """`mekong` opens with agreements in force: in the state's JSON (what the hash reads) each one's
    terms are the bytes `model_dump_json` writes, and in its data what `model_dump` gives."""
    state = new_game(load_scenario(resolve_scenario("mekong")), 0)
    state, _ = resolve_round(state)
    assert state.agreements
    text = state_to_json(state)
    data = state_to_data(state)
    for agreement in state.agreements.values():
        assert b'"terms":' + agreement.terms.model_dump_json().encode() in text
        assert data["agreements"][agreement.id]["terms"] == agreement.terms.model_dump(mode="json")
        assert json.loads(text)["agreements"][agreement.id]["terms"] == agreement.terms.model_dump(mode="json")


def test_the_terms_data_are_worked_out_once_per_terms_and_never_handed_out_to_change() -> None:
    """The second write of the same `Terms` reuses the first's mapping; an equal but distinct
    `Terms` gets its own; what a state's data hands a reader is a copy, so that changing it changes
    no later hash."""
    terms = Terms(contributions={"laos": 1.0})
    first = terms_data(terms)
    assert terms_data(terms) is first
    assert terms_data(Terms(contributions={"laos": 1.0})) is not first
    state = new_game(load_scenario(resolve_scenario("mekong")), 0)
    agreement = next(iter(state.agreements.values()))
    handed = state_to_data(state)["agreements"][agreement.id]["terms"]
    handed["contributions"]["laos"] = 99.0
    assert terms_data(agreement.terms) == agreement.terms.model_dump(mode="json")


def test_the_kept_terms_stay_bounded_over_many_games(monkeypatch: pytest.MonkeyPatch) -> None:
    """A process that plays thousands of games (`simulate --games`) keeps at most `_AS_DATA_MOST`
    entries, starting again when full."""
    monkeypatch.setattr(terms_module, "_AS_DATA_MOST", 8)
    monkeypatch.setattr(terms_module, "_AS_DATA", {})
    kept = [Terms(duration=n) for n in range(1, 30)]
    for terms in kept:
        assert terms_data(terms) == terms.model_dump(mode="json")
        assert len(terms_module._AS_DATA) <= 8
