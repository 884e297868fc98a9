"""Faults: a team that drops and reconnects continues where it was; a retried submission is not
applied twice, even by a host restarted on the save; a host killed (SIGKILL) and restarted on the
same save continues the round with the same codes, its clients reconnect by themselves, and nothing
acknowledged is lost."""

import stat
import threading
from pathlib import Path

from game.model.actions import AdoptLaw, Allocate, Message, Ready
from game.net.client import RemoteTable
from game.net.codes import Codes, codes_path
from game.net.server import HostOptions, HostThread
from game.net.table import HostTable
from game.session.session import Session
from game.session.verify import verify
from tests.net.helpers import Api, HostProcess, free_port, hosted, tutorial_session, wait_for


def test_a_retried_submission_is_answered_not_applied_twice(tmp_path: Path) -> None:
    session = tutorial_session(tmp_path / "game.json")
    with hosted(session) as (host, codes):
        korvia = Api(host.port, codes.seats["korvia"])
        message = {"type": "message", "state": "korvia", "to": ["meridia"], "text": "only once"}
        first = korvia.act(message, request="r-1")
        again = korvia.act(message, request="r-1")
        assert first.status == again.status == 200 and not first.data["duplicate"] and again.data["duplicate"]
        assert [m["text"] for m in korvia.view()["messages"]] == ["only once"]
        assert korvia.act(message, request="r-2").status == 200, "another id is another message"
        assert len(korvia.view()["messages"]) == 2


def test_a_retry_whose_reply_was_lost_with_the_host_is_answered_by_the_restarted_host(tmp_path: Path) -> None:
    """The host wrote the order and died before replying; the client retries under the same id on
    the host restarted from the save: the save remembers the id, so the order is not applied twice."""
    save = tmp_path / "game.json"
    message = {"type": "message", "state": "korvia", "to": ["meridia"], "text": "only once"}
    with hosted(tutorial_session(save)) as (host, codes):
        assert Api(host.port, codes.seats["korvia"]).act(message, request="r-1").status == 200
    with hosted(Session.load(save)) as (host, codes):
        korvia = Api(host.port, codes.seats["korvia"])
        again = korvia.act(message, request="r-1")
        assert again.status == 200 and again.data["duplicate"]
        assert [m["text"] for m in korvia.view()["messages"]] == ["only once"]
    assert [s.request for s in Session.load(save).submitted()] == ["r-1"], "the id is in the save"


def test_a_team_that_drops_and_reconnects_continues_where_it_was(tmp_path: Path) -> None:
    save = tmp_path / "game.json"
    session = tutorial_session(save, ai=("aldmark",))
    codes = Codes.new(["korvia", "meridia"])
    port = free_port()
    host = HostThread(HostTable(session), codes, HostOptions(port=port)).start()
    team = RemoteTable.connect(host.address, codes.seats["korvia"])
    links: list[bool] = []
    team.connection.on_link = links.append
    try:
        team.connection.listen()
        wait_for(lambda: team.connection.linked)
        team.submit(AdoptLaw(state="korvia", law="victim_protection"), "korvia")
        before = team.connection.version
        # the host goes away (its network, or the process) and comes back on the same save and port
        host.stop()
        wait_for(lambda: not team.connection.linked)
        host = HostThread(HostTable(Session.load(save)), codes, HostOptions(port=port)).start()
        wait_for(lambda: team.connection.linked, timeout=10)
        wait_for(lambda: team.connection.version != before)
        assert links[:3] == [True, False, True]
        view = team.seat_view("korvia")
        assert "victim_protection" in view.me.pending_laws and view.round == 1, "where it was"
        team.submit(Ready(state="korvia"), "korvia")
        # a team that closes its client altogether and joins again with its code
        team.close()
        again = RemoteTable.connect(host.address, codes.seats["korvia"])
        assert again.seat_view("korvia").me.ready and again.orders("korvia") == ["adopted Victim protection"]
        again.close()
    finally:
        team.close()
        host.stop()


def test_a_killed_host_restarts_on_its_save_and_loses_nothing_acknowledged(tmp_path: Path) -> None:
    save = tmp_path / "class.json"
    tutorial_session(save, ai=("aldmark",))
    port = free_port()
    first = HostProcess(save, port).start()
    try:
        codes_file = codes_path(save)
        assert stat.S_IMODE(codes_file.stat().st_mode) == 0o600, "codes are readable by the host's owner only"
        codes = Codes.from_text(codes_file.read_text(), str(codes_file))
        korvia, meridia = Api(port, codes.seats["korvia"]), Api(port, codes.seats["meridia"])
        assert korvia.act({"type": "allocate", "state": "korvia", "budget": {"enforcement": 3}}).status == 200
        assert meridia.act({"type": "adopt_law", "state": "meridia", "law": "victim_protection"}).status == 200
        team = RemoteTable.connect(f"127.0.0.1:{port}", codes.seats["korvia"])
        team.connection.listen()
        wait_for(lambda: team.connection.linked)

        # a team keeps sending messages; the host is killed in the middle of it
        acknowledged: list[str] = []
        stopped = threading.Event()

        def chatter() -> None:
            for n in range(400):
                text = f"message {n}"
                try:
                    team.submit(Message(state="korvia", to=["meridia"], text=text), "korvia")
                except Exception:
                    break
                acknowledged.append(text)
            stopped.set()

        sender = threading.Thread(target=chatter)
        team.connection.retries = ()  # fail fast once the host is gone
        sender.start()
        wait_for(lambda: len(acknowledged) >= 8)
        first.kill()
        assert stopped.wait(15)
        sender.join(5)
        wait_for(lambda: not team.connection.linked)

        second = HostProcess(save, port).start()
        try:
            assert Codes.from_text(codes_file.read_text(), str(codes_file)) == codes, "the same codes"
            wait_for(lambda: team.connection.linked, timeout=10)  # the client reconnected by itself
            view = team.seat_view("korvia")
            assert view.round == 1 and view.me.allocation.get("enforcement") == 3, "the round continues"
            sent = [m.text for m in view.messages if m.sender == "korvia"]
            assert sent[:len(acknowledged)] == acknowledged, "every acknowledged message is there, in order"
            assert "victim_protection" in meridia.view()["me"]["pending_laws"]
            team.connection.retries = (0.2, 0.5)
            team.submit(Allocate(state="korvia", budget={"enforcement": 4}), "korvia")
            assert korvia.act({"type": "ready", "state": "korvia"}).status == 200
            assert meridia.act({"type": "ready", "state": "meridia"}).status == 200
            assert korvia.get("/api/table").data["round"] == 2, "the round resolved on the restarted host"
        finally:
            team.close()
            output = second.stop()
        assert "year 1 resolved" in output
    finally:
        first.kill()
    session = Session.load(save)
    assert session.round == 2 and verify(save).rounds == 1
    logged = [s.data.get("text") for s in session.log.rounds[0].actions if s.type == "message"]
    assert logged[:len(acknowledged)] == acknowledged
