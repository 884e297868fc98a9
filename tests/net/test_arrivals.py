"""A proposal or a message reaching a team across the network is told on its screen whichever tab
it has open ('Meridia proposes Information sharing (p-…): p to answer'), once per item: not again on
the next refresh, and not for what was already there when the team joined (its tabs show those)."""

import asyncio
from pathlib import Path
from typing import Any

from game.model.actions import Allocate, Message, Propose
from game.net.client import RemoteTable
from game.tui.join import JoinApp
from game.tui.screens.desk import DeskScreen
from game.tui.screens.team import TeamScreen
from tests.net.helpers import hosted, tutorial_session
from tests.net.test_tui import until


def test_a_new_proposal_and_message_to_the_team_are_told_once_and_not_those_there_on_joining(
        tmp_path: Path) -> None:
    session = tutorial_session(tmp_path / "class.json", ai=("aldmark",))
    with hosted(session) as (host, codes):
        meridia = RemoteTable.connect(host.address, codes.seats["meridia"])
        meridia.submit(Propose(state="meridia", agreement="extradition", parties=["korvia", "meridia"]),
                       "meridia")
        meridia.submit(Message(state="meridia", to=["korvia"], text="before you joined"), "meridia")
        remote = RemoteTable.connect(host.address, codes.seats["korvia"])
        told: list[str] = []

        async def run() -> None:
            app = JoinApp(host.address, remote)
            shown = app.notify

            def record(message: str, **options: Any) -> None:
                told.append(message)
                shown(message, **options)

            app.notify = record  # type: ignore[method-assign]
            async with app.run_test(size=(80, 24)) as pilot:
                await until(pilot, lambda: isinstance(app.screen, TeamScreen))
                await pilot.press("b")  # the budget tab: nothing of diplomacy in sight
                await pilot.pause(0.5)
                assert not [line for line in told if "proposes" in line or "Message from" in line], told
                before = {p.id for p in meridia.seat_view("meridia").proposals}
                meridia.submit(Propose(state="meridia", agreement="information_sharing",
                                       parties=["korvia", "meridia"]), "meridia")
                new = next(p.id for p in meridia.seat_view("meridia").proposals if p.id not in before)
                await until(pilot, lambda: any("proposes" in line for line in told))
                meridia.submit(Message(state="meridia", to=["korvia"], text="shall we share?"), "meridia")
                await until(pilot, lambda: any("Message from" in line for line in told))
                # more changes on the host, more refreshes: nothing told twice
                budget = dict(meridia.seat_view("meridia").me.allocation)
                meridia.submit(Allocate(state="meridia", budget=budget), "meridia")
                await pilot.press("p")
                await pilot.pause(1.0)
                assert isinstance(app.screen, TeamScreen | DeskScreen)

            proposals = [line for line in told if "proposes" in line]
            messages = [line for line in told if "Message from" in line]
            assert proposals == [f"Meridia proposes Information sharing ({new}): p to answer"], told
            assert messages == ["Message from Meridia: p to read"], told

        try:
            asyncio.run(run())
        finally:
            remote.close()
            meridia.close()

