"""The Intel tab's routes at 80 columns: a path too long for its line goes on under the path, never
back under the form column ('Aldmark City' under 'labour' read as a route of its own), and a place's
name too long for the path column puts the path on the lines under the route's figures."""

import asyncio
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.text import Text

from game.tui.app import AccordApp
from game.tui.widgets.intel_panel import intel_text, route_lines
from tests.tui.helpers import finish_round, mekong, screen_text, tutorial
from tests.tui.test_typed_numbers import settle

FORMS = ("labour", "sexual", "criminality", "begging", "marriage", "organ")


def routes_section(text: str) -> list[str]:
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if "Networks you know of" in line)
    end = next(i for i, line in enumerate(lines) if "Other states" in line)
    return [line for line in lines[start + 2:end] if line.strip()]


def test_a_long_path_goes_on_under_the_path_not_under_the_form(here: Path) -> None:
    session = tutorial(ai=())
    finish_round(session)
    finish_round(session)

    async def run() -> None:
        async with AccordApp(Path("saves"), session=session).run_test(size=(80, 24)) as pilot:
            await pilot.press("enter", "i")
            await settle(pilot)
            app = pilot.app
            app.screen.query_one("#intel-panel").scroll_to(y=6, animate=False)
            await settle(pilot)
            section = routes_section(screen_text(app))
            heads = [line for line in section if line.lstrip().startswith(FORMS)]
            assert len(heads) == 4, section
            column = heads[0].index("Port Sava")
            assert all(line.index("Korvian hill country") == column for line in heads[1:]), section
            for line in section:
                if line in heads or not line.startswith("   " + " " * 2):
                    continue  # a route's head, or a network's name
                assert len(line) - len(line.lstrip()) == column, f"{line!r} is not under the path:\n" + "\n".join(
                    section)

    asyncio.run(run())


def test_long_place_names_put_the_path_under_the_figures_within_the_width(here: Path) -> None:
    session = mekong()
    finish_round(session)
    view = session.view("thailand")
    for width in (76, 60):
        plain = Text.from_markup(intel_text(view, width)).plain
        section = routes_section(plain)
        assert section and all(len(line) <= width for line in section), (width, section)
        assert not any(re.match(r"^ {4}\S", line) and not line.lstrip().startswith(FORMS) for line in section)
    assert route_lines("    labour ", ["A", "B"], 40) == ["    labour A → B"]
    assert route_lines("    labour ", ["Aldmark City", "Tessel Pass"], 30) == [
        "    labour Aldmark City →", "           Tessel Pass"]


PLACE = st.text(alphabet="abcdefgh ,'", min_size=1, max_size=30).map(str.strip).filter(bool)


@settings(max_examples=200, deadline=None)
@given(st.lists(PLACE, min_size=1, max_size=8), st.integers(min_value=0, max_value=30),
       st.integers(min_value=40, max_value=120))
def test_no_line_of_a_route_is_wider_than_its_width(places: list[str], head: int, width: int) -> None:
    """Europe's 'Kyiv and western Ukraine → Hungary →' ran two cells past the width, and its arrow
    was folded onto a line of its own."""
    lines = "\n".join(route_lines(" " * 2 + "x" * head + " ", places, width)).splitlines()
    assert all(len(line) <= width for line in lines), (width, lines)
