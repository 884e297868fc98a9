"""The replay viewer: stepping through moments and actions, each team's view and the truth, a
facilitator's note written into the save, and a what-if branch."""

import asyncio
from pathlib import Path

from textual.widgets import Input

from game.model.actions import Message
from game.session.replay import Replay
from game.session.session import Session
from game.tui.app import AccordApp
from game.tui.screens.replay import ReplayScreen
from tests.tui.helpers import SAVE, finish_round, screen_text, tutorial


def test_step_a_replay_switch_views_note_and_branch(here: Path) -> None:
    session = tutorial()
    for _ in range(2):
        finish_round(session)

    async def run() -> None:
        app = AccordApp(Path("saves"), replay=Replay(SAVE))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, ReplayScreen)
            assert screen.positions[screen.index] == (3, "orders")
            await pilot.press("left")
            assert "year 2 of 6 · resolved" in screen_text(app)
            await pilot.press("comma", "comma")
            text = screen_text(app)
            total = len(session.submitted(2))
            assert f"year 2 of 6 · orders open · action {total - 1}/{total}" in text
            assert "The truth" in text and "true victims held here" in text
            await pilot.press("v")
            assert "showing Korvia's view" in screen_text(app) and "Korvia's screen at this moment" in screen_text(app)
            await pilot.press("v", "v")
            assert "showing Aldmark's view" in screen_text(app)
            await pilot.press("t", "left_square_bracket")
            assert "year 1 of 6 · orders open" in screen_text(app)
            await pilot.press("a")
            app.screen.query_one(Input).value = "Why did nobody answer Aldmark?"
            await pilot.press("enter")
            assert "Why did nobody answer Aldmark?" in screen_text(app)
            await pilot.press("B", "y")
            await pilot.pause()
            assert "Leave them out" in screen_text(app)
            await pilot.press("y")
            await pilot.pause()
            await pilot.press("n")
        assert Session.load(SAVE).annotations == {1: ["Why did nobody answer Aldmark?"]}
        branches = [p for p in Path("saves").iterdir() if p != SAVE]
        assert len(branches) == 1
        branch = Session.load(branches[0])
        assert branch.round == 1 and branch.parent is not None and branch.parent["reason"] == "branch"
        kept = branch.submitted(1)
        assert kept and not any(s.type == "ready" for s in kept), "the teams' ready is left out unless asked"
        assert branch.waiting_for() == ["korvia", "meridia"]

    asyncio.run(run())


def test_the_action_list_follows_the_step(here: Path) -> None:
    """At action 25 of a long round the list shows action 25, not the first few."""
    session = tutorial()
    for number in range(30):
        session.submit(Message(state="korvia", to=["meridia"], text=f"note {number}"), by="korvia")
    finish_round(session)

    total = len(session.submitted(1))
    # from the last moment: year 2's orders, year 1 resolved, year 1's orders with every action, then back
    text = asyncio.run(replay_after(["left", "left", *["comma"] * (total - 25)]))
    assert f"action 25/{total}" in text
    assert " ▶ 25." in text and " ·  1." not in text and " ▶  1." not in text


async def replay_after(keys: list[str]) -> str:
    """The replay viewer on the save, as it reads once `keys` are pressed."""
    app = AccordApp(Path("saves"), replay=Replay(SAVE))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReplayScreen)
        await pilot.press(*keys)
        await pilot.pause()
        return screen_text(app)


def test_the_truth_names_laws_and_the_round_label(here: Path) -> None:
    """The truth panel listed 'anti_corruption, border_security, criminalization', 'this round' and
    '⇢ blue-harbour moved 408 away'."""
    from game.model.actions import AdoptLaw
    from game.tui.screens.replay import truth_text

    session = tutorial()
    session.submit(AdoptLaw(state="korvia", law="victim_protection"), by="korvia")
    for _ in range(4):
        finish_round(session)
    replay = Replay(session)
    text = truth_text(replay, replay.seek(2, "resolved"))
    assert "Criminalization of trafficking" in text and "Victim protection" in text
    assert "criminalization" not in text and "victim_protection" not in text
    assert "this year: identified" in text and "After this year" in text
    # the first year a network moved: where the truth panel names who moved
    moved = next(n for n in range(1, 5) if session.reports[n - 1].displacement)
    network = session.reports[moved - 1].displacement[0].network
    name = next(n.name for n in session.scenario.networks if n.id == network)
    text = truth_text(replay, replay.seek(moved, "resolved"))
    assert network not in text and f"⇢ {name} moved" in text, "the network by name"


def test_the_action_list_says_which_team_member_gave_an_order(here: Path) -> None:
    """A game hosted with roles (`accord host --roles`) keeps each order's role; the replay shows it."""
    session = tutorial()
    session.submit(Message(state="korvia", to=["meridia"], text="a word"), by="korvia", role="foreign_minister")
    session.submit(Message(state="meridia", to=["korvia"], text="a reply"), by="meridia")
    finish_round(session)
    text = asyncio.run(replay_after(["left", "left", *["comma"] * (len(session.submitted(1)) - 1)]))
    assert "Korvia (foreign minister): ✉ " in text
    assert "Meridia: " in text and "Meridia (" not in text, "an order of the whole team names no role"


def test_the_truths_long_lines_wrap_under_their_own_text_at_80_columns(here: Path) -> None:
    """A state's line of the truth ('  Germany budget 30 · capital 22.9 · approval 54% · ...') went on
    at the first column at 80 columns, where it read as a heading of its own (europe, year 5)."""
    from game.scenario.library import resolve_scenario
    from game.scenario.loader import load_scenario
    from game.session.seats import Seat

    seats = {state: Seat.ai("cooperative") for state in ("ukraine", "hungary", "austria", "italy", "netherlands")}
    session = Session.new(load_scenario(resolve_scenario("europe")), 2021, seats, SAVE.parent, path=SAVE)
    finish_round(session)

    async def run() -> None:
        app = AccordApp(Path("saves"), replay=Replay(SAVE))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, ReplayScreen)
            from tests.tui.helpers import settled
            await settled(pilot)
            view = screen.query_one("#replay-view")
            lines = [line.rstrip("▁▂▃▄▅▆▇█ ") for line in screen_text(app).splitlines()]
            top = next(i for i, line in enumerate(lines) if line.startswith(" The truth"))
            body = [line for line in lines[top + 2:-1] if line.strip()]
            assert body and view.region.width <= 80
            assert all(line.startswith("   ") for line in body), "\n".join(body)

    asyncio.run(run())
