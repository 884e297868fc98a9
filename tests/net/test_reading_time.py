"""The round's countdown waits while the teams read the last report (`accord host --reading-minutes`):
a round opens the moment its predecessor resolves, when every team is reading what happened, so a
countdown started then took the reading out of the round's play. It starts once every connected human
team has closed its report, or when the reading allowance runs out; a team not connected does not hold
the class up. The clock is moved by hand."""

from pathlib import Path

import pytest

from game.model.actions import Ready
from game.net.table import HostTable
from tests.net.helpers import tutorial_session
from tests.net.test_round_timer import Hand

BOTH = {"korvia": 1, "meridia": 1}
"""Both human teams' desks connected (notice sockets open)."""


def read_table(minutes: float = 5, reading: float = 2, path: Path | None = None) -> tuple[HostTable, Hand]:
    """The tutorial with two human teams and an AI, a round timer and reading time, at round 1."""
    table = HostTable(tutorial_session(path, ai=("aldmark",)))
    table.advance()
    hand = Hand()
    table.set_round_timer(minutes * 60, reading=reading * 60, now=hand)
    return table, hand


def resolve_round(table: HostTable) -> None:
    """Both human teams end their turn: the round resolves and the next opens."""
    for seat in ("korvia", "meridia"):
        table.submit(seat, Ready(state=seat))
    assert table.session.round == 2


def test_the_countdown_holds_its_full_time_until_every_connected_team_has_closed_the_report() -> None:
    table, hand = read_table()
    resolve_round(table)
    assert not table.check_clock(BOTH)
    hand.t += 60
    assert not table.check_clock(BOTH)
    status = table.status(BOTH)
    assert status.reading is not None and (status.reading.round, status.reading.done, status.reading.teams) == (1, 0, 2)
    assert status.time_left == pytest.approx(300.0), "a minute of reading took nothing from the round"
    assert status.reading.left == pytest.approx(60.0) and not status.timer_paused
    assert table.report_read("korvia", None, 1, BOTH) == "noted: 1 of 2 teams have read the report"
    hand.t += 10
    assert table.status(BOTH).time_left == pytest.approx(300.0), "one team is still reading"
    table.report_read("meridia", None, 1, BOTH)
    assert table.status(BOTH).reading is None
    hand.t += 10
    assert not table.check_clock(BOTH)
    assert table.status(BOTH).time_left == pytest.approx(290.0), "the countdown runs once the last team closed it"


def test_the_countdown_starts_when_the_reading_allowance_runs_out() -> None:
    table, hand = read_table(reading=2)
    resolve_round(table)
    table.check_clock(BOTH)
    table.report_read("korvia", None, 1, BOTH)
    hand.t += 119
    assert not table.check_clock(BOTH) and table.status(BOTH).reading is not None
    hand.t += 2
    table.check_clock(BOTH)
    assert table.status(BOTH).reading is None, "meridia's reading does not hold the class past two minutes"
    hand.t += 30
    assert table.status(BOTH).time_left == pytest.approx(270.0)


def test_a_team_that_is_not_connected_does_not_hold_the_class_up() -> None:
    table, hand = read_table()
    resolve_round(table)
    table.check_clock(BOTH)
    table.report_read("korvia", None, 1, BOTH)
    assert table.status(BOTH).reading is not None
    gone = {"korvia": 1, "meridia": 0}  # meridia's desk dropped off while reading
    table.check_clock(gone)
    assert table.status(gone).reading is None
    hand.t += 5
    assert table.status(gone).time_left == pytest.approx(295.0)


def test_with_no_team_connected_the_countdown_starts_at_once() -> None:
    table, hand = read_table()
    resolve_round(table)
    table.check_clock({})
    hand.t += 5
    assert table.status({}).reading is None and table.status({}).time_left == pytest.approx(295.0)


def test_a_team_in_roles_is_done_once_each_connected_member_has_closed_the_report() -> None:
    table, _ = read_table()
    resolve_round(table)
    members = {"korvia/head": 1, "korvia/interior": 1, "korvia/foreign": 0, "meridia": 1}
    table.check_clock(members)
    table.report_read("meridia", None, 1, members)
    table.report_read("korvia", "head", 1, members)
    wait = table.status(members).reading
    assert wait is not None and (wait.done, wait.teams) == (1, 2), "korvia's interior minister still reads"
    table.report_read("korvia", "interior", 1, members)
    assert table.status(members).reading is None, "the foreign minister is not connected: not waited for"


def test_repeated_late_and_stray_reads_change_nothing() -> None:
    table, _ = read_table()
    assert table.report_read("korvia", None, 1, BOTH) == "noted: no countdown waits for that report"
    version = table.version
    resolve_round(table)
    table.check_clock(BOTH)
    assert table.report_read("korvia", None, 7, BOTH) == "noted: no countdown waits for that report"
    table.report_read("korvia", None, 1, BOTH)
    version = table.version
    assert table.report_read("korvia", None, 1, BOTH) == "noted: 1 of 2 teams have read the report"
    assert table.version == version, "a repeated read is no change"
    table.report_read("meridia", None, 1, BOTH)
    version = table.version
    assert table.report_read("meridia", None, 1, BOTH) == "noted: no countdown waits for that report"
    assert table.version == version


def test_the_facilitators_pause_stops_the_reading_allowance_and_more_time_adds_to_the_held_round() -> None:
    table, hand = read_table(reading=2)
    resolve_round(table)
    table.check_clock(BOTH)
    hand.t += 30
    table.pause()
    table.check_clock(BOTH)
    hand.t += 1000
    table.report_read("korvia", None, 1, BOTH)
    table.report_read("meridia", None, 1, BOTH)
    status = table.status(BOTH)
    assert status.reading is not None and status.reading.left == pytest.approx(90.0), "paused: nothing starts"
    assert status.timer_paused and status.time_left == pytest.approx(300.0)
    assert table.more_time(2) == pytest.approx(420.0)
    table.resume()
    table.check_clock(BOTH)
    assert table.status(BOTH).reading is None, "on resume, every team had read: the countdown starts"
    hand.t += 20
    assert table.status(BOTH).time_left == pytest.approx(400.0)


def test_no_reading_time_starts_the_countdown_as_the_round_opens() -> None:
    table, hand = read_table(reading=0)
    resolve_round(table)
    table.check_clock(BOTH)
    hand.t += 10
    status = table.status(BOTH)
    assert status.reading is None and status.time_left == pytest.approx(290.0)


def test_the_first_round_has_no_report_to_read() -> None:
    table, hand = read_table()
    table.check_clock(BOTH)
    hand.t += 10
    status = table.status(BOTH)
    assert status.reading is None and status.time_left == pytest.approx(290.0)


def test_time_up_after_the_reading_resolves_the_round_with_the_standing_orders() -> None:
    table, hand = read_table(minutes=1, reading=1)
    resolve_round(table)
    table.check_clock(BOTH)
    hand.t += 61
    assert not table.check_clock(BOTH), "the allowance ran out: the round's minute starts now"
    hand.t += 59
    assert not table.check_clock(BOTH) and table.session.round == 2
    hand.t += 2
    assert table.check_clock(BOTH) and table.session.round == 3


def test_over_the_network_the_desks_say_they_closed_the_report_and_junk_is_refused(tmp_path: Path) -> None:
    """A real `accord host` process on loopback, two teams' notice sockets open: the countdown of
    round 2 holds while they read; korvia says it closed its report, meridia's desk goes away, and
    the countdown starts."""
    from game.net.client import Connection
    from game.net.codes import Codes, codes_path
    from tests.net.helpers import Api, HostProcess, free_port, wait_for

    save = tmp_path / "class.json"
    tutorial_session(save, ai=("aldmark",))
    host = HostProcess(save, free_port(), "--round-minutes", "10", "--reading-minutes", "3").start()
    desks: list[Connection] = []
    try:
        codes = Codes.from_text(codes_path(save).read_text(), "codes")
        address = f"127.0.0.1:{host.port}"
        korvia, meridia = (Api(host.port, codes.seats[seat], timeout=5.0) for seat in ("korvia", "meridia"))
        facilitator = Api(host.port, codes.facilitator, timeout=5.0)
        for seat in ("korvia", "meridia"):
            desk = Connection(address, codes.seats[seat])
            desk.listen()
            desks.append(desk)

        def both_online() -> bool:
            seats = facilitator.get("/api/facilitator/status").data["table"]["seats"]
            return all(s["connected"] for s in seats if s["id"] in ("korvia", "meridia"))

        wait_for(both_online, timeout=10)
        for junk in ({"round": "one"}, {"round": 0}, {"round": 1, "team": "korvia"}, []):
            refused = korvia.post("/api/read", junk)
            assert refused.status == 400 and refused.data["kind"] == "invalid" and refused.error, (junk, refused)
        assert korvia.send("POST", "/api/read", b"{not json").status == 400
        assert facilitator.post("/api/read", {"round": 1}).status == 403
        assert korvia.post("/api/read", {"round": 1}).data["message"] == "noted: no countdown waits for that report"

        for seat, api in (("korvia", korvia), ("meridia", meridia)):
            assert api.act({"type": "ready", "state": seat}).status == 200
        table = korvia.get("/api/table").data
        assert table["round"] == 2 and table["reading"] == {"round": 1, "done": 0, "teams": 2,
                                                            "left": pytest.approx(180, abs=2)}
        assert table["time_left"] == 600.0, "the countdown holds while the teams read"
        for _ in range(2):  # the second is a repeat: harmless
            read = korvia.post("/api/read", {"round": 1})
            assert read.status == 200 and read.data["message"] == "noted: 1 of 2 teams have read the report"
        desks.pop().close()  # meridia's desk goes away while it reads
        wait_for(lambda: korvia.get("/api/table").data["reading"] is None, timeout=10)
        wait_for(lambda: korvia.get("/api/table").data["time_left"] < 600.0, timeout=5)
    finally:
        for desk in desks:
            desk.close()
        said = host.stop()
    assert "starts when every connected team has closed it, or in 3 minutes" in said, said
    assert "every connected team has read the report: the 10 minutes of year 2 start now" in said, said


def test_reading_minutes_that_are_not_a_time_are_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    from game.cli import main

    for bad, words in (("-1", "'-1': give 0 (no reading time) up to 1440 minutes"),
                       ("soon", "'soon' is not a number of minutes"),
                       ("nan", "'nan': give 0 (no reading time) up to 1440 minutes")):
        with pytest.raises(SystemExit) as exit_:
            main(["host", "tutorial", "--round-minutes", "10", "--reading-minutes", bad])
        assert exit_.value.code == 1
        assert capsys.readouterr().err.endswith(f"accord host: error: argument --reading-minutes: {words}\n")


def test_the_reading_time_is_kept_and_named_in_the_restart_command() -> None:
    from game.commands.host import listening, restart_command
    from tests.net.test_host_options import _args

    first = listening(_args(round_minutes=7.0, reading_minutes=1.5), {})
    again = listening(_args(), first)
    assert again["reading_minutes"] == 1.5
    assert "--round-minutes 7 --reading-minutes 1.5" in restart_command(Path("s.json"), again)


def test_a_desk_that_closes_its_report_tells_the_host_and_its_screen_says_who_still_reads(tmp_path: Path) -> None:
    import asyncio

    from game.net.client import Connection, RemoteTable
    from game.net.codes import codes_for
    from game.net.server import HostOptions, HostThread
    from game.tui.join import JoinApp
    from game.tui.screens.round_report import RoundReportScreen
    from game.tui.screens.team import TeamScreen
    from tests.net.helpers import Api, wait_for
    from tests.net.test_tui import until
    from tests.tui.helpers import screen_text

    table, _ = read_table(minutes=10, path=tmp_path / "class.json")
    codes = codes_for(table.session.path, ["korvia", "meridia"])
    host = HostThread(table, codes, HostOptions(port=0)).start()
    remote = RemoteTable.connect(host.address, codes.seats["korvia"])
    meridia_desk = Connection(host.address, codes.seats["meridia"])
    try:
        meridia_desk.listen()
        korvia, meridia = Api(host.port, codes.seats["korvia"]), Api(host.port, codes.seats["meridia"])

        def reading() -> dict[str, object] | None:
            wait: dict[str, object] | None = korvia.get("/api/table").data["reading"]
            return wait

        async def team() -> None:
            app = JoinApp(host.address, remote)
            async with app.run_test(size=(100, 30)) as pilot:
                await until(pilot, lambda: isinstance(app.screen, TeamScreen))
                wait_for(lambda: all(s.connected for s in table.status(host.running.host.hub.connected).seats
                                     if s.human), timeout=10)
                for seat, api in (("meridia", meridia), ("korvia", korvia)):
                    assert api.act({"type": "ready", "state": seat}).status == 200
                await until(pilot, lambda: isinstance(app.screen, RoundReportScreen))
                assert reading() == {"round": 1, "done": 0, "teams": 2, "left": 120.0}
                await pilot.press("enter")
                await until(pilot, lambda: isinstance(app.screen, TeamScreen))
                assert reading() == {"round": 1, "done": 1, "teams": 2, "left": 120.0}
                await until(pilot, lambda: "reading the report (1 of 2 teams done, 2:00 at most)" in screen_text(app))

        asyncio.run(team())
        assert meridia.post("/api/read", {"round": 1}).status == 200
        assert reading() is None
    finally:
        meridia_desk.close()
        remote.close()
        host.stop()


def test_the_facilitators_console_says_how_many_teams_have_read_before_the_countdown() -> None:
    from game.tui.screens.console import clock_text

    table, hand = read_table(minutes=10)
    resolve_round(table)
    table.report_read("korvia", None, 1, BOTH)
    hand.t += 45
    assert clock_text(table.status(BOTH)) == " · 📖 reading the report (1 of 2 teams done, 1:15 at most), then ⏱ 10:00"
    table.report_read("meridia", None, 1, BOTH)
    hand.t += 60
    assert clock_text(table.status(BOTH)) == " · ⏱ 9:00 left"
