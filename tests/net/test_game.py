"""A whole tutorial game of three human teams over the network: each team at its own client with its
own code submits its budget, laws, proposals, answers, messages and `ready` through the HTTP API;
the round resolves when the last team is ready; each view stays private; the game ends with the
final scores, and the save the host wrote verifies."""

import json
from pathlib import Path
from typing import Any

from game.session.session import Session
from game.session.verify import verify
from tests.net.helpers import Api, hosted, tutorial_session

TEAMS = ("korvia", "meridia", "aldmark")


def budget(view: dict[str, Any], round_no: int) -> dict[str, float]:
    free = float(view["me"]["available"])
    return {"enforcement": round(free * 0.4, 1), "protection": round(free * 0.3, 1),
            "intelligence": round(free * 0.1 * (round_no % 2), 1)}


def test_a_whole_game_of_three_teams_over_the_network(tmp_path: Path) -> None:
    save = tmp_path / "class.json"
    with hosted(tutorial_session(save)) as (host, codes):
        api = {team: Api(host.port, codes.seats[team]) for team in TEAMS}
        facilitator = Api(host.port, codes.facilitator)
        for round_no in range(1, 7):
            table = api["korvia"].get("/api/table").data
            assert table["round"] == round_no and table["waiting_for"] == list(TEAMS)
            for team in TEAMS:
                view = api[team].view()
                assert view["me"]["id"] == team and view["round"] == round_no
                reply = api[team].act({"type": "allocate", "state": team, "budget": budget(view, round_no)})
                assert reply.status == 200, reply
            if round_no == 1:
                assert api["korvia"].act({"type": "adopt_law", "state": "korvia", "law": "victim_protection"}).status \
                    == 200
                proposed = api["korvia"].act({"type": "propose", "state": "korvia", "agreement": "information_sharing",
                                              "parties": ["korvia", "meridia"]})
                assert proposed.status == 200, proposed
                offer = next(p for p in api["meridia"].view()["proposals"] if p["proposer"] == "korvia")
                answered = api["meridia"].act({"type": "respond", "state": "meridia", "proposal": offer["id"],
                                               "answer": "accept"})
                assert answered.status == 200, answered
                assert not any(p["proposer"] == "korvia" for p in api["aldmark"].view()["proposals"]), \
                    "a proposal is seen by its parties only"
            text = f"round {round_no}: korvia to meridia, in confidence"
            assert api["korvia"].act({"type": "message", "state": "korvia", "to": ["meridia"], "text": text}).status \
                == 200
            assert text in [m["text"] for m in api["meridia"].view()["messages"]]
            assert text not in json.dumps(api["aldmark"].view()), "a message reaches its recipients only"
            assert text in [m["text"] for m in facilitator.get("/api/facilitator/status").data["messages"]]
            for index, team in enumerate(TEAMS):
                assert api[team].act({"type": "ready", "state": team}).status == 200
                table = api[team].get("/api/table").data
                if index < len(TEAMS) - 1:
                    assert table["round"] == round_no, "the round waits for the last team"
            assert api["korvia"].get("/api/table").data["round"] == round_no + 1
            report = api["meridia"].get(f"/api/report?round={round_no}").data["state"]
            assert list(report["report"]["states"]) == ["meridia"] and report["report"]["networks"] == {}
            assert report["report"]["victims_total"] == 0 and report["report"]["states"]["meridia"]["inflow"] == 0
        table = api["korvia"].get("/api/table").data
        assert table["over"] and table["round"] == 7
        final = api["aldmark"].get("/api/final")
        assert final.status == 200 and set(final.data["score"]["states"]) == set(TEAMS)
        assert api["korvia"].act({"type": "ready", "state": "korvia"}).status == 409, "nothing after the end"
    session = Session.load(save)
    assert session.is_over and verify(save).rounds == 6
    first = session.log.rounds[0].actions
    assert {s.by for s in first} == set(TEAMS) and all(s.by == s.state for s in first), \
        "every action was logged as its own seat's"
    assert [s.type for s in first].count("message") == 1


def test_views_are_private_and_the_truth_is_the_facilitators(tmp_path: Path) -> None:
    with hosted(tutorial_session(None)) as (host, codes):
        korvia = Api(host.port, codes.seats["korvia"])
        view = korvia.view()
        assert view["me"]["brief"] and "others" in view
        briefs = {state.id: state.brief.split("\n")[0][:60] for state in tutorial_session(None).scenario.states}
        text = json.dumps(korvia.get("/api/view").data)
        assert briefs["korvia"] in text and briefs["meridia"] not in text and briefs["aldmark"] not in text
        assert "networks" not in view and "truth" not in text
        # asking for another seat's view by any parameter still answers with one's own
        for path in ("/api/view?seat=meridia", "/api/view?state=meridia", "/api/view?who=meridia"):
            assert korvia.get(path).data["player"]["me"]["id"] == "korvia"
        assert korvia.get("/api/facilitator/truth").status == 403
        truth = Api(host.port, codes.facilitator).get("/api/facilitator/truth")
        assert truth.status == 200 and truth.data["truth"]["networks"], "the facilitator sees behind the fog"

