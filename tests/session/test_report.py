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
                    "## Where the flows were displaced", "## Promises and what followed", "## 4P and tiers",
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


def test_the_round_by_round_tables_shrink_their_type_on_paper(replay: Replay) -> None:
    html = render(replay, "html")
    assert '<table class="rounds">' in html
    print_rules = html[html.index("@media print"):]
    assert "table.rounds{font-size:7.5pt}" in print_rules


def test_objective_points_are_read_to_one_decimal_and_a_partial_cut_says_what_it_earned() -> None:
    from game.engine.scoring import ObjectiveResult
    from game.report.text import objective_check, objective_mark, points_text

    assert points_text(4.113) == "4.1" and points_text(6.0) == "6" and points_text(5.485) == "5.5"
    partial = ObjectiveResult("reduce_victims", "cut true victims in X by 15%", 3, False, earned=1.4)
    assert objective_mark(partial) == "partly met, 1.4 of 3 pts"
    assert objective_check(partial).startswith("◐ (1.4 of 3 pts)")
    assert objective_mark(ObjectiveResult("keep_approval", "keep approval", 2, True, earned=2)) == "met"
    assert objective_mark(ObjectiveResult("keep_approval", "keep approval", 2, False)) == "not met"


def test_no_debrief_prints_objective_points_to_three_decimals(replay: Replay) -> None:
    """Partial credit made `4.113/9` in the summary and the balance sheet."""
    from game.report.debrief_html import render_html
    from game.report.debrief_md import render_markdown

    debrief = build_debrief(replay)
    assert debrief.objectives and debrief.teaching
    state_id, score = next(iter(debrief.objectives.items()))
    cut = next(o for o in score.objectives if o.kind == "reduce_victims")
    cut.met, cut.earned = False, 1.113
    score.points = 4.113
    next(row for row in debrief.teaching.seats if row.name == debrief.name(state_id)).points = 4.113
    for text in (render_html(debrief), render_markdown(debrief)):
        assert "4.113" not in text and f"4.1/{score.max_points}" in text
        assert "1.1 of" in text, "the partial cut says what it earned"


def test_chart_axes_name_calendar_years_where_the_scenario_gives_them(tmp_path: Path) -> None:
    scenario = short(tutorial(), 2).model_copy(update={"start_year": 2020})
    session = Session.new(scenario, 3, saves_dir=tmp_path)
    play_randomly(session, random.Random(1))
    html = render(Replay(session), "html")
    figures = html[html.index("<h2>Figures</h2>"):html.index("<h2>Timeline")]
    assert 'text-anchor="middle">2020</text>' in figures and 'text-anchor="middle">2021</text>' in figures
    assert "2021: " in figures, "the tooltips name the year too"
    assert 'text-anchor="middle">Year</text>' in figures, "the axis keeps its label"


def test_an_ai_seat_is_named_by_its_personality_in_words() -> None:
    from game.report.teaching import SeatRow

    assert SeatRow("china", "China", "state", False, "free_rider").player == "AI (free rider)"
    assert SeatRow("laos", "Laos", "state", True, None).player == "human team"


def test_the_displacement_table_counts_people_a_year_in_lower_case(replay: Replay) -> None:
    """Mekong's debrief headed its column 'Moved off (people a Year)': the first column's capital
    leaked into the middle of a phrase, in the Markdown and in the HTML."""
    from dataclasses import replace as with_

    from game.model.report import Displacement
    from game.report.debrief_html import render_html
    from game.report.debrief_md import render_markdown

    move = Displacement("red-lantern", "sexual", ["korvia-hills", "meridia-pass", "aldmark-metro"], 40,
                        ["korvia-hills", "korvia-city"], 30.0, 0.03, "aldmark-metro", "aldmark", [], cause="site")
    debrief = with_(build_debrief(replay), displacement=[(2, move)])
    markdown, html = render_markdown(debrief), render_html(debrief)
    assert "| Year | Network | Moved off (people a year) | Why |" in markdown, markdown
    assert "<th>Moved off (people a year)</th>" in html
    assert "people a Year" not in markdown + html


def test_the_displacement_prompt_gives_the_cause_of_the_move_and_asks_who_paid_only_when_someone_did(
    replay: Replay,
) -> None:
    """A fall in demand an event brought read 'pressure in Côte d'Ivoire pushed ...', and a move onto
    no new state asked 'Who paid for that success?'."""
    from dataclasses import replace

    from game.model.report import Displacement
    from game.report.debrief import discussion_prompts

    debrief = build_debrief(replay, teaching=False)

    def prompt(cause: str, received: list[str]) -> str:
        move = Displacement(network="red-lantern", form="sexual", dropped=["korvia-hills", "meridia-pass"],
                            dropped_flow=120, opened=["korvia-hills", "korvia-city"], reach_moved=1.0, risk=0.1,
                            pressure_region="meridia-pass", pressure_state="meridia", received_by=received,
                            cause=cause)
        prompts = discussion_prompts(replace(debrief, displacement=[(3, move)]), [])
        found = [p for p in prompts if p.startswith("In year 3")]
        assert len(found) == 1, found
        return found[0]

    demand = prompt("site", [])
    assert "because demand for its trade fell 10% in Tessel Pass" in demand and "pressure" not in demand
    assert "Who paid" not in demand and "no state it did not cross already" in demand
    pressed = prompt("detection", ["korvia"])
    assert "moved a route carrying 120 people a year off" in pressed
    assert "because of pressure in Tessel Pass" in pressed and "onto Korvia. Who paid for that success" in pressed
    assert "Who took in that trade" in prompt("site", ["korvia"])
