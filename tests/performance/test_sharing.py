"""What the optimizations rely on: `apply` returns a state that shares records with the one it was
given, so it must never change the given one; views copy what they show, so changing a view never
changes the game."""

import json

import pytest

from game.ai.driver import play_round
from game.ai.registry import assign
from game.engine import apply, is_over, new_game, org_view, resolve_round, view
from game.engine.serialize import state_to_data
from game.model.actions import Action, Amend, Pledge, Ratify, Sign, Statement, Vote
from game.model.state import GameState
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario


def _snapshot(state: GameState) -> str:
    return json.dumps(state_to_data(state), sort_keys=True)


@pytest.mark.parametrize("name", ["tutorial", "mekong", "europe"])
def test_apply_never_changes_the_state_it_was_given(name: str) -> None:
    scenario = load_scenario(resolve_scenario(name))
    seats = assign([s.id for s in scenario.states], "mixed", 4, [o.id for o in scenario.organizations])
    history: list[tuple[GameState, str]] = []
    """Every state of the round so far, with its snapshot when it was made."""

    def submit(action: Action, by: str, reason: str) -> GameState:
        current, before = history[-1]
        after = apply(current, action, by=by)
        assert _snapshot(current) == before, f"apply changed the state it was given: {action!r}"
        history.append((after, _snapshot(after)))
        return after

    state = new_game(scenario, 4)
    checked = 0
    while not is_over(state) and state.round <= 4:
        history[:] = [(state, _snapshot(state))]
        played, _ = play_round(state, seats, submit)
        for earlier, text in history:  # nor did any later order change an earlier state
            assert _snapshot(earlier) == text
        checked += len(history) - 1
        state, _ = resolve_round(played)
    assert checked > 20


def test_summit_orders_pledges_and_statements_never_change_the_state_they_were_given() -> None:
    """These orders copy only the summit they change (and a ratifying state's record), or nothing
    (statements and pledges replace their list): every one an AI table gives in a whole `mekong`
    game, and a statement, leaves the state it was given, and every earlier state, as they were."""
    scenario = load_scenario(resolve_scenario("mekong"))
    seats = assign([s.id for s in scenario.states], "mixed", 0, [o.id for o in scenario.organizations])
    kinds = (Amend, Vote, Sign, Ratify, Pledge, Statement)
    earlier: list[tuple[GameState, str]] = []
    seen: set[str] = set()

    def submit(action: Action, by: str, reason: str) -> GameState:
        current = history[0]
        if isinstance(action, kinds):
            earlier.append((current, _snapshot(current)))
            seen.add(action.type)
        history[0] = apply(current, action, by=by)
        return history[0]

    state = new_game(scenario, 0)
    while not is_over(state):
        history = [apply(state, Statement(state="thailand", text=f"Round {state.round}."), by="thailand")]
        earlier.append((state, _snapshot(state)))
        played, _ = play_round(history[0], seats, submit)
        state, _ = resolve_round(played)
    for before, text in earlier:
        assert _snapshot(before) == text, f"an order changed the state of round {before.round} it was given"
    assert seen >= {"amend", "vote", "sign", "ratify", "pledge"}


def test_a_view_is_a_copy() -> None:
    state = new_game(load_scenario(resolve_scenario("mekong")), 1)
    before = _snapshot(state)
    seen = view(state, "thailand")
    seen.me.laws.append("invented")
    seen.me.capacities["border"] = 99.0
    seen.regions[0].demand["labour"] = 1.0
    seen.others[0].laws.clear()
    assert _snapshot(state) == before


def test_an_organizations_view_is_a_copy_and_shares_the_players_map() -> None:
    """`org_view` is validated from the records' own fields, as `view` is: changing it never changes
    the game, and its map is the one every seat's view shares."""
    state = new_game(load_scenario(resolve_scenario("mekong")), 1)
    before = _snapshot(state)
    org = state.world.org_ids[0]
    seen = org_view(state, org)
    assert all(mine is theirs for mine, theirs in zip(seen.regions, view(state, "thailand").regions, strict=True))
    seen.me.trained.append("invented")
    seen.me.mandate.append("invented")
    seen.me.trust["thailand"] = -1.0
    seen.states[0].laws.clear()
    seen.campaigns["invented"] = 1
    assert _snapshot(state) == before
    assert org_view(state, org).model_dump() != seen.model_dump()


def test_the_map_a_view_shares_follows_the_state() -> None:
    """Views of one state of play share the map they show, and a changed map is seen at once."""
    state = new_game(load_scenario(resolve_scenario("mekong")), 1)
    first, second = view(state, "thailand"), view(state, "china")
    assert first.regions == second.regions
    region = next(iter(state.regions.values()))
    region.vulnerability = 0.99
    region.demand["labour"] = 0.42
    changed = {r.id: r for r in view(state, "thailand").regions}[region.id]
    assert changed.vulnerability == 0.99 and changed.demand["labour"] == 0.42


def test_resolving_a_round_never_changes_the_state_it_was_given() -> None:
    """A round works on its own copy, which shares what it never changes in place (route paths):
    every earlier state of a game whose networks reroute stays as it was."""
    scenario = load_scenario(resolve_scenario("mekong"))
    seats = assign([s.id for s in scenario.states], "mixed", 2, [o.id for o in scenario.organizations])
    state = new_game(scenario, 2)
    earlier: list[tuple[GameState, str]] = []
    moved = 0
    while not is_over(state):
        state, _ = play_round(state, seats)
        earlier.append((state, _snapshot(state)))
        state, report = resolve_round(state)
        moved += len(report.displacement)
        for before, text in earlier:
            assert _snapshot(before) == text, f"round {before.round}'s state changed after it was resolved"
    assert moved > 0, "no network rerouted: the check would not cover paths"


def test_a_summit_view_shows_every_field_of_the_record_and_is_a_copy() -> None:
    """Summit views are built from the records' own fields, not deep copies of them (`summit_data`):
    the view shows each field as the record holds it, and changing a view never changes the game."""
    scenario = load_scenario(resolve_scenario("mekong"))
    seats = assign([s.id for s in scenario.states], "mixed", 0, [o.id for o in scenario.organizations])
    state = new_game(scenario, 0)
    while not any(summit.amendments or summit.signed for summit in state.summits.values()):
        assert not is_over(state), "no summit was amended or signed: the check would cover nothing"
        state, _ = resolve_round(play_round(state, seats)[0])
    before = _snapshot(state)
    seen = view(state, "thailand").summits
    records = list(state.summits.values())
    assert [s.id for s in seen] == [r.id for r in records]
    for summit, record in zip(seen, records, strict=True):
        shown = summit.model_dump()
        for name in ("participants", "text_votes", "signed", "reservations", "ratified", "invitation", "status"):
            assert shown[name] == getattr(record, name), name
        assert [a["votes"] for a in shown["amendments"]] == [a.votes for a in record.amendments]
        summit.participants.append("invented")
        summit.signed["invented"] = 1
        summit.reservations.setdefault("thailand", []).append("invented")
        for amendment in summit.amendments:
            amendment.votes["invented"] = "yes"
    assert _snapshot(state) == before


def test_the_rules_and_organizations_views_show_are_built_once_per_world() -> None:
    """What only the scenario decides (the rules as a seat reads them, the organizations at the table)
    is built once per world and shared by every view of every round: the same as built afresh, and
    each state reads its own names of laws."""
    scenario = load_scenario(resolve_scenario("mekong"))
    state = new_game(scenario, 1)
    first = view(state, "thailand")
    later, _ = resolve_round(state)
    again = view(later, "thailand")
    assert again.rules is first.rules and again.organizations[0] is first.organizations[0]
    fresh = load_scenario(resolve_scenario("mekong"))
    assert view(new_game(fresh, 1), "thailand").model_dump() == first.model_dump()
    for who in state.world.state_ids:
        expected = {law_id: spec.name_for(who) for law_id, spec in state.world.laws.items()}
        assert {law_id: spec.name for law_id, spec in view(state, who).rules.laws.items()} == expected


def test_a_copy_changing_nothing_shares_every_field_of_the_state() -> None:
    """`copy_changing()` (written from the dataclass's fields) is a new state whose every field is the
    given state's own object, fields added later included."""
    from dataclasses import fields

    state = new_game(load_scenario(resolve_scenario("mekong")), 1)
    copy = state.copy_changing()
    assert copy is not state and type(copy) is type(state)
    assert all(getattr(copy, f.name) is getattr(state, f.name) for f in fields(state))
