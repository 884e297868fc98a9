"""A whole class at the negotiating table, as issue 19 is checked: a held-out scenario
(tests/net/fixtures/saltmarsh.yaml: four states, an organization, two networks, a summit by qualified
majority) hosted by a real `accord host --roles` process on loopback, played by scripted members over
HTTP, each with its own role code. The foreign ministers pledge, state, amend, vote and sign (one with a
reservation); an interior minister who tries to pledge, vote or sign is refused and sets its budget
instead; the heads of government ratify and Osterlund's unpopular government fails; one pledge is kept
and one broken. The facilitator's status shows the summit, the pledges and which member gave which
order; then the save is read back on the command line: the debrief (md and html) for summits, pledges
beside actions and roles, `verify`, a `replay` seek, and `simulate --ai mixed --json` on the same
held-out scenario. Bounded: every request has a timeout, every subprocess one too."""

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from game.ai.registry import assign
from game.net.codes import Codes, codes_path
from game.net.roles import FOREIGN, HEAD, INTERIOR, SOCIAL
from game.scenario.loader import load_scenario
from game.session.seats import Seat
from game.session.session import Session
from tests.net.helpers import ROOT, Api, HostProcess, free_port

SCENARIO = Path(__file__).parent / "fixtures" / "saltmarsh.yaml"
STATES = ("osterlund", "vell", "carran", "dunmere")
SUMMIT = "strait-summit"
SEED = 9


def accord(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "game", *args], cwd=cwd, text=True, capture_output=True,
                          env={"PYTHONPATH": str(ROOT), "PATH": ""}, timeout=120, check=False)


def new_class(tmp_path: Path) -> Path:
    """The game a facilitator starts: every state human, the organization played by the computer."""
    save = tmp_path / "saltmarsh.json"
    Session.new(load_scenario(SCENARIO), SEED, {"strait-council": Seat.ai("mandate")}, saves_dir=None, path=save)
    return save


class Table:
    """The class: each state's four members, each at its own client with its own role code."""

    def __init__(self, save: Path, port: int) -> None:
        codes = Codes.from_text(codes_path(save).read_text(), "codes")
        self.members = {seat: {role: Api(port, code) for role, code in codes.members[seat].items()}
                        for seat in STATES}
        self.facilitator = Api(port, codes.facilitator)

    def order(self, seat: str, role: str, action: dict[str, Any]) -> Any:
        return self.members[seat][role].act({**action, "state": seat})

    def at_summit(self, seat: str, role: str, action: dict[str, Any]) -> Any:
        return self.order(seat, role, {**action, "summit": SUMMIT})

    def round_ends(self) -> int:
        for seat in STATES:
            reply = self.order(seat, HEAD, {"type": "ready"})
            assert reply.status == 200, reply
        round_no: int = self.members["vell"][HEAD].get("/api/table").data["round"]
        return round_no

    def status(self) -> dict[str, Any]:
        reply = self.facilitator.get("/api/facilitator/status")
        assert reply.status == 200, reply
        data: dict[str, Any] = reply.data
        return data


def refused(reply: Any, *words: str) -> None:
    assert 400 <= reply.status < 500, reply
    assert all(word in reply.error for word in words), reply.error


def play_round_one(table: Table) -> None:
    """Pledges and a statement; a member outside its part and an impossible pledge are refused."""
    assert table.order("osterlund", FOREIGN, {"type": "pledge", "kind": "adopt_law", "law": "victim_protection",
                                              "due": 1}).status == 200
    assert table.order("vell", FOREIGN, {"type": "pledge", "kind": "fund", "capacity": "protection", "points": 4,
                                         "due": 1}).status == 200
    assert table.order("vell", FOREIGN, {"type": "statement", "text": "Vell will fund shelters."}).status == 200
    refused(table.order("vell", INTERIOR, {"type": "pledge", "kind": "fund", "capacity": "border", "points": 1,
                                           "due": 1}), "interior minister", "foreign minister's part")
    refused(table.order("carran", FOREIGN, {"type": "pledge", "kind": "fund", "capacity": "border", "points": 500,
                                            "due": 1}), "whole budget")
    assert table.order("osterlund", SOCIAL, {"type": "adopt_law", "law": "victim_protection"}).status == 200
    assert table.order("vell", INTERIOR, {"type": "allocate", "budget": {"border": 5}}).status == 200
    status = table.status()
    assert [p["seat"] for p in status["pledges"]] == ["osterlund", "vell"], "the refused pledges left no trace"
    assert status["orders"]["vell"][0].startswith("foreign minister: ")
    assert any(line.startswith("interior minister: allocated") for line in status["orders"]["vell"])
    assert table.round_ends() == 2


def play_round_two(table: Table) -> None:
    """The summit drafts: two amendments, one carried, one failed under the qualified majority."""
    refused(table.at_summit("carran", FOREIGN, {"type": "amend", "change": "strike", "clause": "joint_teams"}),
            "has no clause Joint investigation teams")
    assert table.at_summit("carran", FOREIGN, {"type": "amend", "change": "add", "clause": "repatriation",
                                               "numbers": {"contribution": 1}}).status == 200
    assert table.at_summit("dunmere", FOREIGN, {"type": "amend", "change": "change", "clause": "information_sharing",
                                                "numbers": {"contribution": 2}}).status == 200
    refused(table.at_summit("carran", INTERIOR, {"type": "vote", "item": "m2", "choice": "yes"}),
            "interior minister", "foreign minister's part")
    for seat in ("osterlund", "vell", "dunmere"):
        assert table.at_summit(seat, FOREIGN, {"type": "vote", "item": "m1", "choice": "yes"}).status == 200
    for seat in ("osterlund", "vell"):
        assert table.at_summit(seat, FOREIGN, {"type": "vote", "item": "m2", "choice": "no"}).status == 200
    assert table.round_ends() == 3


def play_round_three(table: Table) -> None:
    """The text is adopted and signed, Vell reserving information sharing; the interior minister may not
    sign and the foreign minister may not ratify, each told whose part it is."""
    refused(table.at_summit("vell", INTERIOR, {"type": "sign"}), "interior minister", "foreign minister's part")
    assert table.order("vell", INTERIOR, {"type": "allocate", "budget": {"enforcement": 4, "border": 3}}).status == 200
    for seat in STATES:
        assert table.at_summit(seat, FOREIGN, {"type": "vote", "item": "text", "choice": "yes"}).status == 200
        reservations = ["information_sharing"] if seat == "vell" else []
        assert table.at_summit(seat, FOREIGN, {"type": "sign", "reservations": reservations}).status == 200
    refused(table.at_summit("carran", FOREIGN, {"type": "ratify"}), "head of government's part")
    assert table.round_ends() == 4


def play_round_four(table: Table) -> None:
    for seat in STATES:
        assert table.at_summit(seat, HEAD, {"type": "ratify"}).status == 200
    assert table.round_ends() == 5


def test_a_class_in_roles_runs_a_summit_and_pledges_on_a_held_out_scenario(tmp_path: Path) -> None:
    save = new_class(tmp_path)
    host = HostProcess(save, free_port(), "--roles").start()
    try:
        table = Table(save, host.port)
        play_round_one(table)
        pledges = {p["seat"]: p["kept"] for p in table.status()["pledges"]}
        assert pledges == {"osterlund": True, "vell": False}, "a law adopted; protection never funded with 4"
        play_round_two(table)
        play_round_three(table)
        play_round_four(table)
        summit = table.status()["summits"][0]
        assert [(a["id"], a["carried"]) for a in summit["amendments"]] == [("m1", True), ("m2", False)]
        assert summit["reservations"] == {"vell": ["information_sharing"]}
        assert set(summit["signed"]) == set(STATES)
        assert "osterlund" in summit["failed"], "approval near 0: its parliament refuses"
        assert summit["status"] == "in_force" and len(summit["ratified"]) >= 2
        assert table.round_ends() == 6, "the last round: the game is over"
    finally:
        host.stop()
    read_back(save, tmp_path)


def read_back(save: Path, tmp_path: Path) -> None:
    """The save on the command line: verify, the debrief in md and html, a replay seek and its text."""
    verified = accord("verify", str(save), cwd=tmp_path)
    assert verified.returncode == 0 and "verified 5 rounds" in verified.stdout, verified.stdout + verified.stderr
    debrief = accord("report", str(save), "--format", "md", "-o", str(tmp_path / "debrief.md"), cwd=tmp_path)
    assert debrief.returncode == 0, debrief.stderr
    text = (tmp_path / "debrief.md").read_text()
    pledges = text.split("## Pledges and what followed")[1].split("\n## ")[0]
    assert "Osterlund pledged to adopt Victim protection by year 1: **kept** — then: adopted Victim protection" \
        in pledges
    assert "Vell pledged to fund protection with at least 4 points a year through year 1: **broken**" in pledges
    assert "the social affairs minister adopted Victim protection" in text, "the debrief names who did what"
    assert "the interior minister allocated" in text and "the head of government put the treaty" in text
    assert "the foreign minister signed the text of the Saltmarsh Strait Summit, reserving information sharing" in text
    summits = text.split("## Summits and ratification")[1].split("\n## ")[0]
    assert "Vell reserved information sharing on shared routes" in summits
    assert "Parliaments refused it in Osterlund" in summits
    page = accord("report", str(save), "--format", "html", "-o", str(tmp_path / "debrief.html"), cwd=tmp_path)
    assert page.returncode == 0 and "Summits and ratification" in (tmp_path / "debrief.html").read_text()
    moment = accord("replay", str(save), "--round", "3", "--step", "5", "--as", "vell", cwd=tmp_path)
    assert moment.returncode == 0, moment.stderr
    seen = json.loads(moment.stdout)["summits"][0]
    told = accord("replay", str(save), "--round", "3", "--text", cwd=tmp_path).stdout
    assert "Vell (interior minister): allocated" in told and "Vell (foreign minister): signed the text" in told
    assert seen["phase"] == "adoption" and seen["text_votes"] == {"osterlund": "yes"} and seen["signed"] == {}, \
        "five orders into year 3 (the council's three, Vell's budget, Osterlund's vote): nobody has signed yet"


def test_simulate_mixed_json_on_the_held_out_scenario_carries_summits_and_pledges(tmp_path: Path) -> None:
    result = accord("simulate", str(SCENARIO), "--ai", "mixed", "--seed", "3", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    summit = document["summits"][0]
    assert set(summit) >= {"id", "draft", "amendments", "votes", "adopted", "signed", "reservations", "ratified"}
    assert summit["id"] == SUMMIT and summit["amendments"] and summit["adopted"] is not None
    made = [p for r in document["rounds"] for p in r["pledges"]]
    assert made and all(set(p) >= {"seat", "kind", "text", "due", "kept"} for p in made)
    assert any(p["kept"] is not None for p in made), "pledges fall due within the game and are judged"
    scenario = load_scenario(SCENARIO)
    assert set(document["seats"]) == set(assign([s.id for s in scenario.states], "mixed", 3,
                                                [o.id for o in scenario.organizations]))
