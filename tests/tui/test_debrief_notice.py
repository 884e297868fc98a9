"""The notice that the debrief is written names each file whole on a line of its own: four absolute
paths in a sentence wrapped mid-name at 80 columns ('…/class/s' over 'aves/2026/…-debrief-facilita'
over 'tor.html,')."""

import asyncio
from pathlib import Path

import pytest

from game.session.seats import Seat
from game.session.session import Session
from game.tui.app import AccordApp
from game.tui.screens.final import FinalScreen, written_text
from game.tui.screens.notice import NoticeScreen
from tests.session.helpers import short
from tests.session.helpers import tutorial as tutorial_scenario
from tests.tui.helpers import screen_text
from tests.tui.test_report_command import finished
from tests.tui.test_typed_numbers import settle

LONG = ("class saves", "spring term", "accord games of the year 2026", "and a few more folders", "deep")


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_the_debrief_notice_names_every_file_whole_on_a_line_and_the_folder_broken_only_after_a_slash(
        here: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch,
        size: tuple[int, int]) -> None:
    monkeypatch.setenv("HOME", "/nowhere")
    folder = tmp_path_factory.mktemp("elsewhere").joinpath(*LONG)
    session = finished(Session.new(short(tutorial_scenario(), 1), 7, {"aldmark": Seat.ai("cooperative")}, folder,
                                   path=folder / "tutorial-20250101-090000-0000abcd.json"))

    async def run() -> str:
        app = AccordApp(folder, session=session)
        async with app.run_test(size=size) as pilot:
            await pilot.press("enter")
            assert isinstance(app.screen, FinalScreen)
            await app.workers.wait_for_complete()
            await pilot.press("w")
            for _ in range(600):  # the debrief is written in a worker: up to 30 s on a loaded machine
                await pilot.pause(0.05)
                if isinstance(app.screen, NoticeScreen):
                    break
            await settle(pilot)
            assert isinstance(app.screen, NoticeScreen) and app.screen.heading == "Debrief written"
            return screen_text(app)

    text = asyncio.run(run())
    rows = [row.strip(" │") for row in text.splitlines()]
    for audience in ("class", "facilitator"):
        for format in ("html", "md"):
            name = f"tutorial-20250101-090000-0000abcd-debrief-{audience}.{format}"
            assert (folder / name).exists()
            assert name in rows, text
    start = rows.index("The debrief is written beside the save, in the folder")
    shown = rows[start + 1:rows.index("", start)]
    assert "".join(shown) == str(folder), text
    assert all(row.endswith("/") for row in shown[:-1]), text


def test_a_folder_within_the_working_folder_is_named_relative_to_it(tmp_path: Path) -> None:
    save = tmp_path / "saves" / "g.json"
    written = {"class": [save.with_name("g-debrief-class.html")]}
    lines = written_text(written, 70, here=tmp_path, home=Path("/nowhere")).splitlines()
    assert lines[:2] == ["The debrief is written beside the save, in the folder (from this folder)", "  saves"]
    assert "  g-debrief-class.html" in lines
