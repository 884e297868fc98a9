"""A summit over the network: four teams, each at its own client with its own code, amend, vote,
sign with a reservation and ratify through the HTTP API; a bad amendment and a vote out of turn are
refused with a 4xx and a reason, and record nothing; the facilitator sees the whole summit; the save
the host wrote verifies."""

from pathlib import Path

from game.session.session import Session
from game.session.verify import verify
from tests.diplomacy.test_summits import ALL, summit_scenario
from tests.net.helpers import Api, hosted


def test_a_summit_played_over_the_network(tmp_path: Path) -> None:
    save = tmp_path / "summit.json"
    session = Session.new(summit_scenario(approval=100), 3, saves_dir=None, path=save)
    with hosted(session) as (host, codes):
        api = {team: Api(host.port, codes.seats[team]) for team in ALL}
        moved = api["dest"].act({"type": "amend", "state": "dest", "summit": "table", "change": "strike",
                                 "clause": "joint_teams"})
        assert 400 <= moved.status < 500 and "has no clause Joint investigation teams" in moved.error
        assert session.state.summits["table"].amendments == [], "a refused amendment is not recorded"
        assert api["dest"].act({"type": "amend", "state": "dest", "summit": "table", "change": "strike",
                                "clause": "extradition"}).status == 200
        assert api["orig"].view()["summits"][0]["amendments"][0]["by"] == "dest", "every seat sees the draft"
        for team in ("orig", "tran", "alt"):
            assert api[team].act({"type": "vote", "state": team, "summit": "table", "item": "m1",
                                  "choice": "yes"}).status == 200
        twice = api["orig"].act({"type": "vote", "state": "orig", "summit": "table", "item": "m1", "choice": "no"})
        assert 400 <= twice.status < 500 and "already voted" in twice.error
        stranger = api["orig"].act({"type": "vote", "state": "tran", "summit": "table", "item": "m1", "choice": "no"})
        assert 400 <= stranger.status < 500
        for team in ALL:
            assert api[team].act({"type": "ready", "state": team}).status == 200
        for team in ALL:
            assert api[team].act({"type": "vote", "state": team, "summit": "table", "item": "text",
                                  "choice": "yes"}).status == 200
            reservations = ["information_sharing"] if team == "orig" else []
            assert api[team].act({"type": "sign", "state": team, "summit": "table",
                                  "reservations": reservations}).status == 200
            assert api[team].act({"type": "ready", "state": team}).status == 200
        for team in ("dest", "orig", "tran"):
            assert api[team].act({"type": "ratify", "state": team, "summit": "table"}).status == 200
        for team in ALL:
            assert api[team].act({"type": "ready", "state": team}).status == 200
        status = Api(host.port, codes.facilitator).get("/api/facilitator/status").data
        summit = status["summits"][0]
        assert summit["status"] == "in_force" and summit["reservations"] == {"orig": ["information_sharing"]}
        assert sorted(summit["ratified"]) == ["dest", "orig", "tran"] and summit["signed"]["alt"] == 2
    assert verify(save).rounds == 3


def test_the_facilitator_chairs_a_summit_from_the_host(tmp_path: Path) -> None:
    session = Session.new(summit_scenario(), 3, saves_dir=None, path=tmp_path / "chair.json")
    with hosted(session) as (host, codes):
        facilitator = Api(host.port, codes.facilitator)
        call = {"name": "Chaired review", "participants": list(ALL), "clauses": [{"clause": "repatriation"}],
                "min_ratifications": 2}
        bad = facilitator.post("/api/facilitator/summit", {**call, "clauses": [{"clause": "piracy"}]})
        assert 400 <= bad.status < 500 and "unknown clause 'piracy'" in bad.error
        assert facilitator.post("/api/facilitator/summit", call).status == 200
        team = Api(host.port, codes.seats["dest"]).post("/api/facilitator/summit", call)
        assert team.status in (401, 403), "a team cannot chair"
        chaired = [s for s in facilitator.get("/api/facilitator/status").data["summits"] if s["id"] == "s2"]
        assert chaired and chaired[0]["convenor"] == "facilitator" and chaired[0]["opens"] == 2
