"""The teaching parts of the HTML debrief: the summary page to project, what each team's choices
did, each round's lesson, the ledger and trust, and one printed page per team."""

from html import escape as e

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

STYLE = """
.summary{break-after:page}.summary .harm{font-size:1.3rem;font-weight:600}
.handout{break-before:page;page-break-before:always}
td.cell{font-size:.8rem}
@media print{body{max-width:none;margin:0}.summary h2{margin-top:0}}
"""


def table(head: list[str], rows: list[list[str]], numeric: set[int] | None = None) -> str:
    numeric = numeric or set()
    top = "".join(f"<th{' class=n' if i in numeric else ''}>{e(h)}</th>" for i, h in enumerate(head))
    body = "".join("<tr>" + "".join(f"<td{' class=n' if i in numeric else ''}>{e(c)}</td>" for i, c in enumerate(row))
                   + "</tr>" for row in rows)
    return f"<table><tr>{top}</tr>{body}</table>"


def summary_html(debrief: Debrief) -> list[str]:
    teaching = debrief.teaching
    out = ['<section class="summary"><h2>Summary</h2>', f'<p class="harm">{e(harm_line(debrief))}</p>']
    if teaching is not None:
        out.append(table(SCORE_HEAD, [score_cells(row) for row in teaching.seats], {2, 4, 5}))
        out.append("<h3>Three moments that mattered</h3><ol>" + "".join(f"<li>{e(m)}</li>" for m in teaching.moments)
                   + "</ol>")
    out.append("</section>")
    return out


def body_html(debrief: Debrief) -> list[str]:
    teaching = debrief.teaching
    if teaching is None:
        return []
    label = capital(debrief.label)
    out = ["<h2>What your choices did</h2>", f"<p>{e(CHOICES_NOTE.format(label=debrief.label))}</p>",
           table(CHOICES_HEAD, [effect_cells(debrief, x) for x in teaching.effects], {1, 3, 4})]
    if teaching.agreements:
        out += [f"<p>{e(AGREEMENTS_NOTE)}</p>", table(*agreements_table(debrief), {2, 3})]
    if teaching.lessons:
        out.append(f"<h2>Each round's lesson</h2><p>Shown to the teams as the {e(debrief.label)} opened.</p><ul>")
        out += [f"<li><strong>{label} {x.round}: {e(x.title)}</strong> — {e(x.text)}</li>" for x in teaching.lessons]
        out.append("</ul>")
    out.append("<h2>Agreement ledger</h2>")
    out.append(ledger_html(debrief) if teaching.ledger.rows else "<p>No agreement was proposed.</p>")
    out += ["<h2>Trust over time</h2>", f"<p>{e(TRUST_NOTE)}</p>",
            table(*trust_table(debrief), set(range(1, len(debrief.rounds) + 1)))]
    return out


def ledger_html(debrief: Debrief) -> str:
    """The ledger with one column for what happened, a line for each round in which something did: a
    column a round gave mekong's ten years fourteen columns, 1,300 px wide on a 1024 px screen,
    mostly of empty cells."""
    head, rows = ledger_table(debrief)
    fixed = 4
    label = capital(debrief.label)
    top = "".join(f"<th>{e(h)}</th>" for h in head[:fixed]) + f"<th>{e(label)} by {e(debrief.label)}</th>"
    body = []
    for row in rows:
        done = zip(head[fixed:], row[fixed:], strict=True)
        history = "<br>".join(f"<b>{e(when)}</b> {e(what)}" for when, what in done if what)
        body.append("<tr>" + "".join(f"<td>{e(c)}</td>" for c in row[:fixed]) + f"<td>{history}</td></tr>")
    return f'<table class="ledger"><tr>{top}</tr>{"".join(body)}</table>'


def handouts_html(debrief: Debrief) -> list[str]:
    teaching = debrief.teaching
    if teaching is None:
        return []
    label = capital(debrief.label)
    out = []
    for handout in teaching.handouts:
        out.append(f'<section class="handout"><h2>{e(handout.name)} — {e(handout.player)}</h2>'
                   f'<p class="meta">{e(debrief.title)} · the team\'s handout</p>')
        if handout.brief:
            out.append(f"<p><strong>Brief.</strong> {e(handout.brief)}</p>")
        if handout.objectives:
            out.append("<h3>Objectives</h3><ul>" + "".join(f"<li>{e(o)}</li>" for o in handout.objectives) + "</ul>")
        if handout.results:
            out.append("<h3>At the end</h3><ul>" + "".join(f"<li>{e(r)}</li>" for r in handout.results) + "</ul>")
        if handout.effect is not None:
            out.append(f"<p><strong>What your choices did.</strong> {e(effect_sentence(debrief, handout.effect))}</p>")
        rounds = sorted({item.round for item in handout.orders})
        out.append("<h3>Your orders</h3>")
        out.append(table([label, "Orders"], [[str(r), "; ".join(i.text for i in handout.orders if i.round == r)]
                                             for r in rounds]) if rounds else "<p>None.</p>")
        out.append("<h3>Your promises and what followed</h3>")
        out.append("<ul>" + "".join(f"<li>{e(p)}</li>" for p in handout.promises) + "</ul>" if handout.promises
                   else "<p>No messages sent.</p>")
        out.append("</section>")
    return out
