"""Helpers for rule cases: change the corridor, play a game with orders, read the figures.

A rule case reads as DATC does: set up (`setup(...)`), order (`{round: [actions]}`), resolve (`play`),
assert (on `Game.figures`, `Game.network`, `Game.after`).
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from game.ai.driver import play_round
from game.ai.registry import assign
from game.engine import apply as engine_apply
from game.engine import new_game, resolve_round
from game.engine.diplomacy.ids import nth_proposal, numbered_as
from game.engine.round import is_over
from game.model.actions import Action, AdoptLaw, Allocate, RepealLaw
from game.model.report import NetworkFigures, RoundReport, StateFigures
from game.model.scenario import Scenario
from game.model.state import GameState, ProposalRecord
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario
from tests.engine.maps import PEOPLE, corridor

Orders = Mapping[int, Sequence[Action]]
"""Round number -> the actions submitted in that round, in order."""


def setup(
    *,
    states: Mapping[str, Mapping[str, Any]] | None = None,
    regions: Mapping[str, Mapping[str, Any]] | None = None,
    network: Mapping[str, Any] | None = None,
    parameters: Mapping[str, Any] | None = None,
    **top: Any,
) -> Scenario:
    """The corridor with changes: `states={"tran": {"capacities": {"border": 8}}}` merges into state
    `tran`; `network` merges into the one network `ring`; other keyword arguments replace top-level keys."""
    data = corridor(**top).model_dump(by_alias=True)
    for state_id, changes in (states or {}).items():
        _merge(_by_id(data["states"], state_id), changes)
    for region_id, changes in (regions or {}).items():
        _merge(_by_id(data["regions"], region_id), changes)
    if network:
        _merge(_by_id(data["networks"], "ring"), network)
    if parameters:
        data["parameters"].update(parameters)
    return Scenario.model_validate(data)


def setup_people(**changes: Any) -> Scenario:
    """`setup` with mixed migration and victims' decisions on (`maps.PEOPLE`), as the game plays them."""
    parameters = {**PEOPLE, **changes.pop("parameters", {})}
    return setup(parameters=parameters, **changes)


def _by_id(items: list[dict[str, Any]], ident: str) -> dict[str, Any]:
    for item in items:
        if item["id"] == ident:
            return item
    raise KeyError(ident)


def _merge(target: dict[str, Any], changes: Mapping[str, Any]) -> None:
    for key, value in changes.items():
        if isinstance(value, Mapping) and isinstance(target.get(key), dict):
            _merge(target[key], value)
        else:
            target[key] = value


@dataclass
class Game:
    states: list[GameState]
    """`states[0]` is the opening position; `states[n]` the state after round n resolved."""
    reports: list[RoundReport]
    """`reports[n - 1]` is the report of round n."""

    def report(self, round_no: int) -> RoundReport:
        return self.reports[round_no - 1]

    def figures(self, round_no: int, state_id: str) -> StateFigures:
        return self.reports[round_no - 1].states[state_id]

    def network(self, round_no: int, network_id: str = "ring") -> NetworkFigures:
        return self.reports[round_no - 1].networks[network_id]

    def after(self, round_no: int) -> GameState:
        return self.states[round_no]

    def total(self, field: str, state_id: str, rounds: range | None = None) -> int:
        """A state's figure summed over rounds (all rounds played by default)."""
        span = rounds if rounds is not None else range(1, len(self.reports) + 1)
        return sum(getattr(self.figures(r, state_id), field) for r in span)

    def recruited(self, round_no: int, network_id: str = "ring") -> int:
        return self.network(round_no, network_id).recruited

    def flow_through(self, round_no: int, region_id: str, network_id: str = "ring") -> int:
        """People recruited this round onto routes that pass through `region_id`."""
        return sum(r.flow for r in self.network(round_no, network_id).routes if region_id in r.path)


def apply(state: GameState, action: Action, by: str | None = None) -> GameState:
    """The engine's `apply`, with `p1`, `p2`, ... read as the first, second, ... proposal made: the
    engine draws ids that tell a team nothing (`game.engine.diplomacy.ids`), a rule case counts."""
    return engine_apply(state, numbered_as(state, action), by=by)


def proposal(state: GameState, number: int) -> ProposalRecord:
    """The `number`-th proposal made in the game (from 1)."""
    found = nth_proposal(state, number)
    assert found is not None, f"only {len(state.proposals)} proposals were made, not {number}"
    return state.proposals[found]


def play(scenario: Scenario, orders: Orders | None = None, rounds: int | None = None,
         seed: int | None = None) -> Game:
    """Play `rounds` rounds (all by default), applying each round's orders before it resolves."""
    state = new_game(scenario, seed)
    game = Game([state], [])
    last = scenario.rounds if rounds is None else rounds
    while not is_over(state) and state.round <= last:
        for action in (orders or {}).get(state.round, []):
            state = apply(state, action)
        state, report = resolve_round(state)
        game.states.append(state)
        game.reports.append(report)
    return game


def allocate(state: str, **points: float) -> Allocate:
    return Allocate.model_validate({"state": state, "budget": points})


def adopt(state: str, law: str) -> AdoptLaw:
    return AdoptLaw(state=state, law=law)


def repeal(state: str, law: str) -> RepealLaw:
    return RepealLaw(state=state, law=law)


def holding(scenario: Scenario, state_id: str, **extra: float) -> Allocate:
    """An allocation that holds every capacity of a state at its starting level, plus `extra` points."""
    spec = next(s for s in scenario.states if s.id == state_id)
    upkeep = scenario.parameters.capacity_upkeep
    points = {c: upkeep * level + 1e-9 for c, level in spec.capacities.model_dump().items() if level > 0}
    for capacity, more in extra.items():
        points[capacity] = points.get(capacity, 0.0) + more
    return allocate(state_id, **points)


def press(scenario: Scenario, *state_ids: str, border: float = 12) -> list[Action]:
    """Orders for a crackdown at the border: hold every capacity, put `border` points more into
    the border, and adopt the border security act."""
    actions: list[Action] = []
    for state_id in state_ids:
        actions += [holding(scenario, state_id, border=border), adopt(state_id, "border_security")]
    return actions


def ai_game_state(name: str, seed: int, rounds: int) -> GameState:
    """The state `rounds` rounds into a mixed AI game of the shipped scenario `name` (seats drawn and
    game seeded with `seed`): agreements signed and information shared, as a rule case on the
    shipped maps needs."""
    scenario = load_scenario(resolve_scenario(name))
    seats = assign([s.id for s in scenario.states], "mixed", seed, [o.id for o in scenario.organizations])
    state = new_game(scenario, seed)
    for _ in range(rounds):
        state, _ = resolve_round(play_round(state, seats)[0])
    return state
