"""Withdrawing a proposal moved it down the list while the cursor kept its row, so the cursor
landed on another proposal (in student11's europe game, one every party had accepted) and a second
w, as a hurried student presses, withdrew that one too. The cursor stays on the proposal it was on."""

import asyncio
from pathlib import Path

from textual.widgets import DataTable

from game.tui.app import AccordApp
from game.tui.widgets.diplomacy_panel import DiplomacyPanel
from tests.tui.helpers import korvia_proposing


def test_the_cursor_stays_on_a_withdrawn_proposal_and_a_second_w_withdraws_nothing_else(here: Path) -> None:
    session = korvia_proposing()

    async def run() -> None:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("enter", "p")
            await pilot.pause()
            panel = app.screen.query_one(DiplomacyPanel)
            first = panel.current()
            assert first is not None and first.status == "open" and first.proposer == "korvia"
            before = panel.proposal_ids.index(first.id)
            await pilot.press("w")
            await pilot.pause()
            assert panel.proposal_ids.index(first.id) > before  # it moved down the list
            assert app.screen.query_one("#proposals-table", DataTable).cursor_row == panel.proposal_ids.index(first.id)
            held = panel.current()
            assert held is not None and (held.id, held.status) == (first.id, "withdrawn")
            await pilot.press("w")
            await pilot.pause()
            statuses = {p.id: p.status for p in session.view("korvia").proposals if p.proposer == "korvia"}
            assert sorted(statuses.values()) == ["open", "withdrawn"], statuses

    asyncio.run(run())
