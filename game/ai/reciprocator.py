"""The reciprocator: cooperates with states that keep their word and matches a partner's record,
tit for tat: it refuses and proposes nothing to a partner whose trust has fallen below a half."""

from game.ai.base import Strategy, Traits


class Reciprocator(Strategy):
    name = "reciprocator"
    summary = "cooperates with those who keep their word, and only with them"
    traits = Traits(cooperation=0.7, reciprocity=1.0, sovereignty=0.3, generosity=0.1, keeps_promises=True,
                    approval_floor=35.0)
    capacity_weights = {"enforcement": 3, "intelligence": 2, "protection": 2, "border": 2, "prevention": 1, "cyber": 1}
    law_order = ("criminalization", "victim_protection", "national_rapporteur", "referral_mechanism",
                 "anti_corruption", "border_security")
    deal_kinds = ("information_sharing", "mutual_legal_assistance", "joint_investigation_team")
