"""Composers for a new proposal (every term of its kind) and for a message, each checked by the
engine as it is typed so the team reads why a proposal would be refused before sending it."""

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from game.model.actions import Action, Propose
from game.model.view import OwnState, ProposalView
from game.model.vocabulary import CAPACITIES
from game.tui.notes import NOTE_LIMIT, note_problem
from game.tui.orders import Probe
from game.tui.partners_text import counted_once_text
from game.tui.screens.order_dialog import OrderDialog
from game.tui.text import escape, points_text, typed_number, typed_whole
from game.tui.views import (
    SeatView,
    catalogue_names,
    known_networks,
    labour_corridor_known,
    names_of,
    network_names,
    parties_of,
)
from game.tui.widgets.line_field import LineField
from game.tui.widgets.number_field import NumberField
from game.tui.widgets.tick import Tick
from game.tui.widgets.wrapped import Wrapped

KIND_FIELDS: dict[str, tuple[str, ...]] = {
    "joint_investigation_team": ("network",),
    "funding": ("donor", "recipient", "amount", "capacity", "condition"),
}
"""Terms beyond duration and contributions, by the rule a kind follows."""
CONDITION_ROWS = 3
"""Laws a funding proposal can be made conditional on from the form (a counter-proposal shows all
of the original's, if it had more); each next row appears once the one before has a law."""


class ProposalComposer(OrderDialog):
    def __init__(self, view: SeatView, probe: Probe, counter: ProposalView | None = None) -> None:
        super().__init__(view, probe)
        self.counter = counter
        self.names = names_of(view)
        self.others = [state_id for state_id, _ in parties_of(view)]
        self.condition_rows = max(CONDITION_ROWS, len(counter.terms.conditions) if counter else 0)

    def compose(self) -> ComposeResult:
        view = self.view
        title = f"Counter-proposal to {self.counter.id}" if self.counter else "New proposal"
        kinds = [(spec.name, kind) for kind, spec in view.rules.agreements.items()]
        first = self.counter.kind if self.counter else kinds[0][1]
        blank_law: list[tuple[str, str]] = [("no condition", "")]
        with Vertical(classes="dialog wide tall"):
            yield Static(f"[b]{title}[/]  (^s send · Esc cancel · Tab next field)", classes="dialog-title")
            with VerticalScroll(id="composer-body"):
                with Horizontal(classes="form-row"):
                    yield Label("Agreement", classes="form-label")
                    yield Select(kinds, value=first, allow_blank=False, compact=True, id="kind")
                yield Wrapped(id="kind-detail", classes="form-note")
                yield Label("Parties (you are one):", classes="form-label")
                with Horizontal(classes="form-row parties"):
                    for other in self.others:
                        yield Tick(self.names[other], id=f"party-{other}", compact=True)
                with Horizontal(classes="form-row"):
                    yield Label(f"Duration ({view.round_label}s)", classes="form-label")
                    yield NumberField(id="duration", integer=True, compact=True, classes="short")
                yield Label(f"Contribution a {view.round_label} by each party (blank: the kind's default)",
                            id="contributions-title")
                with Horizontal(classes="form-row contributions", id="row-contributions"):
                    for party in [view.me.id, *self.others]:
                        yield Label(self.names[party], id=f"contribution-label-{party}", classes="contribution-label")
                        yield NumberField(id=f"contribution-{party}", compact=True, classes="short")
                with Horizontal(classes="form-row", id="row-network"):
                    yield Label("Target network", classes="form-label")
                    networks = known_networks(view)
                    target = self.counter.terms.network if self.counter is not None else None
                    if target and target not in networks:  # the proposal countered named it: it may be kept
                        networks = [*networks, target]
                    called = network_names(view)
                    yield Select([(called.get(n, n), n) for n in networks], compact=True, id="network",
                                 prompt="none known" if not networks else "choose a network")
                with Horizontal(classes="form-row", id="row-donor"):
                    yield Label("Donor → recipient", classes="form-label")
                    everyone = [(self.names[p], p) for p in [view.me.id, *self.others]]
                    yield Select(everyone, compact=True, id="donor", prompt="donor")
                    yield Select(everyone, compact=True, id="recipient", prompt="recipient")
                with Horizontal(classes="form-row", id="row-amount"):
                    yield Label(f"Points a {view.round_label}", classes="form-label")
                    yield NumberField(id="amount", compact=True, classes="short", placeholder="pts")
                    yield Label(" for ")
                    yield Select([(c.replace("_", " "), c) for c in CAPACITIES], compact=True, id="capacity",
                                 prompt="capacity")
                laws = blank_law + [(spec.name, law) for law, spec in view.rules.laws.items()]
                for row in range(self.condition_rows):
                    with Horizontal(classes="form-row condition-row", id=f"row-condition-{row}"):
                        yield Label("Condition: law" if row == 0 else "and law", classes="form-label")
                        yield Select(laws, value="", allow_blank=False, compact=True, id=f"condition-law-{row}")
                        yield Label(f" by {view.round_label} ")
                        # a number, not the word again: the row read 'by year year' before one was typed
                        yield NumberField(id=f"condition-round-{row}", integer=True, compact=True, classes="short",
                                          placeholder="no.")
                yield Static(self.note_title(0), id="note-title")
                yield LineField(id="note", compact=True, placeholder="e.g. we carry your share for two years")
            yield Wrapped("", id="composer-verdict", classes="refusal")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Send (^s)", id="send", variant="primary", compact=True)
                yield Button("Cancel (Esc)", id="cancel", compact=True)

    def on_mount(self) -> None:
        if self.counter is not None:
            self.prefill(self.counter)
        self.refresh_kind()
        self.query_one("#kind", Select).focus()

    def prefill(self, proposal: ProposalView) -> None:
        for party in proposal.parties:
            if party in self.others:
                self.query_one(f"#party-{party}", Checkbox).value = True
        terms = proposal.terms
        if terms.duration:
            self.query_one("#duration", Input).value = str(terms.duration)
        for party, amount in terms.contributions.items():
            if party in self.names:
                self.query_one(f"#contribution-{party}", Input).value = f"{amount:g}"
        if terms.network:
            self.query_one("#network", Select).value = terms.network  # known, or named by the proposal countered
        if terms.donor:
            self.query_one("#donor", Select).value = terms.donor
        if terms.recipient:
            self.query_one("#recipient", Select).value = terms.recipient
        if terms.amount is not None:
            self.query_one("#amount", Input).value = f"{terms.amount:g}"
        if terms.capacity:
            self.query_one("#capacity", Select).value = terms.capacity
        for row, condition in enumerate(terms.conditions):
            self.query_one(f"#condition-law-{row}", Select).value = condition.law
            self.query_one(f"#condition-round-{row}", Input).value = str(condition.by_round)

    def kind(self) -> str:
        return str(self.query_one("#kind", Select).value)

    def refresh_kind(self) -> None:
        """Show the terms this kind takes, and its defaults."""
        spec = self.view.rules.agreements[self.kind()]
        fields = KIND_FIELDS.get(spec.rule, ())
        self.query_one("#row-network").display = "network" in fields
        for row in ("donor", "amount"):
            self.query_one(f"#row-{row}").display = row in fields
        label = self.view.round_label
        laws = catalogue_names(self.view)
        needs = (f" Every party needs {', '.join(laws.get(law, law) for law in spec.requires_laws)} in force."
                 if spec.requires_laws else "")
        if spec.rule == "funding" and not spec.contribution:
            # a grant charges no fee: '0 points a year each' read as a grant of nothing
            costs = f"the donor pays the points a {label} typed below"
        else:
            costs = f"{points_text(spec.contribution)} a {label} each"
        self.query_one("#kind-detail", Static).update(
            f"{escape(spec.effect)} At least {spec.min_parties} parties; default {spec.duration} {label}s, "
            f"{costs} from the {label} after it enters into force"
            # no approval figure where signing moves none ('approval +0.')
            f"{f'; approval {spec.approval:+g}' if spec.approval else ''}.{escape(needs)}"
            + (f" A convention: in force among those who accept once {spec.min_parties} have; the others "
               "stay outside and may accede later." if spec.opt_in else ""))
        self.query_one("#duration", Input).placeholder = str(spec.duration)
        for party in [self.view.me.id, *self.others]:
            self.query_one(f"#contribution-{party}", Input).placeholder = f"{spec.contribution:g}"
        fees = self.takes_contributions()
        self.query_one("#contributions-title").display = fees
        self.query_one("#row-contributions").display = fees
        if spec.rule == "funding":
            self.query_one("#contributions-title", Label).update(
                f"Fee a {label} each party pays besides the grant (blank: the kind's default)")
        else:
            self.query_one("#contributions-title", Label).update(
                f"Contribution a {label} by each party (blank: the kind's default)")
        self.recheck()

    def takes_contributions(self) -> bool:
        """Whether the form asks each party's contribution. A grant of a funding kind that charges
        no fee is only its points a round: a student who typed the grant in the donor's
        contribution too made the donor owe it twice (6 a year for a grant of 3) and breach."""
        spec = self.view.rules.agreements[self.kind()]
        if spec.rule != "funding" or spec.contribution > 0:
            return True
        return self.counter is not None and bool(self.counter.terms.contributions) \
            and self.counter.kind == self.kind()

    def data(self) -> dict[str, Any]:
        """The proposal as plain data, or `ValueError` naming a field that is not a number, or what is
        wrong with the note (too long, a control character)."""
        me = self.view.me.id
        parties = [me] + [o for o in self.others if self.query_one(f"#party-{o}", Checkbox).value]
        terms: dict[str, Any] = {}
        duration = typed_whole(self.query_one("#duration", Input).value, "duration")
        if duration is not None:
            terms["duration"] = duration
        contributions = {}
        for party in parties if self.takes_contributions() else []:
            typed = self.query_one(f"#contribution-{party}", Input).value
            amount = typed_number(typed, f"{self.names[party]}'s contribution")
            if amount is not None:
                contributions[party] = amount
        if contributions:
            terms["contributions"] = contributions
        fields = KIND_FIELDS.get(self.view.rules.agreements[self.kind()].rule, ())
        if "network" in fields:
            terms["network"] = self._select("network")
        if "donor" in fields:
            terms["donor"] = self._select("donor")
            terms["recipient"] = self._select("recipient")
            terms["amount"] = typed_number(self.query_one("#amount", Input).value, "amount")
            terms["capacity"] = self._select("capacity")
            conditions = []
            for row in range(self.condition_rows):
                law = self._select(f"condition-law-{row}")
                if law:
                    by = typed_whole(self.query_one(f"#condition-round-{row}", Input).value, "condition round")
                    if by is None:
                        spec = self.view.rules.laws.get(law)
                        raise ValueError(f"the condition needs the {self.view.round_label} by which "
                                         f"{spec.name if spec else law} is in force")
                    conditions.append({"law": law, "by_round": by})
            if conditions:
                terms["conditions"] = conditions
        data: dict[str, Any] = {"type": "propose", "agreement": self.kind(), "parties": parties,
                                "terms": {k: v for k, v in terms.items() if v is not None}}
        if self.counter is not None:
            data["counters"] = self.counter.id
        note = self.query_one("#note", Input).value.strip()
        problem = note_problem(note)
        if problem:
            raise ValueError(problem)
        if note:  # an empty note is no note
            data["note"] = note
        return data

    def _select(self, name: str) -> str | None:
        value = self.query_one(f"#{name}", Select).value
        return None if value is Select.NULL or value == "" else str(value)

    def missing(self, data: dict[str, Any]) -> str | None:
        """A term the form still needs, in words, before the rules can judge the proposal."""
        if len(data["parties"]) < 2:
            return None  # the engine's own words say it best
        terms = data["terms"]
        fields = KIND_FIELDS.get(self.view.rules.agreements[self.kind()].rule, ())
        if "network" in fields and "network" not in terms:
            return "choose the network to investigate (one you have intelligence on)"
        if "donor" in fields:
            if "donor" not in terms or "recipient" not in terms:
                return "choose the donor and the recipient"
            if "amount" not in terms:
                return f"type the points a {self.view.round_label} the donor pays"
            if "capacity" not in terms:
                return "choose the capacity the points go to"
        return None

    def check(self) -> tuple[Action | None, str | None]:
        try:
            data = self.data()
        except ValueError as error:
            return None, str(error)
        need = self.missing(data)
        return (None, need) if need else self.probe.check(data)

    def show_conditions(self) -> None:
        """Funding's condition rows: the first, and each next one once the one before has a law."""
        fields = KIND_FIELDS.get(self.view.rules.agreements[self.kind()].rule, ())
        shown = "condition" in fields
        for row in range(self.condition_rows):
            self.query_one(f"#row-condition-{row}").display = shown
            shown = shown and self._select(f"condition-law-{row}") is not None

    def recheck(self) -> None:
        self.show_conditions()
        for party in self.others:
            chosen = self.query_one(f"#party-{party}", Checkbox).value
            self.query_one(f"#contribution-{party}", Input).display = chosen
            self.query_one(f"#contribution-label-{party}", Label).display = chosen
        action, refusal = self.check()
        self.query_one("#composer-verdict", Static).update(
            f"✗ {escape(refusal)}" if refusal else "✓ the rules accept this proposal: ^s or Send" + self.bill(action)
            + escape(self.caution(action)))
        self.query_one("#send", Button).disabled = refusal is not None

    def bill(self, action: Action | None) -> str:
        """What the proposal will cost this seat a round, and from when."""
        if not isinstance(action, Propose):
            return ""
        spec = self.view.rules.agreements[action.agreement]
        me = self.view.me.id
        owed = action.terms.contributions.get(me, spec.contribution)
        if spec.rule == "funding" and action.terms.donor == me:
            owed += action.terms.amount or 0.0
        label = self.view.round_label
        if owed <= 0:  # 'you pay 0 a year from year 2: leave it unallocated then' asked to leave nothing aside
            others = [action.terms.contributions.get(p, spec.contribution) for p in action.parties if p != me]
            if spec.rule == "funding" and action.terms.donor not in (None, me):
                return "\nYou pay nothing for it: the donor carries its cost."
            if all(other <= 0 for other in others):  # an extradition treaty, at no cost to anyone
                return f"\nIt costs no party anything a {self.view.round_label}."
            return "\nYou pay nothing for it: the other parties carry its cost."
        bill = (f"\nIf every party accepts this {label}, you pay {owed:g} a {label} from {label} "
                f"{self.view.round + 1}: leave it unallocated then.")
        mine = self.view.me
        if isinstance(mine, OwnState) and owed > mine.available:  # a state's: an organization has no law upkeep
            # the rules take any amount up to a million: a student's grant of 99999 a year, from a
            # budget of 10, read only 'the rules accept this proposal'
            bill += (f"\n! That is more than the {points_text(mine.available)} a {label} your budget leaves after law "
                     "upkeep: you could not pay it, and a party that does not pay is in breach.")
        return bill

    def caution(self, action: Action | None) -> str:
        """A labour migration MoU among parties between whom the team knows no labour route: the
        rules accept it, and it would cost every party its contribution and do nothing the team can
        see (a student's Thailand-Vietnam MoU, where Thailand's useful MoUs were in force already).
        Sharing, safe return or legal assistance with partners it has already under an agreement in
        force: paid for, and nothing added from them (`counted_once_text`)."""
        if not isinstance(action, Propose):
            return ""
        if self.view.rules.agreements[action.agreement].rule != "labour_migration_mou":
            return counted_once_text(self.view, action.agreement, action.parties, action.terms.duration)
        if labour_corridor_known(self.view, list(action.parties)):
            return ""
        return ("\n! You know of no labour route from one party's territory into another's: an MoU acts "
                "only on those corridors, so this one would cost each party and change nothing you can see.")

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if event.select.id == "kind":
            self.refresh_kind()
        else:
            self.recheck()

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        self.recheck()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if event.input.id == "note":
            self.query_one("#note-title", Static).update(self.note_title(len(event.value.strip())))
        self.recheck()

    def note_title(self, typed: int) -> str:
        """The note's title, with how much of the rules' limit is typed once anything is."""
        count = f" · {typed} of {NOTE_LIMIT} characters" if typed else ""
        return (f"Note (optional): one line every party reads beside the terms, as "
                f"'{escape(self.names[self.view.me.id])} says: …'{count}")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in one of its many fields does not send a whole proposal: ^s or Send does."""
        event.stop()

    def action_send(self) -> None:
        action, refusal = self.check()
        if refusal or action is None:
            self.query_one("#composer-verdict", Static).update(f"✗ {escape(refusal or 'incomplete')}")
            return
        self.dismiss(action)


def readers_text(names: list[str]) -> str:
    """Who may read a message to `names`, said before it is sent: a team writes in confidence only
    if it knows who else reads (the facilitator, and later whoever opens the finished game's replay)."""
    if not names:
        return "Read by: tick who it is for. The facilitator reads every message."
    to = names[0] if len(names) == 1 else ", ".join(names[:-1]) + f" and {names[-1]}"
    return (f"Read by: {to}, and the facilitator. No other team sees it during the game; once the game is "
            "over, its replay shows every message (the class debrief leaves the text out).")


class MessageComposer(OrderDialog):
    """Free press between states: the recipients and the facilitator read it, and the dialog says so."""

    def __init__(self, view: SeatView, probe: Probe) -> None:
        super().__init__(view, probe)
        self.names = names_of(view)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static("[b]New message[/]  (Enter or ^s send · Esc cancel)", classes="dialog-title")
            yield Label("To:")
            with Horizontal(classes="form-row parties"):
                for state_id, name in parties_of(self.view):
                    yield Tick(name, id=f"to-{state_id}", compact=True)
            yield LineField(placeholder="Your message (the facilitator reads every message too)", id="message-text",
                        max_length=4000, compact=True)
            yield Static(readers_text([]), id="message-readers", classes="form-note")
            yield Static("", id="message-verdict", classes="refusal")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Send (^s)", id="send", variant="primary", compact=True)
                yield Button("Cancel (Esc)", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one(Checkbox).focus()

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        names = [name for state_id, name in parties_of(self.view) if self.query_one(f"#to-{state_id}", Checkbox).value]
        self.query_one("#message-readers", Static).update(escape(readers_text(names)))

    def data(self) -> dict[str, Any]:
        to = [s for s, _ in parties_of(self.view) if self.query_one(f"#to-{s}", Checkbox).value]
        return {"type": "message", "to": to, "text": self.query_one("#message-text", Input).value.strip()}

    def action_send(self) -> None:
        data = self.data()
        if not data["to"]:
            self.query_one("#message-verdict", Static).update("✗ choose at least one state to write to")
            return
        if not data["text"]:
            self.query_one("#message-verdict", Static).update("✗ write something first")
            return
        action, refusal = self.probe.check(data)
        if refusal or action is None:
            self.query_one("#message-verdict", Static).update(f"✗ {escape(refusal or 'incomplete')}")
            return
        self.dismiss(action)
