"""The Map tab's routes at 80 columns: a path too long for its line goes on under the path, never
back at the first column ('Hungary → Austria → ...' read as a heading of its own: student21)."""

from rich.cells import cell_len
from rich.text import Text

from game.tui.widgets.map_view import map_text
from tests.tui.helpers import finish_round, mekong

FORMS = ("labour", "sexual", "criminality", "begging", "marriage", "organ")


def test_a_routes_path_is_broken_under_itself_within_the_width() -> None:
    session = mekong()
    finish_round(session)
    view = session.view("thailand")
    lines = Text.from_markup(map_text(view, None, 76)).plain.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Routes you know of"))
    end = next(i for i, line in enumerate(lines) if i > start and not line.strip())
    section = lines[start + 1:end]
    assert any(line.lstrip().startswith(FORMS) for line in section), section
    assert all(cell_len(line) <= 76 for line in section), [line for line in section if cell_len(line) > 76]
    for line in section:
        if line.lstrip().startswith(FORMS):
            continue
        assert line.startswith(" " * 6), f"{line!r} wrapped back under the form column:\n" + "\n".join(section)
