"""What a round computes once and hands to later phases (`round.resolve_round`: the sharing
weights, the detector, each path's cost per person, who identified whose victims) must be what
those phases would compute for themselves at their turn: a rule that changed a capacity, a law,
corruption or an agreement in between would make the kept figures stale, and this fails."""

import pytest

import game.engine.round as round_module
from benchmarks.hashes import every_kind
from game.ai.registry import assign
from game.engine import apply, is_over, new_game, resolve_round
from game.engine.detection import Detector, move
from game.engine.diplomacy import sharing
from game.engine.exploitation import self_identified_share
from game.engine.justice import identified_by_state
from game.engine.network_money import cost_per_person
from game.engine.rng import stream
from game.model.report import StateFigures
from game.model.state import GameState
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario
from game.session.simulation import play_out
from tests.engine.play import ai_game_state


def _same_detector(kept: Detector, state: GameState) -> None:
    fresh = Detector(state)
    assert kept.screening == fresh.screening, "the round's detector is stale at this phase"


def _checked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Wrap the phases that receive kept figures so that each compares them with fresh ones."""
    seen: list[str] = []
    relocate, adapt, exploit = round_module.relocate, round_module.adapt, round_module.exploit
    estimate_all, settle = round_module.intelligence.estimate_all, round_module.network_money.settle

    def checked_relocate(state, demand, detector):  # type: ignore[no-untyped-def]
        _same_detector(detector, state)
        seen.append("relocate")
        return relocate(state, demand, detector)

    def checked_adapt(state, ledger, rng, detector):  # type: ignore[no-untyped-def]
        _same_detector(detector, state)
        seen.append("adapt")
        return adapt(state, ledger, rng, detector)

    def checked_exploit(state, ledger, rng, weights, identification, detector):  # type: ignore[no-untyped-def]
        assert weights == sharing.weights(state)
        _same_detector(detector, state)
        seen.append("exploit")
        return exploit(state, ledger, rng, weights, identification, detector)

    def checked_estimates(state, number=0, weights=None):  # type: ignore[no-untyped-def]
        if weights is not None:  # the round's (a new game's estimates compute their own)
            assert weights == sharing.weights(state)
            seen.append("estimates")
        return estimate_all(state, number, weights)

    def checked_settle(state, ledger, kept):  # type: ignore[no-untyped-def]
        for network in state.networks.values():
            for route in network.routes:
                if tuple(route.path) in kept:
                    assert kept[tuple(route.path)] == cost_per_person(state, route)
        seen.append("settle")
        return settle(state, ledger, kept)

    decide, prosecute, assist = round_module.victims_decide.decide, round_module.prosecute, round_module.assist

    def checked_decide(state, ledger, rng, split, identified):  # type: ignore[no-untyped-def]
        assert identified == identified_by_state(ledger), "who identified whom is stale at the decisions"
        assert split == self_identified_share(state), "the states' identification kept from exploitation is stale"
        seen.append("decide")
        return decide(state, ledger, rng, split, identified)

    def checked_prosecute(state, ledger, rng, identified):  # type: ignore[no-untyped-def]
        assert identified == identified_by_state(ledger), "who identified whom is stale at justice"
        seen.append("prosecute")
        return prosecute(state, ledger, rng, identified)

    def checked_assist(state, ledger, rng, identified):  # type: ignore[no-untyped-def]
        assert identified == identified_by_state(ledger), "who identified whom is stale at assistance"
        seen.append("assist")
        return assist(state, ledger, rng, identified)

    monkeypatch.setattr(round_module.victims_decide, "decide", checked_decide)
    monkeypatch.setattr(round_module, "prosecute", checked_prosecute)
    monkeypatch.setattr(round_module, "assist", checked_assist)
    monkeypatch.setattr(round_module, "relocate", checked_relocate)
    monkeypatch.setattr(round_module, "adapt", checked_adapt)
    monkeypatch.setattr(round_module, "exploit", checked_exploit)
    monkeypatch.setattr(round_module.intelligence, "estimate_all", checked_estimates)
    monkeypatch.setattr(round_module.network_money, "settle", checked_settle)
    return seen


@pytest.mark.parametrize("name", ["mekong", "europe"])
def test_figures_a_round_keeps_are_those_each_phase_would_compute(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _checked(monkeypatch)
    scenario = load_scenario(resolve_scenario(name))
    seats = assign([s.id for s in scenario.states], "mixed", 2, [o.id for o in scenario.organizations])
    play_out(scenario, 2, ai=seats)
    assert {"relocate", "adapt", "exploit", "estimates", "settle", "decide", "prosecute", "assist"} <= set(seen)


def test_figures_a_round_keeps_hold_with_every_kind_of_agreement(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _checked(monkeypatch)
    state = new_game(load_scenario(resolve_scenario("mekong")), 0)
    for action, _ in every_kind(state):
        state = apply(state, action)
    while not is_over(state):
        state, _ = resolve_round(state)
    assert seen.count("settle") == state.world.scenario.rounds


def test_the_corridors_kept_per_world_are_the_scenarios_in_every_round() -> None:
    """`Corridors` shares the scenario's corridors (migrants at the start, paths) between the rounds of
    a world, built once: they are the scenario's figures in a late round as in the first, and a
    corridor with no `migrants` of its own takes its flow x the corridor's ratio."""
    scenario = load_scenario(resolve_scenario("mekong"))
    state = new_game(scenario, 3)
    first = round_module.migration.Corridors(state)
    while not is_over(state):
        state, _ = resolve_round(state)
    late = round_module.migration.Corridors(state)
    assert late.base is first.base and late.paths is first.paths
    expected: dict[tuple[str, str], float] = {}
    for network in scenario.networks:
        for route in network.routes:
            key = (route.path[0], route.path[-1])
            people = route.migrants if route.migrants is not None else state.world.migrant_ratio(*key) * route.flow
            expected[key] = expected.get(key, 0.0) + people
    assert late.base == expected
    assert sorted(late.paths) == sorted(expected)
    assert {key: [list(r.path) for n in scenario.networks for r in n.routes if (r.path[0], r.path[-1]) == key]
            for key in expected} == {key: [path for path, _ in ways] for key, ways in late.paths.items()}


def test_the_chances_movement_keeps_per_route_states_are_those_a_fresh_detector_gives() -> None:
    """`move` keeps each step's chance by (step, the states the route crosses) for the phase
    (`Detector.routed_chances`, a table per form and states crossed): each kept chance is what a
    fresh detector computes for it."""
    state = ai_game_state("mekong", 1, 4)
    detector = Detector(state)
    figures = {state_id: StateFigures() for state_id in state.world.state_ids}
    rng = stream(1, state.round, "test")
    for network in state.networks.values():
        for route in network.routes:
            move(detector, network, route, 50, rng, figures, {})
    kept = [(form, key, crossed, chance) for (form, crossed), table in detector._routed.items()
            for key, chance in table.items()]
    assert kept, "no route met a state sharing information: the check would cover nothing"
    for form, key, crossed, chance in kept:
        assert chance == Detector(state).chance_at(key, crossed, form)
