"""The summits tab in the game's last round: nothing is signed or ratified then (rules 15), so the
panel offers no Sign or Ratify button that could only be refused, and says why in the rules' words,
which it reads from the view (`SummitView.closed`), not from a copy of the condition."""

import asyncio
from pathlib import Path
from typing import Any

from textual.widgets import Button, Static

from game.model.scenario import Scenario
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario
from game.session.seats import Seat
from game.session.session import Session
from game.tui.app import AccordApp
from tests.tui.helpers import SAVE, screen_text

LAST_YEAR = "This is the game's last year: a signature or a ratification now could never bring a treaty"


def mekong_ending(rounds: int, *, sign: bool, year: int | None = None) -> Session:
    """Mekong cut to `rounds` years, moved on to its last (or `year`), Laos at the keyboard, the others
    AI; the ASEAN summit drafts in year 4 and votes its text in year 5, when Laos signs it if `sign`."""
    data: dict[str, Any] = load_scenario(resolve_scenario("mekong")).model_dump()
    scenario = Scenario.model_validate({**data, "rounds": rounds})
    seats = {s.id: Seat.ai("cooperative") for s in scenario.states if s.id != "laos"}
    seats |= {o.id: Seat.ai("mandate") for o in scenario.organizations}
    session = Session.new(scenario, 3, seats, SAVE.parent, path=SAVE)
    while session.state.round < (year or rounds):
        session.play_ai()
        if session.state.round == 5 and sign:
            session.submit(session.parse_action({"type": "vote", "state": "laos", "summit": "asean-summit",
                                                 "item": "text", "choice": "yes"}), by="laos")
            session.submit(session.parse_action({"type": "sign", "state": "laos", "summit": "asean-summit"}),
                           by="laos")
        session.submit(session.parse_action({"type": "ready", "state": "laos"}), by="laos")
        session.resolve()
    return session


def summits_tab(session: Session, size: tuple[int, int]) -> tuple[str, bool, bool]:
    """The summits tab's text and whether its Sign and Ratify buttons are shown."""
    result: list[Any] = []

    async def run() -> None:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=size) as pilot:
            await pilot.press("enter", "s")
            await pilot.pause()
            panel = app.screen.query_one("#summits-panel")
            # the panel's words as well as the screen: at 80x24 the focused choice may scroll the
            # summit's text out of sight
            shown = [str(panel.query_one(f"#{part}", Static).render()) for part in ("summits-text", "summits-closed")
                     if panel.query_one(f"#{part}", Static).display]
            result.extend(["\n".join([screen_text(app), *shown]), panel.query_one("#sign", Button).display
                           and panel.query_one("#sign-row").display,
                           panel.query_one("#ratify", Button).display and panel.query_one("#sign-row").display])
            app.exit()

    asyncio.run(run())
    return result[0], result[1], result[2]


def test_in_the_last_year_the_summits_tab_offers_no_signature_and_says_why(here: Path) -> None:
    session = mekong_ending(5, sign=False)
    assert session.state.summits["asean-summit"].phase(session.state.round) == "adoption"
    text, sign, ratify = summits_tab(session, (120, 40))
    assert not sign and not ratify, "a button the rules can only refuse is not offered"
    words = " ".join(text.split())
    assert LAST_YEAR in words, text
    assert "vote on the text (nothing is signed in the game's last year)" in words
    assert "and sign it" not in words


def test_in_the_last_year_a_signatory_is_not_offered_ratification(here: Path) -> None:
    session = mekong_ending(6, sign=True)
    summit = session.state.summits["asean-summit"]
    assert summit.status == "adopted" and "laos" in summit.signed and "laos" not in summit.ratified
    text, sign, ratify = summits_tab(session, (80, 24))
    assert not sign and not ratify
    assert "adopted (nothing is ratified in the game's last year)" in " ".join(text.split()), text


def test_before_the_last_year_sign_and_ratify_are_offered(here: Path) -> None:
    session = mekong_ending(10, sign=False, year=5)
    text, sign, ratify = summits_tab(session, (120, 40))
    assert sign and ratify
    assert "last year" not in text and "adoption: vote on the text and sign it" in text


def calling(session: Session) -> tuple[bool, str]:
    """Whether the summits tab offers to call a summit, and what it says instead."""
    result: list[Any] = []

    async def run() -> None:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("enter", "s")
            await pilot.pause()
            panel = app.screen.query_one("#summits-panel")
            said = panel.query_one("#call-closed", Static)
            result.extend([panel.query_one("#call-row").display and panel.query_one("#call-clauses").display,
                           str(said.render()) if said.display else ""])
            app.exit()

    asyncio.run(run())
    return result[0], result[1]


def test_too_late_to_call_a_summit_the_tab_offers_no_call_and_says_why(here: Path) -> None:
    """A summit called in year 7 of 10 would adopt its text in year 9, leaving no year before the last
    to ratify it: the rules refuse the call, and the tab no longer offers it."""
    offered, said = calling(mekong_ending(10, sign=False, year=7))
    assert not offered
    assert said.startswith("No summit can be called now: a summit called now adopts its text in year 9"), said
    offered, said = calling(mekong_ending(10, sign=False, year=6))
    assert offered and said == ""
