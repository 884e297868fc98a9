"""`accord lessons` printed: one JSON document, or a short table and a sentence per lesson for an
instructor."""

import textwrap
from typing import Any

from game.analysis.tournament import Findings
from game.analysis.unfired import sentence


def document(findings: Findings) -> dict[str, Any]:
    return {
        "scenario": findings.scenario,
        "games": len(findings.seeds),
        "seeds": findings.seeds,
        "seconds": round(findings.seconds, 1),
        "strategies": {
            name: {
                "summary": s.summary,
                "games": s.games,
                "harm_averted": round(s.harm_averted, 1),
                "harm_averted_share": round(s.harm_averted_share, 4),
                "scores": {seat: round(v, 3) for seat, v in s.scores.items()},
                **({"tables": {focus: {"harm_averted": round(t.harm_averted, 1),
                                       "harm_averted_share": round(t.share, 4),
                                       "scores": {seat: round(v, 3) for seat, v in t.scores.items()}}
                               for focus, t in s.tables.items()}} if s.tables else {}),
            }
            for name, s in findings.strategies.items()
        },
        "lessons": {
            name: {"holds": lesson.holds, "measured": lesson.measured, "measure": lesson.measure,
                   "detail": lesson.detail,
                   **({"by_seat": lesson.breakdown} if lesson.breakdown else {})}
            for name, lesson in findings.lessons.items()
        },
        "robustness": {
            "parameters_tried": len(findings.sweep.parameters),
            "variants_tried": len(findings.sweep.overrides),
            "breaking": [{"parameter": b.parameter, "value": b.value, "lesson": b.lesson,
                          "within_noise": b.within_noise} for b in findings.breaking],
            "changed": [{"parameter": f.parameter, "value": f.value, "lesson": f.lesson, "holds": f.holds}
                        for f in findings.flips],
            "capped": [{"parameter": o.parameter, "value": o.value} for o in findings.sweep.capped],
            "left_out": findings.sweep.left_out,
        },
        "refused_moves": {"count": findings.refused.moves, "in_sweep": findings.refused.in_sweep,
                          "examples": findings.refused.examples},
        "events_never_fired": [{"event": u.event, "condition": u.condition, "games": u.games,
                                "at_end": {"lowest": u.lowest, "highest": u.highest}} for u in findings.unfired],
    }


def table(findings: Findings) -> str:
    seeds = findings.seeds
    span = f"seed {seeds[0]}" if len(seeds) == 1 else f"seeds {seeds[0]}-{seeds[-1]}"
    lines = [f"Lessons of {findings.scenario}: {len(seeds)} game{'s' if len(seeds) != 1 else ''} a table ({span}), "
             f"{findings.seconds:.0f} s", "",
             f"{'strategy':<17} {'games':>5} {'harm averted':>13} {'of baseline':>11}"]
    for s in findings.strategies.values():
        lines.append(f"{s.name:<17} {s.games:>5} {s.harm_averted:>13,.0f} {s.harm_averted_share:>11.1%}")
    lines.append("")
    for name, lesson in findings.lessons.items():
        # a lesson with nothing to measure (no summit, --parameters none) is not a failure of the game
        verdict = "holds" if lesson.holds else "FAILS" if lesson.measured else "n/a"
        lines.append(f"{name:<15} {verdict:<6} {lesson.detail}")
    if len(seeds) < 2:
        # with one game no margin has a standard error, so no sentence says 'within the noise': the
        # verdicts read as sure as those of many games, and an instructor took them for findings
        lines += textwrap.wrap("With 1 game a table no verdict is checked against the spread between games: a "
                               "margin may turn with other seeds. Before teaching from a verdict, run "
                               "--games 3 or more.", width=100, initial_indent=f"{'':<22}",
                               subsequent_indent=f"{'':<22}")
    flips = findings.flips
    if flips:
        shown = ", ".join(f"{f.parameter}={f.value:g} ({f.lesson} {'holds' if f.holds else 'fails'})"
                          for f in flips[:8])
        more = f" and {len(flips) - 8} more" if len(flips) > 8 else ""
        lines.append(f"{'':<22}Verdicts that change: {shown}{more}.")
    if findings.refused.moves:
        lines.append(f"{'':<22}The rules refused {findings.refused.moves} AI moves ({findings.refused.in_sweep} in the "
                     f"sweep), left out of their games; first: {findings.refused.examples[0]}.")
    if findings.unfired:
        # a heading of their own: indented under the last lesson, they read as part of its verdict
        lines.append("")
        lines.append("Events never set off:")
        lines += [f"  {sentence(item)}." for item in findings.unfired]
    lines.append("")
    lines.append("Harm averted: victim-years prevented against the same seeds with nobody acting. "
                 "--json gives every figure.")
    lines += legend(findings)
    return "\n".join(lines)


def legend(findings: Findings) -> list[str]:
    """What each strategy of the table is, for an instructor who has not read docs/lessons.md: the
    names alone ('paper', 'unratified', 'rider_pledging') said nothing, and a strategy played once
    per seat showed more games than `--games` asked for."""
    lines = ["", *textwrap.wrap("The strategies (docs/lessons.md tells more). Games: the tables played, one a "
                                "seed, and for a strategy tried in each state's seat in turn, one a seed and seat.",
                                width=100)]
    for s in findings.strategies.values():
        lines += textwrap.wrap(s.summary, width=100, initial_indent=f"  {s.name:<17} ", subsequent_indent=" " * 20)
    return lines
