"""A summit at the hot seat, where the computer players play their round before the team does: an
amendment the team moves after they voted is not adopted on the team's vote alone (student tester,
summit18). The tab names who has not answered it, the news says it goes to the next session, and
there the computer players answer it beside the text; an amendment the team left unanswered is
offered to it again in the adoption round, in the tab's vote list."""

import asyncio
from pathlib import Path

from textual.widgets import Button, Input, Select

from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario
from game.session.seats import Seat
from game.session.session import Session
from game.tui.app import AccordApp
from tests.tui.helpers import SAVE, showing
from tests.tui.test_typed_numbers import settle


def mekong_at_the_summit(here: Path, vietnam: str = "cooperative") -> Session:
    """Mekong moved on to the ASEAN summit's drafting round (4), Laos at the keyboard, the others AI."""
    scenario = load_scenario(resolve_scenario("mekong"))
    seats = {s.id: Seat.ai("cooperative") for s in scenario.states if s.id != "laos"}
    seats["vietnam"] = Seat.ai(vietnam)
    seats |= {o.id: Seat.ai("mandate") for o in scenario.organizations}
    session = Session.new(scenario, 3, seats, SAVE.parent, path=SAVE)
    for _ in range(3):
        session.play_ai()
        session.submit(session.parse_action({"type": "ready", "state": "laos"}), by="laos")
        session.resolve()
    return session


def ready_and_resolve(session: Session) -> None:
    session.play_ai()
    session.submit(session.parse_action({"type": "ready", "state": "laos"}), by="laos")
    session.resolve()


def test_an_amendment_the_team_moves_after_the_computer_players_voted_is_put_to_them_next_round(here: Path) -> None:
    session = mekong_at_the_summit(here)

    async def drafting() -> None:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("enter", "s")
            await settle(pilot)
            assert session.ready_seats(), "the computer players have played their round"
            panel = app.screen.query_one("#summits-panel")
            panel.query_one("#amend-change", Select).value = "change"
            panel.query_one("#amend-clause", Select).value = "joint_teams"
            panel.query_one("#amend-number", Input).value = "1"
            panel.query_one("#amend", Button).press()
            text = " ".join((await showing(pilot, "not answered yet")).split())
            assert "open · not answered yet: Cambodia, Myanmar, Thailand, Vietnam" in text, text

    asyncio.run(drafting())
    ready_and_resolve(session)
    record = session.state.summits["asean-summit"]
    assert record.amendments[0].carried is None, "not adopted on Laos's vote alone"
    assert record.draft[-1].clause == "joint_teams" and record.draft[-1].numbers == {"contribution": 2}, \
        "joint teams keep the contribution drafted"
    held = next(e for e in session.reports[-1].events if e.id == "held-asean-summit-m1")
    assert "Not answered by Cambodia, Myanmar, Thailand, Vietnam" in held.text
    ready_and_resolve(session)
    record = session.state.summits["asean-summit"]
    assert record.amendments[0].votes == {"cambodia": "no", "laos": "yes", "myanmar": "no", "thailand": "no",
                                          "vietnam": "no"}
    assert record.amendments[0].carried is False and record.status == "adopted"


def test_the_tab_offers_a_held_amendment_the_team_has_not_answered_beside_the_text(here: Path) -> None:
    session = mekong_at_the_summit(here, vietnam="donor")  # a donor moves to add the funding pool
    ready_and_resolve(session)  # Laos says nothing on it
    record = session.state.summits["asean-summit"]
    assert [(a.by, a.clause, a.carried) for a in record.amendments] == [("vietnam", "funding_pool", None)]

    async def adoption() -> None:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("enter", "s")
            await settle(pilot)
            text = " ".join((await showing(pilot, "put to this session")).split())
            assert "open (put to this session: it closes before the text) · not answered yet: Laos" in text, text
            await pilot.press("r")
            question = " ".join((await showing(pilot, "End your turn")).replace("│", " ").split())
            assert ("⚠ You have not answered amendment m1 at the ASEAN Summit on trafficking through online scams "
                    "(s: Summits): this is its last session: under consensus it fails without your answer.") \
                in question, question
            await pilot.press("n")
            await settle(pilot)
            panel = app.screen.query_one("#summits-panel")
            items = panel.query_one("#vote-item", Select)
            assert [value for _, value in items._options if isinstance(value, str)] == ["text", "m1"]
            items.value = "m1"
            panel.query_one("#vote-choice", Select).value = "abstain"
            panel.query_one("#vote", Button).press()
            await settle(pilot)
            assert session.state.summits["asean-summit"].amendments[0].votes["laos"] == "abstain"
            await pilot.press("r")
            assert "You have not answered" not in await showing(pilot, "End your turn")

    asyncio.run(adoption())
    ready_and_resolve(session)
    record = session.state.summits["asean-summit"]
    assert record.amendments[0].carried is True and "funding_pool" in record.clause_ids()
