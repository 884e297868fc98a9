"""Statements and pledges over the network: the same path as every other order. A pledge the rules
accept is on every team's view; an impossible one gets a 4xx with the reason as JSON and nothing is
recorded; the statement and the verdict reach every team's report of the round."""

from pathlib import Path

from tests.net.helpers import Api, hosted, tutorial_session

TEAMS = ("korvia", "meridia", "aldmark")


def test_pledges_and_statements_over_the_network(tmp_path: Path) -> None:
    with hosted(tutorial_session(tmp_path / "class.json")) as (host, codes):
        api = {team: Api(host.port, codes.seats[team]) for team in TEAMS}
        impossible = api["korvia"].act({"type": "pledge", "state": "korvia", "kind": "fund",
                                        "capacity": "enforcement", "points": 500, "due": 1})
        assert 400 <= impossible.status < 500, impossible
        assert "your whole budget is 10 points" in str(impossible.data), impossible
        unknown = api["korvia"].act({"type": "pledge", "state": "korvia", "kind": "adopt_law", "law": "no_such_law",
                                     "due": 1})
        assert 400 <= unknown.status < 500 and "unknown law 'no_such_law'" in str(unknown.data), unknown
        assert api["meridia"].view()["pledges"] == [], "nothing recorded"
        made = api["korvia"].act({"type": "pledge", "state": "korvia", "kind": "adopt_law",
                                  "law": "victim_protection", "due": 1})
        assert made.status == 200, made
        said = api["korvia"].act({"type": "statement", "state": "korvia", "text": "Korvia keeps its word."})
        assert said.status == 200, said
        seen = api["aldmark"].view()["pledges"]
        assert [(p["seat"], p["kind"], p["kept"]) for p in seen] == [("korvia", "adopt_law", None)]
        assert api["korvia"].act({"type": "adopt_law", "state": "korvia", "law": "victim_protection"}).status == 200
        for team in TEAMS:
            assert api[team].act({"type": "ready", "state": team}).status == 200
        assert [p["kept"] for p in api["meridia"].view()["pledges"]] == [True]
        report = api["aldmark"].get("/api/report?round=1").data["state"]
        kinds = {event["kind"] for event in report["report"]["events"]}
        assert {"statement", "pledge", "pledge_kept"} <= kinds, kinds
