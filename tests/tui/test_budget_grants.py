"""The budget tab names the grants in force to the team: europe's Romania read 'prevention ▼ to 2.6'
with Italy's 2.1 a year for prevention in force, and its round report then said '2.9→3.2 ▲ ...
+ 2.1 from Italy': the grant was nowhere on the tab where the points are decided."""

import asyncio
from pathlib import Path

from game.model.actions import Propose, Respond
from game.model.terms import Terms
from game.tui.app import AccordApp
from tests.tui.helpers import finish_round, settled, tutorial


def test_the_budget_tab_names_a_grant_in_force_to_the_team_and_says_next_level_leaves_it_out(here: Path) -> None:
    session = tutorial()
    terms = Terms(donor="meridia", recipient="korvia", amount=2.0, capacity="protection")
    before = set(session.state.proposals)
    session.submit(Propose(state="meridia", agreement="funding", parties=["meridia", "korvia"], terms=terms),
                   by="meridia")
    (proposal,) = set(session.state.proposals) - before
    session.submit(Respond(state="korvia", proposal=proposal, answer="accept"), by="korvia")
    finish_round(session)
    (grant,) = [a for a in session.view("korvia").agreements if a.kind == "funding" and a.status == "in_force"]

    async def run() -> None:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("enter", "b")
            text = " ".join((await settled(pilot)).split())
            assert ("Grants to you, on top of these points if the donor pays them (not counted in 'next level'): "
                    f"protection +2 from Meridia ({grant.id})") in text, text

    asyncio.run(run())


def test_a_team_without_a_grant_sees_no_grant_line(here: Path) -> None:
    async def run() -> None:
        app = AccordApp(Path("saves"), session=tutorial())
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("enter", "b")
            text = await settled(pilot)
            assert "Grants to you" not in text
            assert not app.screen.query_one("#budget-grants").display

    asyncio.run(run())
