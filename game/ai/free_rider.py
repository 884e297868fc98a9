"""The free rider: joins what is cheap, pays the round it signs, then spends everything on itself
and lets its partners carry the deal until it lapses."""

from game.ai.base import Strategy, Traits


class FreeRider(Strategy):
    name = "free_rider"
    summary = "joins what is cheap, then stops paying and keeps the benefits"
    traits = Traits(cooperation=0.3, reciprocity=0.0, sovereignty=0.4, generosity=0.0, keeps_promises=False,
                    approval_floor=30.0)
    capacity_weights = {"enforcement": 3, "protection": 2, "border": 2, "intelligence": 1, "prevention": 1, "cyber": 1}
    law_order = ("criminalization", "victim_protection", "border_security", "national_rapporteur")
    deal_kinds = ("information_sharing",)
