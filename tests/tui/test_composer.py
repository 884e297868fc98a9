"""The proposal composer: every term of a kind (funding: donor, recipient, amount, capacity, its
conditions), the engine's verdict before sending, and a counter-proposal that replaces the original."""

import asyncio
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Checkbox, DataTable, Input, Select

from game.tui.app import AccordApp
from game.tui.screens.composer import ProposalComposer
from game.tui.widgets.diplomacy_panel import DiplomacyPanel
from tests.tui.helpers import finish_round, open_composer, screen_text, settled, tutorial


def test_a_funding_proposal_with_two_conditions_and_a_counter_proposal(here: Path) -> None:
    session = tutorial()
    finish_round(session)

    async def run() -> None:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=(80, 24)) as pilot:
            # Aldmark's AI has proposed information sharing to Korvia as round 2 opened
            offered = next(p for p in session.view("korvia").proposals if p.proposer == "aldmark")
            await pilot.press("enter", "N")
            await pilot.pause()
            composer = app.screen
            assert isinstance(composer, ProposalComposer)
            composer.query_one("#kind", Select).value = "funding"
            await pilot.pause()
            assert "✗ an agreement needs at least one other state as a party" in screen_text(app)
            composer.query_one("#party-aldmark", Checkbox).value = True
            await pilot.pause()
            assert "✗ choose the donor and the recipient" in screen_text(app)
            composer.query_one("#donor", Select).value = "aldmark"
            composer.query_one("#recipient", Select).value = "korvia"
            composer.query_one("#amount", Input).value = "3"
            composer.query_one("#capacity", Select).value = "prevention"
            assert not composer.query_one("#row-condition-1").display  # a second law once there is a first
            composer.query_one("#condition-law-0", Select).value = "victim_protection"
            await pilot.pause()
            assert "✗ the condition needs the year by which Victim protection is in force" in screen_text(app)
            composer.query_one("#condition-round-0", Input).value = "4"
            await pilot.pause()
            assert "✓ the rules accept this proposal" in screen_text(app)
            assert composer.query_one("#row-condition-1").display
            composer.query_one("#condition-law-1", Select).value = "referral_mechanism"
            composer.query_one("#condition-round-1", Input).value = "5"
            await pilot.pause()
            assert "✓ the rules accept this proposal" in screen_text(app)
            await pilot.press("ctrl+s")
            await pilot.pause()
            sent = [p for p in session.view("korvia").proposals if p.proposer == "korvia"]
            assert len(sent) == 1 and sent[0].kind == "funding"
            told = [notification.message for notification in app._notifications]
            assert any(f"it is proposal {sent[0].id}" in line for line in told), "the team learns its id"
            terms = sent[0].terms
            assert (terms.donor, terms.recipient, terms.amount) == ("aldmark", "korvia", 3)
            assert terms.capacity == "prevention"
            assert [(c.law, c.by_round) for c in terms.conditions] == [("victim_protection", 4),
                                                                      ("referral_mechanism", 5)]
            # counter Aldmark's offer: the composer opens with its terms, and the counter replaces it
            table = app.screen.query_one("#proposals-table", DataTable)
            table.focus()
            table.move_cursor(row=app.screen.query_one(DiplomacyPanel).proposal_ids.index(offered.id))
            await pilot.press("c")
            await pilot.pause()
            counter = app.screen
            assert isinstance(counter, ProposalComposer) and counter.counter is not None
            assert counter.query_one("#party-aldmark", Checkbox).value
            counter.query_one("#duration", Input).value = "2"
            await pilot.press("ctrl+s")
            await pilot.pause()
            proposals = {p.id: p for p in session.view("korvia").proposals}
            assert proposals[offered.id].status == "countered"
            replacing = [p for p in proposals.values() if p.counters == offered.id]
            assert len(replacing) == 1 and replacing[0].terms.duration == 2

    asyncio.run(run())


def test_the_message_dialog_says_who_may_read_the_message(here: Path) -> None:
    from game.tui.screens.composer import MessageComposer

    session = tutorial()

    async def run() -> None:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("enter", "M")
            await pilot.pause()
            composer = app.screen
            assert isinstance(composer, MessageComposer), screen_text(app)
            assert "The facilitator reads every message" in screen_text(app)
            composer.query_one("#to-meridia", Checkbox).value = True
            text = " ".join((await settled(pilot)).replace("│", " ").split())
            assert "Read by: Meridia, and the facilitator. No other team sees it during the game" in text
            composer.query_one("#to-aldmark", Checkbox).value = True
            text = " ".join((await settled(pilot)).replace("│", " ").split())
            assert "Read by: Aldmark and Meridia, and the facilitator" in text
            assert "once the game is over, its replay shows every message" in text

    asyncio.run(run())


def test_the_composer_names_the_laws_a_kind_needs_and_no_term_it_cannot_set(here: Path) -> None:
    """The regional convention's description read 'Every party needs criminalization,
    victim_protection in force' and '(terms.min_members may ask more)', an engine field the composer
    has no box for."""
    session = tutorial()

    async def run() -> None:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("enter", "N")
            await pilot.pause()
            app.screen.query_one("#kind", Select).value = "regional_convention"
            text = await settled(pilot)
            assert "Every party needs Criminalization of trafficking, Victim protection in force" in " ".join(
                line.strip(" │") for line in text.splitlines()), text
            assert "victim_protection" not in text and "min_members" not in text, text

    asyncio.run(run())



async def korvias_composer(pilot: Pilot[None], kind: str, *partners: str) -> ProposalComposer:
    """Korvia's proposal composer, opened from its diplomacy tab in round 1, set to `kind`, with
    `partners` ticked."""
    return await open_composer(pilot, kind, *partners)


def test_a_proposal_the_others_pay_for_says_it_costs_the_proposer_nothing(here: Path) -> None:
    """Thailand proposing information sharing with China paying 4 and itself 0 read 'If every party
    accepts this year, you pay 0 a year from year 2: leave it unallocated then'."""

    async def run() -> None:
        app = AccordApp(Path("saves"), session=tutorial())
        async with app.run_test(size=(80, 30)) as pilot:
            composer = await korvias_composer(pilot, "information_sharing", "meridia")
            composer.query_one("#contribution-korvia", Input).value = "0"
            composer.query_one("#contribution-meridia", Input).value = "4"
            await pilot.pause()
            text = " ".join(screen_text(app).split())
            assert "✓ the rules accept this proposal" in text, text
            assert "You pay nothing for it: the other parties carry its cost." in text, text
            assert "you pay 0" not in text

    asyncio.run(run())


def test_the_kinds_description_counts_one_point_in_the_singular(here: Path) -> None:
    """Mekong's labour migration MoU read 'default 4 years, 1 pts a year each'."""

    async def run() -> None:
        app = AccordApp(Path("saves"), session=tutorial())
        async with app.run_test(size=(80, 30)) as pilot:
            await korvias_composer(pilot, "labour_migration_mou")
            text = " ".join(screen_text(app).split())
            assert "1 point a year each" in text and "1 pts" not in text, text

    asyncio.run(run())


def test_a_labour_mou_between_parties_without_a_known_labour_route_is_accepted_with_a_caution(here: Path) -> None:
    """A student's Thailand-Vietnam MoU: the rules accept it, yet it would cost each party and do
    nothing, since an MoU acts only on labour corridors between its parties. The composer says so
    from the team's own intelligence, and says nothing where the team knows such a route."""

    async def run() -> None:
        app = AccordApp(Path("saves"), session=tutorial())
        async with app.run_test(size=(100, 40)) as pilot:
            composer = await korvias_composer(pilot, "labour_migration_mou", "meridia")
            text = " ".join(screen_text(app).split())
            assert "✓ the rules accept this proposal" in text and "You know of no labour route" not in text, text
            composer.view = composer.view.model_copy(
                update={"routes": [r for r in composer.view.routes if r.form != "labour"]})
            composer.recheck()
            await pilot.pause()
            text = " ".join(screen_text(app).split())
            assert "✓ the rules accept this proposal" in text, text
            assert "You know of no labour route from one party's territory into another's" in text, text

    asyncio.run(run())


def test_a_fraction_typed_as_a_duration_is_shown_and_refused_not_read_as_a_larger_whole_number(here: Path) -> None:
    """A student typed 2.5 years: the whole-number field dropped the '.' unseen and the rules
    accepted a proposal for 25 years."""

    async def run() -> None:
        app = AccordApp(Path("saves"), session=tutorial())
        async with app.run_test(size=(80, 30)) as pilot:
            composer = await korvias_composer(pilot, "information_sharing", "meridia")
            duration = composer.query_one("#duration", Input)
            duration.focus()
            await pilot.press("2", "full_stop", "5")
            await pilot.pause()
            assert duration.value == "2.5" and not duration.is_valid
            text = " ".join(screen_text(app).split())
            assert "✗ duration: '2.5' is not a whole number" in text, text
            assert composer.query_one("#send").disabled
            await pilot.press("backspace", "backspace")
            await pilot.pause()
            assert duration.value == "2" and "✓ the rules accept this proposal" in " ".join(screen_text(app).split())

    asyncio.run(run())


def test_a_payment_beyond_the_free_budget_is_accepted_with_a_warning_that_it_cannot_be_paid(here: Path) -> None:
    """A student's grant of 99999 points a year, from a budget of 10, read only 'the rules accept
    this proposal ... you pay 99999 a year from year 2'."""

    async def run() -> None:
        app = AccordApp(Path("saves"), session=tutorial())
        async with app.run_test(size=(80, 30)) as pilot:
            composer = await korvias_composer(pilot, "information_sharing", "meridia")
            composer.query_one("#contribution-korvia", Input).value = "99999"
            await pilot.pause()
            text = " ".join(line.strip(" │") for line in screen_text(app).splitlines())
            assert "you pay 99999 a year from year 2" in text, text
            assert "! That is more than the 9 points a year your budget leaves after law upkeep: you could not " \
                   "pay it" in " ".join(text.split()), text
            composer.query_one("#contribution-korvia", Input).value = "9"
            await pilot.pause()
            assert "That is more than" not in screen_text(app)

    asyncio.run(run())


def test_a_grant_asks_only_its_points_a_round_so_the_donor_never_owes_it_twice(here: Path) -> None:
    """A student proposing a grant from Thailand typed 3 in 'Points a year' and 3 in Thailand's
    'Contribution a year' too: Thailand then owed 6 a year, breached in year 3, while the student's
    screen said it cost them nothing. A funding kind that charges no fee shows no contribution row,
    and a number left there from another kind is not sent."""

    async def run() -> None:
        app = AccordApp(Path("saves"), session=tutorial())
        async with app.run_test(size=(80, 30)) as pilot:
            composer = await korvias_composer(pilot, "information_sharing", "meridia")
            composer.query_one("#contribution-meridia", Input).value = "3"
            composer.query_one("#kind", Select).value = "funding"
            await pilot.pause()
            assert not composer.query_one("#row-contributions").display
            composer.query_one("#donor", Select).value = "meridia"
            composer.query_one("#recipient", Select).value = "korvia"
            composer.query_one("#amount", Input).value = "3"
            composer.query_one("#capacity", Select).value = "prevention"
            await pilot.pause()
            data = composer.data()
            assert "contributions" not in data["terms"], data
            assert data["terms"]["amount"] == 3, data
            composer.query_one("#kind", Select).value = "information_sharing"
            await pilot.pause()
            assert composer.query_one("#row-contributions").display
            assert composer.data()["terms"]["contributions"] == {"meridia": 3}

    asyncio.run(run())


def test_a_funding_condition_row_asks_for_a_year_number_without_saying_year_twice(here: Path) -> None:
    """The condition row read 'by year year' until a number was typed: its placeholder was the word."""
    async def run() -> str:
        app = AccordApp(Path("saves"), session=tutorial())
        async with app.run_test(size=(80, 24)) as pilot:
            await open_composer(pilot, "funding", "meridia")
            return await settled(pilot)

    text = asyncio.run(run())
    assert "by year no." in text and "year year" not in text, text


def test_a_proposal_nobody_pays_for_does_not_say_the_others_carry_its_cost(here: Path) -> None:
    """An extradition treaty, 0 points a year for every party, read 'You pay nothing for it: the
    other parties carry its cost'; a grant to the team read the same of its donor."""

    async def run() -> None:
        app = AccordApp(Path("saves"), session=tutorial())
        async with app.run_test(size=(80, 30)) as pilot:
            await korvias_composer(pilot, "extradition", "meridia")
            text = " ".join(screen_text(app).split())
            assert "✓ the rules accept this proposal" in text, text
            assert "It costs no party anything a year." in text and "carry its cost" not in text, text

    asyncio.run(run())


def test_a_grant_without_a_fee_does_not_read_as_zero_points_a_year(here: Path) -> None:
    """Europe's Funding read 'default 3 years, 0 points a year each from the year after it enters
    into force', as if the grant gave nothing: it says the donor pays the points typed below."""

    async def run() -> None:
        app = AccordApp(Path("saves"), session=tutorial())
        async with app.run_test(size=(80, 30)) as pilot:
            composer = await korvias_composer(pilot, "funding", "meridia")
            assert composer.view.rules.agreements["funding"].contribution == 0
            text = " ".join(screen_text(app).replace("│", " ").split())
            assert "0 points a year each" not in text, text
            assert "the donor pays the points a year typed below from the year after it enters into force" in text

    asyncio.run(run())
