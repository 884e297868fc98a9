"""`accord join`'s screens against a live host: a team's desk plays its turn with the same screens as
the hot seat, waits for the others, reads its report when the host resolves; the facilitator's
console pauses and resolves; a browser-style join asks for the code first."""

import asyncio
import time
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Static

from game.model.actions import Allocate, Message, Ready
from game.net.client import RemoteFacilitator, RemoteTable, connect
from game.net.roles import DEFAULT_SPLIT, HEAD, INTERIOR, SOCIAL
from game.tui.join import JoinApp
from game.tui.screens.console import ConsoleScreen, status_text
from game.tui.screens.desk import DeskScreen
from game.tui.screens.round_report import RoundReportScreen
from game.tui.screens.team import TeamScreen
from tests.net.helpers import Api, hosted, tutorial_session
from tests.tui.helpers import screen_text


async def until(pilot: Pilot[None], condition: object, seconds: float = 30.0) -> None:
    """Pause the app until `condition()` holds (notices arrive from another thread), within `seconds`
    of the wall clock: 100 pauses of 0.05 s ran out on a loaded machine before the host's notice came."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return
        await pilot.pause(0.05)
    raise AssertionError(f"not reached: {screen_text(pilot.app)}")


def test_a_team_plays_its_turns_through_the_join_screens(tmp_path: Path) -> None:
    session = tutorial_session(tmp_path / "class.json", ai=("aldmark",))
    with hosted(session) as (host, codes):
        remote = RemoteTable.connect(host.address, codes.seats["korvia"])
        meridia = RemoteTable.connect(host.address, codes.seats["meridia"])
        secret = next(s.brief for s in session.scenario.states if s.id == "meridia").split("\n")[0][:50]

        async def run() -> None:
            app = JoinApp(host.address, remote)
            async with app.run_test(size=(80, 24)) as pilot:
                await until(pilot, lambda: isinstance(app.screen, TeamScreen))
                await pilot.press("l", "down", "a")
                await until(pilot, lambda: "victim_protection" in host.call(
                    lambda: session.view("korvia").me.pending_laws))  # type: ignore[operator]
                # another team's message arrives while korvia's screen is open: it shows without a key
                meridia.submit(Message(state="meridia", to=["korvia"], text="shall we share intelligence?"),
                               "meridia")
                await pilot.press("n")
                await until(pilot, lambda: "shall we share intelligence?" in screen_text(app))
                assert secret not in screen_text(app)
                await pilot.press("r", "y")
                await until(pilot, lambda: isinstance(app.screen, DeskScreen) and "Waiting for: Meridia"
                            in screen_text(app))
                meridia.submit(Ready(state="meridia"), "meridia")
                await until(pilot, lambda: isinstance(app.screen, RoundReportScreen)
                            and "report on year 1" in screen_text(app))  # composed, on a busy machine too
                text = screen_text(app)
                # the report runs below the fold: what the team's choices did is read in the whole report
                body = str(app.screen.query_one("#report-text", Static).render())
                assert "report on year 1" in text and "adopted Victim protection" in body
                await pilot.press("enter")
                await until(pilot, lambda: isinstance(app.screen, TeamScreen) and "Year 2/6" in screen_text(app))
                # the facilitator resolves round 2 while korvia's screen is still open: its report comes up
                await pilot.press("b")
                forced = Api(host.port, codes.facilitator).post("/api/facilitator/resolve", {"round": 2})
                assert forced.status == 200, forced
                await until(pilot, lambda: isinstance(app.screen, RoundReportScreen)
                            and "report on year 2" in screen_text(app))
                await pilot.press("enter")
                await until(pilot, lambda: isinstance(app.screen, TeamScreen) and "Year 3/6" in screen_text(app))
                await pilot.press("q", "y")
                await pilot.pause()

        try:
            asyncio.run(run())
        finally:
            remote.close()
            meridia.close()


def test_the_console_pauses_and_resolves(tmp_path: Path) -> None:
    session = tutorial_session(None, ai=("aldmark",))
    with hosted(session) as (host, codes):
        console = connect(host.address, codes.facilitator)
        assert isinstance(console, RemoteFacilitator)

        async def run() -> None:
            app = JoinApp(host.address, console)
            async with app.run_test(size=(100, 40)) as pilot:
                await until(pilot, lambda: isinstance(app.screen, ConsoleScreen) and "Korvia" in screen_text(app))
                assert "waiting for: Korvia, Meridia" in screen_text(app)
                assert "true victims" not in screen_text(app), "the truth waits until asked for"
                await pilot.press("p")
                await until(pilot, lambda: host.running.table.paused)
                await until(pilot, lambda: "PAUSED" in screen_text(app))
                await pilot.press("t")
                await until(pilot, lambda: "true victims" in screen_text(app))
                await pilot.press("R", "y")
                await until(pilot, lambda: session.round == 2)
                await pilot.press("p")
                await until(pilot, lambda: not host.running.table.paused)

        try:
            asyncio.run(run())
        finally:
            console.close()


def test_a_browser_style_join_asks_for_the_code(tmp_path: Path) -> None:
    session = tutorial_session(None, ai=("aldmark",))
    with hosted(session) as (host, codes):
        async def run() -> None:
            app = JoinApp(host.address)
            async with app.run_test(size=(80, 24)) as pilot:
                await until(pilot, lambda: "join code" in screen_text(app))
                for key in "WRONG-CODE":
                    await pilot.press(key if key != "-" else "minus")
                await pilot.press("enter")
                await until(pilot, lambda: "not valid for this game" in screen_text(app))
                app.screen.query_one("Input").value = codes.seats["meridia"].lower()  # type: ignore[attr-defined]
                await pilot.press("enter")
                await until(pilot, lambda: isinstance(app.screen, TeamScreen) and "MERIDIA" in screen_text(app))
                assert app.remote is not None
                app.remote.close()

        asyncio.run(run())


def test_a_message_from_the_console_comes_up_on_the_teams_screen(tmp_path: Path) -> None:
    """The facilitator's `m`: the chosen team reads it at once, over its open turn; another team
    does not receive it; the save keeps it as a note on the round."""
    session = tutorial_session(tmp_path / "class.json", ai=("aldmark",))
    with hosted(session) as (host, codes):
        remote = RemoteTable.connect(host.address, codes.seats["korvia"])
        console = connect(host.address, codes.facilitator)
        assert isinstance(console, RemoteFacilitator)

        async def run() -> None:
            app = JoinApp(host.address, remote)
            async with app.run_test(size=(80, 24)) as pilot:
                await until(pilot, lambda: isinstance(app.screen, TeamScreen))
                assert console.broadcast("Five minutes left: agree on information sharing", ["korvia"]) == (
                    "message 1 sent to korvia")
                await until(pilot, lambda: "A message from the facilitator" in screen_text(app)
                            and "Five minutes left" in screen_text(app))

        try:
            asyncio.run(run())
            meridia = Api(host.port, codes.seats["meridia"]).get("/api/table")
            assert meridia.status == 200 and meridia.data["announcements"] == []
            everyone = Api(host.port, codes.facilitator).get("/api/table").data["announcements"]
            assert [a["text"] for a in everyone] == ["Five minutes left: agree on information sharing"]
            unknown = Api(host.port, codes.facilitator).post("/api/facilitator/broadcast", {"text": "hi", "to": ["x"]})
            assert unknown.status == 409 and "no seat x" in unknown.error
            notes = host.call(lambda: session.annotations)
            assert notes == {1: ["message from the facilitator to Korvia: Five minutes left: agree on information "
                                 "sharing"]}
        finally:
            remote.close()
            console.close()


def test_a_team_members_screen_shows_its_role_and_who_in_the_team_did_what(tmp_path: Path) -> None:
    session = tutorial_session(None, ai=("aldmark",))
    with hosted(session, split=DEFAULT_SPLIT) as (host, codes):
        social = RemoteTable.connect(host.address, codes.members["korvia"][SOCIAL])
        interior = RemoteTable.connect(host.address, codes.members["korvia"][INTERIOR])
        head = RemoteTable.connect(host.address, codes.members["korvia"][HEAD])
        interior.submit(Allocate(state="korvia", budget={"enforcement": 3}), "korvia")

        async def run() -> None:
            app = JoinApp(host.address, social)
            async with app.run_test(size=(100, 30)) as pilot:
                await until(pilot, lambda: isinstance(app.screen, TeamScreen))
                text = screen_text(app)
                assert "You: social affairs minister" in text and "adopting laws" in text
                assert "interior minister: allocated 3.6 points" in text, "the interior minister.s order, by role"
                await pilot.press("l", "down", "a")
                await until(pilot, lambda: "social affairs minister: adopted Victim protection" in screen_text(app))
                await pilot.press("b")
                await pilot.pause()
                enforcement = app.screen.query_one("#points-enforcement", Input)
                protection = app.screen.query_one("#points-protection", Input)
                assert enforcement.disabled and enforcement.value == "3", "another member's field, as it stands"
                assert not protection.disabled
                # another member changes their field while this one's form is open: it shows, and what is
                # typed in this member's own field stays
                protection.value = "2"
                interior.submit(Allocate(state="korvia", budget={"enforcement": 4}), "korvia")
                await until(pilot, lambda: enforcement.value == "4")
                assert protection.value == "2"
                # ending the turn is the head of government's part: said at once, nothing asked or sent
                await pilot.press("escape", "r")
                await until(pilot, lambda: "Not your part" in screen_text(app))
                assert "head of government" in screen_text(app)
                await pilot.press("enter")
                # the head of government ends the team's turn from their own machine: this member's
                # screen goes back to the desk, which says who the table waits for
                head.submit(Ready(state="korvia"), "korvia")
                await until(pilot, lambda: isinstance(app.screen, DeskScreen)
                            and "Waiting for: Meridia" in screen_text(app))
                assert "your team: head of government" in screen_text(app)
                await pilot.press("q", "y")
                await pilot.pause()

        try:
            asyncio.run(run())
            status = connect(host.address, codes.facilitator)
            assert isinstance(status, RemoteFacilitator)
            console = status_text(status.status())
            status.close()
            assert "interior minister: allocated" in console and "social affairs minister: adopted" in console
            assert "members: head of government ○ offline" in console
        finally:
            social.close()
            interior.close()
            head.close()
