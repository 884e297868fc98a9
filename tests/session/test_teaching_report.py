"""The debrief a teacher projects, hands out and grades (issues 13.3 and 16.4-5): the class's and the
facilitator's versions, what each team's choices did (re-runs without one team), the ledger, the
summary's seats, the per-team handouts and the gradebook's stable columns.

No figure is written down here: every expected value is computed from a game played in the test.
"""

import csv
import io
import random
import re
from pathlib import Path

import pytest

from game.engine.diplomacy.ids import nth_proposal
from game.model.actions import AdoptLaw, Inject, Message, Ready
from game.report.debrief import build_debrief
from game.report.gradebook import COLUMNS
from game.report.render import render
from game.session.replay import Replay
from game.session.rerun import rerun
from game.session.seats import Seat
from game.session.session import Session
from tests.diplomacy.deals import accept, propose
from tests.session.helpers import play_randomly, random_orders, shipped, short, tutorial

SECRET = "We will quietly drop our border checks next year."
OPEN = "To everyone: we adopt victim protection this year."


def nth(session: Session, number: int) -> str:
    """The id of the `number`-th proposal of the game (ids are drawn, not numbered)."""
    found = nth_proposal(session.state, number)
    assert found is not None, f"the game has fewer than {number} proposals"
    return found


@pytest.fixture(scope="module")
def game(tmp_path_factory: pytest.TempPathFactory) -> Session:
    """Korvia (human) sends a private and a public message and proposes information sharing to
    Meridia; Meridia (an AI seat by the save) proposes to Aldmark, which accepts; the facilitator
    fires an event by hand; then random play to the end."""
    scenario = short(tutorial(), 4)
    seats = {"meridia": Seat.ai("cooperative")}
    session = Session.new(scenario, 5, seats=seats, saves_dir=tmp_path_factory.mktemp("saves"))
    session.submit(Message(state="korvia", to=["meridia"], text=SECRET), by="korvia")
    session.submit(Message(state="korvia", to=["meridia", "aldmark"], text=OPEN), by="korvia")
    session.submit(AdoptLaw(state="korvia", law="victim_protection"), by="korvia")
    session.submit(propose("korvia", "information_sharing", "meridia"), by="korvia")
    session.submit(propose("meridia", "information_sharing", "aldmark"), by="meridia")
    session.submit(accept("aldmark", nth(session, 2)), by="aldmark")
    late = next(e.id for e in scenario.events if e.round is not None and e.round > scenario.rounds)
    session.submit(Inject(event=late))
    session.resolve()
    play_randomly(session, random.Random(3))
    return session


def test_the_class_debrief_leaves_out_private_text_but_says_it_was_sent_to_whom(game: Session) -> None:
    for format in ("md", "html"):
        text = render(Replay(game), format, "class")
        assert SECRET not in text
        assert "private message to Meridia" in text
        assert OPEN in text, "a message to the whole table is not private"
        facilitator = render(Replay(game), format, "facilitator")
        assert SECRET in facilitator and OPEN in facilitator
    promise = next(p for p in build_debrief(Replay(game), "class", teaching=False).promises if p.private)
    assert promise.text is None and promise.to == ["meridia"] and promise.followed


def test_an_unknown_audience_is_refused(game: Session) -> None:
    with pytest.raises(ValueError, match="class or facilitator"):
        build_debrief(Replay(game), "students")


def test_a_rerun_without_a_team_matches_the_game_played_by_hand_without_it(tmp_path: Path) -> None:
    """What the debrief says Aldmark's choices did equals the difference with a game played by hand
    from the save's orders, Aldmark's left out. Aldmark takes no part in diplomacy here, so the
    hand-made game needs no renumbering of proposals."""
    scenario = short(tutorial(), 4)
    session = Session.new(scenario, 8, saves_dir=tmp_path)
    session.submit(propose("korvia", "information_sharing", "meridia"), by="korvia")
    session.submit(accept("meridia", nth(session, 1)), by="meridia")
    rng = random.Random(11)
    diplomacy = ("propose", "respond", "withdraw", "convene")
    while not session.is_over:
        for action, by in random_orders(session.state, rng):
            if action.type not in diplomacy:
                session.submit(action, by=by)
        session.resolve()
    document = session.document
    assert any(s.state == "aldmark" and s.type != "ready" for r in document.log.rounds for s in r.actions)
    by_hand = Session.new(scenario, 8, None, None, autosave=False)
    for closed in document.log.rounds:
        for submitted in closed.actions:
            if submitted.state != "aldmark":
                by_hand.submit(submitted.action, by=submitted.by)
        by_hand.resolve()
    teaching = build_debrief(Replay(session)).teaching
    assert teaching is not None
    effect = next(e for e in teaching.effects if e.team == "aldmark")
    played = session.reports
    assert effect.table == sum(r.victims_total for r in by_hand.reports) - sum(r.victims_total for r in played)
    home = sum(r.states["aldmark"].victims_exploited for r in by_hand.reports)
    assert effect.home == home - sum(r.states["aldmark"].victims_exploited for r in played)
    assert effect.unplayable == []


def test_a_rerun_without_a_proposer_still_answers_the_renumbered_proposals_of_others(game: Session) -> None:
    """Without Korvia, Meridia's proposal is the first made (renumbered), and Aldmark's recorded
    accept still reaches it: the agreement is signed in the re-run too."""
    result = rerun(game.document, lambda s: s.state == "korvia")
    kinds = {(tuple(a.parties), a.signed) for a in result.final_without.agreements.values()}
    assert (("aldmark", "meridia"), 1) in kinds
    assert not any("korvia" in a.parties and a.signed == 1 for a in result.final_without.agreements.values())
    assert result.left_out == sum(1 for r in game.document.log.rounds for s in r.actions if s.state == "korvia")


def test_dropping_nothing_replays_the_game_as_recorded(game: Session) -> None:
    result = rerun(game.document, lambda s: False)
    assert [r.state_hash for r in result.without] == [r.state_hash for r in game.reports]
    assert result.unplayable == [] and result.left_out == 0


def test_the_summary_says_which_seats_were_human_and_which_ai_from_the_save(game: Session) -> None:
    teaching = build_debrief(Replay(game)).teaching
    assert teaching is not None
    players = {row.id: row.player for row in teaching.seats}
    assert players == {"korvia": "human team", "aldmark": "human team", "meridia": "AI (cooperative)"}
    scores = [row.score for row in teaching.seats]
    assert scores == sorted(scores, reverse=True), "the score table is ranked"
    assert len(teaching.moments) == 3
    text = render(Replay(game), "md")
    assert text.index("## Summary") < text.index("## The balance sheet")
    assert "| Meridia | AI (cooperative) |" in text


def test_the_ledger_shows_each_proposal_and_its_fate_round_by_round(game: Session) -> None:
    teaching = build_debrief(Replay(game)).teaching
    assert teaching is not None
    first = {row.proposal: row for row in teaching.ledger.rows}
    one, two = nth(game, 1), nth(game, 2)
    assert first[two].cells[1].startswith("proposed; signed") and first[two].signed == 1
    assert first[one].proposed == 1 and first[one].outcome != "open"
    assert set(teaching.ledger.trust) == {"korvia", "meridia", "aldmark"}
    assert all(len(values) == len(game.reports) for values in teaching.ledger.trust.values())


def test_injected_events_are_marked_and_handouts_break_pages(game: Session) -> None:
    md = render(Replay(game), "md")
    assert "(fired by the facilitator)" in md
    html = render(Replay(game), "html")
    assert html.count('<section class="handout">') == 3
    assert "break-before:page" in html
    assert "Korvia — human team" in html


def test_the_debrief_names_places_and_networks_not_ids(game: Session) -> None:
    text = render(Replay(game), "md", "facilitator")
    scenario = game.scenario
    for region in scenario.regions:
        assert f"cut true victims in {region.id} " not in text
    assert "proposed Information sharing with Meridia" in text


def _gradebook(session: Session) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(render(Replay(session), "gradebook"))))


NUMERIC = [c for c in COLUMNS if c not in {"scenario", "scenario_title", "save_id", "team_id", "team_name",
                                            "team_kind", "player", "personality", "final_tier"}]


def test_the_gradebook_has_one_row_per_team_and_the_same_columns_in_every_game(game: Session, tmp_path: Path) -> None:
    other = Session.new(short(shipped("mekong"), 2), 9, saves_dir=tmp_path)
    other.submit(Ready(state=other.scenario.states[0].id), by=other.scenario.states[0].id)
    play_randomly(other, random.Random(1))
    for session in (game, other):
        text = render(Replay(session), "gradebook")
        assert text.splitlines()[0].split(",") == COLUMNS
        rows = _gradebook(session)
        teams = [s.id for s in session.scenario.states] + [o.id for o in session.scenario.organizations]
        assert [row["team_id"] for row in rows] == teams
        for row in rows:
            for column in NUMERIC:
                if row[column] != "":
                    float(row[column])  # numeric columns hold numbers only
    korvia = next(r for r in _gradebook(game) if r["team_id"] == "korvia")
    assert korvia["player"] == "human" and int(korvia["messages_sent"]) == 2
    assert int(korvia["agreements_proposed"]) >= 1
    meridia = next(r for r in _gradebook(game) if r["team_id"] == "meridia")
    assert meridia["player"] == "ai" and meridia["personality"] == "cooperative"


def test_the_command_writes_the_facilitators_debrief_for_its_owner_only(game: Session, tmp_path: Path) -> None:
    from game.cli import main

    assert game.path is not None
    mine, theirs = tmp_path / "mine.md", tmp_path / "class.md"
    assert main(["report", str(game.path), "--for", "facilitator", "-o", str(mine)]) == 0
    assert main(["report", str(game.path), "-o", str(theirs)]) == 0
    assert SECRET in mine.read_text("utf-8") and mine.stat().st_mode & 0o077 == 0
    assert SECRET not in theirs.read_text("utf-8")
    with pytest.raises(SystemExit) as refused:
        main(["report", str(game.path), "--for", "students"])
    assert refused.value.code == 1


def test_writing_every_version_at_once_gives_the_same_texts_as_one_at_a_time(game: Session) -> None:
    import re

    from game.report.render import render_all

    def same(text: str) -> str:
        return re.sub(r"chart\d+", "chart", text)  # an SVG chart's id is numbered per file written

    texts = render_all(Replay(game), ["md", "html"], ["class", "facilitator"])
    for (audience, format), text in texts.items():
        assert same(text) == same(render(Replay(game), format, audience))


def test_a_save_the_rules_no_longer_replay_gets_a_notice_not_a_crash(tmp_path: Path) -> None:
    """An action the current rules refuse (an edited save, or one from other rules): the debrief says
    what each team's choices did could not be computed, and everything else is still written."""
    from game.session.log import Submitted

    session = Session.new(short(tutorial(), 2), 3, saves_dir=tmp_path)
    session.resolve()
    session.resolve()
    refused = AdoptLaw(state="korvia", law="criminalization")  # in force from the start: refused
    session.document.log.rounds[0].actions.append(Submitted.of(refused, "korvia"))
    debrief = build_debrief(Replay(session.document))
    assert any("could not be computed" in notice and "korvia adopt_law" in notice for notice in debrief.notices)
    assert debrief.teaching is not None and debrief.teaching.effects == []
    rows = list(csv.DictReader(io.StringIO(render(Replay(session.document), "gradebook"))))
    assert [row["harm_averted_table"] for row in rows] == ["", "", ""]
    assert "## Summary" in render(Replay(session.document), "md")


def test_the_html_ledger_fits_a_screen_whatever_the_number_of_rounds(game: Session) -> None:
    """A column a round made mekong's ledger 14 columns and 1,300 px wide at 1024 px: one column
    says what happened, a line for each round in which something did."""
    html = render(Replay(game), "html")
    ledger = html[html.index('<table class="ledger">'):]
    ledger = ledger[:ledger.index("</table>")]
    head = ledger[:ledger.index("</tr>")]
    assert head.count("<th>") == 5 and "Year by year" in head
    assert re.search(r"<b>Year \d+</b> proposed", ledger), "each line names its round"



def test_the_best_agreement_is_called_the_one_that_did_most_only_when_it_averted_something(game: Session) -> None:
    """'The agreement that did most: ... it averted 0 victim-years' told a class the opposite."""
    from game.report.teaching import _moments

    debrief = build_debrief(Replay(game))
    teaching = debrief.teaching
    assert teaching is not None and teaching.agreements
    best = teaching.agreements[0]
    best.table = 17.0
    assert _moments(debrief, teaching)[-1].startswith("The agreement that did most:")
    assert "it averted 17 victim-years" in _moments(debrief, teaching)[-1]
    best.table = 0.2
    moment = _moments(debrief, teaching)[-1]
    assert moment.startswith("No agreement made a difference that shows") and "averted" not in moment
    assert "no victim-years fewer" in moment
    best.table = -31.0
    assert "31 victim-years more with it than without it" in _moments(debrief, teaching)[-1]


def test_the_debriefs_tables_say_who_pays_whom_in_a_grant(tmp_path: Path) -> None:
    """The agreements table and the ledger read 'Funding | Korvia, Meridia' for a grant either way;
    a facilitator could not tell which state gave (student11's tutorial)."""
    session = Session.new(short(tutorial(), 3), 5, saves_dir=tmp_path)
    session.submit(propose("korvia", "funding", "meridia", donor="korvia", recipient="meridia", amount=2.0,
                           capacity="prevention"), by="korvia")
    session.submit(accept("meridia", nth(session, 1)), by="meridia")
    while not session.is_over:
        for state_id in session.state.states:
            session.submit(Ready(state=state_id), by=state_id)
        session.resolve()
    text = render(Replay(session), "md", "class")
    ledger = next(line for line in text.splitlines() if line.startswith("| Funding |") and "proposed" in line)
    assert "| Korvia → Meridia, 2 a year |" in ledger, ledger
    table = [line for line in text.splitlines() if line.startswith("| Funding |") and "proposed" not in line]
    assert table and all("Korvia → Meridia, 2 a year" in line for line in table), table
