"""A proposal's note typed at a networked desk reaches the host and every party: `accord join`'s
composer sends the Propose with its note through the host, which keeps it as the proposer's line in
the proposal (the same composer as the hot seat; `tests/tui/test_proposal_note.py`)."""

import asyncio
from pathlib import Path

from textual.widgets import Checkbox, Input

from game.net.client import RemoteTable
from game.net.codes import Codes, codes_path
from game.tui.join import JoinApp
from game.tui.screens.composer import ProposalComposer
from game.tui.screens.team import TeamScreen
from tests.net.helpers import Api, HostProcess, free_port, tutorial_session
from tests.net.test_tui import until

NOTE = "we carry your share for two years"


def test_a_note_typed_in_a_networked_composer_reaches_the_host_and_the_parties(tmp_path: Path) -> None:
    save = tmp_path / "class.json"
    tutorial_session(save, ai=("aldmark",))
    host = HostProcess(save, free_port()).start()
    korvia: RemoteTable | None = None
    try:
        codes = Codes.from_text(codes_path(save).read_text(), "codes")
        korvia = RemoteTable.connect(f"127.0.0.1:{host.port}", codes.seats["korvia"])

        async def run() -> None:
            assert korvia is not None
            app = JoinApp(f"127.0.0.1:{host.port}", korvia)
            async with app.run_test(size=(80, 24)) as pilot:
                await until(pilot, lambda: isinstance(app.screen, TeamScreen))
                await pilot.press("p", "N")
                await until(pilot, lambda: isinstance(app.screen, ProposalComposer))
                app.screen.query_one("#party-meridia", Checkbox).value = True
                app.screen.query_one("#note", Input).focus()
                await pilot.press(*NOTE, "ctrl+s")
                await until(pilot, lambda: isinstance(app.screen, TeamScreen))

        asyncio.run(run())
        meridia = Api(host.port, codes.seats["meridia"], timeout=5.0)
        [offered] = [p for p in meridia.view()["proposals"] if p["proposer"] == "korvia"]
        assert offered["notes"] == {"korvia": NOTE}
    finally:
        if korvia is not None:
            korvia.close()
        host.stop()
