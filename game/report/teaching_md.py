"""The teaching parts of the Markdown debrief: the summary that leads it, what each team's choices
did, each round's lesson, the agreement ledger and trust, and the per-team handouts at the end."""

from game.report.debrief import Debrief
from game.report.teaching_text import (
    CHOICES_HEAD,
    CHOICES_NOTE,
    SCORE_HEAD,
    effect_cells,
    effect_sentence,
    harm_line,
    score_cells,
    trust_cell,
)
from game.report.text import capital


def cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def table(head: list[str], rows: list[list[str]]) -> list[str]:
    return ["| " + " | ".join(cell(h) for h in head) + " |", "|" + "---|" * len(head)] + [
        "| " + " | ".join(cell(c) for c in row) + " |" for row in rows] + [""]


def summary_md(debrief: Debrief) -> list[str]:
    teaching = debrief.teaching
    out = ["## Summary", "", f"**{harm_line(debrief)}**", ""]
    if teaching is None:
        return out
    out += table(SCORE_HEAD, [score_cells(row) for row in teaching.seats])
    out += ["Three moments that mattered:", ""] + [f"{n}. {cell(m)}" for n, m in enumerate(teaching.moments, 1)] + [""]
    return out


def body_md(debrief: Debrief) -> list[str]:
    teaching = debrief.teaching
    if teaching is None:
        return []
    label = capital(debrief.label)
    out = ["## What your choices did", "", CHOICES_NOTE.format(label=debrief.label), ""]
    out += table(CHOICES_HEAD, [effect_cells(debrief, e) for e in teaching.effects])
    if teaching.agreements:
        out += ["Each signed agreement, against the same game without the proposal behind it:", ""]
        out += table(["Agreement", "Parties", f"Signed ({debrief.label})", f"Victim-{debrief.label}s averted"],
                     [[a.kind, ", ".join(debrief.name(p) for p in a.parties), str(a.signed), f"{a.table:+,.0f}"]
                      for a in teaching.agreements])
    if teaching.lessons:
        out += ["## Each round's lesson", "", f"Shown to the teams as the {debrief.label} opened.", ""]
        out += [f"- **{label} {lesson.round}: {cell(lesson.title)}** — {cell(lesson.text)}"
                for lesson in teaching.lessons]
        out.append("")
    out += ["## Agreement ledger", ""]
    if teaching.ledger.rows:
        rounds = debrief.rounds
        out += table(["Agreement", "Proposed by", "Parties", "Outcome"] + [f"{label} {r}" for r in rounds],
                     [[row.kind, debrief.name(row.proposer), ", ".join(debrief.name(p) for p in row.parties),
                       row.outcome] + [row.cells.get(r, "") for r in rounds] for row in teaching.ledger.rows])
    else:
        out += ["No agreement was proposed.", ""]
    out += ["## Trust over time", "", "How far the other states trust each state (0 to 1; 0.50 with no record): "
            "kept commitments raise it, broken ones lower it.", ""]
    out += table(["State"] + [f"{label} {r}" for r in debrief.rounds],
                 [[debrief.name(s)] + [trust_cell(v) for v in values] for s, values in teaching.ledger.trust.items()])
    return out


def handouts_md(debrief: Debrief) -> list[str]:
    teaching = debrief.teaching
    if teaching is None:
        return []
    label = capital(debrief.label)
    out = ["## Team handouts", ""]
    for handout in teaching.handouts:
        out += ["---", "", f"### {cell(handout.name)} — {handout.player}", ""]
        if handout.brief:
            out += [f"**Brief.** {cell(handout.brief)}", ""]
        if handout.objectives:
            out += ["**Objectives**", ""] + [f"- {cell(o)}" for o in handout.objectives] + [""]
        if handout.results:
            out += ["**At the end**", ""] + [f"- {cell(r)}" for r in handout.results] + [""]
        if handout.effect is not None:
            out += [f"**What your choices did.** {effect_sentence(debrief, handout.effect)}", ""]
        out += ["**Your orders**", ""]
        rounds = sorted({item.round for item in handout.orders})
        out += [f"- {label} {r}: {cell('; '.join(i.text for i in handout.orders if i.round == r))}"
                for r in rounds] or ["- none"]
        out += ["", "**Your promises and what followed**", ""]
        out += [f"- {cell(p)}" for p in handout.promises] or ["- no messages sent"]
        out.append("")
    return out
