"""The Summits tab at 80 columns speaks in names and marks: the summit's header read
'(asean-summit)', an amendment 'Thailand moves to change joint_teams', the clause chosen showed as
'Joint' (each select's label had half its width: a rule for the row's own Static reached the
select's label and arrow), and every reservation's box read X, ticked or not."""

import asyncio
import re
from pathlib import Path

from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Button, Input, Select, SelectionList

from game.tui.app import AccordApp
from tests.tui.helpers import settled
from tests.tui.test_summits_tab import mekong_at_the_summit


async def summits_tab(pilot: Pilot[None]) -> Widget:
    """The first team's Summits tab, past the handoff."""
    await pilot.press("enter", "s")
    await settled(pilot)
    return pilot.app.screen.query_one("#summits-panel")


def test_the_summits_tab_names_clauses_and_marks_the_reservations_ticked(here: Path) -> None:
    session = mekong_at_the_summit(here)

    async def run() -> None:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=(80, 24)) as pilot:
            panel = await summits_tab(pilot)
            panel.query_one("#amend-change", Select).value = "change"
            panel.query_one("#amend-clause", Select).value = "joint_teams"
            panel.query_one("#amend-number", Input).value = "1"
            panel.query_one("#amend", Button).press()
            await settled(pilot)
            assert session.state.summits["asean-summit"].amendments, "the amendment was moved"
            panel.scroll_home(animate=False)
            top = await settled(pilot)
            assert "asean-summit" not in top and "joint_teams" not in top, top
            assert "Laos moves to change Joint investigation teams (contribution 1)" in " ".join(top.split()), top
            panel.query_one("#reservations", SelectionList).select("repatriation")
            panel.query_one("#reservations").scroll_visible(animate=False)
            text = await settled(pilot)
            assert re.search(r"Joint investigation teams +▼", text), "the clause chosen, whole"
            assert "▐✓▌ reserve Safe return and reintegration" in text, text
            assert "▐ ▌ reserve Joint investigation teams" in text, text
            assert "▐X▌" not in text, text

    asyncio.run(run())


def test_the_round_report_tells_a_summit_order_with_the_summits_name(here: Path) -> None:
    """'you voted yes on the text at summit asean-summit' in Thailand's report on year 5."""
    from game.session import seat_reports
    from game.session.seat_reports import StateRoundReport
    from game.tui.screens.round_report import report_text
    from tests.tui.helpers import finish_round

    session = mekong_at_the_summit(here)
    session.submit(session.parse_action({"type": "amend", "state": "laos", "summit": "asean-summit",
                                         "change": "change", "clause": "joint_teams",
                                         "numbers": {"contribution": 1}}), by="laos")
    finish_round(session)
    data = seat_reports.round_report(session, "laos", 4)
    assert isinstance(data, StateRoundReport)
    text = report_text(data)
    assert "asean-summit" not in text, text
    assert ("you moved at the ASEAN Summit on trafficking through online scams to change joint investigation "
            "teams (contribution 1)") in text, text


def test_a_summit_order_out_of_season_is_refused_in_names_and_years(here: Path) -> None:
    """Year 1, Sign pressed: 'the text of summit asean-summit is open for signature from its adoption
    round: it drafts in round 4 ...'; Ratify: 'thailand has not signed the text of summit ...'."""
    from textual.widgets import Static

    from tests.tui.helpers import mekong

    session = mekong()

    async def run() -> None:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=(80, 24)) as pilot:
            panel = await summits_tab(pilot)
            verdict = panel.query_one("#summits-verdict", Static)
            panel.query_one("#sign", Button).press()
            await settled(pilot)
            said = str(verdict.render())
            assert said.startswith("✗ the text of the ASEAN Summit on trafficking through online scams is open for "
                                   "signature once it is voted: it drafts in year 4 and votes on its text in "
                                   "year 5"), said
            panel.query_one("#ratify", Button).press()
            await settled(pilot)
            said = str(verdict.render())
            assert "Thailand has not signed the text of the ASEAN Summit" in said and "asean-summit" not in said, said

    asyncio.run(run())


def test_a_parliament_voting_again_does_not_read_as_refusing_and_voting_at_once(here: Path) -> None:
    """'Ratified: Vietnam of the 3 needed · parliament votes this year: Laos · refused: Laos' (mekong,
    year 7: Laos's parliament refused in year 6 and votes again)."""
    from game.tui.views import names_of
    from game.tui.widgets.summits_panel import summit_text
    from tests.tui.helpers import mekong

    session = mekong()
    view = session.view("thailand")
    summit = view.summits[0].model_copy(update={
        "status": "adopted", "phase": "adopted", "signed": {"laos": 5, "thailand": 5, "vietnam": 5},
        "ratified": {"vietnam": 6}, "ratifying": ["laos"], "failed": {"laos": 6}})
    text = summit_text(summit, names_of(view), "year")
    assert ("Ratified: Vietnam (1 of the 3 needed) · parliament votes this year: Laos · refused in an earlier "
            "vote: Laos") in text, text
