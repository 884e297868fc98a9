"""The statement-and-pledge dialog at the hot seat (P): the rules' verdict as the team types, a
refusal in words for an impossible pledge with nothing recorded, and the order made on ^s."""

import asyncio
from pathlib import Path

from textual.widgets import Input, Select

from game.model.pledge import PledgeRecord
from game.session.session import Session
from game.tui.app import AccordApp
from game.tui.screens.pledge import PledgeComposer
from tests.tui.helpers import screen_text, tutorial


def korvia(session: Session) -> list[PledgeRecord]:
    return [p for p in session.state.pledges if p.seat == "korvia"]


def said(app: AccordApp) -> str:
    """The screen's words in one line: a long verdict wraps inside the dialog's border."""
    return " ".join(screen_text(app).replace("│", " ").split())


def test_a_team_makes_a_statement_and_a_pledge_and_an_impossible_pledge_is_refused(here: Path) -> None:
    session = tutorial()

    async def run() -> None:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.press("enter", "P")
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, PledgeComposer)
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert "✗ write what you want every seat to read" in said(app)
            dialog.query_one("#pledge-text", Input).value = "Korvia will train its police."
            await pilot.pause()
            assert "✓ the rules accept it" in said(app)
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert not isinstance(app.screen, PledgeComposer)
            assert [(s.seat, s.text) for s in session.state.statements] == [("korvia", "Korvia will train its police.")]

            await pilot.press("P")
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, PledgeComposer)
            dialog.query_one("#pledge-what", Select).value = "fund"
            await pilot.pause()
            assert not dialog.query_one("#row-text").display and dialog.query_one("#row-points").display
            assert "✗ choose the capacity you pledge to fund" in said(app)
            dialog.query_one("#pledge-capacity", Select).value = "enforcement"
            dialog.query_one("#pledge-points", Input).value = "999"
            await pilot.pause()
            assert "but your whole budget is 10 points" in said(app), said(app)
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, PledgeComposer) and korvia(session) == [], "nothing recorded"
            dialog.query_one("#pledge-due", Input).value = "99"
            dialog.query_one("#pledge-points", Input).value = "2"
            await pilot.pause()
            # in the scenario's word for a round, as the dialog asks ('By year'), not the engine's
            assert "the game ends with year 6: a pledge due in year 99 could never be judged" in said(app)
            dialog.query_one("#pledge-due", Input).value = "2"
            await pilot.pause()
            assert "✓ the rules accept it" in said(app)
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert [(p.kind, p.points, p.due) for p in korvia(session)] == [("fund", 2.0, 2)]
            told = [notification.message for notification in app._notifications]
            assert any("pledge made" in line for line in told), told

    asyncio.run(run())



def test_the_capacity_lists_read_in_words_not_ids(here: Path) -> None:
    """The funding and pledge dialogs offered 'labour_inspection', an id, beside words."""
    from game.tui.screens.composer import ProposalComposer

    async def run() -> None:
        app = AccordApp(Path("saves"), session=tutorial())
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.press("enter", "P")
            await pilot.pause()
            assert isinstance(app.screen, PledgeComposer)
            pledge_labels = [str(label) for label, _ in app.screen.query_one("#pledge-capacity", Select)._options]
            await pilot.press("escape", "N")
            await pilot.pause()
            assert isinstance(app.screen, ProposalComposer)
            funding_labels = [str(label) for label, _ in app.screen.query_one("#capacity", Select)._options]
            for labels in (pledge_labels, funding_labels):
                assert "labour inspection" in labels and not any("_" in label for label in labels), labels

    asyncio.run(run())


def test_a_funding_pledge_says_it_counts_every_round_from_this_one_and_warns_of_a_budget_that_breaks_it(
        here: Path) -> None:
    """A team pledged 3 points a year to protection 'by year 3' with 2 allocated: the rules check a
    funding pledge at every resolution from the one it is made in, and it was broken at the end of
    year 1 while the dialog read 'By year 3 (judged at its resolution)'."""
    session = tutorial()

    async def run() -> None:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("enter", "P")
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, PledgeComposer)
            dialog.query_one("#pledge-what", Select).value = "fund"
            dialog.query_one("#pledge-capacity", Select).value = "enforcement"
            dialog.query_one("#pledge-points", Input).value = "2"
            dialog.query_one("#pledge-due", Input).value = "3"
            await pilot.pause()
            assert "Every year from this one through year: 3" in said(app)
            assert "✓ the rules accept it" in said(app)
            assert ("! It counts from this year: your budget gives enforcement 0.6 now. Give it at least 2 (b, then "
                    "^s) before the year ends, or the pledge is broken then.") in said(app)
            dialog.query_one("#pledge-points", Input).value = "0.5"
            await pilot.pause()
            assert "✓ the rules accept it" in said(app) and "It counts from this year" not in said(app)
            dialog.query_one("#pledge-what", Select).value = "adopt_law"
            await pilot.pause()
            assert "By year (judged at its resolution)" in said(app)

    asyncio.run(run())


def test_a_pledge_not_yet_judged_says_so_in_words(here: Path) -> None:
    """The dialog listed an open pledge as '(…)'."""
    from game.model.view import PledgeView
    from game.tui.screens.pledge import pledges_text

    session = tutorial()
    pledge = PledgeView(seat="korvia", kind="fund", text="fund protection with at least 3 points a year through year 3",
                        made=1, due=3, kept=None, capacity="protection", points=3, status="open; judged in year 3")
    view = session.view("korvia").model_copy(update={"pledges": [pledge]})
    assert pledges_text(view) == ("Your pledges:\n• fund protection with at least 3 points a year through year 3: "
                                  "… open; judged in year 3")


def test_a_pledged_figure_takes_a_decimal_comma_as_the_budget_fields_do(here: Path) -> None:
    """'1,5' typed as the points of a funding pledge read '✗ points: '1,5' is not a number', while the
    budget tab beside it takes 1,5 as 1.5 (europe, Romania's turn)."""
    session = tutorial()

    async def run() -> None:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("enter", "P")
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, PledgeComposer)
            dialog.query_one("#pledge-what", Select).value = "fund"
            dialog.query_one("#pledge-capacity", Select).value = "enforcement"
            await pilot.pause()
            dialog.query_one("#pledge-points", Input).focus()
            await pilot.press("1", "comma", "5")
            await pilot.pause()
            assert dialog.query_one("#pledge-points", Input).value == "1.5"
            assert "not a number" not in said(app) and "✓ the rules accept it" in said(app), said(app)
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert [(p.capacity, p.points) for p in korvia(session)] == [("enforcement", 1.5)]

    asyncio.run(run())
