"""The debrief sets each pledge beside what its state then did: the Markdown and HTML sections, the
team's handout ("promises against what followed"), the CSV's per-round counts and the gradebook's
columns, all from the engine's verdicts."""

import csv
import io
from functools import cache

from game.model.actions import Allocate, Pledge, Statement
from game.report.debrief import build_debrief
from game.report.gradebook import COLUMNS
from game.report.render import render
from game.session.replay import Replay
from game.session.session import Session
from tests.session.helpers import short, tutorial


@cache
def game() -> Session:
    """Korvia pledges a floor under enforcement and keeps it; Aldmark pledges a law and never adopts it."""
    session = Session.new(short(tutorial(), 3), 5, saves_dir=None, autosave=False)
    session.submit(Statement(state="korvia", text="Korvia stands with the victims."), by="korvia")
    session.submit(Allocate.model_validate({"state": "korvia", "budget": {"enforcement": 2}}), by="korvia")
    session.submit(Pledge(state="korvia", kind="fund", capacity="enforcement", points=2, due=2), by="korvia")
    session.submit(Pledge(state="aldmark", kind="adopt_law", law="referral_mechanism", due=2), by="aldmark")
    for _ in range(3):
        session.resolve()
    return session


def test_the_debrief_reads_each_pledge_with_its_verdict_and_what_followed() -> None:
    debrief = build_debrief(Replay(game()), teaching=False)
    lines = {line.seat: line for line in debrief.pledges}
    assert lines["korvia"].verdict == "kept" and lines["aldmark"].verdict == "broken"
    assert any("allocated 2 points" in text for text in lines["korvia"].followed)
    assert lines["aldmark"].followed == ["no orders in those years"]
    assert any("pledge" in prompt for prompt in debrief.prompts)


def test_markdown_and_html_show_pledges_beside_actions() -> None:
    md = render(Replay(game()), "md")
    assert "## Pledges and what followed" in md
    assert "Korvia pledged to fund enforcement with at least 2 points a year through year 2: **kept**" in md
    assert "pledged to adopt National referral mechanism by year 2: **broken**" in md
    assert "Korvia stands with the victims." in md, "a statement is news of its round"
    html = render(Replay(game()), "html")
    assert "<h2>Pledges and what followed</h2>" in html and "<td>broken</td>" in html


def test_the_handout_lists_the_teams_pledges_against_what_followed() -> None:
    teaching = build_debrief(Replay(game())).teaching
    assert teaching is not None
    handout = next(h for h in teaching.handouts if h.id == "aldmark")
    wanted = "in public: pledged to adopt National referral mechanism by year 2 — broken"
    assert any(wanted in promise for promise in handout.promises), handout.promises


def test_the_csv_counts_pledges_made_and_judged_per_round() -> None:
    rows = list(csv.DictReader(io.StringIO(render(Replay(game()), "csv"))))
    korvia = {row["round"]: row for row in rows if row["state"] == "korvia"}
    assert (korvia["1"]["pledges_made"], korvia["2"]["pledges_kept"], korvia["2"]["pledges_broken"]) == ("1", "1", "0")


def test_the_gradebook_counts_pledges_made_kept_and_broken() -> None:
    assert COLUMNS[-3:] == ["pledges_made", "pledges_kept", "pledges_broken"]
    rows = {row["team_id"]: row for row in csv.DictReader(io.StringIO(render(Replay(game()), "gradebook")))}
    assert [rows["korvia"][c] for c in COLUMNS[-3:]] == ["1", "1", "0"]
    assert [rows["aldmark"][c] for c in COLUMNS[-3:]] == ["1", "0", "1"]
    assert int(rows["aldmark"]["commitments_broken"]) >= 1, "trust counts the broken pledge as a commitment"


def test_a_statement_is_read_beside_what_its_state_did_next_and_is_not_counted_as_a_message() -> None:
    debrief = build_debrief(Replay(game()), teaching=False)
    [said] = [p for p in debrief.promises if p.statement]
    assert (said.sender, said.text, said.private) == ("korvia", "Korvia stands with the victims.", False)
    assert any("allocated 2 points" in text for text in said.followed)
    assert debrief.addressee(said) == "the whole table (a public statement)"
    assert "Korvia to the whole table (a public statement): “Korvia stands with the victims.”" in render(
        Replay(game()), "md")
    rows = {row["team_id"]: row for row in csv.DictReader(io.StringIO(render(Replay(game()), "gradebook")))}
    assert rows["korvia"]["messages_sent"] == "0"
