"""An orders file for `accord simulate --orders`: a map from round number to a list of actions.

    1:
      - {type: allocate, state: tran, budget: {border: 12, enforcement: 4}}
      - {type: adopt_law, state: tran, law: border_security}
    3:
      - {type: repeal_law, state: tran, law: border_security}

Read here with positions, so that a typo and, later, an order the engine refuses can both be shown
as `PATH:LINE:COLUMN`. Which orders are legal is the engine's business, not this module's.
"""

from dataclasses import dataclass
from pathlib import Path

from pydantic import RootModel, ValidationError

from game.model.actions import Action
from game.scenario.checks import non_finite_numbers
from game.scenario.problems import Problem, ProblemsError, field_path
from game.scenario.validation import validation_problems
from game.scenario.yaml_source import SourceError, read_yaml


class OrdersError(ProblemsError):
    """An orders file that cannot be used; one problem a line."""


class _OrdersDocument(RootModel[dict[int, list[Action]]]):
    pass


@dataclass(frozen=True)
class PlacedAction:
    """An action and where it was written, to point at it if the engine refuses it."""

    action: Action
    name: str
    line: int
    column: int
    field: str

    def problem(self, message: str) -> Problem:
        return Problem(self.name, self.line, self.column, "error", self.field, message)

    def rejection(self, reason: str) -> "OrdersError":
        """The error to raise when the engine refuses this order, pointing at where it was written."""
        return OrdersError([self.problem(reason)])


def load_orders(path: str | Path, *, rounds: int, states: list[str]) -> dict[int, list[PlacedAction]]:
    name = str(path)
    try:
        data, positions = read_yaml(Path(path), name=name)
    except SourceError as error:
        raise OrdersError(error.problems) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        shape = "an orders file is a map from round number to a list of actions"
        raise OrdersError([Problem(name, 1, 1, "error", "", shape)])
    infinite = [Problem(name, *positions.locate(path), "error", field_path(path), "should be a finite number")
                for path in non_finite_numbers(data)]
    if infinite:  # YAML reads 1e999 and .inf as infinity; no order may carry it
        raise OrdersError(infinite)
    try:
        document = _OrdersDocument.model_validate(data)
    except ValidationError as error:
        raise OrdersError(
            validation_problems(error, name=name, data=data, positions=positions, model=_OrdersDocument)
        ) from None
    problems: list[Problem] = []
    placed: dict[int, list[PlacedAction]] = {}
    keys = {_as_round(key): key for key in data}
    for number, actions in sorted(document.root.items()):
        key = keys.get(number, number)
        if not 1 <= number <= rounds:
            line, column = positions.locate((key,), key=True)
            problems.append(Problem(name, line, column, "error", field_path((key,)),
                                    f"round {number} is outside this game's rounds 1-{rounds}"))
            continue
        for index, action in enumerate(actions):
            line, column = positions.locate((key, index))
            here = field_path((key, index))
            if action.actor not in states:
                key = "org" if getattr(action, "org", None) else "state"
                what = "organization" if key == "org" else "state"
                problems.append(Problem(name, line, column, "error", f"{here}.{key}",
                                        f"unknown {what} '{action.actor}'; this scenario has {', '.join(states)}"))
                continue
            placed.setdefault(number, []).append(PlacedAction(action, name, line, column, here))
    if problems:
        raise OrdersError(problems)
    return placed


def _as_round(key: object) -> int | None:
    try:
        return int(str(key))
    except ValueError:
        return None
