"""Roles within a team (`accord host --roles`), on real `accord host` processes on loopback: each
member joins with its own code and gives its part of the team's orders; an order outside the part is
refused (403, a JSON reason naming the role and whose part it is) and nothing is recorded; a member's
budget changes its own fields and keeps the others' standing values; the team's own code keeps every
power; the save keeps who sent what, and the game's hashes are those of the same orders without roles."""

import subprocess
import sys
from pathlib import Path
from typing import Any

from game.model.vocabulary import CAPACITIES
from game.net.client import RemoteTable
from game.net.codes import Codes, codes_path
from game.net.roles import DEFAULT_SPLIT, FOREIGN, HEAD, INTERIOR, SOCIAL
from game.session.session import Session
from tests.net.helpers import ROOT, Api, HostProcess, free_port, hosted, tutorial_session


def member_apis(save: Path, port: int, seat: str) -> dict[str, Api]:
    codes = Codes.from_text(codes_path(save).read_text(), "codes")
    return {role: Api(port, code) for role, code in codes.members[seat].items()}


def hosted_with_roles(tmp_path: Path, *extra: str) -> tuple[HostProcess, Path]:
    save = tmp_path / "class.json"
    tutorial_session(save, ai=("aldmark",))
    return HostProcess(save, free_port(), *extra).start(), save


def open_actions(save: Path, seat: str = "korvia") -> list[dict[str, Any]]:
    """The seat's orders in the open round, as the save on disk holds them."""
    return [entry.to_data() for entry in Session.load(save).document.log.open if entry.by == seat]


def test_each_member_joins_with_its_role_code_and_is_told_its_part(tmp_path: Path) -> None:
    host, save = hosted_with_roles(tmp_path, "--roles")
    try:
        members = member_apis(save, host.port, "korvia")
        assert set(members) == {HEAD, FOREIGN, INTERIOR, SOCIAL}
        hello = members[INTERIOR].get("/api/whoami").data
        assert hello["seat"] == "korvia" and hello["member"] == INTERIOR
        assert hello["fields"] == ["enforcement", "border", "intelligence", "cyber", "labour_inspection"]
        assert "the budget for enforcement" in hello["part"]
        assert "aldmark" not in Codes.from_text(codes_path(save).read_text(), "codes").members, "AI seats: no codes"
    finally:
        output = host.stop()
    assert "interior minister" in output and "(the whole team)" in output, "the banner lists a code per member"


def test_an_order_outside_a_members_part_is_refused_with_the_role_and_part_named_and_nothing_recorded(
        tmp_path: Path) -> None:
    host, save = hosted_with_roles(tmp_path, "--roles")
    try:
        members = member_apis(save, host.port, "korvia")
        law = {"type": "adopt_law", "state": "korvia", "law": "victim_protection"}
        refused = members[INTERIOR].act(law, request="r1")
        assert refused.status == 403 and refused.data["kind"] == "forbidden"
        assert "interior minister" in refused.error and "social affairs minister" in refused.error
        assert "adopting laws" in refused.error
        early = members[FOREIGN].act({"type": "ready", "state": "korvia"})
        assert early.status == 403 and "head of government" in early.error
        assert members[INTERIOR].post("/api/check", {"action": law}).data["refusal"] == refused.error
        assert open_actions(save) == [] and members[HEAD].get("/api/orders").data["orders"] == []
        accepted = members[SOCIAL].act(law, request="r1")  # the same request id: a member's own
        assert accepted.status == 200 and not accepted.data["duplicate"]
        assert members[HEAD].act({"type": "ready", "state": "korvia"}).status == 200
        assert [(e["role"], e["action"]["type"]) for e in open_actions(save)] == [(SOCIAL, "adopt_law"),
                                                                                  (HEAD, "ready")]
    finally:
        host.stop()


def test_a_members_budget_changes_its_own_fields_and_the_others_keep_their_standing_values(tmp_path: Path) -> None:
    host, save = hosted_with_roles(tmp_path, "--roles")
    try:
        members = member_apis(save, host.port, "korvia")
        budget = {"type": "allocate", "state": "korvia"}
        standing = members[HEAD].view()["me"]["allocation"]
        assert standing["enforcement"] > 0 and standing["protection"] > 0, "the scenario's opening budget"
        assert members[SOCIAL].act({**budget, "budget": {"protection": 4, "prevention": 1}}).status == 200
        assert members[HEAD].view()["me"]["allocation"] == {**standing, "protection": 4, "prevention": 1}
        assert members[INTERIOR].act({**budget, "budget": {"enforcement": 3, "border": 1}}).status == 200
        assert members[HEAD].view()["me"]["allocation"] == {"enforcement": 3, "border": 1, "protection": 4,
                                                            "prevention": 1}, "no intelligence: interior set 0"
        taking = members[INTERIOR].act({**budget, "budget": {"enforcement": 3, "protection": 0}})
        assert taking.status == 403 and "protection" in taking.error and "social affairs minister" in taking.error
        whole_form = {"enforcement": 2, "border": 1, "protection": 4, "prevention": 1.02}  # others as they stand
        assert members[INTERIOR].act({**budget, "budget": whole_form}).status == 200
        after = {"enforcement": 2, "border": 1, "protection": 4, "prevention": 1}
        assert members[HEAD].view()["me"]["allocation"] == after
        nothing = members[HEAD].act({**budget, "budget": {}})
        assert nothing.status == 403 and "the budget is not your part" in nothing.error
        logged = [e["action"]["budget"] for e in open_actions(save) if e["action"]["type"] == "allocate"]
        assert logged[-1] == after and len(logged) == 3, "the whole budget is logged, the refused ones not"
    finally:
        host.stop()


def test_the_whole_teams_code_keeps_every_part_and_a_class_without_roles_plays_as_before(tmp_path: Path) -> None:
    host, save = hosted_with_roles(tmp_path, "--roles")
    codes = Codes.from_text(codes_path(save).read_text(), "codes")
    try:
        team = Api(host.port, codes.seats["korvia"])
        assert team.get("/api/whoami").data["member"] is None
        assert team.act({"type": "adopt_law", "state": "korvia", "law": "victim_protection"}).status == 200
        assert team.act({"type": "allocate", "state": "korvia", "budget": {"enforcement": 2}}).status == 200
        assert team.act({"type": "ready", "state": "korvia"}).status == 200
        assert [e.get("role") for e in open_actions(save)] == [None, None, None]
    finally:
        host.stop()
    plain = HostProcess(save, free_port(), "--no-roles").start()  # the same game, roles off
    try:
        interior = Api(plain.port, codes.members["korvia"][INTERIOR])
        assert interior.get("/api/whoami").status == 401, "a member's code is no code without roles"
        meridia = Api(plain.port, codes.seats["meridia"])
        assert meridia.act({"type": "ready", "state": "meridia"}).status == 200
        assert meridia.get("/api/table").data["round"] == 2
    finally:
        plain.stop()
    assert Codes.from_text(codes_path(save).read_text(), "codes").roles is None, "roles off is kept for a restart"


def test_a_restarted_host_keeps_the_roles_and_answers_each_members_retry_once(tmp_path: Path) -> None:
    host, save = hosted_with_roles(tmp_path, "--roles")
    port = host.port
    order = {"type": "message", "state": "korvia", "to": ["meridia"], "text": "shall we share data?"}
    try:
        foreign = member_apis(save, port, "korvia")[FOREIGN]
        assert foreign.act(order, request="m1").status == 200
    finally:
        host.kill()
    assert Codes.from_text(codes_path(save).read_text(), "codes").roles == {"split": "default"}
    again = HostProcess(save, port).start()  # no flag: as it was hosted
    try:
        members = member_apis(save, port, "korvia")
        retry = members[FOREIGN].act(order, request="m1")
        assert retry.status == 200 and retry.data["duplicate"], "answered, not applied twice"
        assert members[INTERIOR].act({"type": "ready", "state": "korvia"}).status == 403, "roles still on"
        sent = [m for m in members[HEAD].view()["messages"] if m["sender"] == "korvia"]
        assert len(sent) == 1
    finally:
        again.stop()


def test_the_save_keeps_each_members_role_and_the_hashes_are_those_of_the_same_orders_without_roles(
        tmp_path: Path) -> None:
    host, save = hosted_with_roles(tmp_path, "--roles")
    try:
        korvia = member_apis(save, host.port, "korvia")
        meridia = member_apis(save, host.port, "meridia")
        assert korvia[SOCIAL].act({"type": "allocate", "state": "korvia", "budget": {"protection": 3}}).status == 200
        assert korvia[INTERIOR].act({"type": "allocate", "state": "korvia", "budget": {"border": 2}}).status == 200
        assert korvia[HEAD].act({"type": "ready", "state": "korvia"}).status == 200
        assert meridia[HEAD].act({"type": "ready", "state": "meridia"}).status == 200
        assert korvia[HEAD].get("/api/table").data["round"] == 2
        orders = korvia[HEAD].get("/api/orders?round=1").data["orders"]
        assert orders[0].startswith("social affairs minister: ") and orders[1].startswith("interior minister: ")
    finally:
        host.stop()
    hosted = Session.load(save)
    closed = hosted.document.log.rounds[0]
    assert [entry.role for entry in closed.actions if entry.by == "korvia"] == [SOCIAL, INTERIOR, HEAD]
    alone = tutorial_session(None, ai=("aldmark",))  # the same orders from one player each, no roles
    for entry in closed.actions:
        alone.submit(entry.action, by=entry.by, reason=entry.reason)
    alone.resolve()
    assert alone.reports[0].state_hash == hosted.reports[0].state_hash
    verified = subprocess.run([sys.executable, "-m", "game", "verify", str(save)], cwd=tmp_path, text=True,
                              capture_output=True, env={"PYTHONPATH": str(ROOT), "PATH": ""}, timeout=60)
    assert verified.returncode == 0, verified.stdout + verified.stderr


def test_a_roles_file_sets_the_split_and_a_bad_one_is_refused_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "three.yaml").write_text(
        "head_of_government: [ready, propose, respond, withdraw, message, accede]\n"
        "interior_minister: [enforcement, border, intelligence, cyber, labour_inspection]\n"
        "social_affairs_minister: [protection, prevention, adopt_law, repeal_law]\n"
        "seats: [korvia]\n")
    host, save = hosted_with_roles(tmp_path, "--roles-file", str(tmp_path / "three.yaml"))
    try:
        codes = Codes.from_text(codes_path(save).read_text(), "codes")
        assert set(codes.members) == {"korvia"} and set(codes.members["korvia"]) == {HEAD, INTERIOR, SOCIAL}
        head = Api(host.port, codes.members["korvia"][HEAD])
        message = {"type": "message", "state": "korvia", "to": ["meridia"], "text": "hello"}
        assert head.act(message).status == 200
        assert Api(host.port, codes.seats["meridia"]).get("/api/whoami").data["member"] is None, "not in seats"
    finally:
        host.stop()
    (tmp_path / "bad.yaml").write_text("interior_minister: [enforcement, borders]\nhead_of_government: [ready]\n")
    refused = subprocess.run([sys.executable, "-m", "game", "host", str(save), "--port", "0", "--roles-file",
                              str(tmp_path / "bad.yaml")], cwd=tmp_path, text=True, capture_output=True,
                             env={"PYTHONPATH": str(ROOT), "PATH": ""}, timeout=60)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "bad.yaml: error: interior_minister: 'borders' is neither an action type" in refused.stderr


def test_the_whole_teams_code_in_a_team_of_roles_shows_every_part_and_the_teams_log() -> None:
    with hosted(tutorial_session(None, ai=("aldmark",)), split=DEFAULT_SPLIT) as (host, codes):
        team = RemoteTable.connect(host.address, codes.seats["korvia"])
        alone = RemoteTable.connect(host.address, codes.seats["meridia"])
        try:
            member = team.member()
            assert member is not None and member.role == "the whole team" and set(member.fields) == set(CAPACITIES)
            interior = Api(host.port, codes.members["korvia"][INTERIOR])
            assert interior.act({"type": "allocate", "state": "korvia", "budget": {"border": 2}}).status == 200
            assert [line.split(":")[0] for line in team.orders("korvia")] == ["interior minister"]
            assert alone.member() is not None, "meridia plays in roles too (every human state by default)"
        finally:
            team.close()
            alone.close()
    with hosted(tutorial_session(None, ai=("aldmark",))) as (host, codes):
        plain = RemoteTable.connect(host.address, codes.seats["korvia"])
        try:
            assert plain.member() is None, "a class without roles: the screens as before"
        finally:
            plain.close()
