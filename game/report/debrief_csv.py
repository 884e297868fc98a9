"""The debrief as CSV: a row per round and state, for a gradebook or a spreadsheet, then a row per
round and organization (its `org.*` columns: budget, spent, and whom it trained, reviewed, assisted
and where it campaigned; the states' columns are left empty there).

Columns follow the round report's figures for a state, whatever they are (a figure added to the
engine appears as a column without a change here): numbers and words as they are, a list joined by
`;`, a table of numbers spread over `name.key` columns. The baseline's true victims and the
difference (harm averted in that state and round) come next, then the pledges the state made in
the round and those judged in it, kept and broken.
"""

import csv
import io
from dataclasses import asdict
from typing import Any

from game.report.debrief import Debrief

LEAD = ["scenario", "seed", "round", "state", "state_name", "actions"]


def render_csv(debrief: Debrief) -> str:
    rows: list[dict[str, Any]] = []
    columns: list[str] = list(LEAD)
    for report, base in zip(debrief.reports, debrief.baseline, strict=False):
        for state_id in debrief.state_ids:
            figures = report.states.get(state_id)
            if figures is None:
                continue
            taken = [s for s in debrief.actions.get(report.round, []) if s.state == state_id and s.type != "ready"]
            row: dict[str, Any] = {
                "scenario": debrief.scenario_id, "seed": debrief.seed, "round": report.round, "state": state_id,
                "state_name": debrief.name(state_id), "actions": ";".join(s.type for s in taken),
            }
            for key, value in asdict(figures).items():
                _flatten(row, key, value)
            baseline = base.states[state_id].victims_exploited if state_id in base.states else 0
            row["baseline_victims_exploited"] = baseline
            row["victims_averted"] = baseline - figures.victims_exploited
            row["pledges_made"] = sum(1 for p in debrief.pledges if p.seat == state_id and p.made == report.round)
            row["pledges_kept"] = sum(1 for p in debrief.pledges
                                      if p.seat == state_id and p.due == report.round and p.kept is True)
            row["pledges_broken"] = sum(1 for p in debrief.pledges
                                        if p.seat == state_id and p.due == report.round and p.kept is False)
            for key in row:
                if key not in columns:
                    columns.append(key)
            rows.append(row)
        for org in debrief.organizations:
            taken = [s for s in debrief.actions.get(report.round, []) if s.state == org.id and s.type != "ready"]
            row = {"scenario": debrief.scenario_id, "seed": debrief.seed, "round": report.round, "state": org.id,
                   "state_name": org.name, "actions": ";".join(s.type for s in taken)}
            done = report.organizations.get(org.id)
            if done is not None:
                spent = asdict(done)
                spent["trained"] = [f"{target}:{capacity}" for target, capacity in done.trained]
                for key, value in spent.items():
                    _flatten(row, f"org.{key}", value)
            for key in row:
                if key not in columns:
                    columns.append(key)
            rows.append(row)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _flatten(row: dict[str, Any], key: str, value: Any) -> None:
    if isinstance(value, dict):
        for inner, item in value.items():
            _flatten(row, f"{key}.{inner}", item)
    elif isinstance(value, list):
        row[key] = ";".join(str(item) for item in value)
    elif isinstance(value, float):
        row[key] = round(value, 4)
    else:
        row[key] = value
