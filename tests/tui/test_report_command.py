"""The final screen's command for the debrief is a line of its own, whole at 80 columns, and runs as
printed: 'or later: accord report /abs/path/saves/GAME.json --format html --for class -o
debrief.html' wrapped across three lines, and a facilitator who copied it got three broken commands."""

import asyncio
import shlex
import subprocess
from pathlib import Path

import pytest

from game.cli import main
from game.session.seats import Seat
from game.session.session import Session
from game.tui.app import AccordApp
from game.tui.paths import command_lines, path_lines
from game.tui.screens.final import FinalScreen, report_later
from tests.session.helpers import short
from tests.session.helpers import tutorial as tutorial_scenario
from tests.tui.helpers import finish_round, screen_text, tutorial
from tests.tui.test_typed_numbers import settle


def command_of(later: str) -> str:
    return later.splitlines()[-1]


def shell_words(lines: list[str], home: str = "/home/teacher") -> list[str]:
    """The words a POSIX shell reads from `lines` as typed or pasted at its prompt, `~` being `home`."""
    script = "set -- " + "\n".join(lines) + "\nprintf '%s\\0' \"$@\""
    done = subprocess.run(["sh", "-c", script], capture_output=True, text=True, env={"HOME": home}, check=True,
                          timeout=10)
    return done.stdout.split("\0")[:-1]


def finished(session: Session) -> Session:
    while not session.is_over:
        finish_round(session)
    return session


async def final_screen_text(app: AccordApp, size: tuple[int, int]) -> str:
    """The final screen at `size`, scrolled to its end, once the baseline is computed."""
    async with app.run_test(size=size) as pilot:
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


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_the_command_for_an_absolute_save_folder_is_whole_at_the_screens_width_and_runs_as_one(
        here: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch,
        size: tuple[int, int]) -> None:
    """`accord play --saves /some/long/absolute/folder`: the command ran past the 80th column, where
    the screen scrolled it sideways, unannounced; now its lines each fit, and pasted they are one
    command naming the save."""
    monkeypatch.setenv("HOME", "/nowhere")  # neither the working folder nor the home folder holds the save
    folder = tmp_path_factory.mktemp("elsewhere") / "class saves" / "spring term" / "accord games of the year 2026"
    session = finished(Session.new(short(tutorial_scenario(), 1), 7, {"aldmark": Seat.ai("cooperative")}, folder,
                                   path=folder / "tutorial-20250101-090000-0000abcd.json"))
    assert session.path is not None and len(str(session.path)) > 80

    text = asyncio.run(final_screen_text(AccordApp(folder, session=session), size))
    shown = text.splitlines()  # whole rows, as a terminal copies them: from the first column
    start = next(i for i, line in enumerate(shown) if line.startswith("accord report"))
    lines = shown[start:start + 1 + next(i for i, line in enumerate(shown[start:]) if not line.endswith("\\"))]
    assert all(len(line) < size[0] for line in lines), text
    assert shell_words(lines) == ["accord", "report", str(session.path), "-o", "debrief.html"], text
    if len(lines) > 1:
        assert f"one command on {len(lines)} lines (each but the last ends in \\): copy them all" in text, text


@pytest.mark.parametrize("word", [
    "/srv/" + "a-very-long-folder-name/" * 5 + "g.json",
    "/srv/class saves/it's the 'spring' term/" + "x" * 100 + "/g.json",
    "~/class notes/" + "y" * 90 + "/g.json",
    "/" + "z" * 200,
])
@pytest.mark.parametrize("width", [77, 40, 20])
def test_a_command_too_wide_breaks_into_lines_that_fit_and_the_shell_joins_into_the_same_words(
        word: str, width: int) -> None:
    words = ["accord", "report", word, "-o", "debrief.html"]
    lines = command_lines(words, width)
    assert len(lines) > 1 and all(len(line) <= width for line in lines), lines
    assert shell_words(lines) == [w.replace("~", "/home/teacher", 1) for w in words], lines


def test_an_option_goes_down_to_the_next_line_with_its_value() -> None:
    lines = command_lines(["accord", "report", "/srv/" + "s" * 45 + "/g.json", "-o", "debrief.html"], 77)
    assert lines == ["accord report /srv/" + "s" * 45 + "/g.json \\", "-o debrief.html"]


def test_a_command_that_fits_stays_one_line() -> None:
    assert command_lines(["accord", "report", "saves/g.json", "-o", "debrief.html"], 42) == [
        "accord report saves/g.json -o debrief.html"]


def test_a_path_too_long_for_a_line_breaks_after_a_slash_never_inside_a_name() -> None:
    lines = path_lines("/srv/class saves/spring term/accord games of the year 2026", 30)
    assert lines == ["/srv/class saves/spring term/", "accord games of the year 2026"]
    assert path_lines("/" + "z" * 50, 30) == ["/", "z" * 30, "z" * 20]  # a name wider than a line: no choice


def test_the_final_screen_shows_the_report_command_whole_on_one_line_and_it_runs(here: Path) -> None:
    session = finished(tutorial(scenario=short(tutorial_scenario(), 1)))
    assert session.path is not None
    session.path = session.path.absolute()  # as a save opened from the title screen's list is named

    text = asyncio.run(final_screen_text(AccordApp(Path("saves"), session=session), (80, 24)))
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
