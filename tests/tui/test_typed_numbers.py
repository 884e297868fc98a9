"""Numbers typed in a team's fields, and keys typed fast (issue 13, points 1 and 2; issue 17, point 4).

`1e999` (infinity in Python), `nan`, `-0` and huge values in a budget or proposal field get the
verdict's one line and leave every key working; a value typed right after the tab's key lands in
the field; the tab keys work from inside a number field and the footer keeps them; an empty field
counts as nothing and is not marked invalid.
"""

import asyncio
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, Label, Select, Static, TabbedContent

from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario
from game.session.seats import Seat
from game.session.session import Session
from game.tui.app import AccordApp
from game.tui.screens.composer import ProposalComposer
from game.tui.screens.handoff import HandoffScreen
from game.tui.screens.notice import NoticeScreen
from game.tui.screens.org_team import OrgScreen
from game.tui.screens.team import TeamScreen
from game.tui.text import num, typed_number
from tests.tui.helpers import screen_text, tutorial

CHARACTERS = {"full_stop": ".", "minus": "-", "plus": "+", "enter": "\r", "tab": "\t"}


def burst(app: AccordApp, *keys: str) -> None:
    """Keys arriving together, as from a fast typist or a paste: none waits for the one before."""
    for key in keys:
        app.post_message(events.Key(key, CHARACTERS.get(key, key if len(key) == 1 else None)))


def typed(text: str) -> list[str]:
    return [{".": "full_stop", "-": "minus", "+": "plus"}.get(c, c) for c in text]


async def settle(pilot: Pilot[None]) -> None:
    for _ in range(6):
        await pilot.pause()


async def at_korvias_turn(pilot: Pilot[None]) -> AccordApp:
    app = pilot.app
    assert isinstance(app, AccordApp)
    await settle(pilot)
    assert isinstance(app.screen, HandoffScreen)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(app.screen, TeamScreen)
    return app


def field(app: AccordApp, capacity: str) -> Input:
    return app.screen.query_one(f"#points-{capacity}", Input)


def verdict(app: AccordApp) -> str:
    return str(app.screen.query_one("#budget-verdict", Static).render())


def active_tab(app: AccordApp) -> str:
    return app.screen.query_one("#team-tabs", TabbedContent).active


def test_a_value_typed_right_after_the_budget_key_lands_in_the_first_field(here: Path) -> None:
    async def run() -> None:
        async with AccordApp(Path("saves"), session=tutorial()).run_test(size=(80, 24)) as pilot:
            app = await at_korvias_turn(pilot)
            burst(app, "b", *typed("2.4"))  # the panel is built while these wait
            await settle(pilot)
            assert field(app, "enforcement").value == "2.4"
            assert "✓" in verdict(app) and "Allocated 3.6" in screen_text(app)
            burst(app, "d", "b", "7")  # and again, with the panel already built
            await settle(pilot)
            assert field(app, "enforcement").value == "7"
            # editing keys and Tab keep their place among the digits around them
            burst(app, "end", *typed("1e999"), *["backspace"] * 6, *typed("2.4"), "tab", *typed("1.4"), "home",
                  "delete", "3")
            await settle(pilot)
            assert (field(app, "enforcement").value, field(app, "border").value) == ("2.4", "3.4")
            assert "✓" in verdict(app)

    asyncio.run(run())


@pytest.mark.parametrize(("text", "says"), [
    ("1e999", "too large a number"), ("-1e999", "too large a number"), ("9" * 400, "too large a number"),
    ("1e300", "1,000,000 or less"), ("-1", "0 or more"),
    ("99999999", "1,000,000 or less"), ("2.4e1", "not enough budget"),
])
def test_an_impossible_budget_figure_gets_one_line_and_every_key_still_works(here: Path, text: str,
                                                                            says: str) -> None:
    async def run() -> None:
        async with AccordApp(Path("saves"), session=tutorial()).run_test(size=(80, 24)) as pilot:
            app = await at_korvias_turn(pilot)
            await pilot.press("b", *typed(text))
            await settle(pilot)
            assert not isinstance(app.screen, NoticeScreen), "no unexpected error"
            assert field(app, "enforcement").value == text
            assert says in verdict(app) and verdict(app).startswith("✗"), verdict(app)
            assert app.screen.query_one("#submit-budget").has_class("-refused")
            total = str(app.screen.query_one("#budget-total", Static).render())
            counted = "not enough budget" in says  # a valid amount, more than the budget: the rules' refusal
            assert ("enforcement not counted" not in total) == counted and len(total) < 80, total
            trend = str(app.screen.query_one("#trend-enforcement", Label).render())
            assert trend.startswith("?") == ("too large" in says), f"a level promised for no number: {trend}"
            assert trend.startswith(("?", "✗")) != counted, f"a level promised for no valid amount: {trend}"
            await pilot.press("ctrl+s")  # refused where it is typed: no question, nothing submitted
            await settle(pilot)
            assert isinstance(app.screen, TeamScreen)
            assert app.session is not None and not app.session.view("korvia").me.allocation.get("enforcement", 0) > 1
            await pilot.press("end", *["backspace"] * len(text), "3")  # the field still takes keys
            await settle(pilot)
            assert field(app, "enforcement").value == "3" and "✓" in verdict(app)
            await pilot.press("m")  # and so does the screen
            await settle(pilot)
            assert active_tab(app) == "map"

    asyncio.run(run())


def test_tab_keys_work_from_a_budget_field_and_the_footer_says_how_to_leave_it(here: Path) -> None:
    async def run() -> None:
        async with AccordApp(Path("saves"), session=tutorial()).run_test(size=(80, 24)) as pilot:
            app = await at_korvias_turn(pilot)
            await pilot.press("b")
            await settle(pilot)
            assert isinstance(app.focused, Input)
            footer = screen_text(app).splitlines()[-1]
            assert "esc Leave field" in footer and "r Ready" in footer and "q Quit" in footer, footer
            await pilot.press("l")
            await settle(pilot)
            assert active_tab(app) == "laws"
            assert "esc Leave field" not in screen_text(app).splitlines()[-1]

    asyncio.run(run())


def test_an_emptied_budget_field_counts_as_nothing_and_is_not_marked_invalid(here: Path) -> None:
    async def run() -> None:
        async with AccordApp(Path("saves"), session=tutorial()).run_test(size=(80, 24)) as pilot:
            app = await at_korvias_turn(pilot)
            await pilot.press("b", "backspace")
            await settle(pilot)
            assert field(app, "enforcement").value == ""
            assert field(app, "enforcement").is_valid and "✓" in verdict(app)

    asyncio.run(run())


@pytest.mark.parametrize(("where", "text", "says"), [
    ("#contribution-korvia", "1e999", "too large a number"),
    ("#contribution-korvia", "1e300", "1,000,000 or less"),
    ("#duration", "9" * 400, "too large a number"),
])
def test_an_impossible_figure_in_a_proposal_gets_one_line_and_keys_still_work(here: Path, where: str, text: str,
                                                                              says: str) -> None:
    async def run() -> None:
        async with AccordApp(Path("saves"), session=tutorial()).run_test(size=(80, 24)) as pilot:
            app = await at_korvias_turn(pilot)
            await pilot.press("N")
            await settle(pilot)
            composer = app.screen
            assert isinstance(composer, ProposalComposer)
            await pilot.click("#party-meridia")
            composer.query_one(where, Input).focus()
            await pilot.press(*typed(text))
            await settle(pilot)
            assert app.screen is composer, "no unexpected error"
            said = str(composer.query_one("#composer-verdict", Static).render())
            assert said.startswith("✗") and says in said, said
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert app.screen is composer, "refused where it is typed"
            assert app.session is not None and not [
                p for p in app.session.view("korvia").proposals if p.proposer == "korvia"], "nothing was proposed"
            await pilot.press("escape")
            await settle(pilot)
            assert isinstance(app.screen, TeamScreen)
            await pilot.press("b")
            await settle(pilot)
            assert active_tab(app) == "budget"

    asyncio.run(run())


def test_a_figure_is_always_printable_and_a_typed_one_is_finite_or_refused() -> None:
    assert [num(v) for v in (float("inf"), float("-inf"), float("nan"), -0.0, 1e308, 1e99, 1234.56)] == [
        "inf", "-inf", "nan", "0", "1e+308", "1e+99", "1,234.6"]
    assert typed_number(" -0 ", "x") == 0.0 and str(typed_number("-0", "x")) == "0.0"
    assert typed_number("", "x") is None
    for text in ("1e999", "nan", "inf", "-Infinity"):
        with pytest.raises(ValueError, match=r"^x: '") as refused:
            typed_number(text, "x")
        assert "\n" not in str(refused.value)


def test_an_impossible_assistance_amount_gets_one_line_and_keys_still_work(here: Path) -> None:
    scenario = load_scenario(resolve_scenario("mekong"))
    seats = {s.id: Seat.ai("cooperative") for s in scenario.states}
    seats |= {o.id: Seat.ai("mandate") for o in scenario.organizations if o.id != "iom"}
    session = Session.new(scenario, 3, seats, Path("saves"))

    async def run() -> None:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=(100, 40)) as pilot:
            await settle(pilot)
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, OrgScreen)
            await pilot.press("i")
            await settle(pilot)
            app.screen.query_one("#instrument", Select).value = "assist"
            app.screen.query_one("#target", Select).value = "laos"
            app.screen.query_one("#assist-amount", Input).focus()
            await pilot.press(*typed("1e999"))
            await settle(pilot)
            said = str(app.screen.query_one("#instrument-verdict", Static).render())
            assert said.startswith("✗") and "points: '1e999…' is too large a number" in said, said
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert isinstance(app.screen, OrgScreen) and not [s for s in session.submitted() if s.by == "iom"]
            await pilot.press(*["backspace"] * 5, "1")
            await settle(pilot)
            assert "✓" in str(app.screen.query_one("#instrument-verdict", Static).render())
            await pilot.press("d")
            await settle(pilot)
            assert app.screen.query_one("#team-tabs", TabbedContent).active == "dashboard"

    asyncio.run(run())


def test_a_seed_too_long_for_python_to_read_gets_a_short_line(here: Path) -> None:
    async def run() -> None:
        app = AccordApp(Path("saves"))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("n")
            await settle(pilot)
            app.screen.query_one("#seed", Input).value = "9" * 5000
            await pilot.press("ctrl+s")
            await settle(pilot)
            said = str(app.screen.query_one("#new-game-problem", Static).render())
            assert said == f"✗ the seed must be a whole number, not '{'9' * 20}…'", said[:200]

    asyncio.run(run())


def test_a_decimal_comma_reads_as_a_decimal_point(here: Path) -> None:
    """'0,5' typed for half a point: the comma was dropped and the field held '05', five points,
    which the rules accepted without a word."""
    async def run() -> None:
        async with AccordApp(Path("saves"), session=tutorial()).run_test(size=(80, 24)) as pilot:
            app = await at_korvias_turn(pilot)
            await pilot.press("b")
            await settle(pilot)
            field(app, "enforcement").focus()
            await pilot.press("end", *["backspace"] * 4, "0", "comma", "5")
            await settle(pilot)
            assert field(app, "enforcement").value == "0.5"

    asyncio.run(run())


def test_one_point_of_upkeep_reads_in_the_singular(here: Path) -> None:
    """Korvia's refusal read 'only 9 of your 10 are left after 1 points of law upkeep'."""
    async def run() -> None:
        async with AccordApp(Path("saves"), session=tutorial()).run_test(size=(80, 24)) as pilot:
            app = await at_korvias_turn(pilot)
            await pilot.press("b")
            await settle(pilot)
            field(app, "enforcement").value = "50"
            await settle(pilot)
            assert "are left after 1 point of law upkeep" in verdict(app), verdict(app)

    asyncio.run(run())


@pytest.mark.parametrize(("pasted", "holds"), [("  7 ", "7"), ("12,5", "12.5"), ("3\n", "3"), ("2 5", "25")])
def test_a_figure_pasted_into_a_budget_field_lands_as_it_would_have_been_typed(here: Path, pasted: str,
                                                                              holds: str) -> None:
    """A paste of '  7 ' (a spreadsheet cell) or '12,5' (a decimal comma) was refused whole with a
    bell: the field stayed empty and the budget counted nothing there."""
    async def run() -> None:
        async with AccordApp(Path("saves"), session=tutorial()).run_test(size=(80, 24)) as pilot:
            app = await at_korvias_turn(pilot)
            await pilot.press("b")
            await settle(pilot)
            box = field(app, "enforcement")
            box.value = ""
            box.post_message(events.Paste(pasted))
            await settle(pilot)
            assert box.value == holds

    asyncio.run(run())


def test_a_long_figure_shows_from_its_start_once_the_field_is_left(here: Path) -> None:
    """A pasted '12,345678901234567890' left the 8-wide budget field showing its tail, '4567890',
    after Tab: a figure of millions to the eye, for 12.3 points."""

    async def run() -> None:
        async with AccordApp(Path("saves"), session=tutorial()).run_test(size=(80, 24)) as pilot:
            app = await at_korvias_turn(pilot)
            await pilot.press("b")
            await settle(pilot)
            field(app, "enforcement").post_message(events.Paste("  12,345678901234567890 "))
            await settle(pilot)
            assert field(app, "enforcement").value == "12.345678901234567890"
            await pilot.press("tab")
            await settle(pilot)
            row = next(line for line in screen_text(app).splitlines() if line.lstrip().startswith("enforcement"))
            assert "12.345" in row and "4567890" not in row, row

    asyncio.run(run())
