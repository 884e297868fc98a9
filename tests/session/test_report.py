"""The debrief (issue 5.6): Markdown, self-contained HTML with SVG charts, and CSV a row per round and state."""

import csv
import io
import random
import re
from pathlib import Path

import pytest

from game.model.actions import AdoptLaw, Message
from game.report.charts import Series, line_chart, nice_step
from game.report.debrief import build_debrief
from game.report.render import render
from game.session.replay import Replay
from game.session.session import Session
from tests.session.helpers import play_randomly, short, tutorial


@pytest.fixture(scope="module")
def replay(tmp_path_factory: pytest.TempPathFactory) -> Replay:
    scenario = short(tutorial(), 4)
    session = Session.new(scenario, 12, saves_dir=tmp_path_factory.mktemp("saves"))
    session.annotate(0, "Teams drawn by lot.")
    session.submit(Message(state="korvia", to=["meridia"], text="We will adopt victim protection this year."),
                   by="korvia")
    session.submit(AdoptLaw(state="korvia", law="victim_protection"), by="korvia")
    session.resolve()
    session.annotate(1, "Korvia kept its word.")
    play_randomly(session, random.Random(4))
    return Replay(session)


def test_markdown_has_every_section(replay: Replay) -> None:
    text = render(replay, "md", "facilitator")
    for heading in ("# Debrief: Tutorial", "## The balance sheet", "## Figures", "## Timeline by state",
                    "## Where pressure displaced the flows", "## Promises and what followed", "## 4P and tiers",
                    "## Facilitator's notes", "## Discussion prompts"):
        assert heading in text
    assert "adopted Victim protection" in text
    assert "“We will adopt victim protection this year.” — then: adopted Victim protection" in text
    assert "- Before play: Teams drawn by lot." in text and "- Year 1: Korvia kept its word." in text
    assert "Harm averted" in text or "Harm added" in text
    assert "Learning objective: Recognize displacement" in text


def test_html_is_one_self_contained_file_with_svg_charts(replay: Replay) -> None:
    html = render(replay, "html")
    assert html.startswith("<!doctype html>") and html.rstrip().endswith("</html>")
    assert html.count("<svg") == 5 and html.count("</svg>") == 5, "four charts and the map"
    assert not re.search(r"https?://", html), "no link may leave the file"
    assert "<script" not in html and "<link" not in html and "@import" not in html
    assert 'role="img"' in html and "<desc" in html  # charts readable without sight
    assert "stroke-dasharray" in html and "<polygon" in html  # series differ by more than colour


def test_csv_has_a_row_per_round_and_state(replay: Replay) -> None:
    rows = list(csv.DictReader(io.StringIO(render(replay, "csv"))))
    assert len(rows) == 4 * 3
    assert {(r["round"], r["state"]) for r in rows} == {(str(n), s) for n in range(1, 5)
                                                        for s in ("korvia", "meridia", "aldmark")}
    first = next(r for r in rows if r["round"] == "1" and r["state"] == "korvia")
    assert first["actions"] == "message;adopt_law"
    for column in ("victims_exploited", "identified", "prosecutions", "convictions", "tier", "scores_4p.prevention",
                   "baseline_victims_exploited", "victims_averted"):
        assert column in first
    assert int(first["victims_averted"]) == int(first["baseline_victims_exploited"]) - int(first["victims_exploited"])


def test_the_debrief_counts_harm_against_the_baseline(replay: Replay) -> None:
    debrief = build_debrief(replay)
    assert debrief.over and debrief.objectives is not None and set(debrief.objectives) == set(debrief.state_ids)
    assert debrief.harm.victim_rounds == sum(r.victims_total for r in replay.reports)
    assert len(debrief.baseline) == 4 and debrief.promises[0].sender == "korvia"
    assert any(item.kind == "law" for item in debrief.timeline["korvia"])


def test_a_game_in_progress_has_a_debrief_too(tmp_path: Path) -> None:
    session = Session.new(short(tutorial(), 3), 1, saves_dir=tmp_path)
    text = render(Replay(session), "md")
    assert "in progress" in text and "No messages were sent." in text
    session.resolve()
    assert "1 of 3 years resolved" in render(Replay(session), "md")


def test_charts_scale_label_and_escape() -> None:
    assert nice_step(11_650) == 2500 and nice_step(7) == 2 and nice_step(0) == 1
    svg = line_chart("A <b> title", [1, 2, 3], [Series("one & two", [1, 2, 3]), Series("three", [0, 0, 0])],
                     x_label="Year", y_label="people")
    assert "A &lt;b&gt; title" in svg and "one &amp; two" in svg and svg.count("<polyline") == 2
    single = line_chart("One round", [1], [Series("s", [5.0])], x_label="Year", y_label="people")
    assert "<circle" in single
