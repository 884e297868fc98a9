"""The composer's detail of a kind gives its approval effect only where signing moves approval:
information sharing read 'approval +0.' (student20)."""

import asyncio
from pathlib import Path

from textual.widgets import Static

from game.tui.app import AccordApp
from tests.tui.helpers import open_composer, tutorial


def test_a_kind_that_moves_no_approval_names_no_approval_figure(here: Path) -> None:
    async def run() -> None:
        async with AccordApp(Path("saves"), session=tutorial()).run_test(size=(80, 24)) as pilot:
            composer = await open_composer(pilot, "information_sharing", "meridia")
            detail = str(composer.query_one("#kind-detail", Static).render())
            assert "approval" not in detail and "enters into force." in detail, detail

    asyncio.run(run())
