"""Small wording helpers the Markdown and HTML debriefs share."""

from game.engine.scoring import ObjectiveResult
from game.model.report import EventRecord
from game.report.debrief import Debrief, OrgRecord, OrgRound, tier_name
from game.report.points import points_short

FOUR_P = ("prevention", "protection", "prosecution", "partnership")


def headline(debrief: Debrief) -> str:
    played = len(debrief.reports)
    progress = "" if debrief.over else " (in progress)"
    parts = [f"scenario {debrief.scenario_id}", f"seed {debrief.seed}", f"save {debrief.save_id}",
             f"{played} of {debrief.rounds_total} {debrief.label}s resolved{progress}"]
    return ", ".join(parts)


def balance(debrief: Debrief) -> list[str]:
    harm = debrief.harm
    label = debrief.label
    lines = [
        f"Victim-{label}s in this game: {harm.victim_rounds:,.0f} (true people held in exploitation, summed over "
        f"{label}s).",
        f"With nobody acting (the baseline, same scenario and seed): {harm.baseline_victim_rounds:,.0f}.",
    ]
    if harm.averted >= 0:
        lines.append(f"Harm averted: {harm.averted:,.0f} victim-{label}s ({harm.share:.1%} of the baseline).")
    else:
        lines.append(f"Harm added: {-harm.averted:,.0f} victim-{label}s more than nobody acting.")
    return lines


def event_mark(event: EventRecord) -> str:
    """Events the facilitator fired by hand are marked, so the class knows they were not scripted."""
    return " (fired by the facilitator)" if event.kind == "injected" else ""


def path(debrief: Debrief, regions: list[str]) -> str:
    return " → ".join(debrief.name(region) for region in regions)


def four_p(scores: dict[str, int]) -> str:
    return "/".join(str(scores.get(p, 0)) for p in FOUR_P)


def tier_cell(tier: str, scores: dict[str, int]) -> str:
    return f"Tier {tier_name(tier)} · {four_p(scores)}"


def capital(label: str) -> str:
    return label[:1].upper() + label[1:]


def org_heading(org: OrgRecord) -> str:
    kind = "an NGO" if org.kind == "ngo" else "intergovernmental"
    return f"{org.name} ({kind}; mandate: {', '.join(org.mandate)})"


def org_summary(org: OrgRecord, label: str) -> list[str]:
    """Its spending over the game, and its objectives once the game is over."""
    lines = [f"Spent {org.spent:g} of {org.budget:g} points over {len(org.rounds)} {label}s on its instruments."]
    if org.score is not None:
        met = "; ".join(objective_check(o) + o.description for o in org.score.objectives) or "none"
        lines.append(f"Objectives, {points_text(org.score.points)}/{org.score.max_points} points: {met}.")
    return lines


def points_text(value: float) -> str:
    """Objective points as a class reads them: `6`, `4.1` (partial credit), never `4.113`."""
    return f"{round(value, 1):g}"


def pts(points: float) -> str:
    """An objective's points, abbreviated: '3 pts', '1 point' (never '1 pts')."""
    return points_short(points)


def of_points(points: float) -> str:
    """'of 3 pts', 'of 1 point': what a part of an objective's points is out of."""
    return f"of {pts(points)}"


def partial_points(earned: float, points: float) -> str:
    """A part of an objective's points, as a class reads it: one decimal, or two where one would
    read as all of its points or none of them (2.97 of 3 read '◐ (3 of 3 pts)', partly met with
    every point; 0.02 read '0 of 2 pts')."""
    tenths = round(earned, 1)
    if 0 < tenths < points:
        return f"{tenths:g}"
    return f"{min(max(round(earned, 2), 0.01), points - 0.01):g}"


def objective_mark(result: ObjectiveResult, *, signs: bool = False) -> str:
    """`met`, `not met`, or `partly met` with what a part of a cut earned: without it a total of
    4.1 points out of objectives of 2 and 3 points cannot be followed. With `signs`, the same for a
    list: `✔ `, `✘ ` or `◐ (1.4 of 3 pts) `."""
    if result.met:
        return "✔ " if signs else "met"
    if result.earned > 0:
        earned = f"{partial_points(result.earned, result.points)} {of_points(result.points)}"
        return f"◐ ({earned}) " if signs else f"partly met, {earned}"
    return "✘ " if signs else "not met"


def objective_check(result: ObjectiveResult) -> str:
    return objective_mark(result, signs=True)


def org_round(entry: OrgRound) -> str:
    return f"{entry.spent:g} of {entry.budget:g} points"
