"""The facilitator's console speaks the scenario's word for a round: its note dialog said "A note on
round 1" in a game of years, where every other line said "year 1"."""

import asyncio
from pathlib import Path

from game.net.client import RemoteFacilitator, connect
from game.tui.join import JoinApp
from game.tui.screens.console import ConsoleScreen
from game.tui.screens.note import NoteScreen
from tests.net.helpers import Api, hosted, tutorial_session
from tests.net.test_tui import until
from tests.tui.helpers import screen_text


def test_the_consoles_note_and_summit_dialogs_say_year_in_a_game_of_years(tmp_path: Path) -> None:
    session = tutorial_session(None, ai=("aldmark",))
    assert session.scenario.round_label == "year"
    with hosted(session) as (host, codes):
        console = connect(host.address, codes.facilitator)
        assert isinstance(console, RemoteFacilitator)

        async def run() -> tuple[str, str]:
            app = JoinApp(host.address, console)
            async with app.run_test(size=(100, 30)) as pilot:
                await until(pilot, lambda: isinstance(app.screen, ConsoleScreen) and "Korvia" in screen_text(app))
                await pilot.press("a")
                await until(pilot, lambda: isinstance(app.screen, NoteScreen))
                note = screen_text(app)
                await pilot.press("escape")
                await until(pilot, lambda: isinstance(app.screen, ConsoleScreen))
                await pilot.press("S")
                await until(pilot, lambda: isinstance(app.screen, NoteScreen))
                return note, screen_text(app)

        try:
            note, summit = asyncio.run(run())
        finally:
            console.close()
    assert "A note on year 1, kept in the save" in note
    assert "round" not in note
    assert "it drafts next year" in summit and "round" not in summit



def test_the_hosts_answers_to_the_facilitator_say_year_in_a_game_of_years(tmp_path: Path) -> None:
    """'✓ … fires when this round resolves' and '… drafts next round' read as the console's other lines."""
    session = tutorial_session(None, ai=("aldmark",))
    event = session.scenario.events[0].id
    with hosted(session) as (host, codes):
        facilitator = Api(host.port, codes.facilitator)
        fired = facilitator.post("/api/facilitator/inject", {"event": event})
        summit = facilitator.post("/api/facilitator/summit", {
            "name": "Review conference", "participants": ["korvia", "meridia", "aldmark"],
            "clauses": [{"clause": "information_sharing"}], "min_ratifications": 2})
    assert fired.status == 200 and fired.data["message"] == f"'{event}' fires when this year is resolved", fired
    assert summit.status == 200 and summit.data["message"] == "'Review conference' drafts next year", summit
