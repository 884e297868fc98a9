"""`SharedParts` lets the seats of one AI table round share the validated parts of their views
(public faces, agreements, pledges, summits): a view built with it must be the view built without
it, at every moment of a game, and a changed record must never be served from what was kept."""

import pytest

from benchmarks.hashes import every_kind
from game.ai.driver import play_round
from game.ai.registry import assign
from game.engine import apply, is_over, new_game, org_view, resolve_round, view
from game.engine.views import SharedParts
from game.model.actions import Action, Inject, Ready, Withdraw
from game.model.state import GameState
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario


def _both(state: GameState, who: str, shared: SharedParts) -> tuple[str, str]:
    build = org_view if who in state.organizations else view
    return build(state, who, shared).model_dump_json(), build(state, who).model_dump_json()


@pytest.mark.parametrize("name", ["mekong", "europe"])
def test_views_with_shared_parts_are_the_views_without_them_after_every_order(name: str) -> None:
    """After every order an AI table gives in a game, every seat's view built with the round's
    `SharedParts` is the fresh one, though most orders share records with the state before."""
    scenario = load_scenario(resolve_scenario(name))
    seats = assign([s.id for s in scenario.states], "mixed", 1, [o.id for o in scenario.organizations])
    state = new_game(scenario, 1)
    table: dict[str, GameState] = {}
    shared = [SharedParts()]

    def submit(action: Action, by: str, reason: str) -> GameState:
        after = table["now"] = apply(table["now"], action, by=by)
        for who in seats:
            kept, fresh = _both(after, who, shared[0])
            assert kept == fresh, f"round {after.round}, {who} after {action!r}"
        return after

    compared = 0
    while not is_over(state) and state.round <= 6:
        shared[0] = SharedParts()
        table["now"] = state
        played, moves = play_round(state, seats, submit)
        compared += len(moves)
        state, _ = resolve_round(played)
    assert compared > 50


def test_a_record_an_order_changed_is_not_served_from_the_kept_parts() -> None:
    """`ready` is on a state's public face: after the order, a view built with the same
    `SharedParts` shows it, as it shows the next round's figures after a resolution."""
    scenario = load_scenario(resolve_scenario("mekong"))
    state = new_game(scenario, 2)
    shared = SharedParts()
    first, second = sorted(state.states)[:2]
    before = {o.id: o for o in view(state, first, shared).others}
    after = apply(state, Ready(state=second), by=second)
    now = {o.id: o for o in view(after, first, shared).others}
    assert not before[second].ready and now[second].ready
    assert org_view(after, sorted(state.organizations)[0], shared).states[1].ready
    resolved, _ = resolve_round(after)
    later = view(resolved, first, shared)
    assert later.model_dump_json() == view(resolved, first).model_dump_json()


def test_what_a_seat_owes_is_read_afresh_once_an_order_changes_the_agreements() -> None:
    """`committed` and `dues` are kept for both passes of a round while the agreements are the same
    records: a withdrawal copies them, and the view built with the same `SharedParts` after it owes
    nothing more to the agreement left."""
    scenario = load_scenario(resolve_scenario("mekong"))
    state = new_game(scenario, 0)
    for action, _ in every_kind(state):  # signed in round 1: they fall due from round 2
        state = apply(state, action, by=action.actor)
    signed, _ = resolve_round(state)
    shared = SharedParts()
    before = view(signed, "thailand", shared).me
    assert before.committed > 0 and before.dues
    leaving = before.dues[0].agreement
    after = apply(signed, Withdraw(state="thailand", agreement=leaving), by="thailand")
    now = view(after, "thailand", shared)
    assert leaving not in [d.agreement for d in now.me.dues] and now.me.committed < before.committed
    assert now.model_dump_json() == view(after, "thailand").model_dump_json()


def test_an_event_injected_in_its_own_round_is_no_longer_announced_with_the_same_shared_parts() -> None:
    """The round's announced events are looked for once while none fires or is injected: an inject
    copies the list of injected events, and the next view built with the same `SharedParts` reads it."""
    state = new_game(load_scenario(resolve_scenario("mekong")), 0)
    shared = SharedParts()
    assert [e.id for e in view(state, "thailand", shared).announced] == ["covid-borders"]
    after = apply(state, Inject(event="covid-borders"))
    assert view(after, "thailand", shared).announced == []
    assert org_view(after, sorted(after.organizations)[0], shared).announced == []
    assert view(after, "thailand", shared).model_dump_json() == view(after, "thailand").model_dump_json()
