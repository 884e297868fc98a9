"""The sovereigntist: guards its approval and its borders, refuses intrusive terms (extradition,
joint teams, conventions, conditional money) and mostly acts alone."""

from game.ai.base import Strategy, Traits


class Sovereigntist(Strategy):
    name = "sovereigntist"
    summary = "guards approval and borders, refuses intrusive terms, acts alone"
    traits = Traits(cooperation=0.1, reciprocity=0.5, sovereignty=0.9, generosity=0.0, keeps_promises=True,
                    approval_floor=45.0)
    capacity_weights = {"border": 4, "enforcement": 2, "cyber": 1, "intelligence": 1, "protection": 0.5,
                        "prevention": 0.5}
    law_order = ("criminalization", "border_security", "online_platform_duties")
    deal_kinds = ("information_sharing",)
