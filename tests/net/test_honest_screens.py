"""What a team's screen says when the host pauses or does not answer: the pause is seen on the team's
own screen at once (a badge and a notice), and an order whose reply was lost is "not confirmed yet",
never "not saved", and is sent again under the same request id until the host answers: applied once."""

import asyncio
from pathlib import Path
from typing import Any

import pytest

from game.model.actions import Message
from game.net.client import RemoteTable
from game.net.journal import Journal
from game.tui.join import JoinApp
from game.tui.screens.team import TeamScreen
from game.tui.table import NotConfirmed
from tests.net.helpers import Api, hosted, tutorial_session
from tests.net.test_tui import until
from tests.tui.helpers import screen_text


def test_a_team_sees_the_pause_on_its_own_screen_and_the_resume(tmp_path: Path) -> None:
    with hosted(tutorial_session(None, ai=("aldmark",))) as (host, codes):
        remote = RemoteTable.connect(host.address, codes.seats["korvia"])
        facilitator = Api(host.port, codes.facilitator)

        async def run() -> None:
            app = JoinApp(host.address, remote)
            async with app.run_test(size=(100, 30)) as pilot:
                await until(pilot, lambda: isinstance(app.screen, TeamScreen))
                assert "PAUSED" not in screen_text(app)
                assert facilitator.post("/api/facilitator/pause").status == 200
                await until(pilot, lambda: "⏸ PAUSED" in screen_text(app))
                assert isinstance(app.screen, TeamScreen), "on the team's own screen, not only the desk"
                assert any("paused the game" in str(n.message) for n in app._notifications)
                assert facilitator.post("/api/facilitator/resume").status == 200
                await until(pilot, lambda: "PAUSED" not in screen_text(app))
                assert any("resumed the game" in str(n.message) for n in app._notifications)
                await pilot.press("q", "y")
                await pilot.pause()

        try:
            asyncio.run(run())
        finally:
            remote.close()


def test_an_order_whose_reply_was_lost_is_not_confirmed_yet_then_confirmed_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with hosted(tutorial_session(tmp_path / "game.json")) as (host, codes):
        team = RemoteTable.connect(host.address, codes.seats["korvia"])
        try:
            durable = Journal.durable

            async def slow(self: Journal) -> Any:  # the host saves it; its reply comes too late
                await durable(self)
                await asyncio.sleep(1.0)

            monkeypatch.setattr(Journal, "durable", slow)
            team.connection.timeout, team.connection.retries = 0.4, ()
            with pytest.raises(NotConfirmed) as raised:
                team.submit(Message(state="korvia", to=["meridia"], text="only once"), "korvia")
            words = str(raised.value)
            assert words.startswith("not confirmed yet") and "not saved" not in words and "could not" not in words
            assert len(team.unconfirmed) == 1
            # the next order goes after it, under their own ids, still without an answer
            with pytest.raises(NotConfirmed, match=r"2 orders wait"):
                team.submit(Message(state="korvia", to=["meridia"], text="and this"), "korvia")
            monkeypatch.setattr(Journal, "durable", durable)
            team.connection.timeout = 5.0
            lines = team.resend()
            assert lines == ["✓ The host confirmed your message sent earlier."] * 2 and team.unconfirmed == []
            texts = [m["text"] for m in Api(host.port, codes.seats["meridia"]).view()["messages"]]
            assert texts == ["only once", "and this"], "each applied once, in order"
        finally:
            team.close()


def test_a_turn_ended_while_the_host_is_down_is_not_confirmed_yet_then_confirmed_by_itself(tmp_path: Path) -> None:
    from game.net.codes import Codes
    from game.net.server import HostOptions, HostThread
    from game.net.table import HostTable
    from game.session.session import Session
    from tests.net.helpers import free_port, wait_for

    save = tmp_path / "class.json"
    codes = Codes.new(["korvia", "meridia"])
    port = free_port()
    host = HostThread(HostTable(tutorial_session(save, ai=("aldmark",))), codes, HostOptions(port=port)).start()
    remote = RemoteTable.connect(host.address, codes.seats["korvia"])

    async def run() -> None:
        nonlocal host
        app = JoinApp(host.address, remote)
        async with app.run_test(size=(100, 30)) as pilot:
            await until(pilot, lambda: isinstance(app.screen, TeamScreen))
            remote.connection.retries = ()
            await pilot.press("r")
            await until(pilot, lambda: "End your turn" in screen_text(app))
            host.stop()  # the host goes down while the team confirms
            await pilot.press("y")
            await until(pilot, lambda: "Not confirmed yet" in screen_text(app))
            assert "not saved" not in screen_text(app) and "not recorded" not in screen_text(app)
            assert len(remote.unconfirmed) == 1
            host = HostThread(HostTable(Session.load(save)), codes, HostOptions(port=port)).start()
            await until(pilot, lambda: not remote.unconfirmed, seconds=60)  # sent again by itself, within seconds
            await until(pilot, lambda: "confirmed your ready" in " ".join(str(n.message) for n in app._notifications))
            await pilot.press("escape")

    try:
        asyncio.run(run())
        wait_for(lambda: "korvia" in host.call(lambda: host.running.table.session.ready_seats()))  # type: ignore[operator]
    finally:
        remote.close()
        host.stop()
    assert [s.type for s in Session.load(save).log.open if s.by == "korvia"] == ["ready"], "applied once"
