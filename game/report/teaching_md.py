"""The teaching parts of the Markdown debrief: the summary that leads it, what each team's choices
did, each round's lesson, the agreement ledger and trust, and the per-team handouts at the end."""

from game.report.debrief import Debrief
from game.report.teaching_text import (
    AGREEMENTS_NOTE,
    CHOICES_HEAD,
    CHOICES_NOTE,
    SCORE_HEAD,
    TRUST_NOTE,
    agreements_table,
    effect_cells,
    effect_sentence,
    harm_line,
    ledger_table,
    score_cells,
    trust_table,
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
        out += [AGREEMENTS_NOTE, "", *table(*agreements_table(debrief))]
    if teaching.lessons:
        out += ["## Each round's lesson", "", f"Shown to the teams as the {debrief.label} opened.", ""]
        out += [f"- **{label} {lesson.round}: {cell(lesson.title)}** — {cell(lesson.text)}"
                for lesson in teaching.lessons]
        out.append("")
    out += ["## Agreement ledger", ""]
    out += table(*ledger_table(debrief)) if teaching.ledger.rows else ["No agreement was proposed.", ""]
    out += ["## Trust over time", "", TRUST_NOTE, "", *table(*trust_table(debrief))]
    return out


def handouts_md(debrief: Debrief) -> list[str]:
    teaching = debrief.teaching
    if teaching is None:
        return []
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
        out += [f"- {debrief.when(r)}: {cell('; '.join(i.text for i in handout.orders if i.round == r))}"
                for r in rounds] or ["- none"]
        out += ["", "**Your promises and what followed**", ""]
        out += [f"- {cell(p)}" for p in handout.promises] or ["- no messages sent"]
        out.append("")
    return out
