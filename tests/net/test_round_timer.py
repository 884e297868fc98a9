"""The host's round timer (issue 16.3): when a round's time is up it resolves with the standing
orders of the teams not ready, as the facilitator's resolve would, and is saved before anyone hears
of it; the facilitator's pause stops the clock and the facilitator can add time. The clock is moved
by hand; the host looks at it once a second."""

from pathlib import Path

import pytest

from game.cli import main
from game.model.actions import AdoptLaw
from game.net.codes import codes_for
from game.net.server import HostOptions, HostThread
from game.net.table import HostTable, NoTimer
from game.session.store import read_save
from tests.net.helpers import Api, tutorial_session, wait_for


class Hand:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def timed_table(path: Path | None, minutes: float = 5) -> tuple[HostTable, Hand]:
    table = HostTable(tutorial_session(path, ai=("aldmark",)))
    table.advance()
    table.set_round_timer(minutes * 60)
    hand = Hand()
    assert table.clock is not None
    table.clock.now = hand
    table.clock.restart()
    return table, hand


def test_when_time_is_up_the_round_resolves_with_the_standing_orders() -> None:
    table, hand = timed_table(None)
    session = table.session
    session.submit(AdoptLaw(state="korvia", law="victim_protection"), by="korvia")
    assert not table.check_clock() and session.round == 1
    hand.t += 299
    assert not table.check_clock()
    assert table.status({}).time_left == pytest.approx(1.0)
    hand.t += 2
    assert table.check_clock(), "time is up: the round resolves"
    assert session.round == 2 and not any(s.type == "ready" for s in session.submitted(1) if s.by != "aldmark")
    assert [s.type for s in session.submitted(1) if s.by == "korvia"] == ["adopt_law"], "its orders stood"
    table.advance()
    assert not table.check_clock()
    assert table.status({}).time_left == pytest.approx(300.0), "the next round gets the full time"


def test_the_facilitators_pause_stops_the_clock_and_more_time_extends_it() -> None:
    table, hand = timed_table(None)
    table.pause()
    table.check_clock()
    hand.t += 10_000
    assert not table.check_clock() and table.session.round == 1
    status = table.status({})
    assert status.timer_paused and status.time_left == pytest.approx(300.0)
    table.resume()
    table.check_clock()
    assert table.more_time(2) == pytest.approx(420.0)
    hand.t += 419
    assert not table.check_clock()
    hand.t += 2
    assert table.check_clock()


def test_more_time_without_a_timer_is_refused() -> None:
    table = HostTable(tutorial_session(None))
    with pytest.raises(NoTimer, match="no round timer"):
        table.more_time(2)
    assert table.status({}).time_left is None and not table.check_clock()


def test_the_hosts_timer_resolves_and_saves_and_the_facilitator_adds_time(tmp_path: Path) -> None:
    save = tmp_path / "class.json"
    table, hand = timed_table(save)
    codes = codes_for(table.session.path, ["korvia", "meridia"])
    host = HostThread(table, codes, HostOptions(port=0)).start()
    try:
        facilitator = Api(host.port, codes.facilitator)
        korvia = Api(host.port, codes.seats["korvia"])
        assert facilitator.post("/api/facilitator/timer", {"add_minutes": 0}).status == 400
        assert korvia.post("/api/facilitator/timer", {"add_minutes": 2}).status == 403
        more = facilitator.post("/api/facilitator/timer", {"add_minutes": 2})
        assert more.status == 200 and "7.0 minutes left" in more.data["message"]
        assert korvia.get("/api/table").data["time_left"] == pytest.approx(420.0, abs=1.0)
        hand.t += 421
        wait_for(lambda: len(read_save(save).log.rounds) == 1, timeout=10)
        assert korvia.get("/api/table").data["round"] == 2
    finally:
        host.stop()


def test_a_round_timer_of_no_time_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["host", "tutorial", "--round-minutes", "0"]) == 1
    assert capsys.readouterr().err == ("accord: error: --round-minutes '0.0': give more than 0 and at most 1440 "
                                       "minutes\n")


def test_rounds_are_for_a_new_game_not_a_save(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    save = tmp_path / "class.json"
    tutorial_session(save)
    assert main(["host", str(save), "--rounds", "3"]) == 1
    assert capsys.readouterr().err == ("accord: error: --rounds is for a new game; a save keeps its own number of "
                                       "rounds\n")


def test_the_team_screen_and_the_console_show_the_hosts_timer_and_plus_adds_time(tmp_path: Path) -> None:
    import asyncio

    from game.net.client import RemoteFacilitator, RemoteTable, connect
    from game.tui.join import JoinApp
    from game.tui.screens.console import ConsoleScreen
    from game.tui.screens.team import TeamScreen
    from tests.net.test_tui import until
    from tests.tui.helpers import screen_text

    table, _ = timed_table(tmp_path / "class.json", minutes=10)
    codes = codes_for(table.session.path, ["korvia", "meridia"])
    host = HostThread(table, codes, HostOptions(port=0)).start()
    try:
        remote = RemoteTable.connect(host.address, codes.seats["korvia"])
        console = connect(host.address, codes.facilitator)
        assert isinstance(console, RemoteFacilitator)

        async def team() -> None:
            app = JoinApp(host.address, remote)
            async with app.run_test(size=(100, 30)) as pilot:
                await until(pilot, lambda: isinstance(app.screen, TeamScreen))
                await until(pilot, lambda: "10:00 left in this year" in screen_text(app))

        async def facilitator() -> None:
            app = JoinApp(host.address, console)
            async with app.run_test(size=(120, 40)) as pilot:
                await until(pilot, lambda: isinstance(app.screen, ConsoleScreen) and "⏱ 10:00 left" in
                            screen_text(app))
                await pilot.press("plus")
                await until(pilot, lambda: table.clock is not None and table.clock.left > 700)

        asyncio.run(team())
        asyncio.run(facilitator())
        remote.close()
        console.close()
    finally:
        host.stop()
