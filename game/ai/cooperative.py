"""The cooperative state: invests across the 4 Ps, adopts the Palermo-era laws, offers and accepts
deals whose value covers their cost, and always pays."""

from game.ai.base import Strategy, Traits

REPRIORITISE = 0.25
"""Share of its capacities' upkeep a cooperative state moves into the deals it values: a quarter,
as a ministry reassigns a unit to a joint team rather than hiring for it."""


class Cooperative(Strategy):
    name = "cooperative"
    summary = "builds all four Ps, joins deals worth their cost, keeps every promise"
    traits = Traits(cooperation=0.9, reciprocity=0.0, sovereignty=0.1, generosity=0.3, keeps_promises=True,
                    approval_floor=30.0, reprioritise=REPRIORITISE)
    capacity_weights = {"enforcement": 3, "protection": 3, "prevention": 2, "intelligence": 2, "border": 1, "cyber": 1}
    law_order = ("criminalization", "victim_protection", "referral_mechanism", "national_rapporteur",
                 "anti_corruption", "online_platform_duties", "fair_recruitment", "supply_chain_transparency",
                 "forced_labour_import_ban")
    deal_kinds = ("information_sharing", "mutual_legal_assistance", "joint_investigation_team",
                  "repatriation_protocol", "extradition", "labour_migration_mou")
