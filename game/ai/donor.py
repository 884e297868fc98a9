"""The donor: a state with money to spare that funds weaker states' capacities, on condition that
they adopt the law they lack, and builds protection at home."""

import random

from game.ai import valuation
from game.ai.base import Move, Strategy, Traits
from game.model.actions import Propose
from game.model.terms import FundingCondition, Terms
from game.model.view import PlayerView

GRANT_SHARE = 0.2
"""Share of its spare points a donor offers a round."""
CONDITION_LAWS = ("criminalization", "victim_protection", "referral_mechanism")


class Donor(Strategy):
    name = "donor"
    summary = "funds weaker states with conditions, builds protection at home"
    traits = Traits(cooperation=0.8, reciprocity=0.5, sovereignty=0.2, generosity=1.0, keeps_promises=True,
                    approval_floor=30.0)
    capacity_weights = {"protection": 3, "enforcement": 2, "prevention": 2, "intelligence": 2, "border": 1, "cyber": 1}
    law_order = ("criminalization", "victim_protection", "referral_mechanism", "supply_chain_transparency",
                 "national_rapporteur", "demand_reduction", "forced_labour_import_ban")
    deal_kinds = ("information_sharing", "mutual_legal_assistance", "repatriation_protocol")

    def proposals(self, view: PlayerView, rng: random.Random) -> list[Move]:
        grant = self.grant(view) if view.round < view.rounds else None  # nothing signed in the last round
        if grant is not None:
            return [grant]
        return super().proposals(view, rng)

    def grant(self, view: PlayerView) -> Move | None:
        """Fund the partner on its routes with the weakest laws, once at a time, if it can spare it."""
        if any(p.status == "open" and p.proposer == view.me.id for p in view.proposals):
            return None
        funded = {a.terms.recipient for a in view.agreements
                  if a.status == "in_force" and a.terms.donor == view.me.id}
        amount = round(max(0.0, self.room(view)) * GRANT_SHARE, 1)
        if amount < 1.0:
            return None
        others = {o.id: o for o in view.others}
        for partner in valuation.partners(view):
            if partner in funded or view.me.trust.get(partner, 0.5) < 0.4:
                continue
            lacking = [law for law in CONDITION_LAWS if law not in others[partner].laws]
            conditions = [FundingCondition(law=lacking[0], by_round=view.round + 2)] if lacking else []
            capacity = "protection" if not lacking else "enforcement"
            terms = Terms(donor=view.me.id, recipient=partner, amount=amount, capacity=capacity, conditions=conditions)
            condition = f", if it adopts {lacking[0]} by round {view.round + 2}" if lacking else ""
            return Move(
                Propose(state=view.me.id, agreement="funding", parties=[view.me.id, partner], terms=terms),
                f"offers {partner} {amount:g} points a round for {capacity}{condition}",
            )
        return None
