"""A summit at the hot seat: the summits tab shows the draft and the votes, and the team moves an
amendment, votes, signs with a reservation and ratifies from it; a refused order shows the
engine's reason and records nothing."""

import asyncio
from pathlib import Path

from textual.widgets import Button, Input, Select, SelectionList

from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario
from game.session.seats import Seat
from game.session.session import Session
from game.tui.app import AccordApp
from tests.tui.helpers import SAVE, screen_text, showing, tutorial
from tests.tui.test_typed_numbers import settle


def mekong_at_the_summit(tmp: Path) -> Session:
    """Mekong moved on to the ASEAN summit's round (4), Laos at the keyboard, the others AI."""
    scenario = load_scenario(resolve_scenario("mekong"))
    seats = {s.id: Seat.ai("cooperative") for s in scenario.states if s.id != "laos"}
    seats |= {o.id: Seat.ai("mandate") for o in scenario.organizations}
    session = Session.new(scenario, 3, seats, SAVE.parent, path=SAVE)
    for _ in range(3):
        session.play_ai()
        session.submit(session.parse_action({"type": "ready", "state": "laos"}), by="laos")
        session.resolve()
    return session


def test_a_team_amends_votes_signs_with_a_reservation_and_ratifies_from_the_summits_tab(here: Path) -> None:
    # each press and choice settles (several pauses): it failed once under load after a single pause
    session = mekong_at_the_summit(here)
    assert session.state.round == 4

    async def run() -> None:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("enter", "s")
            await settle(pilot)
            text = await showing(pilot, "drafting")
            assert "ASEAN Summit on trafficking through online scams" in text and "drafting" in text
            panel = app.screen.query_one("#summits-panel")
            panel.query_one("#amend-change", Select).value = "change"
            panel.query_one("#amend-clause", Select).value = "joint_teams"
            panel.query_one("#amend-number", Input).value = "9"
            panel.query_one("#amend", Button).press()
            await settle(pilot)
            assert "between 1 and 6, not 9" in screen_text(app)
            assert session.state.summits["asean-summit"].amendments == [], "a refused amendment records nothing"
            panel.query_one("#amend-number", Input).value = "1"
            panel.query_one("#amend", Button).press()
            await settle(pilot)
            moved = session.state.summits["asean-summit"].amendments
            assert [(a.by, a.change, a.clause, a.numbers) for a in moved] == [
                ("laos", "change", "joint_teams", {"contribution": 1.0})]

    asyncio.run(run())
    # the others vote; the adoption round: Laos votes for the text and signs, reserving extradition-like
    # joint teams; then ratifies the round after
    session.play_ai()
    session.submit(session.parse_action({"type": "ready", "state": "laos"}), by="laos")
    session.resolve()

    async def adoption() -> None:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("enter", "s")
            await settle(pilot)
            panel = app.screen.query_one("#summits-panel")
            panel.query_one("#vote-item", Select).value = "text"
            panel.query_one("#vote", Button).press()
            await settle(pilot)
            panel.query_one("#reservations", SelectionList).select("joint_teams")
            panel.query_one("#sign", Button).press()
            await settle(pilot)
            summit = session.state.summits["asean-summit"]
            assert summit.text_votes.get("laos") == "yes"
            assert summit.signed.get("laos") == 5 and summit.reservations["laos"] == ["joint_teams"]

    asyncio.run(adoption())
    session.play_ai()
    session.submit(session.parse_action({"type": "ready", "state": "laos"}), by="laos")
    session.resolve()
    capital = session.state.states["laos"].political_capital

    async def ratification() -> None:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("enter", "s")
            await settle(pilot)
            assert "adopted: signatories ratify" in await showing(pilot, "adopted: signatories ratify")
            app.screen.query_one("#summits-panel").query_one("#ratify", Button).press()
            await settle(pilot)
            assert "laos" in session.state.summits["asean-summit"].ratifying
            assert session.state.states["laos"].political_capital == capital - 2

    asyncio.run(ratification())


def test_a_team_calls_a_summit_of_every_state_from_the_summits_tab(here: Path) -> None:
    from tests.tui.helpers import tutorial

    session = tutorial()

    async def run() -> None:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.press("enter", "s")
            await pilot.pause()
            assert "No summit is scheduled or called in this game." in screen_text(app)
            panel = app.screen.query_one("#summits-panel")
            panel.query_one("#call", Button).press()
            await pilot.pause()
            assert session.state.summits == {}, "no clause ticked: nothing is called"
            panel.query_one("#call-clauses", SelectionList).select("information_sharing")
            panel.query_one("#call-name", Input).value = "Tessel summit"
            panel.query_one("#call", Button).press()
            await pilot.pause()
            called = list(session.state.summits.values())
            assert [(s.name, s.opens, s.clause_ids()) for s in called] == [
                ("Tessel summit", 2, ["information_sharing"])]
            assert "Tessel summit" in screen_text(app)

    asyncio.run(run())


def summits_tab_text(session: Session, size: tuple[int, int]) -> str:
    """The summits tab's screen at the keyboard's seat."""
    shown: list[str] = []

    async def run() -> None:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=size) as pilot:
            await pilot.press("enter", "s")
            await pilot.pause()
            shown.append(screen_text(app))

    asyncio.run(run())
    return shown[0]


def test_a_clause_every_partner_at_the_table_does_already_is_marked_as_adding_nothing(here: Path) -> None:
    """Mekong's ASEAN summit drafts information sharing and safe return among states that share
    through ACTIP and the Bali Process and return victims under COMMIT from the first year: those
    clauses would cost Laos their contributions and bring it nothing, and the tab says so; joint
    teams, counted per agreement, are not marked."""
    text = summits_tab_text(mekong_at_the_summit(here), (160, 50))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    marked = [line for line in lines if "adds nothing for you" in line]
    assert any("Information sharing" in line for line in marked), lines
    assert any("Safe return" in line for line in marked), lines
    assert not any("Joint investigation" in line for line in marked), marked


def test_a_game_with_no_summit_shows_no_empty_orders_at_the_table_but_the_call(here: Path) -> None:
    """The tutorial's tab showed a blank summit list, amendment and vote fields and Sign and Ratify
    buttons under 'No summit is scheduled or called in this game'."""
    text = summits_tab_text(tutorial(), (80, 24))
    assert "No summit is scheduled or called in this game" in text
    assert "Your orders at the table" not in text and "Ratify at home" not in text, text
    assert "Call a summit" in text


def test_a_seat_at_a_summit_sees_its_orders_at_the_table(here: Path) -> None:
    text = summits_tab_text(mekong_at_the_summit(here), (120, 40))
    assert "Your orders at the table" in text and "Amend" in text, text


def test_a_team_not_at_the_table_is_not_told_a_clause_adds_nothing_for_it(here: Path) -> None:
    """China, not among the ASEAN summit's states, read 'adds nothing for you ... you may reserve
    it' under two of its clauses: it can neither sign nor reserve them."""
    scenario = load_scenario(resolve_scenario("mekong"))
    seats = {s.id: Seat.ai("cooperative") for s in scenario.states if s.id != "china"}
    seats |= {o.id: Seat.ai("mandate") for o in scenario.organizations}
    session = Session.new(scenario, 3, seats, SAVE.parent, path=SAVE)
    assert "china" not in session.view("china").summits[0].participants
    text = " ".join(summits_tab_text(session, (160, 50)).split())
    assert "At the table: Cambodia, Laos, Myanmar, Thailand, Vietnam" in text, text
    assert "Information sharing on shared routes" in text and "adds nothing for you" not in text, text


def test_a_team_that_has_signed_is_no_longer_told_it_may_reserve_a_clause(here: Path) -> None:
    """Thailand, having signed with Safe return reserved, still read beside it 'adds nothing for you
    ... you may reserve it'."""
    from game.model.partners_once import clauses_adding_nothing
    from game.model.view import PlayerView

    session = mekong_at_the_summit(here)
    view = session.view("laos")
    assert isinstance(view, PlayerView)
    summit = view.summits[0]
    assert clauses_adding_nothing(view, summit), "before signing, the hint is there"
    signed = summit.model_copy(update={"signed": {**summit.signed, "laos": 5}})
    assert clauses_adding_nothing(view, signed) == set()
