"""AI seats at a summit's table: amendments, votes, signatures and ratification by personality.

Each seat sees the summit as a human does (`PlayerView.summits`) and decides by its traits, each move
with its one-line reason:
- a sovereigntist moves to strike the intrusive clauses (extradition, joint teams, peer review),
  votes against a text that keeps peer review (it allows no reservation), signs with reservations on
  the rest, and ratifies only once another party has;
- a donor moves to add the funding pool; a cooperative state to add information sharing;
- a free rider moves to lower the costliest contribution, votes for any text, signs (reserving the
  pool) and ratifies, then withholds its contributions as it does under any agreement;
- a reciprocator votes and ratifies as far as it trusts the others at the table.
No government puts a treaty to a parliament that would likely refuse it (low approval): those
signatories are the ones seen not to ratify. Amendments and ratification come in the first pass,
votes and signatures in the second, once every seat has moved its amendments; an amendment moved after
its second pass (a human seat's, later in the round) is answered in the adoption round, where the
summit puts it to those who had not answered it. Nothing is signed or
ratified in the game's last round: the rules refuse it (a treaty in force at the last resolution
would never be carried out).
"""

from typing import TYPE_CHECKING

from game.model.actions import Action, Amend, Ratify, Sign, Vote
from game.model.partners_once import clauses_adding_nothing
from game.model.summit import BUILTIN_CLAUSES, AmendmentView, SummitView, chance, the_summit
from game.model.view import PlayerView

if TYPE_CHECKING:  # base imports this module for its strategies
    from game.ai.base import Traits

INTRUSIVE_CLAUSES = frozenset({"extradition", "joint_teams", "peer_review"})
"""Clauses a state jealous of its sovereignty resists: surrender, foreign teams, outside review."""
SOVEREIGN = 0.7
"""A sovereignty at or above which a seat resists intrusive clauses."""
LIKELY = 0.5
"""The least chance of ratification at which a government puts a treaty to its parliament."""


class SummitTable:
    """Planning helpers for one AI seat; the traits are its strategy's."""

    def __init__(self, traits: "Traits") -> None:
        self.traits = traits

    # pass 1 -----------------------------------------------------------------
    def first_pass(self, view: PlayerView) -> list[tuple[Action, str, float]]:
        """(action, reason, political capital it spends) for amendments and ratifications."""
        moves: list[tuple[Action, str, float]] = []
        capital = view.me.political_capital
        for summit in view.summits:
            if view.me.id not in summit.participants:
                continue
            if summit.phase == "drafting":
                amendment = self.amendment(view, summit)
                if amendment is not None:
                    moves.append((*amendment, 0.0))
            ratify = self.ratification(view, summit, capital)
            if ratify is not None:
                moves.append((*ratify, summit.ratification_cost))
                capital -= summit.ratification_cost
        return moves

    def amendment(self, view: PlayerView, summit: SummitView) -> tuple[Amend, str] | None:
        me = view.me.id
        clauses = [c.clause for c in summit.draft]
        traits = self.traits
        wanted: tuple[str, str, dict[str, float], str] | None = None
        if traits.sovereignty >= SOVEREIGN:
            intrusive = [c for c in clauses if c in INTRUSIVE_CLAUSES]
            if intrusive:
                wanted = ("strike", intrusive[0], {}, "a matter of sovereignty")
        elif traits.generosity >= 0.6 and "funding_pool" not in clauses:
            wanted = ("add", "funding_pool", {}, "richer parties should fund victims' services in poorer ones")
        elif not traits.keeps_promises:
            costly = max(summit.draft, key=lambda c: (c.numbers.get("contribution", 0.0), c.clause), default=None)
            if costly is not None and costly.numbers.get("contribution", 0.0) > 0:
                low = BUILTIN_CLAUSES[costly.clause].numbers["contribution"].low
                wanted = ("change", costly.clause, {"contribution": low}, "cheaper to join")
        elif traits.cooperation >= 0.8 and "information_sharing" not in clauses:
            wanted = ("add", "information_sharing", {}, "shared routes need shared intelligence")
        if wanted is None:
            return None
        change, clause, numbers, why = wanted
        if any(a.round == view.round and (a.change, a.clause, a.numbers) == (change, clause, numbers)
               for a in summit.amendments):
            return None  # moved already by another seat: it will vote for it
        action = Amend(state=me, summit=summit.id, change=change, clause=clause, numbers=numbers)
        name = BUILTIN_CLAUSES[clause].name.lower()
        return action, f"moves to {change} {name} at {summit.name}: {why}"

    def ratification(self, view: PlayerView, summit: SummitView, capital: float) -> tuple[Ratify, str] | None:
        me = view.me.id
        if summit.status not in ("adopted", "in_force") or me not in summit.signed or view.round >= view.rounds:
            return None  # in the last round nothing can enter into force
        if me in summit.ratified or me in summit.ratifying:
            return None
        if capital < summit.ratification_cost or chance(view.me.approval) < LIKELY:
            return None  # a government does not put to its parliament a treaty it would lose
        others = [p for p in summit.signed if p != me]
        if self.traits.sovereignty >= SOVEREIGN and not [p for p in summit.ratified if p != me]:
            return None  # it waits for another to bind itself first
        if self.traits.reciprocity >= 0.5 and others and min(view.me.trust.get(p, 0.5) for p in others) < 0.5 \
                and not summit.ratified:
            return None
        retry = " again" if me in summit.failed else ""
        return (Ratify(state=me, summit=summit.id),
                f"puts {the_summit(summit.name)} treaty to its parliament{retry} (approval {view.me.approval:.0f})")

    # pass 2 -----------------------------------------------------------------
    def second_pass(self, view: PlayerView) -> list[tuple[Action, str]]:
        moves: list[tuple[Action, str]] = []
        me = view.me.id
        for summit in view.summits:
            if me not in summit.participants:
                continue
            if summit.phase == "invitation" and me not in summit.invitation:
                attends = self.traits.sovereignty < SOVEREIGN or not [
                    c for c in summit.draft if c.clause in INTRUSIVE_CLAUSES]
                why = "a seat at the table costs nothing" if attends else "its draft is intrusive"
                moves.append((Vote(state=me, summit=summit.id, item="invitation", choice="yes" if attends else "no"),
                              f"{'accepts' if attends else 'declines'} the invitation to {summit.name}: {why}"))
            if summit.phase == "drafting":
                for amendment in summit.amendments:
                    if amendment.round == view.round and me not in amendment.votes:
                        choice, why = self.stance(view, summit, amendment)
                        moves.append((Vote(state=me, summit=summit.id, item=amendment.id, choice=choice), why))
            elif summit.phase == "adoption":
                # an amendment held over from drafting (moved once this seat had played its round) is
                # answered now, beside the text (`summits.amendment_outcome`)
                for amendment in summit.amendments:
                    if amendment.carried is None and amendment.round == summit.opens and me not in amendment.votes:
                        choice, why = self.stance(view, summit, amendment)
                        moves.append((Vote(state=me, summit=summit.id, item=amendment.id, choice=choice), why))
            if summit.phase == "adoption" and me not in summit.text_votes:
                choice, why = self.text_stance(view, summit)
                moves.append((Vote(state=me, summit=summit.id, item="text", choice=choice), why))
                if choice != "no" and me not in summit.signed and view.round < view.rounds:
                    moves.append(self.signature(view, summit))
        return moves

    def stance(self, view: PlayerView, summit: SummitView, amendment: AmendmentView) -> tuple[str, str]:
        traits = self.traits
        name = BUILTIN_CLAUSES[amendment.clause].name.lower()
        what = f"amendment {amendment.id} ({amendment.change} {name})"
        intrusive = amendment.clause in INTRUSIVE_CLAUSES
        if amendment.change == "strike":
            if intrusive and traits.sovereignty >= 0.5:
                return "yes", f"votes for {what}: a matter of sovereignty"
            if traits.cooperation >= 0.6:
                return "no", f"votes against {what}: the treaty needs it"
            return "abstain", f"abstains on {what}"
        if amendment.change == "add":
            if intrusive and traits.sovereignty >= SOVEREIGN:
                return "no", f"votes against {what}: intrusive"
            if amendment.clause == "funding_pool" and traits.generosity < 0.2 and traits.keeps_promises:
                return "no", f"votes against {what}: it would not pay into others' services"
            if traits.cooperation >= 0.5 or not traits.keeps_promises:
                return "yes", f"votes for {what}: more cooperation"
            return "abstain", f"abstains on {what}"
        # a change of numbers: lower contributions please those who pay reluctantly, not those who
        # mean to carry the treaty out
        if not traits.keeps_promises or traits.cooperation < 0.5:
            return "yes", f"votes for {what}: cheaper to join"
        drafted = next((c.numbers for c in summit.draft if c.clause == amendment.clause), {})
        if traits.cooperation >= 0.8 and any(v < drafted.get(k, v) for k, v in amendment.numbers.items()):
            return "no", f"votes against {what}: the clause needs what the draft asks of each party"
        trust = view.me.trust.get(amendment.by, 0.5)
        if traits.reciprocity >= 0.5 and trust < 0.5:
            return "no", f"votes against {what}: {amendment.by} broke commitments before (trust {trust:.2f})"
        return "yes", f"votes for {what}: a text more can join"

    def text_stance(self, view: PlayerView, summit: SummitView) -> tuple[str, str]:
        traits = self.traits
        clauses = [c.clause for c in summit.draft]
        if traits.sovereignty >= SOVEREIGN and [c for c in clauses if c in INTRUSIVE_CLAUSES
                                                 and not BUILTIN_CLAUSES[c].reservable]:
            return "no", f"votes against {the_summit(summit.name)} text: outside review allows no reservation"
        others = [p for p in summit.participants if p != view.me.id]
        trust = min((view.me.trust.get(p, 0.5) for p in others), default=0.5)
        if traits.reciprocity >= 0.5 and trust < 0.5:
            return "abstain", f"abstains on {the_summit(summit.name)} text: some at the table broke commitments before"
        if not traits.keeps_promises:
            return "yes", f"votes for {the_summit(summit.name)} text: a signature costs nothing"
        return "yes", f"votes for {the_summit(summit.name)} text: {len(clauses)} clause(s) it can carry out"

    def signature(self, view: PlayerView, summit: SummitView) -> tuple[Sign, str]:
        """Signs, reserving what its traits resist and what would bring it nothing: a clause whose
        every partner at the table does it with this state already, under agreements in force for the
        treaty's duration, would be paid for and add nothing (`clauses_adding_nothing`). A clause an
        amendment still open would add is judged as if drafted: it may carry as the text is adopted."""
        me = view.me.id
        clauses = [c.clause for c in summit.draft]
        clauses += [a.clause for a in summit.amendments if a.carried is None and a.round == summit.opens
                    and a.change == "add" and a.clause not in clauses]
        reserve = []
        if self.traits.sovereignty >= 0.5:
            reserve = [c for c in clauses if c in INTRUSIVE_CLAUSES and BUILTIN_CLAUSES[c].reservable]
        if not self.traits.keeps_promises and "funding_pool" in clauses:
            reserve.append("funding_pool")
        nothing_new = [c for c in clauses if c in clauses_adding_nothing(view, summit) and c not in reserve
                       and BUILTIN_CLAUSES[c].reservable]
        reserve += nothing_new
        words = f", reserving {', '.join(reserve)}" if reserve else ""
        if nothing_new:
            words += f" ({', '.join(nothing_new)}: its partners at the table do it with it already)"
        return Sign(state=me, summit=summit.id, reservations=reserve), f"signs {the_summit(summit.name)} text{words}"
