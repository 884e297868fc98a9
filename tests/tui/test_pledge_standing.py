"""A pledge already broken says so as soon as the engine knows it: in the pledger's pledges (the
dialog's list, the diplomacy tab) and its round report, not only at its due round, when it read
'not judged yet' for rounds. The other seats read it with the verdict, as the news gives it."""

import asyncio
from pathlib import Path

from textual.widgets import Static

from game.model.actions import Allocate, Pledge
from game.session import seat_reports
from game.session.seat_reports import StateRoundReport
from game.tui.app import AccordApp
from game.tui.screens.pledge import PledgeComposer, pledges_text
from game.tui.screens.round_report import report_text
from game.tui.screens.team import TeamScreen
from tests.tui.helpers import finish_round, showing, tutorial


def broken_fund_pledge():  # type: ignore[no-untyped-def]
    """The tutorial after year 1, Korvia having pledged 3 points a year to protection through year 3
    and given it 1."""
    session = tutorial()
    session.submit(Pledge(state="korvia", kind="fund", capacity="protection", points=3, due=3), by="korvia")
    allocation = {"enforcement": 1.0, "border": 1.0, "protection": 1.0, "prevention": 1.0, "intelligence": 1.0}
    session.submit(Allocate(state="korvia", budget=allocation), by="korvia")
    finish_round(session)
    return session


def test_a_fund_pledge_short_in_its_first_round_reads_broken_at_once_to_its_pledger(here: Path) -> None:
    session = broken_fund_pledge()
    assert session.state.round == 2
    mine = [p for p in session.view("korvia").pledges if p.seat == "korvia"]
    assert [(p.standing, p.short) for p in mine] == [("broken", 1)]
    assert mine[0].status == "broken in year 1: less than 3 went to protection; scored as broken in year 3"
    theirs = [p for p in session.view("meridia").pledges if p.seat == "korvia"]
    assert [(p.standing, p.short, p.status) for p in theirs] == [("open", None, "open; judged in year 3")]

    view = session.view("korvia")
    text = pledges_text(view)  # type: ignore[arg-type]
    assert "✗ broken in year 1" in text and "not judged" not in text
    data = seat_reports.round_report(session, "korvia", 1)
    assert isinstance(data, StateRoundReport)
    assert ("✗ your pledge to fund protection with at least 3 points a year through year 3 is broken in year 1: "
            "less than 3 went to protection; scored as broken in year 3") in report_text(data)


def test_the_diplomacy_tab_and_the_pledge_dialog_list_a_broken_pledge_as_broken(here: Path) -> None:
    session = broken_fund_pledge()

    async def run() -> None:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("enter")
            for _ in range(5):  # the handoff, then the round report
                if isinstance(app.screen, TeamScreen):
                    break
                await pilot.press("enter")
                await pilot.pause()
            assert isinstance(app.screen, TeamScreen) and app.screen.team == "korvia"
            await pilot.press("p")
            await pilot.pause()
            pledges = str(app.screen.query_one("#pledges-text", Static).render())
            assert "✗ Korvia (year 1): fund protection with at least 3 points a year through year 3; " \
                   "broken in year 1" in " ".join(pledges.split())
            await pilot.press("P")
            await showing(pilot, "Your pledges")
            assert isinstance(app.screen, PledgeComposer)
            mine = " ".join(str(app.screen.query_one("#pledge-mine", Static).render()).split())
            assert "✗ broken in year 1: less than 3 went to protection" in mine, mine

    asyncio.run(run())


def test_a_pledge_to_accede_to_a_convention_no_longer_in_force_reads_as_one_that_cannot_be_kept() -> None:
    from game.engine.setup import new_game
    from game.engine.views import view
    from game.model.pledge import PledgeRecord
    from game.scenario.library import resolve_scenario
    from game.scenario.loader import load_scenario

    state = new_game(load_scenario(resolve_scenario("mekong")), 2015)
    state.pledges = [PledgeRecord("china", "accede", "accede to agreement a1 by year 3", 1, 3, agreement="a1")]
    assert [(p.standing, p.status) for p in view(state, "laos").pledges] == [("open", "open; judged in year 3")]
    state.agreements["a1"].status = "lapsed"
    seen = [(p.standing, p.status) for p in view(state, "laos").pledges]
    assert seen == [("broken", "can no longer be kept: a1 is closed to accession; scored as broken in year 3")], seen
