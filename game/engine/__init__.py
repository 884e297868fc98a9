"""The rules, as pure functions shaped like OpenSpiel's game API.

No files, no clock, no UI, no global random state: the same scenario, seed and orders give the
same states, byte for byte.
"""

from game.engine.errors import ActionRejected
from game.engine.orders import apply, legal_actions
from game.engine.round import is_over, resolve_round
from game.engine.scoring import run_baseline, scores
from game.engine.serialize import state_hash
from game.engine.setup import new_game
from game.engine.views import org_view, seat_view, truth, view

__all__ = [
    "ActionRejected",
    "apply",
    "is_over",
    "legal_actions",
    "new_game",
    "org_view",
    "resolve_round",
    "run_baseline",
    "scores",
    "seat_view",
    "state_hash",
    "truth",
    "view",
]
