"""The news of the round: this round's scripted events (told as the round opens, so that they guide
the decision), last round's events (with their effects on this state only: the figures of other
states stay private) and the computer players' reasons for the moves this seat may know of,
agreements signed or breached, public statements and pledges (made, kept, broken), and
messages received."""

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from game.model.report import EventRecord, RoundReport
from game.report.describe import SAID, effect_sentence, event_words
from game.session.seat_reports import own_effects
from game.tui.text import escape, num
from game.tui.views import SeatView, id_names, names_of
from game.tui.widgets.wrapped import Wrapped

KIND_MARKS = {"breach": "✗", "agreement": "✓", "lapsed": "✗", "withdrawn": "✗", "scripted": "•", "shock": "⚠",
              "emergence": "⚠", "split": "⚠", "collapse": "✓", "reason": "»", "injected": "•",
              "statement": "“", "pledge": "•", "pledge_kept": "✓", "pledge_broken": "✗"}


SETBACKS = ("expired-", "failed-", "accession-failed-", "suspended-", "lapsed-", "withdrawn-")
"""The engine's agreement events that are no agreement made (by their id): it writes them all of
kind `agreement`, and 'The Funding lapsed' (its condition unmet) read with a ✓."""


def event_mark(event: EventRecord) -> str:
    if event.kind == "agreement" and event.id.startswith(SETBACKS):
        return "✗"
    return KIND_MARKS.get(event.kind, "•")


def events_text(view: SeatView, report: RoundReport | None) -> list[str]:
    if report is None:
        return ["  nothing yet: the first news comes with the first resolution"]
    me = view.me.id
    regions = {r.id for r in view.regions if r.controlled_by == me}  # none for an organization
    names = id_names(view)
    titles = [spec.name for spec in view.rules.agreements.values()]
    lines = []
    for event in report.events:
        mark = event_mark(event)
        label = view.round_label
        lines.append(f"{mark} [b]{escape(event_words(event.title, event.kind, names, label, titles))}[/]")
        if event.text.strip() and event.kind in SAID:  # a statement: the player's words as written
            lines.append(f"  {escape(event.text)}")
        elif event.text.strip():
            lines.append(f"  {escape(event_words(' '.join(event.text.split()), event.kind, names, label, titles))}")
        for effect in own_effects(event, me, regions):
            lines.append(f"  → {escape(effect_sentence(effect, names, me))}")
    return lines or ["  a quiet year: no events"]


def announced_text(view: SeatView) -> list[str]:
    """This round's scripted events, as the round opens: what the round is about."""
    if not view.announced:
        return []
    lines = [f"[b]This {view.round_label}[/] ({view.round_label} {view.round}: new this {view.round_label})"]
    for item in view.announced:
        lines.append(f"• [b]{escape(item.title)}[/]")
        if item.text:
            lines.append(f"  {escape(item.text)}")
        change = item.budget.get(view.me.id, 0.0)
        if abs(change) > 1e-9:  # the figure beside the story: 'spends heavily on the pandemic' said no number
            verb = "cuts" if change < 0 else "raises"
            lines.append(f"  → it {verb} your budget by {num(abs(change))} at this {view.round_label}'s resolution "
                         "(b: Budget)")
    return [*lines, ""]


def news_text(view: SeatView, report: RoundReport | None) -> str:
    names = names_of(view)
    label = view.round_label
    heading = f"[b]News of {label} {report.round}[/]" if report else "[b]News[/]"
    lines = [*announced_text(view), heading + "  (o: your full report)", *events_text(view, report), ""]
    recent = [m for m in view.messages if m.sender != view.me.id and m.round >= view.round - 1]
    lines.append("[b]Messages to you[/] (this and last " + label + ")")
    lines += [f"  {names.get(m.sender, m.sender)}: “{escape(m.text)}”" for m in recent] or ["  none"]
    asked = [p for p in view.proposals if p.status == "open" and p.proposer != view.me.id
             and view.me.id not in p.answers]
    lines += ["", f"[b]Proposals waiting for your answer[/]: {len(asked)}" + ("  (p: diplomacy)" if asked else "")]
    return "\n".join(lines)


class NewsPanel(VerticalScroll):
    def compose(self) -> ComposeResult:
        yield Wrapped(id="news-text")

    def show(self, view: SeatView, report: RoundReport | None) -> None:
        self.query_one("#news-text", Static).update(news_text(view, report))
