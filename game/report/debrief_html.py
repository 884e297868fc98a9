"""The debrief as one self-contained HTML file: inline CSS and SVG, no script, no link out, so it
opens offline from a USB stick and prints cleanly."""

from html import escape

from game.model.rounds import round_tick
from game.report.charts import line_chart
from game.report.debrief import Debrief
from game.report.displacement_words import where_and_why
from game.report.figures import charts
from game.report.teaching_html import STYLE as TEACHING_STYLE
from game.report.teaching_html import body_html, handouts_html, summary_html
from game.report.teaching_text import promise_text
from game.report.text import (
    balance,
    capital,
    event_mark,
    headline,
    objective_mark,
    org_heading,
    org_round,
    org_summary,
    path,
    points_text,
    pts,
    tier_cell,
)
from game.scenario.map_svg import map_figure

STYLE = """
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
h1{font-size:1.7rem;margin-bottom:.2rem}h2{border-bottom:2px solid #ddd;padding-bottom:.2rem;margin-top:2.2rem}
.meta{color:#555}.notice{background:#fff6d6;border-left:4px solid #e69f00;padding:.4rem .8rem}
table{border-collapse:collapse;margin:.6rem 0;font-size:.9rem}td,th{border:1px solid #ccc;padding:.25rem .5rem;
text-align:left;vertical-align:top}td.n,th.n{text-align:right}figure{margin:1.2rem 0}
svg.chart,svg.map{max-width:100%;height:auto}
details{margin:.3rem 0 1rem}.kind{font-size:.75rem;color:#555;text-transform:uppercase;letter-spacing:.04em}
.met{font-weight:600}ol li{margin:.4rem 0}table.rounds{font-size:.8rem}table.rounds td{padding:.2rem .3rem}
@media print{details{display:none}h2{break-after:avoid}table,figure,li{break-inside:avoid}
table.rounds{font-size:7.5pt}}
""" + TEACHING_STYLE


def render_html(debrief: Debrief) -> str:
    label = capital(debrief.label)
    e = escape
    out = ['<!doctype html>', '<html lang="en"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>Debrief: {e(debrief.title)}</title><style>{STYLE}</style></head><body>",
           f"<h1>Debrief: {e(debrief.title)}</h1>", f'<p class="meta">{e(headline(debrief))}</p>']
    out += [f'<p class="notice">{e(notice)}</p>' for notice in debrief.notices]
    out.append('<p class="meta">' + e(f"The {debrief.audience}'s version: " + (
        "private messages are listed without their text." if debrief.audience == "class"
        else "it keeps the text of private messages; do not hand it out.")) + "</p>")
    out += summary_html(debrief)
    out += body_html(debrief)
    out += ["<h2>The balance sheet</h2><ul>"] + [f"<li>{e(line)}</li>" for line in balance(debrief)] + ["</ul>"]
    if debrief.objectives:
        out.append("<table><tr><th>State</th><th class=n>Points</th><th>Objectives</th></tr>")
        for state_id, score in debrief.objectives.items():
            listed = "".join(f'<li class="{"met" if o.met else "unmet"}">{e(objective_mark(o))}: '
                            f"{e(o.description)} ({pts(o.points)})</li>" for o in score.objectives)
            out.append(f"<tr><td>{e(debrief.name(state_id))}</td>"
                       f"<td class=n>{points_text(score.points)}/{score.max_points}</td>"
                       f"<td><ul>{listed}</ul></td></tr>")
        out.append("</table>")
    out.append("<h2>Figures</h2>")
    for chart in charts(debrief):
        svg = line_chart(chart.title, debrief.rounds, chart.series, x_label=label, y_label=chart.y_label,
                         ticks=[round_tick(debrief.label, r, debrief.start_year) for r in debrief.rounds])
        head = "".join(f"<th class=n>{e(s.name)}</th>" for s in chart.series)
        rows = "".join(f"<tr><td>{r}</td>" + "".join(f"<td class=n>{s.values[i]:,.0f}</td>" for s in chart.series)
                       + "</tr>" for i, r in enumerate(debrief.rounds))
        out.append(f"<figure>{svg}<details><summary>The numbers</summary><table><tr><th>{label}</th>{head}</tr>"
                   f"{rows}</table></details></figure>")
    out.append("<h2>Timeline by state</h2>")
    for state_id in debrief.state_ids:
        out.append(f"<h3>{e(debrief.name(state_id))}</h3>")
        items = debrief.timeline[state_id]
        if not items:
            out.append("<p>Changed nothing.</p>")
            continue
        out.append("<table>")
        for round_no in sorted({item.round for item in items}):
            told = "<br>".join(f'<span class="kind">{e(i.kind)}</span> {e(i.text)}' for i in items
                               if i.round == round_no)
            out.append(f"<tr><th>{debrief.when(round_no)}</th><td>{told}</td></tr>")
        out.append("</table>")
    if debrief.organizations:
        out.append("<h2>Organizations</h2>")
        for org in debrief.organizations:
            out.append(f"<h3>{e(org_heading(org))}</h3>")
            out += [f"<p>{e(line)}</p>" for line in org_summary(org, debrief.label)]
            out.append(f"<table><tr><th>{label}</th><th class=n>Spent</th><th>Actions</th></tr>")
            out += [f"<tr><td>{entry.round}</td><td class=n>{e(org_round(entry))}</td>"
                    f"<td>{'<br>'.join(e(d) for d in entry.done) or 'nothing'}</td></tr>" for entry in org.rounds]
            out.append("</table>")
    if debrief.events:
        out.append("<h2>Events</h2><ul>")
        out += [f"<li>{debrief.when(r)}: <strong>{e(ev.title)}</strong>{e(event_mark(ev))}"
                + (f": {e(ev.text)}" if ev.text else "") + "</li>" for r, ev in debrief.events]
        out.append("</ul>")
    if debrief.map is not None:
        out.append(map_figure(debrief.map, debrief.label, len(debrief.reports)))
    out.append("<h2>Where the flows were displaced</h2>")
    if debrief.displacement:
        out.append(f"<table><tr><th>{label}</th><th>Network</th><th>Moved off (people a {e(debrief.label)})</th>"
                   "<th>Why</th><th>Moved to</th><th>Onto</th></tr>")
        for round_no, move in debrief.displacement:
            onto = ", ".join(debrief.name(s) for s in move.received_by) or "—"
            opened = path(debrief, move.opened) if move.opened else "nowhere"
            out.append(f"<tr><td>{round_no}</td><td>{e(debrief.name(move.network))}</td>"
                       f"<td>{e(path(debrief, move.dropped))} ({move.dropped_flow:,})</td>"
                       f"<td>{e(where_and_why(move, debrief.name))}</td><td>{e(opened)}</td><td>{e(onto)}</td></tr>")
        out.append("</table>")
    else:
        out.append("<p>No network gave up a route in this game.</p>")
    out.append("<h2>Promises and what followed</h2>")
    if debrief.promises:
        out.append(f"<table><tr><th>{label}</th><th>From → to</th><th>Message</th><th>Then</th></tr>")
        for promise in debrief.promises:
            to = debrief.addressee(promise)
            out.append(f"<tr><td>{promise.round}</td><td>{e(debrief.name(promise.sender))} → {e(to)}</td>"
                       f"<td>{e(promise_text(promise))}</td>"
                       f"<td>{'<br>'.join(e(f) for f in promise.followed)}</td></tr>")
        out.append("</table>")
    else:
        out.append("<p>No messages were sent.</p>")
    out.append("<h2>Pledges and what followed</h2>")
    if debrief.pledges:
        out.append(f"<table><tr><th>{label}</th><th>State</th><th>Pledged to</th><th>Verdict</th><th>Then</th></tr>")
        for line in debrief.pledges:
            out.append(f"<tr><td>{line.made}</td><td>{e(debrief.name(line.seat))}</td><td>{e(line.text)}</td>"
                       f"<td>{e(line.verdict)}</td><td>{'<br>'.join(e(f) for f in line.followed)}</td></tr>")
        out.append("</table>")
    else:
        out.append("<p>No pledges were made.</p>")
    if debrief.summits:
        out.append("<h2>Summits and ratification</h2>")
        for lines in debrief.summits:
            out.append(f"<p><strong>{e(lines[0])}</strong></p><ul>"
                       + "".join(f"<li>{e(line.strip())}</li>" for line in lines[1:]) + "</ul>")
    out.append("<h2>4P and tiers</h2><p>Each cell: tier · prevention/protection/prosecution/partnership (1-5).</p>")
    out.append('<table class="rounds"><tr><th>State</th>'
               + "".join(f"<th>{debrief.when(r)}</th>" for r in debrief.rounds) + "</tr>")
    for state_id in debrief.state_ids:
        cells = "".join(f"<td>{e(tier_cell(r.states[state_id].tier, r.states[state_id].scores_4p))}</td>"
                        if state_id in r.states else "<td>—</td>" for r in debrief.reports)
        out.append(f"<tr><td>{e(debrief.name(state_id))}</td>{cells}</tr>")
    out.append("</table><h2>Facilitator's notes</h2>")
    if debrief.notes:
        out.append("<ul>" + "".join(f"<li>{debrief.when(r) if r else 'Before play'}: {e(note)}</li>"
                                    for r, notes in debrief.notes.items() for note in notes) + "</ul>")
    else:
        out.append("<p>None.</p>")
    out.append("<h2>Discussion prompts</h2><ol>" + "".join(f"<li>{e(p)}</li>" for p in debrief.prompts) + "</ol>")
    out += handouts_html(debrief)
    out.append("</body></html>")
    return "\n".join(out) + "\n"
