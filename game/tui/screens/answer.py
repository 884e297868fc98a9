"""An answer to a proposal with a line for its parties: 'A' accepts, 'X' rejects, and the team types
why ('we cannot pay 2 a year; we could pay 1'), which every party reads in the proposal's detail
beside the answer. The rules took a note with an answer (computer players' refusals carry one), but
a student had no way to write one."""

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from game.engine import ActionRejected
from game.model.view import ProposalView
from game.tui.notes import NOTE_LIMIT, note_problem
from game.tui.orders import Probe
from game.tui.screens.order_dialog import OrderDialog
from game.tui.text import escape
from game.tui.views import SeatView, names_of
from game.tui.widgets.line_field import LineField


class AnswerDialog(OrderDialog):
    """Accept or reject one proposal, with an optional one-line note; Enter or ^s answers."""

    def __init__(self, view: SeatView, probe: Probe, proposal: ProposalView, answer: str) -> None:
        super().__init__(view, probe)
        self.proposal = proposal
        self.answer = answer

    def compose(self) -> ComposeResult:
        proposal, names = self.proposal, names_of(self.view)
        verb = "Accept" if self.answer == "accept" else "Reject"
        spec = self.view.rules.agreements.get(proposal.kind)
        me = names.get(self.view.me.id, self.view.me.id)
        with Vertical(classes="dialog wide"):
            yield Static(f"[b]{verb} {escape(proposal.id)} with a note[/]  (Enter or ^s {verb.lower()} · Esc cancel)",
                         classes="dialog-title")
            yield Static(f"{escape(spec.name if spec else proposal.kind)} proposed by "
                         f"{escape(names.get(proposal.proposer, proposal.proposer))}", classes="form-note")
            yield Static(f"Why, in one line (optional): every party reads it beside your answer, as "
                         f"'{escape(me)} says: …'")
            yield LineField(value=proposal.notes.get(self.view.me.id, ""), id="answer-note", compact=True,
                        placeholder="e.g. we cannot pay 2 a year; we could pay 1")
            yield Static("", id="answer-count", classes="form-note")
            yield Static("", id="answer-verdict", classes="refusal")
            with Horizontal(classes="dialog-buttons"):
                yield Button(f"{verb} (Enter)", id="send", variant="primary", compact=True)
                yield Button("Cancel (Esc)", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.count()
        self.query_one(Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.count()
        self.query_one("#answer-verdict", Static).update("")

    def count(self) -> None:
        typed = len(self.query_one(Input).value.strip())
        over = f": {typed - NOTE_LIMIT} too many" if typed > NOTE_LIMIT else ""
        self.query_one("#answer-count", Static).update(f"{typed} of {NOTE_LIMIT} characters{over}"
                                                       + ("; empty: no note" if not typed else ""))

    def action_send(self) -> None:
        note = self.query_one(Input).value.strip()
        verdict = self.query_one("#answer-verdict", Static)
        problem = note_problem(note)
        if problem:
            verdict.update(f"✗ {escape(problem)}")
            return
        try:
            action = self.probe.build({"type": "respond", "proposal": self.proposal.id, "answer": self.answer,
                                       "note": note})
        except ActionRejected as error:
            verdict.update(f"✗ {escape(str(error))}")
            return
        self.dismiss(action)
