"""The mandate-driven organization: it spends its budget where its mandate and the public record
say the gap is widest, and says why. It sees what an organization sees (states' public figures,
published reviews, the map), never a state's private brief or budget."""

import random
from collections.abc import Iterator
from typing import ClassVar

from game.ai.base import Move
from game.model.actions import Assist, Campaign, Convene, Monitor, Ready, Respond, Train
from game.model.view import OrgView, PublicState

GRANT = 3.0
"""Points of assistance a grant carries."""
RETRY = 2
"""Rounds before it convenes again the same states that turned its convention down."""


class Mandate:
    name: ClassVar[str] = "mandate"
    summary: ClassVar[str] = "an organization that spends where its mandate and the public record show the widest gap"

    def act(self, view: OrgView, rng: random.Random) -> list[Move]:
        """The round's instruments, most valuable first, while the budget lasts: each pass takes
        the best target left of each instrument of its mandate, and passes go on until nothing
        more is affordable."""
        me = view.me
        left = me.left
        moves: list[Move] = []
        # each instrument's candidates, best first, depend on the view alone: ranked once, and each
        # move written only once it is the best left of its instrument (most are never reached)
        sources = [self._candidates(view, instrument) for instrument in ("convene", "train", "monitor", "assist",
                                                                         "campaign") if instrument in me.mandate]
        firsts = [next(candidates, None) for candidates in sources]
        added = True
        while added:
            added = False
            for index, first in enumerate(firsts):
                if first is not None and first[1] <= left:
                    move, cost = first
                    moves.append(move)
                    left -= cost
                    firsts[index] = next(sources[index], None)
                    added = True
        return moves

    def answer(self, view: OrgView) -> list[Move]:
        """Organizations join funding only as donors they chose; other invitations it declines."""
        moves = [
            Move(
                Respond(org=view.me.id, proposal=p.id, answer="reject"),
                "declines: it gives through its own instruments",
            )
            for p in view.proposals
            if p.status == "open"
            and view.me.id in p.parties
            and p.proposer != view.me.id
            and view.me.id not in p.answers
        ]
        return [*moves, Move(Ready(org=view.me.id), "ready")]

    def _candidates(self, view: OrgView, instrument: str) -> Iterator[tuple[Move, float]]:
        """The instrument's moves, best first, with their costs: each written as it is reached."""
        me = view.me
        states = sorted(view.states, key=lambda s: s.id)
        if instrument == "convene":
            return iter(self._convene(view))
        if instrument == "train":
            return ((move, view.costs["train"]) for capacity in me.trains for move in _training(view, capacity))
        if instrument == "monitor":
            ranked = sorted(states, key=lambda s: (s.review.round if s.review else 0, _tier_rank(s), s.id))
            return (
                (
                    Move(
                        Monitor(org=me.id, target=s.id),
                        f"reviews {s.name}: {_last_review(s)}, Tier {s.tier}",
                    ),
                    view.costs["monitor"],
                )
                for s in ranked
            )
        if instrument == "assist":
            eligible = [s for s in states if s.id not in me.barred]
            ranked = sorted(eligible, key=lambda s: (s.scores_4p.get("protection", 0), s.id))
            return (
                (
                    Move(
                        Assist(org=me.id, target=s.id, amount=GRANT),
                        f"funds victim services in {s.name}: weak in protection ({_pillar(s, 'protection')})",
                    ),
                    GRANT,
                )
                for s in ranked
            )
        regions = sorted(view.regions, key=lambda r: (-r.vulnerability, r.id))
        fresh = [r for r in regions if view.campaigns.get(r.id, 0) < view.round]
        return (
            (
                Move(
                    Campaign(org=me.id, region=r.id),
                    f"campaigns in {r.name}, among the most vulnerable regions ({r.vulnerability:.2f})",
                ),
                view.costs["campaign"],
            )
            for r in fresh
        )

    def _convene(self, view: OrgView) -> list[tuple[Move, float]]:
        """A regional convention among the states that qualify and are not bound by an opt-in
        convention in force already (they would reject it), once enough of them are left; never in
        the last round, when nothing can enter into force."""
        if view.round >= view.rounds:
            return []
        busy = {a.kind for a in view.agreements if a.status == "in_force"}
        busy |= {p.kind for p in view.proposals if p.status == "open"}
        for kind, spec in sorted(view.rules.agreements.items(), key=lambda kv: (kv[0] == "regional_convention", kv[0])):
            if spec.rule != "regional_convention" or kind in busy:
                continue
            # a state in an opt-in convention in force rejects another (`Strategy.judge`): invite the others
            bound = {p for a in view.agreements if a.status == "in_force" and view.rules.agreements[a.kind].opt_in
                     for p in a.parties}
            members = [s.id for s in view.states if spec.admits(s.id) and set(spec.requires_laws) <= set(s.laws)
                       and s.id not in bound]
            refused = any(p.kind == kind and p.proposer == view.me.id and p.status == "rejected"
                          and sorted(p.parties) == sorted(members) and p.round >= view.round - RETRY
                          for p in view.proposals)
            if len(members) >= spec.min_parties and not refused:
                move = Move(
                    Convene(org=view.me.id, agreement=kind, parties=sorted(members)),
                    f"convenes the {spec.name}: {len(members)} states now hold the laws it requires",
                )
                return [(move, view.costs["convene"])]
        return []


TRAINED = {"protection": ("protection", "victim services"), "enforcement": ("prosecution", "police")}
"""Capacity -> the 4P pillar whose weakness calls for its training, and who is trained."""


def _training(view: OrgView, capacity: str) -> Iterator[Move]:
    """Trainings of one capacity, the weakest first: police and victim services by their 4P pillar;
    labour inspectors where the map shows the most demand for cheap labour on a state's territory
    (public: an organization does not see states' capacities)."""
    states = sorted(view.states, key=lambda s: s.id)
    untrained = [s for s in states if capacity not in s.trained_by]
    if capacity == "labour_inspection":
        work = {s.id: 0.0 for s in states}
        for region in view.regions:
            if region.controlled_by in work:
                work[region.controlled_by] += region.demand.get("labour", 0.0)
        needing = [s for s in untrained if work[s.id] > 0]
        ranked = sorted(needing, key=lambda s: (-work[s.id], s.id))
        return (Move(Train(org=view.me.id, target=s.id, capacity="labour_inspection"),
                     f"trains {s.name}'s labour inspectors: demand for cheap labour of {work[s.id]:.2f} across "
                     f"its regions, where forced labour hides") for s in ranked)
    pillar, who = TRAINED[capacity]
    ranked = sorted(untrained, key=lambda s: (s.scores_4p.get(pillar, 0), s.id))
    return (Move(Train(org=view.me.id, target=s.id, capacity=capacity),
                 f"trains {s.name}'s {who}: among the weakest {pillar} records ({_pillar(s, pillar)})")
            for s in ranked)


def _pillar(state: PublicState, pillar: str) -> str:
    return f"{pillar} {state.scores_4p.get(pillar, 0)} of 5"


def _last_review(state: PublicState) -> str:
    return "never reviewed" if state.review is None else f"last reviewed in round {state.review.round}"


def _tier_rank(state: PublicState) -> int:
    return {"3": 0, "2WL": 1, "2": 2, "1": 3}.get(state.tier, 0)
