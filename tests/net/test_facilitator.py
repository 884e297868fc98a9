"""The facilitator's routes: who is connected and ready, forcing a stalled round, injecting an event
(a logged action, replayed exactly), pausing, and notes kept in the save."""

import asyncio
import threading
from pathlib import Path

import aiohttp

from game.commands.host import banner
from game.net.codes import codes_for
from game.net.protocol import Notice
from game.net.server import HostOptions, RunningHost
from game.net.table import HostTable
from game.session.session import Session
from game.session.verify import verify
from tests.net.helpers import Api, hosted, tutorial_session, wait_for


async def listen(port: int, code: str, notices: list[Notice], stop: asyncio.Event) -> None:
    async with aiohttp.ClientSession(headers={"Authorization": f"Bearer {code}"}) as client, \
            client.ws_connect(f"http://127.0.0.1:{port}/api/events") as socket:
        reader = asyncio.ensure_future(socket.receive())
        stopping = asyncio.ensure_future(stop.wait())
        while True:
            done, _ = await asyncio.wait({reader, stopping}, return_when=asyncio.FIRST_COMPLETED)
            if stopping in done:
                reader.cancel()
                return
            message = reader.result()
            notices.append(Notice.model_validate_json(message.data))
            reader = asyncio.ensure_future(socket.receive())


def test_the_facilitator_runs_the_room(tmp_path: Path) -> None:
    save = tmp_path / "class.json"
    with hosted(tutorial_session(save, ai=("aldmark",))) as (host, codes):
        facilitator = Api(host.port, codes.facilitator)
        korvia, meridia = Api(host.port, codes.seats["korvia"]), Api(host.port, codes.seats["meridia"])

        # a team connected to the notices shows as online; the AI has already played
        notices: list[Notice] = []
        loop = asyncio.new_event_loop()
        stop = asyncio.Event()
        listener = threading.Thread(target=loop.run_until_complete,
                                    args=(listen(host.port, codes.seats["korvia"], notices, stop),))
        listener.start()
        try:
            wait_for(lambda: len(notices) >= 1)
            status = facilitator.get("/api/facilitator/status").data
            seats = {seat["id"]: seat for seat in status["table"]["seats"]}
            assert seats["korvia"]["connected"] == 1 and seats["meridia"]["connected"] == 0
            assert seats["aldmark"]["ready"] and not seats["korvia"]["ready"]
            assert status["table"]["waiting_for"] == ["korvia", "meridia"]

            # inject: a logged action of the facilitator, due at this round's resolution
            bad = facilitator.post("/api/facilitator/inject", {"event": "hill-flood"})
            assert bad.status == 409 and "did you mean 'hill-floods'" in bad.error
            assert facilitator.post("/api/facilitator/inject", {"event": "Not A Slug!"}).status == 400
            assert facilitator.post("/api/facilitator/inject", {"event": "hill-floods"}).status == 200
            events = {e["id"]: e for e in facilitator.get("/api/facilitator/status").data["events"]}
            assert events["hill-floods"]["pending"] and not events["hill-floods"]["fired"]

            # pause: orders wait, with a clear word, and the verdicts say so too
            assert korvia.act({"type": "ready", "state": "korvia"}).status == 200
            assert facilitator.post("/api/facilitator/pause").status == 200
            paused = meridia.act({"type": "ready", "state": "meridia"})
            assert paused.status == 423 and paused.data["kind"] == "paused" and "paused" in paused.error
            assert "paused" in meridia.post("/api/check", {"action": {"type": "ready", "state": "meridia"}}).data[
                "refusal"]
            wait_for(lambda: notices[-1].paused)
            assert facilitator.post("/api/facilitator/resume").status == 200
            assert meridia.act({"type": "ready", "state": "meridia"}).status == 200
            assert korvia.get("/api/table").data["round"] == 2, "resumed, all ready: resolved"
            wait_for(lambda: notices[-1].round == 2 and not notices[-1].paused)
            report = korvia.get("/api/report?round=1").data["state"]["report"]
            assert "injected" in [e["kind"] for e in report["events"]]

            # a team that stalls: the facilitator resolves without it, once (a retry is refused)
            assert korvia.act({"type": "ready", "state": "korvia"}).status == 200
            assert facilitator.post("/api/facilitator/resolve", {"round": 2}).status == 200
            again = facilitator.post("/api/facilitator/resolve", {"round": 2})
            assert again.status == 409 and "not open" in again.error
            assert korvia.get("/api/table").data["round"] == 3

            # notes go into the save
            assert facilitator.post("/api/facilitator/note", {"text": "ask Meridia why it stalled"}).status == 200
            assert facilitator.post("/api/facilitator/note", {"text": ""}).status == 400
            assert facilitator.get("/api/facilitator/status").data["notes"] == {"3": ["ask Meridia why it stalled"]}
            truth = facilitator.get("/api/facilitator/truth").data
            assert "hill-floods" in truth["truth"]["fired_events"] and truth["names"]["korvia"] == "Korvia"
        finally:
            loop.call_soon_threadsafe(stop.set)
            listener.join(5)
            loop.close()
    session = Session.load(save)
    assert session.annotations == {3: ["ask Meridia why it stalled"]}
    inject = next(s for s in session.log.rounds[0].actions if s.type == "inject")
    assert inject.by is None and inject.data["event"] == "hill-floods"
    assert verify(save).rounds == 2, "the inject replays exactly"


def test_a_paused_game_stays_paused_when_its_host_restarts(tmp_path: Path) -> None:
    """The pause is kept in the save: a host that dies while the class is paused comes back paused,
    and the facilitator's resume is saved too."""
    save = tmp_path / "class.json"
    with hosted(tutorial_session(save)) as (host, codes):
        assert Api(host.port, codes.facilitator).post("/api/facilitator/pause").status == 200
    assert Session.load(save).paused
    paused = Session.load(save)
    codes_now = codes_for(save, [])
    assert "⏸ Paused" in banner(RunningHost(HostTable(paused), codes_now, HostOptions()), codes_now, save)
    with hosted(Session.load(save)) as (host, codes):
        korvia = Api(host.port, codes.seats["korvia"])
        refused = korvia.act({"type": "ready", "state": "korvia"})
        assert refused.status == 423 and refused.data["kind"] == "paused"
        assert korvia.get("/api/table").data["paused"]
        assert Api(host.port, codes.facilitator).post("/api/facilitator/resume").status == 200
        assert korvia.act({"type": "ready", "state": "korvia"}).status == 200
    assert not Session.load(save).paused
