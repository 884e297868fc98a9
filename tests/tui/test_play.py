"""The tutorial played at one screen from the title to the final scores: two human teams and one
AI, each team behind a handoff, one round with a law and a proposal made through the screens."""

import asyncio
from pathlib import Path

from textual.widgets import DataTable, Input, Select

from game.session.session import Session
from game.tui.app import AccordApp
from game.tui.screens.final import FinalScreen
from game.tui.screens.handoff import HandoffScreen
from game.tui.screens.round_report import RoundReportScreen
from game.tui.screens.team import TeamScreen
from tests.tui.helpers import screen_text


def test_the_tutorial_from_the_title_screen_to_the_final_scores(here: Path) -> None:
    asyncio.run(play_the_tutorial())


async def play_the_tutorial() -> None:
    app = AccordApp(Path("saves"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await pilot.click("#seat-aldmark")
        await pilot.press("down", "enter")
        app.screen.query_one("#seed", Input).value = "11"
        await pilot.pause()
        assert app.screen.query_one("#seat-aldmark", Select).value == "ai:cooperative"
        await pilot.press("ctrl+s")
        await pilot.pause()
        session = app.session
        assert session is not None and session.seed == 11
        assert [s.is_human for s in session.seats.values()] == [True, True, False]

        for number in range(1, 7):
            # Korvia's turn: in round 2 it adopts victim protection and proposes information sharing
            assert isinstance(app.screen, HandoffScreen) and app.screen.team == "Korvia"
            await pilot.press("enter")
            assert isinstance(app.screen, TeamScreen) and app.screen.team == "korvia"
            if number == 2:
                await pilot.press("l", "down", "a")
                await pilot.pause()
                assert "victim_protection" in session.view("korvia").me.pending_laws
                await pilot.press("p", "N")
                await pilot.pause()
                await pilot.click("#party-meridia")
                await pilot.press("ctrl+s")
                await pilot.pause()
                assert any(p.proposer == "korvia" for p in session.view("korvia").proposals)
            await pilot.press("r", "y")
            # Meridia's turn: in round 2 it accepts Korvia's proposal
            assert isinstance(app.screen, HandoffScreen) and app.screen.team == "Meridia"
            await pilot.press("enter")
            if number == 2:
                await pilot.press("p")
                await pilot.pause()
                mine = [p for p in session.view("meridia").proposals if p.proposer == "korvia"]
                assert "Information sharing" in screen_text(app)
                # other seats may have proposed too (Aldmark's aid): the arrows reach Korvia's
                listed = sorted(session.view("meridia").proposals, key=lambda p: (p.status != "open", -p.round, p.id))
                table = app.screen.query_one("#proposals-table", DataTable)
                table.move_cursor(row=next(i for i, p in enumerate(listed) if p.proposer == "korvia"))
                await pilot.pause()
                await pilot.press("a")
                await pilot.pause()
                assert session.view("meridia").proposals[0].answers.get("meridia") == "accept" or mine
            await pilot.press("r", "y")
            # the round resolved: each human team reads its report behind a handoff
            assert session.round == number + 1
            for team in ("Korvia", "Meridia"):
                assert isinstance(app.screen, HandoffScreen) and app.screen.team == team
                await pilot.press("enter")
                assert isinstance(app.screen, RoundReportScreen)
                await pilot.press("enter")

        assert session.is_over
        assert isinstance(app.screen, HandoffScreen)
        await pilot.press("enter")
        assert isinstance(app.screen, FinalScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = screen_text(app)
        assert "THE GAME IS OVER" in text and "harm averted" in text.lower() and "Korvia" in text

    saved = Session.load(session.path or "")
    assert saved.is_over
    assert "victim_protection" in saved.state.states["korvia"].laws
    assert any(a.kind == "information_sharing" and set(a.parties) == {"korvia", "meridia"}
               for a in saved.state.agreements.values())
