"""Every record's copy (`clone`, set slot by slot for speed, as `RouteRecord.clone`) has every field
of the record, equal, and shares none of its lists or mappings: a change to the copy never reaches
the original (the engine is pure: a round changes its own copy of the state)."""

from dataclasses import fields
from typing import Any

import pytest

from game.engine import new_game, resolve_round
from game.model.state import (
    AgreementRecord,
    GameState,
    NetworkRecord,
    OrgRecord,
    ProposalRecord,
    RegionRecord,
    StateRecord,
)
from game.model.terms import FundingCondition
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario


def _played() -> GameState:
    state = new_game(load_scenario(resolve_scenario("mekong")), 3)
    for _ in range(3):
        state, _ = resolve_round(state)
    agreement = next(iter(state.agreements.values()))
    state.proposals["p1"] = ProposalRecord("p1", agreement.kind, "cambodia", ["cambodia", "laos"], agreement.terms,
                                           3, 4, {"laos": "accept"}, "open", None, None, None, {"laos": "fine"})
    return state


def _filled(record: Any) -> Any:
    """The record with a value in every optional list or mapping, so that a field left out shows."""
    if isinstance(record, AgreementRecord):
        record.breaches, record.unpaid, record.joined, record.acceding = {"b": 1}, ["b"], {"c": 2}, ["d"]
        record.ended_round, record.ended_by = 4, "b"
    if isinstance(record, NetworkRecord):
        record.successors, record.located, record.parent = [3], {"a": {"b": 1}}, "n0"
    if isinstance(record, OrgRecord):
        record.trainings, record.reviews, record.assists, record.campaigns = [["a", "border"]], ["a"], {"a": 1.0}, ["a"]
        record.trained, record.monitored, record.barred = ["a"], ["b"], ["c"]
        record.conditions = {"a": [FundingCondition(law="criminalization", by_round=3)]}
    if isinstance(record, StateRecord):
        record.pending_laws, record.pending_repeals, record.allocated_against = {"x": 2}, ["y"], 7.5
    if isinstance(record, RegionRecord):
        record.returned = 12.0
    if isinstance(record, ProposalRecord):
        record.counters, record.agreement, record.convened_by = "p0", "a1", "unodc"
    return record


def _records(state: GameState) -> list[Any]:
    return [_filled(next(iter(table.values()))) for table in
            (state.states, state.regions, state.networks, state.agreements, state.organizations, state.intelligence,
             state.proposals)]


@pytest.mark.parametrize("kind", ["StateRecord", "RegionRecord", "NetworkRecord", "AgreementRecord", "OrgRecord",
                                  "Intelligence", "ProposalRecord"])
def test_a_records_copy_has_every_field_and_shares_no_list_or_mapping(kind: str) -> None:
    record = next(r for r in _records(_played()) if type(r).__name__ == kind)
    copy = record.clone()
    assert copy == record and copy is not record
    for field in fields(record):
        value, copied = getattr(record, field.name), getattr(copy, field.name)
        assert copied == value, field.name
        if isinstance(value, (list, dict)):
            assert copied is not value, f"{field.name} is shared"
            for inner, inner_copy in zip(value.values() if isinstance(value, dict) else value,
                                         copied.values() if isinstance(copied, dict) else copied, strict=True):
                if isinstance(inner, (list, dict)):
                    assert inner_copy is not inner, f"{field.name} shares what it holds"
