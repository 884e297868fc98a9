"""A convention the others' answers have already sunk does not invite an answer: with three parties
and three acceptances needed, one rejection leaves it short whatever the last party answers, yet the
Diplomacy tab read '✓ you can accept (a), reject (x) or counter (c)' under '✗ rejected', and
accepting announced a bill ('you pay 2 a year ... once it is in force') for an agreement that
never would be (mekong, year 1: UNODC's regional convention, which Laos and Vietnam rejected)."""

import asyncio
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from game.model.terms import Terms
from game.model.view import ProposalView
from game.session.session import Session
from game.tui.app import AccordApp
from game.tui.widgets.diplomacy_panel import DiplomacyPanel, proposal_status
from tests.diplomacy.deals import propose, reject
from tests.tui.helpers import mekong
from tests.tui.test_typed_numbers import at_korvias_turn, settle


async def on_the_convention(pilot: Pilot[None], session: Session) -> DiplomacyPanel:
    """Laos offers Thailand and Vietnam a convention all three must accept; Vietnam rejects it;
    Thailand's Diplomacy tab shows it."""
    app = await at_korvias_turn(pilot)
    session.submit(propose("laos", "regional_convention", "thailand", "vietnam"), by="laos")
    offered = max((p for p in session.state.proposals.values() if p.proposer == "laos"), key=lambda p: p.id)
    session.submit(reject("vietnam", offered.id), by="vietnam")
    await pilot.press("p")
    await settle(pilot)
    app.screen.show_view()  # type: ignore[attr-defined]
    await settle(pilot)
    panel = app.screen.query_one(DiplomacyPanel)
    panel.query_one("#proposals-table", DataTable).move_cursor(row=panel.proposal_ids.index(offered.id))
    await settle(pilot)
    return panel


def test_a_convention_sunk_by_the_others_answers_says_so_instead_of_inviting_an_answer(here: Path) -> None:
    session = mekong()

    async def run() -> None:
        async with AccordApp(Path("saves"), session=session).run_test(size=(80, 24)) as pilot:
            panel = await on_the_convention(pilot, session)
            said = str(panel.query_one("#diplomacy-verdict", Static).render())
            assert "you can accept" not in said, said
            assert "Vietnam rejected it: it cannot enter into force now" in said, said
            detail = str(panel.query_one("#proposal-detail", Static).render())
            assert "Where it stands: ✗ rejected" in detail, detail

    asyncio.run(run())


def convention(answers: dict[str, str], min_members: int) -> ProposalView:
    return ProposalView(id="p1", kind="regional_convention", proposer="thailand",
                        parties=["cambodia", "laos", "thailand", "vietnam"], terms=Terms(), round=1, expires=3,
                        status="open", answers=answers, counters=None, min_members=min_members)


def test_one_rejection_sinks_a_convention_only_when_the_rest_cannot_reach_its_minimum() -> None:
    assert proposal_status(convention({"cambodia": "reject"}, 3), "laos") != "✗ rejected"
    assert proposal_status(convention({"cambodia": "reject"}, 4), "laos") == "✗ rejected"
    assert proposal_status(convention({"cambodia": "reject", "vietnam": "reject"}, 3), "laos") == "✗ rejected"


def test_a_proposal_that_costs_this_team_nothing_does_not_ask_it_to_set_points_aside(here: Path) -> None:
    """Korvia, offered Aldmark's funding, read 'You will pay 0 a year from year 2 if it enters into
    force at this year's resolution: leave it unallocated then.'"""
    from tests.tui.helpers import tutorial

    session = tutorial(ai=())

    async def run() -> None:
        async with AccordApp(Path("saves"), session=session).run_test(size=(120, 40)) as pilot:
            await at_korvias_turn(pilot)
            session.submit(propose("aldmark", "funding", "korvia", donor="aldmark", recipient="korvia", amount=3,
                                   capacity="prevention"), by="aldmark")
            await pilot.press("p")
            await settle(pilot)
            pilot.app.screen.show_view()  # type: ignore[attr-defined]
            await settle(pilot)
            detail = str(pilot.app.screen.query_one("#proposal-detail", Static).render())
            assert "pay 0" not in detail and "It costs you nothing a year." in detail, detail

    asyncio.run(run())
