"""The main screens at 80x24, as text, against committed snapshots in `tests/tui/snapshots/`.

A changed screen fails with both versions printed; if the change is intended, rewrite them with
`ACCORD_UPDATE_SNAPSHOTS=1 .venv/bin/pytest tests/tui/test_snapshots.py` and review the diff.
"""

import asyncio
from pathlib import Path

from game.session.replay import Replay
from game.tui.app import AccordApp
from game.tui.screens.final import FinalScreen
from tests.tui.helpers import SAVE, assert_snapshot, finish_round, settled, tutorial

SIZE = (80, 24)


def test_title_screen(here: Path) -> None:
    async def run() -> None:
        app = AccordApp(Path("saves"))
        async with app.run_test(size=SIZE) as pilot:
            assert_snapshot("title", await settled(pilot))

    asyncio.run(run())


def test_a_teams_screens_in_the_second_round(here: Path) -> None:
    """The handoff, then Korvia's dashboard, laws and diplomacy (Aldmark's AI has proposed), and its
    report on the first round."""
    session = tutorial()
    finish_round(session)

    async def run() -> None:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=SIZE) as pilot:
            assert_snapshot("handoff", await settled(pilot))
            for key, name in (("enter", "dashboard"), ("l", "laws"), ("p", "diplomacy"), ("o", "round_report")):
                await pilot.press(key)
                assert_snapshot(name, await settled(pilot))

    asyncio.run(run())


def test_final_scores(here: Path) -> None:
    session = tutorial()
    while not session.is_over:
        finish_round(session)

    async def run() -> None:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("enter")
            assert isinstance(app.screen, FinalScreen)
            await app.workers.wait_for_complete()
            assert_snapshot("final", await settled(pilot))

    asyncio.run(run())


def test_replay_viewer(here: Path) -> None:
    session = tutorial()
    for _ in range(3):
        finish_round(session)

    async def run() -> None:
        app = AccordApp(Path("saves"), replay=Replay(SAVE))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("left", "left")
            assert_snapshot("replay", await settled(pilot))

    asyncio.run(run())
