"""Summits: every seat sees each summit's draft, amendments and votes, signatures and ratifications;
the states at the table move amendments, vote, sign (with reservations) and ratify from here.

The panel holds no rule: what is open to the team is read from its view, and each order goes up to
the screen, which submits it through the table and shows the engine's reason if it is refused.
"""

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Select, SelectionList, Static

from game.model.partners_once import clauses_adding_nothing
from game.model.summit import BUILTIN_CLAUSES, AmendmentView, SummitView, the_summit
from game.model.view import PlayerView
from game.tui.messages import Order, Refused
from game.tui.orders import Probe
from game.tui.text import escape
from game.tui.views import SeatView, names_of
from game.tui.widgets.line_field import LineField
from game.tui.widgets.tick import TickList
from game.tui.widgets.wrapped import Wrapped

PHASES = {"invitation": "invited: answer the invitation (vote on it)", "declined": "declined: too few accepted",
          "scheduled": "scheduled", "drafting": "drafting: move and vote on amendments",
          "adoption": "adoption: vote on the text and sign it", "adopted": "adopted: signatories ratify at home",
          "not_adopted": "not adopted", "in_force": "in force"}
CLOSED_PHASES = {"adoption": "adoption: vote on the text (nothing is signed in the game's last {label})",
                 "adopted": "adopted (nothing is ratified in the game's last {label})"}
"""A phase's words when the view says nothing can be signed or ratified now (`SummitView.closed`)."""


def clause_name(clause: str) -> str:
    """A clause's name from the catalogue (a summit's text, amendments, reservations, orders)."""
    spec = BUILTIN_CLAUSES.get(clause)
    return spec.name if spec else clause


def amendment_item(amendment: AmendmentView) -> str:
    """An amendment in the vote list, as the summit's text above names it ('m1: strike Joint
    investigation teams'): 'amendment m1 (strike Joint investigation teams)' was cut off at 80
    columns, and a clause's name of 36 characters would be whatever the width."""
    return f"{amendment.id}: {amendment.change} {clause_name(amendment.clause)}"


def summit_text(summit: SummitView, names: dict[str, str], label: str, ids: bool = False,
                 nothing_new: set[str] | None = None) -> str:
    """A summit in words: the text, amendments and votes, and where signatures and ratifications stand.
    Clauses by name ('moves to change joint_teams' read as code to a team); the facilitator's console
    (`ids`) also shows the summit's and the clauses' ids, which its typed commands take. A team reads
    which clauses would add nothing for it (`nothing_new`: `clauses_adding_nothing`)."""

    def who(ids: list[str] | dict[str, Any]) -> str:
        return ", ".join(names.get(i, i) for i in ids) or "nobody"

    rule = "consensus" if summit.rule == "consensus" else f"qualified majority ({summit.majority:.0%})"
    called = f" ({summit.id})" if ids else ""
    phase = CLOSED_PHASES.get(summit.phase, "").format(label=label) if summit.closed else ""
    lines = [f"[b]{escape(summit.name)}[/]{called} · {label} {summit.opens}-{summit.opens + 1} · {rule} · "
             f"{phase or PHASES.get(summit.phase, summit.phase)}",
             f"  At the table: {escape(who(summit.participants))}"]
    for clause in summit.draft:
        numbers = ", ".join(f"{k} {v:g}" for k, v in clause.numbers.items())
        reservable = "" if clause.reservable else " · no reservation"
        idle = (" · adds nothing for you: every other state here does it with you already (a partner counts "
                "once; you may reserve it)") if clause.clause in (nothing_new or set()) else ""
        lines.append(f"  • {escape(clause.name)}" + (escape(f" [{clause.clause}]") if ids else "")
                     + (f" ({numbers})" if numbers else "")
                     + reservable + idle)
    for amendment in summit.amendments:
        votes = ", ".join(f"{names.get(p, p)} {v}" for p, v in amendment.votes.items())
        outcome = {True: "✓ carried", False: "✗ failed", None: "open"}[amendment.carried]
        waiting = [p for p in summit.participants if p not in amendment.votes]
        if amendment.carried is None and summit.phase == "adoption":
            outcome += " (put to this session: it closes before the text)"
        if amendment.carried is None and waiting:  # silence is nobody's consent: who has yet to answer
            outcome += f" · not answered yet: {who(waiting)}"
        numbers = ", ".join(f"{k} {v:g}" for k, v in amendment.numbers.items())
        lines.append(f"  {amendment.id}: {escape(names.get(amendment.by, amendment.by))} moves to {amendment.change} "
                     f"{escape(clause_name(amendment.clause))}" + (f" ({numbers})" if numbers else "")
                     + f" · {outcome} · {escape(votes)}")
    for title, answers in (("Invitation", summit.invitation), ("Text", summit.text_votes)):
        if answers:
            lines.append(f"  {title}: " + escape(", ".join(f"{names.get(p, p)} {v}" for p, v in answers.items())))
    if summit.signed:
        reserved = "; ".join(f"{names.get(p, p)} reserves {', '.join(clause_name(x) for x in c)}"
                             for p, c in summit.reservations.items())
        lines.append(f"  Signed: {escape(who(summit.signed))}" + (f" ({escape(reserved)})" if reserved else ""))
    if summit.status in ("adopted", "in_force"):
        voting = f" · parliament votes this {label}: {escape(who(summit.ratifying))}" if summit.ratifying else ""
        # 'votes this year: Laos · refused: Laos' read as a contradiction: the refusal was an earlier vote
        refused = f" · refused in an earlier vote: {escape(who(summit.failed))}" if summit.failed else ""
        lines.append(f"  Ratified: {escape(who(summit.ratified))} ({len(summit.ratified)} of the "
                     f"{summit.min_ratifications} needed){voting}{refused}")
        if summit.overdue:
            lines.append(f"  ✗ Signed, never ratified: {escape(who(summit.overdue))}")
        lines.append(f"  Ratifying costs {summit.ratification_cost:g} political capital; a parliament may refuse.")
    return "\n".join(lines)


def unanswered_words(view: PlayerView) -> str:
    """A line (ending in a newline) for each summit where the team has not answered an amendment still
    open, for the question that ends its turn: silence is nobody's consent, and under consensus the
    amendment fails at its last session without the team's answer. Empty when there is none."""
    lines = []
    for summit in view.summits:
        if view.me.id not in summit.participants or summit.phase not in ("drafting", "adoption"):
            continue
        open_ = [a.id for a in summit.amendments
                 if a.carried is None and a.round == summit.opens and view.me.id not in a.votes]
        if not open_:
            continue
        if summit.phase == "drafting":
            then = f"it waits for your answer next {view.round_label} unless yours could not change it"
        elif summit.rule == "consensus":
            then = "this is its last session: under consensus it fails without your answer"
        else:
            then = "this is its last session: it is decided on the votes cast"
        noun = "amendment" if len(open_) == 1 else "amendments"
        lines.append(f"⚠ You have not answered {noun} {', '.join(open_)} at {the_summit(summit.name)} "
                     f"(s: Summits): {then}.\n")
    return "".join(lines)


class SummitsPanel(VerticalScroll):
    def __init__(self, probe: Probe, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.probe = probe
        self.view: SeatView | None = None

    def compose(self) -> ComposeResult:
        yield Wrapped(id="summits-text")
        yield Static("[b]Your orders at the table[/]", classes="section-title", id="orders-title")
        yield Select[str]([], prompt="summit", id="summit-choice", allow_blank=True, compact=True)
        with Horizontal(classes="panel-buttons", id="amend-row"):
            yield Select[str]([("add", "add"), ("strike", "strike"), ("change", "change")], value="strike",
                              allow_blank=False, id="amend-change", compact=True)
            yield Select[str]([(spec.name, clause) for clause, spec in BUILTIN_CLAUSES.items()], prompt="clause",
                              id="amend-clause", compact=True)
            yield LineField(placeholder="number", id="amend-number", compact=True)
            yield Button("Amend", id="amend", compact=True, variant="primary")
        with Horizontal(classes="panel-buttons", id="vote-row"):
            yield Select[str]([], prompt="item", id="vote-item", compact=True)
            yield Select[str]([("yes", "yes"), ("no", "no"), ("abstain", "abstain")], value="yes",
                              allow_blank=False, id="vote-choice", compact=True)
            yield Button("Vote", id="vote", compact=True, variant="primary")
        yield TickList[str](id="reservations")
        with Horizontal(classes="panel-buttons", id="sign-row"):
            yield Button("Sign (with the reservations ticked)", id="sign", compact=True, variant="success")
            yield Button("Ratify at home", id="ratify", compact=True, variant="warning")
        yield Wrapped("", id="summits-closed")
        yield Wrapped("", id="summits-verdict", classes="refusal")
        yield Static("[b]Call a summit[/] of every state on the clauses ticked: it drafts next round",
                     classes="section-title", id="call-title")
        yield TickList[str](*[(spec.name, clause) for clause, spec in BUILTIN_CLAUSES.items()],
                            id="call-clauses")
        with Horizontal(classes="panel-buttons", id="call-row"):
            yield LineField(placeholder="the summit's name", id="call-name", compact=True)
            yield Button("Call the summit", id="call", compact=True, variant="success")
        yield Static("", id="call-closed")

    def show(self, view: SeatView) -> None:
        self.view = view
        names = names_of(view)
        summits = list(view.summits)
        text = "\n\n".join(summit_text(s, names, view.round_label, nothing_new=clauses_adding_nothing(view, s))
                             for s in summits)
        self.query_one("#summits-text", Static).update(text or "No summit is scheduled or called in this game.")
        self.query_one("#call-title", Static).update(
            f"[b]Call a summit[/] of every state on the clauses ticked: it drafts next {view.round_label}")
        mine = [s for s in summits if isinstance(view, PlayerView) and view.me.id in s.participants]
        choice = self.query_one("#summit-choice", Select)
        current = choice.value if isinstance(choice.value, str) else None
        choice.set_options([(s.name, s.id) for s in mine])
        ids = [s.id for s in mine]
        wanted = current if current in ids else next(
            (s.id for s in mine if s.phase in ("drafting", "adoption", "adopted")), ids[0] if ids else None)
        if wanted is not None:
            choice.value = wanted
        self.show_closed(summits, seated=bool(mine))
        self.show_calls_closed(view.summit_calls_closed)
        self.refresh_choices()

    def show_calls_closed(self, why: str) -> None:
        """Late in the game no summit can be called (it could not be ratified before the last round):
        the call form that could only be refused is hidden and the rules' reason said instead."""
        for part in ("#call-clauses", "#call-row"):
            self.query_one(part).display = not why
        said = self.query_one("#call-closed", Static)
        said.display = bool(why)
        said.update(f"No summit can be called now: {escape(why)}." if why else "")

    def show_closed(self, summits: list[SummitView], seated: bool = True) -> None:
        """In the game's last round nothing is signed or ratified: the buttons that could only be
        refused are hidden and the rules' reason (carried by the view) is said in their place. A seat
        at no summit's table has no orders there: the tutorial showed an empty summit list, amendment
        and vote fields and Sign and Ratify under 'No summit is scheduled or called in this game'."""
        closed = next((s.closed for s in summits if s.closed), "") if seated else ""
        for part in ("#orders-title", "#summit-choice", "#amend-row", "#vote-row"):
            self.query_one(part).display = seated
        self.query_one("#sign-row").display = seated and not closed
        self.query_one("#reservations").display = seated and not closed
        said = self.query_one("#summits-closed", Static)
        said.display = bool(closed)
        said.update(f"{escape(closed[:1].upper() + closed[1:])}." if closed else "")

    def chosen(self) -> SummitView | None:
        if self.view is None:
            return None
        value = self.query_one("#summit-choice", Select).value
        return next((s for s in self.view.summits if s.id == value), None)

    def refresh_choices(self) -> None:
        """The items to vote on and the clauses to reserve, for the summit chosen."""
        summit = self.chosen()
        items = self.query_one("#vote-item", Select)
        reservations = self.query_one("#reservations", SelectionList)
        reservations.clear_options()
        if summit is None:
            items.set_options([])
            return
        if summit.phase == "invitation":
            items.set_options([("the invitation", "invitation")])
        elif summit.phase == "drafting":
            items.set_options([(amendment_item(a), a.id) for a in summit.amendments])
        else:
            # an amendment held over from drafting is voted beside the text (`summits.amendment_outcome`)
            held = [a for a in summit.amendments if a.carried is None and a.round == summit.opens] \
                if summit.phase == "adoption" else []
            items.set_options([("the whole text", "text"),
                               *((amendment_item(a), a.id) for a in held)])
        reservations.add_options([(f"reserve {c.name}", c.clause) for c in summit.draft if c.reservable])
        if summit.phase == "adoption":  # a clause a held amendment would add may be reserved as it is signed
            adding = {a.clause: a.id for a in reversed(summit.amendments)
                      if a.carried is None and a.round == summit.opens and a.change == "add"}
            drafted = {c.clause for c in summit.draft}
            reservations.add_options([(f"reserve {clause_name(clause)} (if amendment {moved} adds it)", clause)
                                      for clause, moved in adding.items()
                                      if clause not in drafted and BUILTIN_CLAUSES[clause].reservable])

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "summit-choice":
            event.stop()
            self.refresh_choices()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "call":
            self.call_summit()
            return
        summit = self.chosen()
        verdict = self.query_one("#summits-verdict", Static)
        if summit is None:
            verdict.update("Your state is not at the table of any summit.")
            return
        data = self.order(event.button.id or "", summit)
        if data is None:
            return
        action, refusal = self.probe.check(data)
        if action is None or refusal is not None:
            verdict.update(f"✗ {escape(refusal or 'that order is not valid')}")
            return
        verdict.update("")
        self.post_message(Order(action, self.done(data, summit), self))

    def call_summit(self) -> None:
        """A summit of every state on the clauses ticked, by consensus, in force at three ratifications
        (or every state, at a smaller table)."""
        view = self.view
        verdict = self.query_one("#summits-verdict", Static)
        if not isinstance(view, PlayerView):
            return
        if not self.query_one("#call-clauses", SelectionList).selected:
            verdict.update("✗ tick at least one clause above for the summit to draft (Space ticks the one "
                           "under the cursor)")
            return
        states = sorted([view.me.id, *(other.id for other in view.others)])
        data = {"type": "call_summit", "name": self.query_one("#call-name", Input).value.strip() or "A summit",
                "participants": states, "min_ratifications": max(2, min(3, len(states))),
                "clauses": [{"clause": c} for c in self.query_one("#call-clauses", SelectionList).selected]}
        action, refusal = self.probe.check(data)
        if action is None or refusal is not None:
            verdict.update(f"✗ {escape(refusal or 'tick at least one clause')}")
            return
        verdict.update("")
        said = f"you called the summit '{data['name']}': it drafts next {view.round_label}"
        self.post_message(Order(action, said, self))

    def order(self, button: str, summit: SummitView) -> dict[str, Any] | None:
        """The order's data from the form, or None (with the reason shown) when a field is missing."""
        verdict = self.query_one("#summits-verdict", Static)
        if button == "amend":
            change = self.query_one("#amend-change", Select).value
            clause = self.query_one("#amend-clause", Select).value
            if not isinstance(clause, str):
                verdict.update("Choose the clause the amendment is about.")
                return None
            data: dict[str, Any] = {"type": "amend", "summit": summit.id, "change": change, "clause": clause}
            typed = self.query_one("#amend-number", Input).value.strip()
            if typed:
                spec = BUILTIN_CLAUSES[clause]
                try:
                    data["numbers"] = {next(iter(spec.numbers)): float(typed)} if spec.numbers else {"number": 0}
                except ValueError:
                    verdict.update(f"The new number must be a number, not '{escape(typed)}'.")
                    return None
            return data
        if button == "vote":
            item = self.query_one("#vote-item", Select).value
            if not isinstance(item, str):
                verdict.update("Choose what to vote on: an amendment while the summit drafts, the text after "
                               "(and an amendment still open then).")
                return None
            return {"type": "vote", "summit": summit.id, "item": item,
                    "choice": self.query_one("#vote-choice", Select).value}
        if button == "sign":
            reserved = list(self.query_one("#reservations", SelectionList).selected)
            return {"type": "sign", "summit": summit.id, "reservations": reserved}
        if button == "ratify":
            return {"type": "ratify", "summit": summit.id}
        return None

    def done(self, data: dict[str, Any], summit: SummitView) -> str:
        kind = data["type"]
        if kind == "amend":
            return f"amendment moved at {summit.name}: {data['change']} {clause_name(data['clause'])}"
        if kind == "vote":
            item = data["item"]
            what = "the text" if item == "text" else "the invitation" if item == "invitation" else f"amendment {item}"
            return f"voted {data['choice']} on {what}"
        if kind == "sign":
            reserved = (f", reserving {', '.join(clause_name(c) for c in data['reservations'])}"
                        if data["reservations"] else "")
            return f"signed the text of {summit.name}{reserved}"
        label = self.view.round_label if self.view is not None else "round"
        return f"the treaty of {summit.name} goes to your parliament at this {label}'s resolution"

    def on_refused(self, message: Refused) -> None:
        message.stop()
        self.query_one("#summits-verdict", Static).update(f"✗ {escape(message.reason)}")
