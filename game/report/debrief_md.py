"""The debrief as Markdown: for a course page, a shared document, or reading in a terminal."""

from game.report.debrief import Debrief
from game.report.displacement_words import where_and_why
from game.report.figures import charts
from game.report.teaching_md import body_md, handouts_md, summary_md
from game.report.teaching_text import promise_text
from game.report.text import (
    balance,
    capital,
    event_mark,
    headline,
    objective_check,
    org_heading,
    org_round,
    org_summary,
    path,
    points_text,
    tier_cell,
)


def cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def render_markdown(debrief: Debrief) -> str:
    label = capital(debrief.label)
    out = [f"# Debrief: {debrief.title}", "", f"_{headline(debrief)}_", ""]
    out += [f"> {notice}" for notice in debrief.notices] + ([""] if debrief.notices else [])
    out += [f"_The {debrief.audience}'s version: "
            + ("private messages are listed without their text._" if debrief.audience == "class"
               else "it keeps the text of private messages; do not hand it out._"), ""]
    out += summary_md(debrief)
    out += body_md(debrief)
    out += ["## The balance sheet", ""] + [f"- {line}" for line in balance(debrief)] + [""]
    if debrief.objectives:
        out += ["| State | Points | Objectives |", "|---|---:|---|"]
        for state_id, score in debrief.objectives.items():
            met = "; ".join(objective_check(o) + o.description for o in score.objectives) or "none"
            out.append(f"| {cell(debrief.name(state_id))} | {points_text(score.points)}/{score.max_points} | "
                       f"{cell(met)} |")
        out.append("")
    out += ["## Figures", ""]
    for chart in charts(debrief):
        out += [f"### {chart.title}", "", "| " + " | ".join([label] + [cell(s.name) for s in chart.series]) + " |",
                "|---" + "|---:" * len(chart.series) + "|"]
        for index, round_no in enumerate(debrief.rounds):
            out.append("| " + " | ".join([str(round_no)] + [f"{s.values[index]:,.0f}" for s in chart.series]) + " |")
        out.append("")
    out += ["## Timeline by state", ""]
    for state_id in debrief.state_ids:
        out += [f"### {debrief.name(state_id)}", ""]
        items = debrief.timeline[state_id]
        if not items:
            out += ["- Changed nothing.", ""]
            continue
        for round_no in sorted({item.round for item in items}):
            texts = "; ".join(item.text for item in items if item.round == round_no)
            out.append(f"- **{debrief.when(round_no)}**: {cell(texts)}")
        out.append("")
    if debrief.organizations:
        out += ["## Organizations", ""]
        for org in debrief.organizations:
            out += [f"### {cell(org_heading(org))}", ""]
            for line in org_summary(org, debrief.label):
                out += [cell(line), ""]
            for entry in org.rounds:
                done = "; ".join(entry.done) or "nothing"
                out.append(f"- **{debrief.when(entry.round)}** ({org_round(entry)}): {cell(done)}")
            out.append("")
    if debrief.events:
        out += ["## Events", ""] + [f"- {debrief.when(r)}: **{cell(e.title)}**{event_mark(e)}"
                                    + (f": {cell(e.text)}" if e.text else "") for r, e in debrief.events] + [""]
    out += ["## Where the flows were displaced", ""]
    if debrief.displacement:
        out += [f"| {label} | Network | Moved off (people a {debrief.label}) | Why | Moved to | Onto |",
                "|---:|---|---|---|---|---|"]
        for round_no, move in debrief.displacement:
            onto = ", ".join(debrief.name(s) for s in move.received_by) or "—"
            opened = path(debrief, move.opened) if move.opened else "nowhere"
            pressed = cell(where_and_why(move, debrief.name))
            out.append(f"| {round_no} | {cell(debrief.name(move.network))} | {cell(path(debrief, move.dropped))} "
                       f"({move.dropped_flow:,}) | "
                       f"{pressed} | {opened} | {cell(onto)} |")
    else:
        out.append("No network gave up a route in this game.")
    out += ["", "## Promises and what followed", ""]
    if debrief.promises:
        for promise in debrief.promises:
            to = debrief.addressee(promise)
            said = cell(promise_text(promise))
            out.append(f"- {debrief.when(promise.round)}, {debrief.name(promise.sender)} to {to}: {said} "
                       f"— then: {cell('; '.join(promise.followed))}")
    else:
        out.append("No messages were sent.")
    out += ["", "## Pledges and what followed", ""]
    if debrief.pledges:
        for pledge in debrief.pledges:
            out.append(f"- {debrief.when(pledge.made)}, {cell(debrief.name(pledge.seat))} pledged to "
                       f"{cell(pledge.text)}: **{pledge.verdict}** — then: {cell('; '.join(pledge.followed))}")
    else:
        out.append("No pledges were made.")
    if debrief.summits:
        out += ["", "## Summits and ratification", ""]
        for lines in debrief.summits:
            out += [f"- {cell(lines[0])}", *(f"  - {cell(line.strip())}" for line in lines[1:])]
    out += ["", "## 4P and tiers", "", "Each cell: tier · prevention/protection/prosecution/partnership (1-5).", "",
            "| State | " + " | ".join(debrief.when(r) for r in debrief.rounds) + " |",
            "|---" + "|---" * len(debrief.rounds) + "|"]
    for state_id in debrief.state_ids:
        cells = [tier_cell(r.states[state_id].tier, r.states[state_id].scores_4p) if state_id in r.states else "—"
                 for r in debrief.reports]
        out.append(f"| {cell(debrief.name(state_id))} | " + " | ".join(cells) + " |")
    out += ["", "## Facilitator's notes", ""]
    if debrief.notes:
        out += [f"- {debrief.when(r)}: {cell(note)}" if r else f"- Before play: {cell(note)}"
                for r, notes in debrief.notes.items() for note in notes]
    else:
        out.append("None.")
    out += ["", "## Discussion prompts", ""] + [f"{n}. {prompt}" for n, prompt in enumerate(debrief.prompts, 1)]
    out += ["", *handouts_md(debrief)]
    return "\n".join(out) + "\n"
