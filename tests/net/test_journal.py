"""Group commit: teams' orders that arrive together share one save, each acknowledged only once it is
on disk; a save that fails is refused to everyone waiting on it and the game goes back to the last
save, so that nothing acknowledged is missing and nothing refused is kept; and teams hear of a change
only once it is on disk."""

import asyncio
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from game.session.errors import SaveError
from game.session.session import Session
from tests.net.helpers import Api, hosted, tutorial_session, wait_for
from tests.net.test_facilitator import listen


def test_orders_sent_together_are_all_on_disk_when_acknowledged(tmp_path: Path) -> None:
    save = tmp_path / "class.json"
    with hosted(tutorial_session(save)) as (host, codes):
        teams = ("korvia", "meridia", "aldmark")
        statuses: list[int] = []

        def chatter(team: str) -> None:
            api = Api(host.port, codes.seats[team])
            for n in range(8):
                reply = api.act({"type": "message", "state": team, "to": ["korvia" if team != "korvia" else "meridia"],
                                 "text": f"{team} {n}"})
                statuses.append(reply.status)

        threads = [threading.Thread(target=chatter, args=(team,)) for team in teams]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(20)
        assert statuses == [200] * 24
        on_disk = Session.load(save)
        texts = {s.data["text"] for s in on_disk.log.open if s.type == "message"}
        assert texts == {f"{team} {n}" for team in teams for n in range(8)}, "every acknowledged order is saved"
        assert host.running.host.journal.writes <= 24 + 1


def test_a_save_that_fails_is_refused_and_undone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    save = tmp_path / "class.json"
    with hosted(tutorial_session(save)) as (host, codes):
        korvia, meridia = Api(host.port, codes.seats["korvia"]), Api(host.port, codes.seats["meridia"])
        assert korvia.act({"type": "allocate", "state": "korvia", "budget": {"enforcement": 3}}).status == 200
        original = Session.save_later

        def broken(self: Session):  # type: ignore[no-untyped-def]
            def write() -> Path:
                raise SaveError(str(save), "cannot write it: No space left on device")
            return write

        monkeypatch.setattr(Session, "save_later", broken)
        refused = meridia.act({"type": "message", "state": "meridia", "to": ["korvia"], "text": "lost?"},
                              request="m-1")
        assert refused.status == 503 and refused.data["kind"] == "unavailable" and "No space left" in refused.error
        monkeypatch.setattr(Session, "save_later", original)
        assert meridia.view()["messages"] == [], "what could not be saved is not kept"
        assert korvia.view()["me"]["allocation"]["enforcement"] == 3, "what was saved stays"
        again = meridia.act({"type": "message", "state": "meridia", "to": ["korvia"], "text": "lost?"},
                            request="m-1")
        assert again.status == 200 and not again.data["duplicate"], "the refused request id is forgotten"
        assert [m["text"] for m in korvia.view()["messages"]] == ["lost?"]
    assert [s.type for s in Session.load(save).log.open] == ["allocate", "message"]


class _Arrivals(list[tuple[float, Any]]):
    """Notices with the moment each arrived."""

    def append(self, notice: Any) -> None:
        super().append((time.monotonic(), notice))


def test_teams_hear_of_a_change_only_once_it_is_on_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A notice sent before the write would show teams an order a crash of the host could still undo."""
    save = tmp_path / "class.json"
    with hosted(tutorial_session(save)) as (host, codes):
        arrivals = _Arrivals()
        loop, stop = asyncio.new_event_loop(), asyncio.Event()
        listener = threading.Thread(target=loop.run_until_complete,
                                    args=(listen(host.port, codes.seats["meridia"], arrivals, stop),))  # type: ignore[arg-type]
        listener.start()
        try:
            wait_for(lambda: len(arrivals) >= 1)
            original, written = Session.save_later, []

            def slow(self: Session):  # type: ignore[no-untyped-def]
                write = original(self)

                def later() -> Path:
                    time.sleep(0.3)
                    path = write()
                    written.append(time.monotonic())
                    return path
                return later

            monkeypatch.setattr(Session, "save_later", slow)
            korvia = Api(host.port, codes.seats["korvia"])
            assert korvia.act({"type": "message", "state": "korvia", "to": ["meridia"], "text": "hi"}).status == 200
            wait_for(lambda: len(arrivals) >= 2)
            assert written and arrivals[1][0] >= written[0], "the notice came before the order was on disk"
            assert arrivals[1][1].version != arrivals[0][1].version
        finally:
            loop.call_soon_threadsafe(stop.set)
            listener.join(5)
