"""The AI personalities by name, and the deterministic draw behind `--ai mixed`."""

from game.ai.base import Strategy
from game.ai.cooperative import Cooperative
from game.ai.donor import Donor
from game.ai.free_rider import FreeRider
from game.ai.mandate import Mandate
from game.ai.reciprocator import Reciprocator
from game.ai.sovereigntist import Sovereigntist
from game.engine.rng import stream
from game.errors import AccordError

PERSONALITIES: dict[str, type[Strategy]] = {
    cls.name: cls for cls in (Cooperative, Reciprocator, FreeRider, Sovereigntist, Donor)
}
MIXED = "mixed"


def strategy(name: str) -> Strategy:
    cls = PERSONALITIES.get(name)
    if cls is None:
        raise AccordError(f"unknown AI personality '{name}' (choose from {', '.join(PERSONALITIES)} or {MIXED})")
    return cls()


def assign(state_ids: list[str], choice: str, seed: int, organizations: list[str] | None = None) -> dict[str, str]:
    """A personality per state: the one named, or for `mixed` a draw fixed by the seed; every
    organization plays its mandate."""
    seats = {org_id: Mandate.name for org_id in organizations or []}
    return {**_states(state_ids, choice, seed), **seats}


def _states(state_ids: list[str], choice: str, seed: int) -> dict[str, str]:
    if choice != MIXED:
        strategy(choice)
        return {state_id: choice for state_id in state_ids}
    rng = stream(seed, 0, "ai:mixed")
    names = sorted(PERSONALITIES)
    return {state_id: rng.choice(names) for state_id in sorted(state_ids)}
