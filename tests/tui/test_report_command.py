"""The final screen's command for the debrief is a line of its own, whole at 80 columns, and runs as
printed: 'or later: accord report /abs/path/saves/GAME.json --format html --for class -o
debrief.html' wrapped across three lines, and a facilitator who copied it got three broken commands."""

import asyncio
import shlex
from pathlib import Path

import pytest

from game.cli import main
from game.tui.app import AccordApp
from game.tui.screens.final import FinalScreen, report_later
from tests.session.helpers import short
from tests.session.helpers import tutorial as tutorial_scenario
from tests.tui.helpers import finish_round, screen_text, tutorial
from tests.tui.test_typed_numbers import settle


def command_of(later: str) -> str:
    return later.splitlines()[-1]


def test_the_final_screen_shows_the_report_command_whole_on_one_line_and_it_runs(here: Path) -> None:
    session = tutorial(scenario=short(tutorial_scenario(), 1))
    while not session.is_over:
        finish_round(session)
    assert session.path is not None
    session.path = session.path.absolute()  # as a save opened from the title screen's list is named

    async def run() -> str:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("enter")
            for _ in range(600):  # the baseline is computed in a worker: up to 30 s on a loaded machine
                await pilot.pause(0.05)
                if isinstance(app.screen, FinalScreen) and app.screen.query_one("#final-command").display:
                    break
            assert isinstance(app.screen, FinalScreen)
            await pilot.press("end")
            await settle(pilot)
            return screen_text(app)

    text = asyncio.run(run())
    title = next(line for line in text.splitlines() if "THE GAME IS OVER" in line)
    assert title.rstrip().endswith("· 1 year"), f"a one-round game's title must read '1 year': {title!r}"
    command = command_of(report_later(session.path))
    assert command == "accord report saves/tutorial-20250101-090000-0000abcd.json -o debrief.html"
    assert command in [line.strip() for line in text.splitlines()], text
    assert "or later, from this folder, the class's debrief as one HTML page:" in text
    words = shlex.split(command)
    assert main(words[1:]) == 0  # as a facilitator would paste it, in the folder the game ran in
    assert "<html" in (here / "debrief.html").read_text(encoding="utf-8")


def test_a_save_in_the_working_folder_is_named_relative_to_it(tmp_path: Path) -> None:
    later = report_later(tmp_path / "saves" / "g.json", here=tmp_path, home=Path("/nowhere"))
    assert later.splitlines() == ["  or later, from this folder, the class's debrief as one HTML page:",
                                  "accord report saves/g.json -o debrief.html"]


def test_a_save_under_the_home_folder_is_named_from_the_tilde_which_the_shell_expands(tmp_path: Path) -> None:
    home = tmp_path / "teacher"
    save = home / "class notes" / "g.json"
    command = command_of(report_later(save, here=tmp_path / "elsewhere", home=home))
    assert command == "accord report ~/'class notes/g.json' -o debrief.html"
    assert "from this folder" not in report_later(save, here=tmp_path / "elsewhere", home=home)
    path = shlex.split(command)[2]  # the quotes gone; the shell expands the bare ~ to the home folder
    assert path == "~/class notes/g.json" and Path(path.replace("~", str(home), 1)) == save


@pytest.mark.parametrize("save", ["/srv/class saves/g.json", "/srv/g.json"])
def test_a_save_elsewhere_keeps_its_absolute_path_quoted(save: str) -> None:
    command = command_of(report_later(Path(save), here=Path("/work"), home=Path("/home/teacher")))
    assert shlex.split(command) == ["accord", "report", save, "-o", "debrief.html"]
