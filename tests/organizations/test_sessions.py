"""Organizations everywhere it matters (issue 9, point 4): `simulate --json` gives each one's actions
and spending a round and its score at the end; a session with an organization's seat (human or AI)
saves, loads, verifies, and its debrief (Markdown, HTML, CSV) tells what each organization did."""

import csv
import io
import json
from pathlib import Path

import pytest

from game.cli import main
from game.engine.diplomacy.ids import numbered_as
from game.model.actions import Action, Monitor, Ready, Train
from game.report.debrief import build_debrief
from game.session.errors import SessionError
from game.session.replay import Replay
from game.session.seats import Seat
from game.session.session import Session
from tests.diplomacy.deals import accept
from tests.organizations.helpers import CONVENTION_READY, ORG, assist, convene, with_org
from tests.session.helpers import shipped, short

FIGURES = {"budget", "spent", "trained", "reviewed", "assisted", "campaigns"}


def test_simulate_json_gives_each_organizations_round_and_score(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["simulate", "mekong", "--rounds", "2", "--seed", "3", "--ai", "cooperative", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["seats"]["unodc"] == data["seats"]["iom"] == data["seats"]["ilo"] == "mandate"
    budgets = {o.id: o.budget for o in shipped("mekong").organizations}
    for played in data["rounds"]:
        assert set(played["organizations"]) == {"unodc", "iom", "ilo"}
        for org_id, figures in played["organizations"].items():
            assert set(figures) == FIGURES
            assert figures["budget"] == budgets[org_id] and 0 < figures["spent"] <= figures["budget"]
            moves = [m for m in played["moves"] if m["state"] == org_id and m["action"]["type"] != "ready"]
            assert moves and all(m["reason"] and m["action"]["org"] == org_id for m in moves)
        trained = played["organizations"]["iom"]["trained"]
        assert trained and all(capacity == "protection" for _, capacity in trained)
        inspectors = played["organizations"]["ilo"]["trained"]
        assert inspectors and all(capacity == "labour_inspection" for _, capacity in inspectors)
        assert played["organizations"]["unodc"]["reviewed"]
    scores = data["final"]["organization_scores"]
    assert set(scores) == {"unodc", "iom", "ilo"}
    unodc = scores["unodc"]
    # ACTIP is in force from the start: UNODC is scored on implementation, not on its signature
    assert unodc["max_points"] == 10 and {o["kind"] for o in unodc["objectives"]} == {
        "train_states", "states_monitored", "reduce_victims"}
    assert unodc["score"] == unodc["points"]


def test_simulate_table_runs_with_organizations(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["simulate", "europe", "--rounds", "2", "--ai", "mixed"]) == 0
    out = capsys.readouterr().out
    assert out.count("organization Council of Europe, GRETA secretariat: spent") == 2
    assert out.count("organization La Strada International (NGO platform): spent 5 of 5") == 2
    assert "  greta: " in out and "objective points" in out


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Mekong, three rounds: UNODC a human seat (its orders given here), IOM, the ILO and the states AI."""
    scenario = short(shipped("mekong"), 3)
    seats = {s.id: Seat.ai("cooperative") for s in scenario.states} | {"iom": Seat.ai("mandate"),
                                                                        "ilo": Seat.ai("mandate")}
    session = Session.new(scenario, 5, seats=seats, saves_dir=tmp_path_factory.mktemp("saves"))
    assert session.seats["unodc"].is_human and session.waiting_for() == ["unodc"]
    for target in ("cambodia", "laos", "myanmar"):
        assert "unodc" in session.waiting_for()
        seen = session.org_view("unodc")
        assert seen.me.left == 8 and "convene" in seen.me.mandate
        session.submit(Train(org="unodc", target=target, capacity="enforcement"), by="unodc")
        session.submit(Monitor(org="unodc", target=target), by="unodc")
        session.submit(Ready(org="unodc"), by="unodc")
        session.play_ai()
        assert session.waiting_for() == []
        session.resolve()
    assert session.is_over and session.path is not None
    return session.path


def test_a_session_with_an_organization_seat_saves_loads_and_verifies(
    saved: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session = Session.load(saved)
    assert session.note is None and session.is_over
    assert session.seats["unodc"] == Seat.human() and session.seats["iom"] == Seat.ai("mandate")
    assert session.state.organizations["unodc"].trained == ["cambodia", "laos", "myanmar"]
    assert session.state.organizations["unodc"].monitored == ["cambodia", "laos", "myanmar"]
    assert [r.organizations["unodc"].spent for r in session.reports] == [5, 5, 5]
    first = session.log.rounds[0].actions
    assert [s.type for s in first if s.by == "unodc"] == ["train", "monitor", "ready"]
    assert all(s.reason for s in first if s.by == "iom"), "the AI organization's moves keep their reasons"
    assert {s.state for s in first if s.by == "iom"} == {"iom"}
    with pytest.raises(SessionError, match="no state 'unodc'"):
        session.view("unodc")
    assert main(["verify", str(saved)]) == 0
    assert capsys.readouterr().out == f"{saved}: verified 3 rounds\n"


def test_the_debrief_gives_organizations_their_own_section(saved: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(saved), "--format", "md"]) == 0
    text = capsys.readouterr().out
    section = text[text.index("## Organizations"):text.index("## Events")]
    unodc = section[section.index("### UN Office"):section.index("### International Organization for Migration")]
    assert "### UN Office on Drugs and Crime (Southeast Asia office) (intergovernmental; mandate: train, monitor, " \
           "convene)" in section
    assert "### International Organization for Migration (Bangkok)" in section
    assert "- **Year 1** (5 of 8 points): trained Cambodia's enforcement officials; reviewed Cambodia and " \
           "published it" in section, "names, not ids"
    assert "trained Myanmar's enforcement officials" in section
    assert "funded victim services in" in section and "campaigned in" in section
    assert "Spent 15 of 24 points over 3 years on its instruments." in section
    assert "Objectives, " in unodc and "✔ review and publish" not in unodc  # 3 of 4 states reviewed
    assert "✘ review and publish 4 states (3 so far)" in unodc
    assert "trained Thailand's labour inspectors" in section, "the ILO trains labour inspectors"
    assert "had no territory and no laws" in text, "a discussion prompt asks about them"


def test_the_html_and_csv_debriefs_include_organizations(saved: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(saved), "--format", "html"]) == 0
    html = capsys.readouterr().out
    assert "<h2>Organizations</h2>" in html and "trained Cambodia&#x27;s enforcement officials" in html
    assert main(["report", str(saved), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    states = {s.id for s in shipped("mekong").states}
    assert len([r for r in rows if r["state"] in states]) == 3 * len(states)
    unodc = [r for r in rows if r["state"] == "unodc"]
    assert [r["round"] for r in unodc] == ["1", "2", "3"]
    first = unodc[0]
    assert first["state_name"].startswith("UN Office") and first["actions"] == "train;monitor"
    assert (first["org.budget"], first["org.spent"]) == ("8.0", "5.0")
    assert first["org.trained"] == "cambodia:enforcement" and first["org.reviewed"] == "cambodia"
    assert first["victims_exploited"] == "" and first["baseline_victims_exploited"] == ""
    iom = next(r for r in rows if r["state"] == "iom")
    assert float(iom["org.spent"]) > 0 and iom["org.campaigns"]


def test_the_debrief_tells_what_became_of_a_convening_and_a_broken_condition() -> None:
    """`un` convenes a convention that is signed, then the same again, which falls through (the
    same parties signed it already); it assists alt on a condition alt does not meet."""
    scenario = with_org(rounds=3, states={s: CONVENTION_READY for s in ("orig", "tran", "dest")})
    session = Session.new(scenario, 1, saves_dir=None)
    first: list[Action] = [convene("orig", "tran", "dest"), *(accept(s) for s in ("orig", "tran", "dest")),
                           assist("alt", 2, national_rapporteur=1)]
    for action in first:
        session.submit(numbered_as(session.state, action))
    session.resolve()
    again: list[Action] = [convene("orig", "tran", "dest"), *(accept(s, "p2") for s in ("orig", "tran", "dest"))]
    for action in again:
        session.submit(numbered_as(session.state, action))
    session.resolve()
    debrief = build_debrief(Replay(session))
    org = debrief.organizations[0]
    assert (org.id, org.score) == (ORG, None), "no score before the game is over"
    assert org.rounds[0].done == [
        "convened the Regional convention among Origin State, Transit State, Destination State (signed in round 1)",
        "funded victim services in Alternative State (2 points, on condition of National rapporteur by round 1)",
    ]
    assert org.rounds[1].done[0] == ("convened the Regional convention among Origin State, Transit State, "
                                     "Destination State (not signed)")
    assert org.rounds[1].done[1] == "Alternative State breaks the conditions of its assistance"
    assert (org.rounds[0].spent, org.rounds[0].budget, org.spent) == (4, 10, 6)
