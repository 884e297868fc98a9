"""An answer to a proposal with a line for its parties: 'A' accepts, 'X' rejects, and the team types
why ('we cannot pay 2 a year; we could pay 1'), which every party reads in the proposal's detail
beside the answer. The rules took a note with an answer (computer players' refusals carry one), but
a student had no way to write one."""

import unicodedata

from annotated_types import MaxLen
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from game.engine import ActionRejected
from game.model.actions import Respond
from game.model.text import clean_text
from game.model.view import ProposalView
from game.tui.orders import Probe
from game.tui.screens.order_dialog import OrderDialog
from game.tui.text import escape
from game.tui.views import SeatView, names_of

NOTE_LIMIT: int = next(rule.max_length for rule in Respond.model_fields["note"].metadata if isinstance(rule, MaxLen))
"""The most characters a note may have: the rules' own limit."""

CONTROL_NAMES = {"\t": "a tab", "\n": "a line break", "\r": "a carriage return", "\x1b": "an escape"}


def note_problem(note: str) -> str | None:
    """What is wrong with a typed note, in words, or None: too long, or holding a character other
    screens cannot show (a tab or an escape sequence, pasted), which the rules would drop unsaid."""
    for place, character in enumerate(note, start=1):
        if clean_text(character, lines=False) != character:
            name = CONTROL_NAMES.get(character) or unicodedata.name(character, "").lower() or f"U+{ord(character):04X}"
            return (f"the note holds a control character ({name}) at character {place}, which the "
                    "others' screens cannot show: type it without (a paste can bring one)")
    if len(note) > NOTE_LIMIT:
        return f"the note is {len(note)} characters long: {NOTE_LIMIT} at most (a message, M, can say more)"
    return None


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
            yield Input(value=proposal.notes.get(self.view.me.id, ""), id="answer-note", compact=True,
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
