"""Wrapped lines stay under their own text at 80 columns: a bulleted or indented line of the brief,
the news or the round report went on at the first column and read as a new heading or item. The
Trust line is broken between its items at the width the dashboard has: at 78 whatever the terminal,
it wrapped early on a wide one."""

import asyncio
from pathlib import Path

from game.tui.app import AccordApp
from game.tui.screens.team import TeamScreen
from game.tui.widgets.wrapped import hang
from tests.tui.helpers import mekong, settled, showing


def test_a_bulleted_or_indented_line_wraps_under_its_text() -> None:
    line = "  • cut true victims in Mae Sot and Tak province by 10% against nobody acting (3 pts)"
    assert hang(line, 40).plain == ("  • cut true victims in Mae Sot and Tak\n"
                                    "    province by 10% against nobody\n"
                                    "    acting (3 pts)")
    assert hang("  identified 1,234 people in transit and in exploitation", 30).plain == (
        "  identified 1,234 people in\n  transit and in exploitation")
    assert hang("[b]A heading[/] that runs on past the width", 20).plain == "A heading that runs\non past the width"
    assert hang("short\n\n  ✗ two", 20).plain == "short\n\n  ✗ two", "lines that fit stay as written"


def lines_of(text: str) -> list[str]:
    return text.splitlines()


def test_the_brief_and_the_news_keep_their_indent_at_80_columns(here: Path) -> None:
    async def run() -> None:
        app = AccordApp(Path("saves"), session=mekong())
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("enter")
            assert isinstance(app.screen, TeamScreen)
            await pilot.press("pagedown")
            text = await settled(pilot)
            assert "   • cut true victims in Mae Sot and Tak province by 10% against nobody\n     acting (3 pts)" \
                in text, text
            await pilot.press("n")
            text = await showing(pilot, "Borders close")
            lines = lines_of(text)
            first = next(i for i, line in enumerate(lines) if "Borders close" in line)
            assert lines[first].startswith("   Borders close") and lines[first + 1].startswith("   "), text

    asyncio.run(run())


def test_the_trust_line_uses_the_width_it_has_and_still_breaks_between_items_at_80(here: Path) -> None:
    async def run() -> None:
        for size, wanted in (((120, 40), ["Trust (0 to 1, from their record with you): Cambodia 0.50 · China 0.50 · "
                                          "Laos 0.50 · Myanmar 0.50 · Vietnam 0.50"]),
                             ((80, 40), ["Trust (0 to 1, from their record with you): Cambodia 0.50 · China 0.50",
                                         "  Laos 0.50 · Myanmar 0.50 · Vietnam 0.50"])):
            app = AccordApp(Path("saves"), session=mekong())
            async with app.run_test(size=size) as pilot:
                await pilot.press("enter")
                await showing(pilot, "Trust (0 to 1")
                text = await settled(pilot)
                lines = [line.strip(" ▁▂▃▄▅▆▇█") for line in lines_of(text)]
                at = next(i for i, line in enumerate(lines) if line.startswith("Trust"))
                assert [lines[at + i] if i == 0 else "  " + lines[at + i]
                        for i in range(len(wanted))] == wanted, text

    asyncio.run(run())


def test_a_wrapped_widget_wraps_at_the_width_it_is_drawn_at_and_again_when_it_changes(here: Path) -> None:
    """The summits panel, dialogs and the console use it too: one width read from the widget went
    stale when a scroll bar came, and Textual wrapped the lines again, flush left."""
    from textual.app import App, ComposeResult

    from game.tui.widgets.wrapped import Wrapped

    line = "  • Information sharing on shared routes (contribution 1) · adds nothing for you"

    class Tiny(App[None]):
        def compose(self) -> ComposeResult:
            yield Wrapped(line, id="text")

    async def run() -> None:
        async with Tiny().run_test(size=(40, 6)) as pilot:
            text = await settled(pilot)
            assert text.splitlines()[:3] == ["  • Information sharing on shared routes",
                                             "    (contribution 1) · adds nothing for",
                                             "    you"], text
            await pilot.resize_terminal(60, 6)
            text = await settled(pilot)
            assert text.splitlines()[:2] == ["  • Information sharing on shared routes (contribution 1) ·",
                                             "    adds nothing for you"], text
            assert str(pilot.app.query_one("#text", Wrapped).render()) == line, "tests read the text as written"

    asyncio.run(run())
