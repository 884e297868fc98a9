"""model card 5.1, events and shocks: scripted events (by round or by condition) and seeded random ones
change vulnerability, demand, budgets, approval; new networks may appear (see
test_rules_adaptation.py for emergence). Every change is clamped to the field's range."""

from typing import Any

import pytest

from tests.engine.play import Game, play, press, setup


def event(ident: str, effects: list[dict[str, Any]], **trigger: Any) -> dict[str, Any]:
    return {"id": ident, "title": ident.title(), "effects": effects, **trigger}


def fired(game: Game, ident: str) -> list[int]:
    """The rounds whose report lists the event."""
    return [report.round for report in game.reports if ident in [e.id for e in report.events]]


def test_scripted_event_fires_in_its_round_and_only_then() -> None:
    """model card 5.1: scripted events by round."""
    flood = event("flood", [{"target": "region:o", "field": "vulnerability", "add": 0.2}], round=3)
    game = play(setup(events=[flood]), rounds=5)
    assert fired(game, "flood") == [3]
    vulnerability = [game.after(r).regions["o"].vulnerability for r in range(6)]
    assert vulnerability[:3] == [0.6] * 3 and vulnerability[3:] == [pytest.approx(0.8)] * 3, vulnerability


def test_conditional_event_fires_once_in_the_first_round_its_condition_holds() -> None:
    """model card 5.1: scripted events by condition: checked at the start of each round, fired in the
    first round it holds, and once only even if it keeps holding."""
    crisis = event("crisis", [{"target": "state:orig", "field": "budget", "add": -5}],
                   when={"target": "region:o", "field": "vulnerability", "above": 0.8})
    war = event("war", [{"target": "region:o", "field": "vulnerability", "set": 0.9}], round=3)
    game = play(setup(events=[crisis, war]), rounds=6)
    assert fired(game, "war") == [3]
    assert fired(game, "crisis") == [4], "listed before `war`, the condition is first seen holding in round 4"
    assert game.after(6).states["orig"].budget == 15, "fired once: 20 - 5"


def test_condition_can_watch_a_figure_the_engine_computes() -> None:
    """model card 5.1 and the model's fields: conditions may watch true victims and last round's
    identified cases, figures no event sets."""
    many = event("many", [], when={"target": "region:d", "field": "victims", "above": 100})
    found = event("found", [], when={"target": "state:dest", "field": "identified", "above": 10})
    never = event("never", [], when={"target": "region:t2", "field": "victims", "above": 0})
    game = play(setup(events=[many, found, never]), rounds=3)
    assert fired(game, "many") == [1], "the opening stock in d is in the thousands"
    assert fired(game, "found") == [2], "identified cases are known once round 1 is resolved"
    assert fired(game, "never") == [], "nobody is exploited in t2"


@pytest.mark.parametrize(
    ("target", "field", "change", "expected"),
    [
        ("region:o", "vulnerability", {"add": 5}, 1.0),
        ("region:d", "demand.labour", {"add": -3}, 0.0),
        ("state:orig", "budget", {"add": -500}, 0.0),
        ("state:orig", "approval", {"add": 200}, 100.0),
        ("state:orig", "corruption", {"set": 1.5}, 1.0),
        ("state:orig", "capacities.border", {"set": 50}, 10.0),
        ("network:ring", "periphery", {"add": -1000}, 0.0),
        ("network:ring", "tech", {"add": 3}, 1.0),
    ],
)
def test_event_effects_are_clamped_to_the_fields_range(target: str, field: str, change: dict[str, float],
                                                       expected: float) -> None:
    """model card 5.1 and the events module: "every change is clamped to the field's range, so no event
    makes a figure impossible"."""
    shock = event("shock", [{"target": target, "field": field, **change}], round=1)
    game = play(setup(events=[shock]), rounds=1)
    [record] = [e for e in game.report(1).events if e.id == "shock"]
    assert record.effects[0].endswith(f"-> {expected:g}"), f"{field} {change} should end at {expected}: {record}"


def test_an_event_on_a_network_that_is_gone_changes_nothing() -> None:
    """model card 5.7 and 5.1: a target may be gone (a collapsed network): the event says so and the
    game goes on."""
    leaders = event("leaders", [{"target": "network:ring", "field": "core", "set": 0}], round=1)
    late = event("late", [{"target": "network:ghost", "field": "capital", "add": 100}], round=2)
    game = play(setup(events=[leaders, late]), rounds=3)
    [record] = [e for e in game.report(2).events if e.id == "late"]
    assert "no longer exists" in record.effects[0], record


def test_random_shocks_are_seeded() -> None:
    """model card 5.1: seeded random shocks raise vulnerability somewhere; the same seed gives the same
    shocks, another seed others, and a zero chance none."""

    def shocks(seed: int, chance: float) -> list[list[str]]:
        game = play(setup(parameters={"shock_chance": chance}), seed=seed)
        return [[effect for e in report.events if e.kind == "shock" for effect in e.effects]
                for report in game.reports]

    first = shocks(1, 1.0)
    assert all(len(round_shocks) == 1 for round_shocks in first), "a sure chance gives one shock a round"
    assert all("vulnerability" in s[0] for s in first)
    assert shocks(1, 1.0) == first, "same seed, same shocks"
    assert shocks(2, 1.0) != first, "another seed, other shocks"
    assert all(s == [] for s in shocks(1, 0.0))


def test_a_shock_raises_vulnerability_in_its_region() -> None:
    """model card 5.1: a shock (a flood, a harvest failure) raises vulnerability."""
    game = play(setup(parameters={"shock_chance": 1.0}), rounds=1)
    [shock] = [e for e in game.report(1).events if e.kind == "shock"]
    region = shock.effects[0].split()[0].removeprefix("region:")
    assert game.after(1).regions[region].vulnerability > game.after(0).regions[region].vulnerability


def test_an_event_may_empty_a_region_and_the_game_goes_on() -> None:
    """model card 5.1 and 5.7: an event can take a region's population to 0 (clamped there); nobody is
    recruited from it any more, and neither a new network nor a new route there breaks a round."""
    exodus = event("exodus", [{"target": "region:o", "field": "population", "add": -100}], round=1)
    scenario = setup(events=[exodus], parameters={"emergence_chance": 1.0},
                     states={"orig": {"capacities": {"enforcement": 1}}})
    game = play(scenario, {1: press(scenario, "tran")})
    assert game.after(1).regions["o"].population == 0
    assert all(game.flow_through(r, "o") <= 5 for r in range(2, 9)), [game.flow_through(r, "o") for r in range(9)]
