"""The gradebook export (`accord report --format gradebook`): one row per team, the same columns in
every game and every scenario, so that the files of several games and classes stack into one
spreadsheet. docs/teaching/gradebook.md describes each column.

A numeric column holds only numbers (a tier is given as its points, 3 for Tier 1 down to 0 for
Tier 3, beside a text column with its name); a column that does not apply to a team (an
organization has no territory and no tier; a game in progress has no final score) is left empty.
"""

import csv
import io

from game.report.debrief import Debrief
from game.report.pledges import counts as pledge_counts
from game.report.teaching import TIER_POINTS, tier_words

COLUMNS = [
    "scenario", "scenario_title", "save_id", "seed", "rounds_played", "rounds_total", "game_over",
    "team_id", "team_name", "team_kind", "player", "personality",
    "final_score", "objective_points", "objective_points_max", "tier_points", "home_points",
    "objectives_met", "objectives_total", "final_tier", "final_tier_points",
    "harm_averted_home", "harm_averted_neighbours", "harm_averted_table",
    "messages_sent", "commitments_kept", "commitments_broken",
    "agreements_proposed", "agreements_signed", "rounds_paid", "rounds_unpaid",
    "pledges_made", "pledges_kept", "pledges_broken",
]
"""The stable header: new columns are only ever added at the end."""


def render_gradebook(debrief: Debrief) -> str:
    teaching = debrief.teaching
    if teaching is None:
        raise ValueError("the gradebook needs the debrief's teaching parts")
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    commitments = teaching.commitments
    for team in debrief.state_ids + [org.id for org in debrief.organizations]:
        seat = teaching.seat(team)
        effect = teaching.effect(team)
        assert seat is not None
        kept, broken = commitments.get(team, (0, 0))
        rows = teaching.ledger.rows
        row: dict[str, object] = {
            "scenario": debrief.scenario_id, "scenario_title": debrief.title, "save_id": debrief.save_id,
            "seed": debrief.seed, "rounds_played": len(debrief.reports), "rounds_total": debrief.rounds_total,
            "game_over": 1 if debrief.over else 0,
            "team_id": team, "team_name": seat.name, "team_kind": seat.kind,
            "player": "human" if seat.human else "ai", "personality": seat.personality or "",
            "final_score": _number(seat.score), "objective_points": _number(seat.points),
            "objective_points_max": _number(seat.max_points), "tier_points": _number(seat.tier_points),
            "home_points": _number(seat.home_points), "objectives_met": _number(seat.met),
            "objectives_total": _number(seat.objectives),
            "final_tier": tier_words(seat.tier) if seat.tier is not None else "",
            "final_tier_points": TIER_POINTS.get(seat.tier, "") if seat.tier is not None else "",
            "harm_averted_home": _number(effect.home if effect else None),
            "harm_averted_neighbours": _number(effect.neighbours if effect else None),
            "harm_averted_table": _number(effect.table if effect else None),
            "messages_sent": sum(1 for p in debrief.promises if p.sender == team and not p.statement),
            "commitments_kept": kept, "commitments_broken": broken,
            "agreements_proposed": sum(1 for r in rows if r.proposer == team),
            "agreements_signed": sum(1 for r in rows if r.signed is not None and team in r.parties),
            "rounds_paid": sum(r.paid.get(team, 0) for r in rows),
            "rounds_unpaid": sum(r.unpaid.get(team, 0) for r in rows),
        }
        row["pledges_made"], row["pledges_kept"], row["pledges_broken"] = pledge_counts(debrief.pledges, team)
        writer.writerow(row)
    return out.getvalue()


def _number(value: float | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value))
    return f"{value:.3f}".rstrip("0").rstrip(".")
