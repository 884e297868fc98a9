"""What every AI player shares: declared traits, moves with reasons, and the planning helpers that
turn a personality's preferences into legal orders.

A strategy sees exactly what a human team sees, the `PlayerView` of its state, and nothing else.
It decides in two passes a round, as a table does: first laws and proposals, then, once every seat
has proposed, answers, the budget and `ready`.
"""

import math
import random
import re
from abc import ABC
from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

from game.ai import pledging, valuation
from game.ai.levers import weighted
from game.ai.summits import SummitTable
from game.model.actions import MAX_RECIPIENTS, Accede, Action, AdoptLaw, Allocate, Propose, Ready, Respond
from game.model.terms import Terms
from game.model.view import PlayerView, ProposalView
from game.model.vocabulary import CAPACITIES
from game.summing import add_up


@dataclass(frozen=True)
class Traits:
    cooperation: float
    """0 to 1: appetite for agreements (how many it proposes, how costly a deal it accepts)."""
    reciprocity: float
    """0 to 1: how much a partner's record (trust) decides its answers."""
    sovereignty: float
    """0 to 1: distaste for intrusive terms (extradition, joint teams, conventions, conditions)."""
    generosity: float
    """0 to 1: willingness to fund other states."""
    keeps_promises: bool
    """False for a free rider: it stops paying once an agreement has started."""
    approval_floor: float
    """It signs no deal that would take its approval below this."""
    reprioritise: float = 0.0
    """0 to 1: share of what holding its capacities costs that it will move into the deals it
    values (not grants): a joint team is staffed by its own police. Without it, capacities grown to
    fill the budget left no state of europe but Germany room for a deal, and the cooperative table
    signed nothing but grants."""


@dataclass(frozen=True)
class Move:
    action: Action
    reason: str


CHEAP = 1.5
"""Points a round a free rider will pay, in all, to be seen at the table: counted over all its
agreements, smallest dues first (each agreement's own due against it, a state owing five dues of 0.5
paid them all and rode on nobody: whether free riding paid hung on how an author split the dues)."""
DEAL_ROOM = 2.5
"""Points a round a fully cooperative state keeps free of law upkeep for agreements (most kinds ask
2 of each party): laws never crowd out every deal, as they did when each round's new law took the
last of the budget."""
REFUSED_ROUNDS = 2
"""Rounds after its convention was turned down before it proposes that convention again."""
AID_SHARE = 0.5
"""Share of its available budget, times its generosity, that a state offers (within the room it has
for deals) to the prevention of a state whose people reach it: where recruitment starts, a point
buys more than at home. Sized on the budget, not on what its growing capacities leave, so that a
cooperative state keeps funding its partners' prevention as the game goes on, as aid budgets do."""
AID_FLOOR = 1.0
"""The least grant worth proposing, in points a round."""
INTRUSIVE = frozenset({"extradition", "joint_investigation_team", "regional_convention"})
"""Rules (built-in kinds) a sovereigntist refuses: a scenario's own convention follows the rule of
the built-in one it is based on, and is refused as that one is."""


class Strategy(ABC):
    name: ClassVar[str]
    summary: ClassVar[str]
    traits: ClassVar[Traits]
    capacity_weights: ClassVar[dict[str, float]]
    law_order: ClassVar[tuple[str, ...]]
    deal_kinds: ClassVar[tuple[str, ...]] = ("information_sharing", "mutual_legal_assistance")

    # pass 1 -----------------------------------------------------------------
    def propose_and_legislate(self, view: PlayerView, rng: random.Random) -> list[Move]:
        laws = self.laws(view)
        adopted = [view.rules.laws[m.action.law] for m in laws if isinstance(m.action, AdoptLaw)]
        if adopted:
            # the law is paid for as it is adopted, and its upkeep from its entry into force: proposals
            # reckon with the political capital and the budget that are left
            me = view.me.model_copy(update={
                "political_capital": view.me.political_capital - add_up(law.political_cost for law in adopted),
                "available": view.me.available - add_up(law.upkeep for law in adopted),
            })
            view = view.model_copy(update={"me": me})
        at_table = self.summit_moves(view)
        spent = add_up(cost for _, _, cost in at_table)
        if spent:
            view = view.model_copy(update={"me": view.me.model_copy(
                update={"political_capital": view.me.political_capital - spent})})
        return [*laws, *(Move(action, reason) for action, reason, _ in at_table), *self.proposals(view, rng)]

    def summit_moves(self, view: PlayerView) -> list[tuple[Action, str, float]]:
        """Amendments and ratifications at the summits it sits at (`game.ai.summits`)."""
        return SummitTable(self.traits).first_pass(view) if view.summits else []

    def laws(self, view: PlayerView) -> list[Move]:
        """Adopt the first affordable law of its order whose prerequisites are in force."""
        me = view.me
        rules = view.rules
        capital = me.political_capital
        upkeep_room = me.available - self.reserve(view) - self.minimum_upkeep(view) - self.deal_room(view)
        for law_id in self.law_order:
            spec = rules.laws.get(law_id)
            if spec is None or law_id in me.laws or law_id in me.pending_laws:
                continue
            if any(p not in me.laws for p in spec.prerequisites):
                continue
            if spec.political_cost > capital or spec.upkeep > upkeep_room:
                continue
            if me.approval + spec.approval < self.traits.approval_floor:
                continue
            return [Move(AdoptLaw(state=me.id, law=law_id),
                         f"adopts {spec.name}: {spec.effect[0].lower()}{spec.effect[1:]}")]
        return []

    def proposals(self, view: PlayerView, rng: random.Random) -> list[Move]:
        """Offer a grant to the prevention of an origin and one deal a round: a convention of every
        state that qualifies when one is possible, else a deal to the partner it values most. Both in
        one round: offered one or the other, the grant came first and took the room for every deal,
        and in europe the cooperative table signed nothing but grants."""
        if rng.random() > self.traits.cooperation or view.round >= view.rounds:
            return []  # nothing proposed in the last round can enter into force
        aid = self.aid(view)
        offered = 0.0
        if aid is not None:
            assert isinstance(aid.action, Propose) and aid.action.terms is not None
            offered = aid.action.terms.amount or 0.0
        deal = self.convention(view, offered) or self.bilateral(view, offered)
        return [move for move in (aid, deal) if move is not None]

    def bilateral(self, view: PlayerView, offered: float = 0.0) -> Move | None:
        """The deal it values most with one partner, with a Nash-bargaining cost split, among those
        whose share fits the room it has for deals beside what it `offered` this round."""
        me = view.me.id
        open_with = {p for proposal in view.proposals if proposal.status == "open" for p in proposal.parties}
        rules = view.rules.agreements
        in_force = [a for a in view.agreements if a.status == "in_force"]
        signed = {(a.kind, frozenset(a.parties)) for a in in_force}
        surrender = {p for a in in_force if rules[a.kind].rule == "extradition" and me in a.parties for p in a.parties}
        # what depends on the partner alone, and on the kind alone, is asked once (a hot loop: every
        # kind with every partner, each seat and round)
        partners = [p for p in valuation.partners(view) if p not in open_with
                    and not (self.traits.reciprocity and view.me.trust.get(p, 0.5) < 0.5)]
        candidates: list[tuple[float, str, str]] = []
        for kind in self.deal_kinds:
            if kind not in rules or self.refuses_kind(view, kind) or not valuation.laws_allow(view, kind, [me]):
                continue
            if rules[kind].political_cost > view.me.political_capital:
                continue
            extradition = rules[kind].rule == "extradition"
            for partner in valuation.admitted(view, kind, partners):
                if extradition and partner in surrender:
                    continue  # bound by a surrender treaty already
                if (kind, frozenset({me, partner})) in signed:
                    continue
                value = valuation.deal_value(view, kind, partner)
                if value > 0:
                    candidates.append((value, kind, partner))
        # the deal it values most, if its share fits; a state that can hold its capacities waits
        # for room for it (room comes back as it stops raising them), but one that cannot hold them
        # never will, and offers the most valuable deal it can pay (sorted stably: ties keep the
        # order of its deal kinds and partners)
        room = self.room_for_deals(view) - offered
        settle = self.cannot_hold(view)
        for value, kind, partner in sorted(candidates, key=lambda c: -c[0]):
            split = self.split(view, kind, [view.me.id, partner])
            if split[view.me.id] > room:
                if not settle:
                    return None
                continue
            network = valuation.best_target(view) if kind == "joint_investigation_team" else None
            if kind == "joint_investigation_team" and network is None:
                continue
            spec = view.rules.agreements[kind]
            reason = (f"proposes {spec.name.lower()} to {partner}: about {value:.0f} people a round pass through "
                      f"both, cost split {split[view.me.id]:g}/{split[partner]:g}")
            terms = Terms(contributions=split, network=network)
            return Move(Propose(state=view.me.id, agreement=kind, parties=[view.me.id, partner], terms=terms), reason)
        return None

    def aid(self, view: PlayerView) -> Move | None:
        """Fund prevention in the state where the people reaching it are recruited: the origin of
        the most people on the routes it knows that end in or cross its territory, whose prevention
        pillar is weakest, if it is not funding it already and has room for it."""
        if self.traits.generosity <= 0:
            return None
        kinds = [k for k, spec in view.rules.agreements.items() if spec.rule == "funding"]
        if not kinds or any(p.status == "open" and p.proposer == view.me.id for p in view.proposals):
            return None
        amount = _floor2(min(max(0.0, self.room(view)), view.me.available * self.traits.generosity * AID_SHARE))
        if amount < AID_FLOOR:
            return None
        owner = valuation.survey(view).owner
        funded = {a.terms.recipient for a in view.agreements
                  if a.status == "in_force" and a.terms.donor == view.me.id and a.ends > view.round}
        sent: dict[str, float] = {}
        for route in view.routes:
            sender = owner.get(route.path[0])
            if sender is None or sender == view.me.id or sender in funded:
                continue
            if any(owner.get(region) == view.me.id for region in route.path):
                sent[sender] = sent.get(sender, 0.0) + float(route.flow.value)
        pillars = {o.id: o.scores_4p.get("prevention", 1) for o in view.others}
        ranked = sorted(sent, key=lambda s: (pillars.get(s, 5), -sent[s], s))
        for partner in ranked:
            if partner not in pillars or view.me.trust.get(partner, 0.5) < 0.4:
                continue
            if self.refuses_kind(view, kinds[0]):
                return None
            terms = Terms(donor=view.me.id, recipient=partner, amount=amount, capacity="prevention")
            return Move(
                Propose(state=view.me.id, agreement=kinds[0], parties=[view.me.id, partner], terms=terms),
                f"offers {partner} {amount:g} points a round for prevention: about {sent[partner]:.0f} people "
                "a round recruited there reach its territory",
            )
        return None

    def convention(self, view: PlayerView, offered: float = 0.0) -> Move | None:
        """Propose a regional convention (the scenario's own first, e.g. ASEAN's) to every state that
        holds the laws it requires, once three or more do and none is in force or on the table. It
        is opt-in: it enters into force among those who accept, so one holdout cannot stop it."""
        rules = view.rules.agreements
        kinds = [k for k, spec in rules.items() if spec.rule == "regional_convention"]
        kinds.sort(key=lambda k: (k == "regional_convention", k))
        # one convention is enough: none while one it is in, or is asked to join, is in force or on the
        # table (two competing ones split the room every member has for them, and both fail)
        deals = [(a.kind, a.parties) for a in view.agreements if a.status == "in_force"]
        deals += [(p.kind, p.parties) for p in view.proposals if p.status == "open"]
        if any(view.rules.agreements[kind].rule == "regional_convention" and view.me.id in parties
               for kind, parties in deals):
            return None
        # a convention in force among others is acceded to, not proposed again
        standing = {a.kind for a in view.agreements if a.status == "in_force"}
        # nor again the round after the states it asked turned it down: the tutorial's Aldmark proposed
        # the same convention three rounds running to Korvia and Meridia, who could not pay it
        refused = {p.kind for p in view.proposals if p.proposer == view.me.id and p.status == "rejected"
                   and p.round >= view.round - REFUSED_ROUNDS}
        for kind in [k for k in kinds if k not in standing and k not in refused]:
            spec = view.rules.agreements[kind]
            if self.refuses_kind(view, kind) or not valuation.laws_allow(view, kind, [view.me.id]):
                continue
            bound = {p for a in view.agreements if a.status == "in_force" and rules[a.kind].opt_in for p in a.parties}
            members = [view.me.id] + [o.id for o in view.others
                                      if o.id not in bound and valuation.laws_allow(view, kind, [o.id])]
            if len(members) > MAX_RECIPIENTS:
                # a proposal names at most MAX_RECIPIENTS parties: the states that share the most flow
                # with it first, the rest by id; others may accede once it is in force
                ranked = {s: i for i, s in enumerate(valuation.partners(view))}
                others = sorted(members[1:], key=lambda s: (ranked.get(s, len(ranked)), s))
                members = [view.me.id, *others[:MAX_RECIPIENTS - 1]]
            if len(members) < spec.min_parties or spec.contribution > self.room_for_deals(view) - offered:
                continue
            if spec.political_cost > view.me.political_capital:
                continue
            return Move(
                Propose(state=view.me.id, agreement=kind, parties=sorted(members)),
                f"proposes the {spec.name} to the {len(members)} states whose laws qualify",
            )
        return None

    # pass 2 -----------------------------------------------------------------
    def answer_and_allocate(self, view: PlayerView, rng: random.Random) -> list[Move]:
        moves = []
        accepted_dues = 0.0
        waiting = [p for p in view.proposals
                   if p.status == "open" and p.proposer != view.me.id and view.me.id not in p.answers]
        # the best deals first: the room it has for agreements goes to what is worth most for its cost
        waiting.sort(key=lambda p: valuation.my_due(view, p) - valuation.proposal_value(view, p))
        for proposal in waiting:
            accept, reason = self.judge(view, proposal, accepted_dues)
            due = valuation.my_due(view, proposal)
            if accept and (self.traits.keeps_promises or due <= CHEAP):
                accepted_dues += due
            # a refusal says why to the proposal's parties, in the round it is given (the news gave
            # the reason only once the round was resolved, a round too late to offer another split)
            note = "" if accept else re.sub(r"\bround\b", lambda _: view.round_label, reason.partition(": ")[2])
            moves.append(Move(Respond(state=view.me.id, proposal=proposal.id, answer="accept" if accept else "reject",
                                      note=note), reason))
        if view.summits:
            moves += [Move(action, reason) for action, reason in SummitTable(self.traits).second_pass(view)]
        accession = self.accession(view, accepted_dues)
        if accession is not None:
            moves.append(accession)
        # what it accepts now falls due from the next round, when it allocates again: this round it
        # keeps aside only what is due this round
        allocation = self.allocate(view, reserve=self.reserve(view))
        moves.append(allocation)
        assert isinstance(allocation.action, Allocate)
        moves += pledging.pledge(self, view, {str(c): v for c, v in allocation.action.budget.items()})
        moves.append(Move(Ready(state=view.me.id), "ready"))
        return moves

    def judge(self, view: PlayerView, proposal: ProposalView, already: float) -> tuple[bool, str]:
        """Accept a proposal if it is worth more than it costs, affordable, and carried by approval."""
        spec = view.rules.agreements[proposal.kind]
        name = spec.name.lower()
        if self.refuses_kind(view, proposal.kind) or (proposal.terms.conditions and self.traits.sovereignty >= 0.7):
            return False, f"rejects {name}: intrusive terms, a matter of sovereignty"
        if not valuation.laws_allow(view, proposal.kind, [view.me.id]):
            return False, f"rejects {name}: its laws do not allow it"
        if spec.opt_in and any(view.rules.agreements[a.kind].opt_in and view.me.id in a.parties
                               for a in view.agreements if a.status == "in_force"):
            return False, f"rejects {name}: it is a member of a convention in force already"
        if view.me.approval + spec.approval < self.traits.approval_floor:
            return False, f"rejects {name}: approval could not carry it"
        if valuation.signing_cost(view, proposal) > view.me.political_capital:
            return False, f"rejects {name}: not enough political capital to sign it now"
        others = [p for p in proposal.parties if p != view.me.id]
        trust = min(view.me.trust.get(p, 0.5) for p in others)
        if self.traits.reciprocity and trust < 0.5:
            return False, f"rejects {name}: {_some(p for p in others if view.me.trust.get(p, 0.5) < 0.5)} broke " \
                          f"commitments before (trust {trust:.2f})"
        due = valuation.my_due(view, proposal)
        room = self.room_for_deals(view) - already
        if due > 0 and due > room:
            # what it could pay, so that a proposer knows what split it might accept: a bare 'cannot
            # pay 2 points a round', to a deal it valued at 755, told a student nothing to do next;
            # with no room at all it still says so (three refusals in four read bare): a party may pay
            # nothing, the others carrying the whole running cost
            could = _floor1(max(0.0, room))
            offer = (f" (it could pay {could:g}: split the cost another way)" if could > 0
                     else " (it could pay nothing: the other parties would have to carry its share)")
            return False, f"rejects {name}: cannot pay {due:g} points a round{offer}"
        value = valuation.proposal_value(view, proposal) * (0.5 + self.traits.cooperation)
        if value + 2.0 * self.traits.cooperation < due:
            return False, f"rejects {name}: worth about {value:.1f} against {due:g} points a round"
        if not self.traits.keeps_promises and due > CHEAP:
            return True, f"accepts {name}: worth about {value:.1f}, and the partners will pay for it"
        return True, f"accepts {name}: worth about {value:.1f} for {due:g} points a round"

    def accession(self, view: PlayerView, already: float) -> Move | None:
        """Accede to a convention in force that it is outside of, when it is worth its cost: the
        same judgement as an answer to a proposal of it."""
        if view.me.political_capital <= 0 or view.round >= view.rounds:
            return None
        for agreement in sorted(view.agreements, key=lambda a: a.id):
            if agreement.status != "in_force" or view.me.id in agreement.parties or agreement.ends <= view.round:
                continue
            spec = view.rules.agreements[agreement.kind]
            if not spec.opt_in or self.refuses_kind(view, agreement.kind):
                continue
            if agreement.open_to is not None and view.me.id not in agreement.open_to:
                continue
            if not valuation.laws_allow(view, agreement.kind, [view.me.id]):
                continue
            if spec.political_cost > view.me.political_capital or view.me.approval + spec.approval < \
                    self.traits.approval_floor:
                continue
            if self.traits.reciprocity and min(view.me.trust.get(p, 0.5) for p in agreement.parties) < 0.5:
                continue
            due = spec.contribution
            if due > self.room_for_deals(view) - already:
                continue
            value = valuation.agreement_value(view, agreement) * (0.5 + self.traits.cooperation)
            if value + 2.0 * self.traits.cooperation < due:
                continue
            return Move(Accede(state=view.me.id, agreement=agreement.id),
                        f"accedes to the {spec.name}: worth about {value:.1f} for {due:g} points a round")
        return None

    def allocate(self, view: PlayerView, reserve: float) -> Move:
        """Hold what it has (upkeep first), then spread the rest by its personality's weights."""
        me = view.me
        rules = view.rules
        weights = weighted(self.capacity_weights, view)
        budget = max(0.0, me.available - reserve)
        hold = {c: rules.capacity_upkeep * me.capacities[c] for c in CAPACITIES}
        total_hold = add_up(hold.values())
        plan: dict[str, float] = {}
        if total_hold >= budget:
            scale = budget / total_hold if total_hold else 0.0
            order = sorted(CAPACITIES, key=lambda c: -weights.get(c, 0.0))
            left = budget
            for capacity in order:
                want = hold[capacity] * (1.0 if weights.get(capacity, 0) > 0 else scale)
                plan[capacity] = min(left, want)
                left -= plan[capacity]
        else:
            spare = budget - total_hold
            weight_sum = add_up(weights.values()) or 1.0
            for capacity in CAPACITIES:
                plan[capacity] = hold[capacity] + spare * weights.get(capacity, 0.0) / weight_sum
        plan = {c: _floor2(v) for c, v in plan.items() if v > 0}
        if self.traits.keeps_promises:
            plan = pledging.honour(view, plan, weights)
        top = max(weights, key=lambda c: weights[c])
        kept = f", keeping {reserve:g} for agreements" if reserve > 0 else ""
        return Move(Allocate.model_validate({"state": me.id, "budget": plan}),
                    f"spends {add_up(plan.values()):.1f} points, most on {top}{kept}")

    # helpers ------------------------------------------------------------------
    def split(self, view: PlayerView, kind: str, parties: list[str]) -> dict[str, float]:
        """The contributions it asks for: near the Nash bargaining split."""
        return valuation.nash_split(view, kind, parties)

    def refuses_kind(self, view: PlayerView, kind: str) -> bool:
        """Refused by rule, not by id: a scenario's convention is refused as the built-in one is."""
        spec = view.rules.agreements.get(kind)
        rule = spec.rule if spec is not None else kind
        return rule in INTRUSIVE and self.traits.sovereignty >= 0.7

    def reserve(self, view: PlayerView) -> float:
        """Points to leave unallocated this round: what its agreements ask this round, if it means
        to pay (what it signs this round falls due from the next)."""
        if self.traits.keeps_promises:
            return view.me.committed
        # a free rider pays what is cheap, and the rest only when one more miss would cost it the
        # agreement (a deal lapses, a convention suspends it): as states in arrears pay just before
        # they would lose their vote. In the last round no sanction can follow, and it pays nothing.
        # What is cheap is counted over all its agreements, not each: a state with five small dues
        # (mekong's origins owe 0.5 to each regional framework) paid every one, and was no free rider.
        owed, cheap = 0.0, CHEAP
        limit = view.rules.breaches_to_lapse
        last_round = view.round >= view.rounds
        dues = sorted((valuation.due_in(view, a.id), a.id, a) for a in view.agreements
                      if a.status == "in_force" and view.me.id in a.parties)
        for due, _, agreement in dues:
            at_risk = agreement.breaches.get(view.me.id, 0) + 1 >= limit and not last_round
            if at_risk:
                owed += due
            elif due <= cheap:
                owed += due
                cheap -= due
        return owed

    def deal_room(self, view: PlayerView) -> float:
        """Budget it keeps for agreements when it weighs a new law's upkeep: as much as its appetite
        for deals, less what it already pays to agreements (that room is in use)."""
        return max(0.0, DEAL_ROOM * self.traits.cooperation - view.me.committed)

    def room(self, view: PlayerView) -> float:
        """Points a round it could put into agreements and still hold its capacities, counting what
        it means to pay of what it owes already, and of what it has offered or agreed to."""
        pending = view.me.accepted_dues  # its own proposals every party has accepted among them
        if self.traits.keeps_promises:
            pending += add_up(valuation.my_due(view, p) for p in view.proposals
                              if p.status == "open" and p.proposer == view.me.id
                              and not valuation.accepted_by_all(view, p))
        return view.me.available - self.reserve(view) - pending - self.minimum_upkeep(view)

    def room_for_deals(self, view: PlayerView) -> float:
        """Its `room`, and the share of its capacities' upkeep it would move into a deal it values
        (`Traits.reprioritise`): the room a deal's answer, a convention or an accession is weighed
        against. A grant is weighed against `room` alone: it funds another state's prevention, not
        work its own police do.

        Where holding every capacity would take more than it has (`cannot_hold`), its capacities
        shrink whatever it does, and it still keeps up to the same share of its budget, less what it
        pays already, for deals: read as a floor, an upkeep above the budget left no room for any
        deal, and with `capacity_upkeep` doubled a cooperative table signed nothing, the same as
        states alone."""
        room = self.room(view) + self.traits.reprioritise * self.minimum_upkeep(view)
        if not self.cannot_hold(view):
            return room
        me = view.me
        return max(room, self.traits.reprioritise * me.available - self.reserve(view) - me.accepted_dues)

    @classmethod
    def cannot_hold(cls, view: PlayerView) -> bool:
        """Whether holding all its capacities would cost more than its budget after laws."""
        return cls.minimum_upkeep(view) > view.me.available

    @staticmethod
    def minimum_upkeep(view: PlayerView) -> float:
        """What holding its capacities costs: a state implements what it signs without letting its
        own police and shelters decay to pay for it."""
        return view.rules.capacity_upkeep * add_up(view.me.capacities.values())


def _some(names: Iterable[str], shown: int = 3) -> str:
    """A few names and how many more: a refusal's note names whom it distrusts in one line (a note
    holds 300 characters; a convention's 90 parties, each named, did not fit)."""
    listed = list(names)
    more = len(listed) - shown
    return ", ".join(listed[:shown]) + (f" and {more} more" if more > 0 else "")


def _floor1(value: float) -> float:
    """Down to a tenth: a share it says it could pay must fit the room it has."""
    return math.floor(value * 10 + 1e-9) / 10


def _floor2(value: float) -> float:
    return int(value * 100) / 100
