"""The levers a personality's fixed weights do not name, weighed from what a state can see.

Labour inspection finds forced labour where police do not: a personality that invests in
enforcement gives inspection a share of that weight in proportion to the labour demand in its own
territory (a state without labour markets has nothing to inspect). A personality that names the
capacity itself keeps its own weight.
"""

from game.model.view import PlayerView
from game.model.vocabulary import NOT_LABOUR

INSPECTION_SHARE = 0.5
"""Of the enforcement weight, the most that goes to labour inspection (all demand labour)."""


def weighted(weights: dict[str, float], view: PlayerView) -> dict[str, float]:
    """`weights` with labour inspection weighed by the labour share of the demand in its territory."""
    if "labour_inspection" in weights or weights.get("enforcement", 0.0) <= 0.0:
        return weights
    mine = [r for r in view.regions if r.controlled_by == view.me.id]
    labour = total = 0.0
    for region in mine:
        for form, level in region.demand.items():
            total += level
            if form not in NOT_LABOUR:
                labour += level
    if total <= 0.0 or labour <= 0.0:
        return weights
    return {**weights, "labour_inspection": weights["enforcement"] * INSPECTION_SHARE * labour / total}
