"""A state to JSON and back, and its hash: the fixed part (`world`) is left out and named by the
scenario's hash instead, so that a save holds each round's state without repeating the scenario."""

import hashlib
from dataclasses import fields
from typing import Any

from pydantic import TypeAdapter

from game import jsontext
from game.model.report import RoundReport
from game.model.state import GameState
from game.model.world import World

_DYNAMIC = {f.name for f in fields(GameState)} - {"world"}
_SOMETIMES = ("injected", "statements", "pledges", "summits")
"""Fields left out of the state's data while empty, so that every state of a game without them has
the hash it always had: events injected by the facilitator (pending only within a round), public
statements and pledges, summits."""
_LEAN = _DYNAMIC - set(_SOMETIMES)


def _fields(state: GameState) -> set[str]:
    present = [name for name in _SOMETIMES if getattr(state, name)]
    return _LEAN | set(present) if present else _LEAN


class _StateData:
    adapter: TypeAdapter[GameState] | None = None


def _adapter() -> TypeAdapter[GameState]:
    if _StateData.adapter is None:
        GameState.__pydantic_config__ = {  # type: ignore[attr-defined]
            "arbitrary_types_allowed": True,
            "ser_json_inf_nan": "constants",  # so that `jsontext.checked` sees a NaN (not a silent null)
        }
        _StateData.adapter = TypeAdapter(GameState)
    return _StateData.adapter


REPORT_ADAPTER: TypeAdapter[RoundReport] = TypeAdapter(RoundReport)


def state_to_json(state: GameState) -> bytes:
    """The state as the save's snapshots and the state hash have it; `NotFinite` if a figure is not."""
    return jsontext.checked(_adapter().dump_json(state, include=_fields(state)), f"the state of round {state.round}")


def state_to_data(state: GameState) -> dict[str, Any]:
    data: dict[str, Any] = _adapter().dump_python(state, mode="json", include=_fields(state))
    return data


def state_from_data(data: dict[str, Any], world: World) -> GameState:
    return _adapter().validate_python({**data, "world": world})


def state_hash(state: GameState) -> str:
    digest = hashlib.sha256(state.world.scenario_hash.encode())
    digest.update(state_to_json(state))
    return digest.hexdigest()


def report_to_data(report: RoundReport) -> dict[str, Any]:
    """The report as saves seal it. A state's `funding` (who paid into its capacities) is left out
    when nobody did: a round without funding reads as it did before the field existed, so a save
    written then still verifies, and a large table's report does not carry an empty map a state."""
    data: dict[str, Any] = REPORT_ADAPTER.dump_python(report, mode="json")
    for figures in data["states"].values():
        if not figures["funding"]:
            del figures["funding"]
    return data
