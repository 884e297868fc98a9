"""A note typed with an answer at a networked desk reaches the host and every party: `accord join`'s
diplomacy tab sends the Respond with its note through the host, which keeps it in the proposal, and
the proposer reads it beside the answer (the same screens as the hot seat; `tests/tui/test_answer_with_note.py`)."""

import asyncio
from pathlib import Path

from game.net.client import RemoteTable
from game.net.codes import Codes, codes_path
from game.tui.join import JoinApp
from game.tui.screens.answer import AnswerDialog
from game.tui.screens.team import TeamScreen
from game.tui.widgets.diplomacy_panel import DiplomacyPanel
from tests.net.helpers import Api, HostProcess, free_port, tutorial_session
from tests.net.test_tui import until
from tests.tui.helpers import screen_text

NOTE = "we cannot pay 2 a year; we could pay 1"


def test_a_note_typed_at_a_networked_desk_reaches_the_host_and_the_proposer(tmp_path: Path) -> None:
    save = tmp_path / "class.json"
    tutorial_session(save, ai=("aldmark",))
    host = HostProcess(save, free_port()).start()
    korvia: RemoteTable | None = None
    try:
        codes = Codes.from_text(codes_path(save).read_text(), "codes")
        meridia = Api(host.port, codes.seats["meridia"], timeout=5.0)
        offered = meridia.act({"type": "propose", "state": "meridia", "agreement": "information_sharing",
                               "parties": ["korvia", "meridia"]})
        assert offered.status == 200, offered
        proposal = next(p["id"] for p in meridia.view()["proposals"] if p["proposer"] == "meridia")
        korvia = RemoteTable.connect(f"127.0.0.1:{host.port}", codes.seats["korvia"])

        async def run() -> None:
            assert korvia is not None
            app = JoinApp(f"127.0.0.1:{host.port}", korvia)
            async with app.run_test(size=(80, 24)) as pilot:
                await until(pilot, lambda: isinstance(app.screen, TeamScreen))
                await pilot.press("p")
                await until(pilot, lambda: bool(app.screen.query(DiplomacyPanel)))
                panel = app.screen.query_one(DiplomacyPanel)
                await pilot.press(*["down"] * panel.proposal_ids.index(proposal))
                await pilot.press("X")
                await until(pilot, lambda: isinstance(app.screen, AnswerDialog))
                await pilot.press(*NOTE, "enter")
                await until(pilot, lambda: isinstance(app.screen, TeamScreen)
                            and f"You said: {NOTE}" in screen_text(app))

        asyncio.run(run())
        answered = next(p for p in meridia.view()["proposals"] if p["id"] == proposal)
        assert answered["answers"] == {"korvia": "reject"} and answered["notes"] == {"korvia": NOTE}
    finally:
        if korvia is not None:
            korvia.close()
        host.stop()
