"""Diplomacy: the inbox of proposals (accept, reject, counter, withdraw), the agreements on the
table (treaties are public), and messages; new proposals, messages, statements and pledges open a
composer."""

from collections.abc import Iterable
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, DataTable, Static

from game.model.actions import Action, Respond
from game.model.terms import Terms
from game.model.view import AgreementView, ProposalView
from game.report.agreement_words import parties_words, standing_words
from game.report.describe import ids_to_names
from game.tui.messages import Order, Refused
from game.tui.orders import Probe
from game.tui.partners_text import counted_once_text
from game.tui.pledge_lines import LEGEND, MARKS, shown_pledges
from game.tui.screens.notice import ConfirmScreen
from game.tui.text import PENDING, clip, escape, num, points_num, short
from game.tui.views import SeatView, catalogue_names, names_of, network_names
from game.tui.widgets.fitted_table import refill
from game.tui.widgets.wrapped import Wrapped


def terms_text(terms: Terms, kind_default_duration: int, default_contribution: float, names: dict[str, str],
               label: str, parties: Iterable[str] | None = None) -> str:
    """The terms of a proposal or agreement in words; 'others' pay the kind's default only where a
    party has no contribution of its own (China's two-party joint team read 'China 3.3, Thailand 2.7
    (others 3)', with no other party to pay it). Without `parties`, the others are always named."""
    parts = [f"for {terms.duration or kind_default_duration} {label}s"]
    if terms.contributions:
        paid = ", ".join(f"{names.get(p, p)} {points_num(v)}" for p, v in terms.contributions.items())
        others = parties is None or any(p not in terms.contributions for p in parties)
        parts.append(f"each pays a {label}: {paid}"
                     + (f" (others {points_num(default_contribution)})" if others else ""))
    elif default_contribution:
        parts.append(f"each party pays {points_num(default_contribution)} a {label}")
    if terms.network:
        parts.append(f"target: {names.get(terms.network, terms.network)}")
    if terms.donor and terms.recipient:
        parts.append(f"{names.get(terms.donor, terms.donor)} pays {names.get(terms.recipient, terms.recipient)} "
                     f"{points_num(terms.amount or 0)} a {label} for {terms.capacity}")
    for condition in terms.conditions:
        parts.append(f"condition: {names.get(condition.law, condition.law)} in force by {label} {condition.by_round}")
    return "; ".join(parts)


def signed_as(proposal: ProposalView, agreements: Iterable[AgreementView]) -> AgreementView | None:
    """The agreement an accepted proposal became: of its kind and terms, among its parties, signed
    while it was open (a view links the two by nothing else)."""
    for agreement in agreements:
        if agreement.kind == proposal.kind and agreement.terms == proposal.terms \
                and set(agreement.parties) <= set(proposal.parties) \
                and proposal.round <= agreement.signed <= proposal.expires:
            return agreement
    return None


def cost_text(proposal: ProposalView, me: str, label: str, agreements: Iterable[AgreementView] = ()) -> str:
    """What the proposal will cost this seat a round, from when, and for a convention how many
    acceptances bring it into force."""
    owed = proposal.costs.get(me)
    made = signed_as(proposal, agreements) if proposal.status == "accepted" else None
    if owed is None:
        cost = "You are not a party: it costs you nothing."
    elif owed <= 0:  # a funding's recipient read 'You will pay 0 a year ... leave it unallocated then'
        cost = f"It costs you nothing a {label}."
    elif proposal.status == "open" and out_of_reach(proposal, me):
        # a rejected MoU read 'You will pay 1 a year from year 3 if it enters into force at this year's
        # resolution: leave it unallocated then' above '✗ Vietnam rejected it: it ends ...'
        cost = (f"It cannot enter into force now: it costs you nothing (it would have cost {points_num(owed)} "
                f"a {label}).")
    elif proposal.status == "open" and proposal.answers.get(me) == "reject":
        # after 'X' with a note the detail read 'You will pay 2.7 a year from year 2 if it enters into
        # force at this year's resolution: leave it unallocated then' under the team's own rejection
        cost = (f"You rejected it: it costs you nothing. Accepted instead (a), it would cost {points_num(owed)} "
                f"a {label} from {label} {proposal.first_due}.")
    elif proposal.status == "open":
        cost = (f"You will pay {points_num(owed)} a {label} from {label} {proposal.first_due} if it enters into force "
                f"at this {label}'s resolution: leave it unallocated then.")
    elif made is not None and made.status != "in_force":
        # China's detail read 'Cost to you: 3 a year' two years after the joint team had served its term
        cost = (f"It became {made.id}, which ended in {label} {made.ended_round or made.ends}: it costs you "
                f"nothing now (it cost {points_num(owed)} a {label}).")
    elif made is not None:
        cost = f"Cost to you: {points_num(owed)} a {label}, as {made.id}, until {label} {made.ends}."
    else:
        cost = f"Cost to you: {points_num(owed)} a {label}."
    if proposal.min_members:
        cost += (f" A convention: in force among those who accept once {proposal.min_members} have; "
                 "the others stay outside and may accede later.")
    return cost


def counterers(proposals: Iterable[ProposalView]) -> dict[str, str]:
    """Who countered each countered proposal: the proposer of the counter-proposal."""
    return {p.counters: p.proposer for p in proposals if p.counters}


def answers_text(proposal: ProposalView, names: dict[str, str], countered: dict[str, str] | None = None) -> str:
    """Each other party's answer: ✓ accepted, ✗ rejected, ↺ countered (a counter-proposal is that
    party's answer: it read '? Meridia' beside '↺ countered'), ? not yet."""
    by = (countered or {}).get(proposal.id)
    marks = []
    for party in proposal.parties:
        if party == proposal.proposer:
            continue
        answer = proposal.answers.get(party)
        mark = "✓" if answer == "accept" else "✗" if answer == "reject" else "↺" if party == by else "?"
        marks.append(f"{mark} {short(names.get(party, party))}")
    return ", ".join(marks)


ANSWERS_NAMED = 2
"""Other parties the table's Answers cell names one by one; beyond, it counts them by answer (a
convention's six answers ran past an 80-column screen with no mark that they were cut), and the
detail below the table names every one."""

ANSWERS_WIDTH = 20
"""The widest Answers cell that names the parties: two long names are counted too ('✓ The
Netherlands, ✓' was all an 80-column screen showed of Germany's information sharing with the
Netherlands and Romania)."""


def answers_cell(proposal: ProposalView, names: dict[str, str], countered: dict[str, str] | None = None) -> str:
    """`answers_text` where it fits the table, else the answers counted: `✓ 3 · ✗ 1 · ? 2`."""
    named = answers_text(proposal, names, countered)
    if len(proposal.parties) - 1 <= ANSWERS_NAMED and len(named) <= ANSWERS_WIDTH:
        return named
    marks = [part.split(" ", 1)[0] for part in named.split(", ")]
    return " · ".join(f"{mark} {marks.count(mark)}" for mark in ("✓", "✗", "↺", "?") if mark in marks)


def status_word(status: str) -> str:
    return {"open": f"{PENDING} open", "accepted": "✓ accepted", "rejected": "✗ rejected",
            "countered": "↺ countered", "withdrawn": "✗ withdrawn", "expired": "✗ expired"}.get(status, status)


def out_of_reach(proposal: ProposalView, me: str) -> bool:
    """Whether the other parties' answers already sink an open proposal, whatever team `me` answers:
    a treaty one of them rejected; a convention whose acceptances, with `me` and every answer still
    to come counted in, stay short of its minimum (as the settlement reckons at resolution). A
    single rejection does not sink a convention: the state that rejects just stays outside."""
    others = [p for p in proposal.parties if p != proposal.proposer]
    if not proposal.min_members:
        return any(proposal.answers.get(p) == "reject" for p in others if p != me)
    possible = [p for p in proposal.parties
                if p == proposal.proposer or p == me or proposal.answers.get(p) != "reject"]
    return len(possible) < proposal.min_members


def proposal_status(proposal: ProposalView, me: str) -> str:
    """Where a proposal stands for team `me`, answers included: an open proposal the others' answers
    have sunk is as good as ended, and one every other party has accepted will be signed, so neither
    reads as plainly open."""
    if proposal.status != "open":
        return status_word(proposal.status)
    others = [p for p in proposal.parties if p != proposal.proposer]
    mine = proposal.answers.get(me)
    if mine == "reject":
        return "✗ you rejected"
    if out_of_reach(proposal, me):
        return "✗ rejected"
    if others and all(proposal.answers.get(p) == "accept" for p in others):
        return "✓ all accepted"
    if mine == "accept":
        return "✓ you accepted"
    return status_word("open")


def proposer_verdict(proposal: ProposalView, names: dict[str, str], label: str) -> str:
    """What the proposer of an open proposal reads under the table: a proposal every other party has
    accepted read '… waiting for the others' answers' beside '✓ all accepted', and a convention one
    party rejected read 'it ends' though the others' acceptances may still bring it into force."""
    refused = ", ".join(short(names.get(p, p)) for p, answer in proposal.answers.items() if answer == "reject")
    others = [p for p in proposal.parties if p != proposal.proposer]
    if out_of_reach(proposal, proposal.proposer):
        return f"✗ {refused} rejected it: it ends when this {label} is resolved"
    if all(proposal.answers.get(p) == "accept" for p in others):
        return f"✓ every party accepted: it is signed when this {label} is resolved; w withdraws it"
    if refused:
        return (f"✗ {refused} rejected it and stays outside; {PENDING} waiting for the others' answers "
                f"(in force among those who accept once {proposal.min_members} have); w withdraws it")
    return f"{PENDING} waiting for the others' answers; w withdraws it"


def rejected_verdict(proposal: ProposalView, me: str, label: str) -> str:
    """What a party that rejected an open proposal reads: a treaty ends, but a convention others can
    still bring into force goes on without it (it read 'it ends when this year is resolved')."""
    if proposal.min_members:
        possible = [p for p in proposal.parties
                    if p != me and (p == proposal.proposer or proposal.answers.get(p) != "reject")]
        if len(possible) >= proposal.min_members:
            return ("✗ you rejected it: you stay outside (you may accede later) and it may enter into force "
                    f"among the others when this {label} is resolved (a accepts instead, until then)")
    return f"✗ you rejected it: it ends when this {label} is resolved (a accepts instead, until then)"


def agreement_line(agreement: AgreementView, view: SeatView, names: dict[str, str]) -> str:
    spec = view.rules.agreements.get(agreement.kind)
    name = spec.name if spec else agreement.kind
    label = view.round_label
    parties = parties_words(agreement.parties, agreement.terms, lambda p: names.get(p, p), label)
    state = standing_words(agreement, lambda p: names.get(p, p), label, view.rounds)
    unpaid = ", ".join(names.get(p, p) for p in agreement.unpaid)
    breach = f" · ✗ breach: {unpaid} did not pay" if agreement.unpaid else ""
    mine = "★ " if view.me.id in agreement.parties else "  "
    return f"{mine}{agreement.id} {name} ({parties}): {state}{breach}"


PROPOSAL_COLUMNS = ("Id", "Agreement", "Status", "From", "Answers")


CURSOR_KEYS = frozenset({"up", "down", "pageup", "pagedown", "home", "end"})
"""The keys with which the proposals table moves its cursor."""


class DiplomacyPanel(VerticalScroll):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "answer('accept')", "Accept"),
        Binding("x", "answer('reject')", "Reject"),
        Binding("c", "counter", "Counter"),
        Binding("w", "withdraw", "Withdraw", show=False),
        Binding("j", "accede", "Accede", show=False),
        Binding("N", "compose_proposal", "New", key_display="N"),
        Binding("M", "compose_message", "Msg", key_display="M"),
        Binding("P", "compose_pledge", "Pledge", key_display="P", show=False),
    ]

    def __init__(self, probe: Probe, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.probe = probe
        self.view: SeatView | None = None
        self.proposal_ids: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static("[b]Proposals[/] you are a party to  (a accept · x reject · c counter · w withdraw)",
                     classes="section-title")
        table: DataTable[str] = DataTable(id="proposals-table", cursor_type="row")
        table.add_columns(*PROPOSAL_COLUMNS)
        yield table
        yield Wrapped(id="proposal-detail")
        with Horizontal(classes="panel-buttons"):
            yield Button("Accept (a)", id="accept", compact=True, variant="primary")
            yield Button("Reject (x)", id="reject", compact=True)
            yield Button("Counter (c)", id="counter", compact=True)
            yield Button("Withdraw (w)", id="withdraw", compact=True)
        yield Wrapped("", id="diplomacy-verdict", classes="refusal")
        with Horizontal(classes="panel-buttons"):
            yield Button("New proposal (N)", id="new-proposal", compact=True, variant="success")
            yield Button("Message (M)", id="new-message", compact=True, variant="success")
            yield Button("Accede to a convention (j)", id="accede", compact=True)
        with Horizontal(classes="panel-buttons"):
            yield Button("Public statement or pledge (P)", id="new-pledge", compact=True)
        yield Wrapped(id="agreements-text")
        yield Wrapped(id="pledges-text")
        yield Wrapped(id="messages-text")

    def show(self, view: SeatView) -> None:
        self.view = view
        names = names_of(view)
        table = self.query_one("#proposals-table", DataTable)
        row = table.cursor_row
        held = self.proposal_ids[row] if row is not None and 0 <= row < len(self.proposal_ids) else None
        shown = sorted(view.proposals, key=lambda p: (p.status != "open", -p.round, p.id))
        countered = counterers(view.proposals)
        self.proposal_ids = [p.id for p in shown]
        rows: list[tuple[str | None, tuple[str, ...]]] = []
        for proposal in shown:
            spec = view.rules.agreements.get(proposal.kind)
            rows.append((proposal.id, (proposal.id, clip(short(spec.name if spec else proposal.kind), 24),
                                       proposal_status(proposal, view.me.id),
                                       clip(short(names.get(proposal.proposer, proposal.proposer)), 16),
                                       answers_cell(proposal, names, countered))))
        # the columns too, as wide as what they hold now: a column kept the widest cell it ever held
        # (the placeholder's sentence kept Agreement 42 wide, pushing Answers off an 80-column
        # screen once a proposal came), and one sized after it was drawn stayed cut to its header
        refill(table, PROPOSAL_COLUMNS, rows or [(None, ("–", "no proposals yet: press N to propose one", "", "", ""))])
        if held in self.proposal_ids:
            # the cursor stays on its proposal: one withdrawn moved down the list, the row under the
            # cursor became another proposal, and a second w withdrew one every party had accepted
            table.move_cursor(row=self.proposal_ids.index(held))
        elif row is not None and shown:
            table.move_cursor(row=min(row, len(shown) - 1))
        agreements = [agreement_line(a, view, names) for a in view.agreements]
        self.query_one("#agreements-text", Static).update(
            "[b]Agreements[/] (public; ★ yours)\n" + escape("\n".join(agreements) or "  none yet"))
        label = view.round_label
        # every pledge at the table with its standing: the tab listed none, and a pledge already
        # broken waited for its due round's news
        pledges = [f"  {MARKS.get(p.standing, '…')} {names.get(p.seat, p.seat)} ({label} {p.made}): {p.text}; "
                   f"{p.status}" for p in reversed(shown_pledges(view.pledges, view.round))]
        self.query_one("#pledges-text", Static).update(
            f"[b]Pledges[/] (public; {LEGEND})\n" + escape("\n".join(pledges) or "  none yet: P to make one"))
        messages = [f"  {label.capitalize()} {m.round}: {names.get(m.sender, m.sender)} → "
                    f"{', '.join(names.get(t, t) for t in m.to)}: “{m.text}”" for m in reversed(view.messages)]
        self.query_one("#messages-text", Static).update(
            "[b]Messages[/] (newest first)\n" + escape("\n".join(messages) or "  none yet"))
        self.describe()

    def current(self) -> ProposalView | None:
        if self.view is None or not self.proposal_ids:
            return None
        row = self.query_one("#proposals-table", DataTable).cursor_row
        if not 0 <= row < len(self.proposal_ids):
            return None
        wanted = self.proposal_ids[row]
        return next((p for p in self.view.proposals if p.id == wanted), None)

    def on_key(self, event: events.Key) -> None:
        """A key that moves the proposals' cursor brings their table into view: with the tab scrolled
        down to the messages, Up, PageUp and Home moved the cursor out of sight and the detail changed
        under the agreements' text, the list unreachable without a mouse."""
        table = self.query_one("#proposals-table", DataTable)
        if event.key == "pagedown" and table.has_focus and table.cursor_row >= table.row_count - 1:
            # on the last proposal (or none), PageDown turns the tab's page: it moved a cursor that
            # could go no further, and the agreements and messages below stayed out of reach at 80x24
            event.stop()
            event.prevent_default()
            self.scroll_page_down(animate=False)
            return
        if event.key in CURSOR_KEYS and table.has_focus:
            # the table is at most six lines and scrolls its own rows: the whole of it fits
            self.call_after_refresh(self.scroll_to_widget, table, animate=False)


    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self.describe()

    def describe(self) -> None:
        view, proposal = self.view, self.current()
        detail = self.query_one("#proposal-detail", Static)
        verdict = self.query_one("#diplomacy-verdict", Static)
        buttons = {name: self.query_one(f"#{name}", Button) for name in ("accept", "reject", "counter", "withdraw")}
        if view is None or proposal is None:
            detail.update("")
            verdict.update("")
            for button in buttons.values():
                button.disabled = True
            return
        names = names_of(view)
        terms_names = names | catalogue_names(view) | network_names(view)
        spec = view.rules.agreements.get(proposal.kind)
        duration = spec.duration if spec else 1
        contribution = spec.contribution if spec else 0.0
        label = view.round_label
        lines = [
            f"[b]{escape(spec.name if spec else proposal.kind)}[/] proposed by "
            f"{escape(names.get(proposal.proposer, proposal.proposer))} in {label} {proposal.round}; "
            f"parties: {escape(', '.join(names.get(p, p) for p in proposal.parties))}; open until {label} "
            f"{proposal.expires}" + (f"; counters {proposal.counters}" if proposal.counters else ""),
            f"Where it stands: {escape(proposal_status(proposal, view.me.id))}; answers: "
            f"{escape(answers_text(proposal, names, counterers(view.proposals)) or 'none needed')}",
            "Terms: " + escape(terms_text(proposal.terms, duration, contribution, terms_names, label,
                                          proposal.parties)),
        ]
        # a note as written, but a state's id as its name (a computer player's refusal names the
        # partners that broke commitments by id)
        # the proposer's line (with its proposal) first, then the answers' lines
        said = sorted(proposal.notes.items(), key=lambda item: item[0] != proposal.proposer)
        lines += [f"{escape(names.get(party, party))} says: {escape(ids_to_names(note, names))}"
                  for party, note in said if party != view.me.id]
        if view.me.id in proposal.notes:  # what the other parties read of this team's proposal or answer
            lines.append(f"You said: {escape(proposal.notes[view.me.id])}")
        lines.append(cost_text(proposal, view.me.id, label, view.agreements))
        if proposal.status == "open" and view.me.id in proposal.parties:
            twice = counted_once_text(view, proposal.kind, proposal.parties, proposal.terms.duration)
            if twice:
                lines.append(escape(twice.strip()))
        if spec:
            lines.append(f"Effect: {escape(spec.effect)}  [i]{escape(spec.source)}[/]")
        detail.update("\n".join(lines))
        me = view.me.id
        checks: dict[str, dict[str, str]] = {
            "accept": {"type": "respond", "proposal": proposal.id, "answer": "accept"},
            "reject": {"type": "respond", "proposal": proposal.id, "answer": "reject"},
            "withdraw": {"type": "withdraw", "agreement": proposal.id},
        }
        refusals = {name: self.probe.check(data)[1] for name, data in checks.items()}
        mine = proposal.answers.get(me)
        for name, refusal in refusals.items():
            buttons[name].disabled = refusal is not None or name == mine
        buttons["counter"].disabled = (proposal.status != "open" or proposal.proposer == me or view.me.ready
                                       or mine is not None)
        if proposal.status != "open":
            verdict.update(f"{status_word(proposal.status)}: nothing to answer")
        elif proposal.proposer == me:
            verdict.update(escape(proposer_verdict(proposal, names, label)))
        elif mine == "reject":
            verdict.update(rejected_verdict(proposal, me, label))
        elif out_of_reach(proposal, me):
            refused = ", ".join(short(names.get(p, p)) for p, answer in proposal.answers.items()
                                if answer == "reject" and p != me)
            verdict.update(f"✗ {escape(refused)} rejected it: it cannot enter into force now, whatever you "
                           f"answer, and ends when this {label} is resolved")
        elif mine == "accept":
            needs = (f"{proposal.min_members} of the parties accept" if proposal.min_members
                     else "every party accepts")
            verdict.update(f"✓ you accepted it: it is signed when this {label} is resolved if {needs} "
                           "(x rejects instead, until then)")
        elif refusals["accept"] is None:
            verdict.update("✓ you can accept (a), reject (x) or counter (c); A or X answers with a note")
        else:
            verdict.update(f"✗ cannot accept: {escape(refusals['accept'] or '')}")

    # --- orders --------------------------------------------------------------------------------

    def _order(self, action: Action, done: str) -> None:
        self.post_message(Order(action, done, self))

    def action_answer(self, answer: str) -> None:
        proposal = self.current()
        if proposal is None or self.view is None:
            return
        verdict = "accept" if answer == "accept" else "reject"
        self._order(self.probe.build({"type": "respond", "proposal": proposal.id, "answer": verdict}),
                    self._answered(proposal, verdict))

    def _answered(self, proposal: ProposalView, verdict: str, noted: bool = False) -> str:
        """What the team is told once its answer is recorded: with an acceptance, what it will pay."""
        assert self.view is not None
        owed = proposal.costs.get(self.view.me.id)
        label = self.view.round_label
        bill = (f": you pay {points_num(owed)} a {label} from {label} {proposal.first_due} once it is in force"
                if verdict == "accept" and owed and not out_of_reach(proposal, self.view.me.id) else "")
        return f"{verdict}ed proposal {proposal.id}" + (", with your note" if noted else "") + bill

    async def action_answer_with_note(self, answer: str) -> None:
        """A or X (the team screen's keys, `SeatScreen.action_answer_with_note`): the answer with a
        line for the parties, typed in a dialog (`screens.answer`); a proposal the rules would not
        let this team answer so says why here, as a or x does. The note's field has the keys
        before this action returns."""
        from game.tui.screens.answer import AnswerDialog

        proposal, view = self.current(), self.view
        if proposal is None or view is None:
            return
        refusal = self.probe.check({"type": "respond", "proposal": proposal.id, "answer": answer})[1]
        if refusal is not None:
            self.query_one("#diplomacy-verdict", Static).update(f"✗ {escape(refusal)}")
            return

        def answered(action: Action | None) -> None:
            if isinstance(action, Respond):
                self._order(action, self._answered(proposal, action.answer, noted=bool(action.note)))

        dialog = AnswerDialog(view, self.probe, proposal, answer)
        await self.app.push_screen(dialog, answered)
        dialog.set_focus(dialog.query_one("#answer-note"))

    def action_withdraw(self) -> None:
        proposal = self.current()
        if proposal is None or self.view is None:
            return
        self._order(self.probe.build({"type": "withdraw", "agreement": proposal.id}),
                    f"withdrew proposal {proposal.id}")

    def action_counter(self) -> None:
        proposal = self.current()
        if proposal is None or self.view is None:
            return
        if proposal.status != "open" or proposal.proposer == self.view.me.id:
            self.query_one("#diplomacy-verdict", Static).update(
                "✗ only an open proposal from another state can be countered")
            return
        self._open_composer(proposal)

    def action_compose_proposal(self) -> None:
        self._open_composer(None)

    def _open_composer(self, counter: ProposalView | None) -> None:
        from game.tui.screens.composer import ProposalComposer

        if self.view is None:
            return

        def sent(action: Action | None) -> None:
            if action is not None:
                self._order(action, "proposal sent" if counter is None else f"counter-proposal to {counter.id} sent")

        self.app.push_screen(ProposalComposer(self.view, self.probe, counter), sent)

    def action_accede(self) -> None:
        """Accede to a convention in force that this state is outside of, after a question that
        names its cost and from when it falls due."""
        view = self.view
        if view is None:
            return
        verdict = self.query_one("#diplomacy-verdict", Static)
        outside = [a for a in view.agreements if a.status == "in_force" and view.me.id not in a.parties
                   and (spec := view.rules.agreements.get(a.kind)) is not None and spec.opt_in]
        refusal = "there is no convention in force that you are outside of"
        for agreement in outside:
            action, refusal_now = self.probe.check({"type": "accede", "agreement": agreement.id})
            if action is None or refusal_now is not None:
                refusal = refusal_now or refusal
                continue
            spec = view.rules.agreements[agreement.kind]
            owed = agreement.terms.contributions.get(view.me.id, spec.contribution)
            label = view.round_label
            question = (f"Accede to {escape(spec.name)} ({agreement.id}) with "
                        f"{escape(', '.join(names_of(view).get(p, p) for p in agreement.parties))}?\n\n"
                        f"You join at this {label}'s resolution and spend {num(spec.political_cost)} political "
                        f"capital; you pay {points_num(owed)} a {label} from {label} {view.round + 1}, from what your "
                        "allocation leaves.")

            def answer(yes: bool | None, chosen: Action = action, agreement_id: str = agreement.id) -> None:
                if yes:
                    self._order(chosen, f"asked to accede to {agreement_id}")

            self.app.push_screen(ConfirmScreen(question, title="Accede", yes="Accede", no="Back"), answer)
            return
        verdict.update(f"✗ {escape(refusal)}")

    def action_compose_message(self) -> None:
        from game.tui.screens.composer import MessageComposer

        if self.view is None:
            return

        def sent(action: Action | None) -> None:
            if action is not None:
                self._order(action, "message sent")

        self.app.push_screen(MessageComposer(self.view, self.probe), sent)

    def action_compose_pledge(self) -> None:
        """A public statement, or a pledge the game will check (`screens.pledge`)."""
        from game.tui.screens.pledge import PledgeComposer

        if self.view is None:
            return

        def made(action: Action | None) -> None:
            if action is not None:
                self._order(action, "pledge made: every seat reads it in the news" if action.type == "pledge"
                            else "statement made: every seat reads it in the news")

        self.app.push_screen(PledgeComposer(self.view, self.probe), made)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        button = event.button.id
        if button in ("accept", "reject"):
            self.action_answer(button)
        elif button == "counter":
            self.action_counter()
        elif button == "withdraw":
            self.action_withdraw()
        elif button == "new-proposal":
            self.action_compose_proposal()
        elif button == "new-message":
            self.action_compose_message()
        elif button == "accede":
            self.action_accede()
        elif button == "new-pledge":
            self.action_compose_pledge()

    def on_refused(self, message: Refused) -> None:
        message.stop()
        self.query_one("#diplomacy-verdict", Static).update(f"✗ {escape(message.reason)}")
