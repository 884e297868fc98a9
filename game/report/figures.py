"""The debrief's charts as data, so Markdown shows them as tables and HTML as SVG over the same numbers."""

from dataclasses import dataclass

from game.report.charts import Series
from game.report.debrief import Debrief


@dataclass(slots=True)
class Chart:
    title: str
    y_label: str
    series: list[Series]


def charts(debrief: Debrief) -> list[Chart]:
    reports, baseline = debrief.reports, debrief.baseline
    ids = debrief.state_ids

    def total(field: str) -> list[float]:
        return [float(sum(getattr(f, field) for f in r.states.values())) for r in reports]

    def per_state(field: str) -> list[Series]:
        return [Series(debrief.name(s), [float(getattr(r.states[s], field)) if s in r.states else 0.0
                                         for r in reports]) for s in ids]

    return [
        Chart("True and identified victims, whole map", "people", [
            Series("true victims, this game", [float(r.victims_total) for r in reports]),
            Series("true victims, nobody acting", [float(r.victims_total) for r in baseline]),
            Series("identified victims, this game", total("identified")),
        ]),
        Chart("True victims by state", "people in exploitation", per_state("victims_exploited")),
        Chart("Identified victims by state", "people identified", per_state("identified")),
        Chart("Prosecutions and convictions, whole map", "cases", [
            Series("prosecutions", total("prosecutions")),
            Series("convictions", total("convictions")),
        ]),
    ]
