"""A team's round reports: the last one opens from its screen, and ← and → step through the earlier
ones, each showing that round's own figures."""

import asyncio
from pathlib import Path

from game.tui.app import AccordApp
from game.tui.screens.round_report import RoundReportScreen
from game.tui.screens.team import TeamScreen
from tests.tui.helpers import finish_round, settled, tutorial


def test_a_team_steps_back_through_its_earlier_round_reports(here: Path) -> None:
    session = tutorial()
    for _ in range(3):
        finish_round(session)
    convictions = {r.round: r.states["korvia"].convictions for r in session.reports}

    async def run() -> None:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.press("enter")
            assert isinstance(app.screen, TeamScreen) and app.screen.team == "korvia"
            await pilot.press("o")
            await pilot.pause()
            assert isinstance(app.screen, RoundReportScreen)
            text = await settled(pilot)
            assert "report on year 3 of 6 · year 4 comes next" in text
            assert "Earlier report" in text and "Later report" not in text
            for number in (2, 1):
                await pilot.press("left")
                text = await settled(pilot)
                assert f"report on year {number} of 6 · an earlier report: → for year {number + 1}" in text
                assert f"What happened in your territory in year {number}" in text, "that round's own report"
                assert f"convictions {convictions[number]:,} ·" in text
            assert "Earlier report" not in text and "Later report" in text
            await pilot.press("left")  # no round before the first: it stays
            assert "report on year 1 of 6" in await settled(pilot)
            await pilot.press("right", "right")
            text = await settled(pilot)
            assert "report on year 3 of 6 · year 4 comes next" in text
            await pilot.press("enter")
            assert isinstance(app.screen, TeamScreen)

    asyncio.run(run())


def test_a_round_report_counts_one_person_in_the_singular(here: Path) -> None:
    from game.session import seat_reports
    from game.session.seat_reports import StateRoundReport
    from game.tui.screens.round_report import report_text

    session = tutorial()
    finish_round(session)
    data = seat_reports.round_report(session, "korvia", 1)
    assert isinstance(data, StateRoundReport)
    figures = data.report.states["korvia"]
    figures.identified, figures.identified_children, figures.identified_female = 1, 1, 1
    figures.migrants_stopped, figures.victims_deported = 1, 1
    text = report_text(data)
    assert "identified 1 person (" in text and "1 child · 1 woman or girl" in text
    assert "1 migrant stopped" in text and "1 victim deported" in text
    figures.identified_female, figures.victims_deported = 2, 0
    text = report_text(data)
    assert "2 women and girls" in text and "0 victims deported" in text


def test_the_figures_of_a_large_state_keep_their_indent_at_80_columns(here: Path) -> None:
    """Mekong's thousands ran the migrants, victims and estimate lines past 80 columns, and each
    wrapped flush left ('deported', 'by labour inspectors', 'truth is hidden...'), reading as a
    line of its own."""
    from tests.tui.helpers import mekong

    session = mekong()
    finish_round(session)

    async def run() -> None:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("enter")
            assert isinstance(app.screen, TeamScreen) and app.screen.team == "thailand"
            await pilot.press("o")
            await pilot.pause()
            assert isinstance(app.screen, RoundReportScreen)
            lines = (await settled(pilot)).splitlines()
            start = next(i for i, line in enumerate(lines) if "What happened in your territory" in line)
            figures = [line for line in lines[start + 1:] if line.strip()]
            figures = figures[:next(i for i, line in enumerate(figures) if "One person" in line)]
            assert any("migrants stopped" in line for line in figures), figures
            assert all(line.startswith("   ") for line in figures), "\n".join(figures)

    asyncio.run(run())


def test_a_budget_the_rounds_events_changed_is_shown_beside_the_one_planned_with(here: Path) -> None:
    """Mekong's 2020 takes 2 of Thailand's 22 at the resolution: the team planned with 22 all year,
    the report said only 'budget 20', and its levels came out below what the confirmation promised."""
    from game.session import seat_reports
    from game.session.seat_reports import StateRoundReport
    from game.tui.screens.round_report import report_text
    from tests.tui.helpers import mekong

    session = mekong()
    finish_round(session)
    thailand = seat_reports.round_report(session, "thailand", 1)
    assert isinstance(thailand, StateRoundReport)
    assert "budget 20 (22 when you planned: this year's events changed it):" in report_text(thailand)
    laos = seat_reports.round_report(session, "laos", 1)
    assert isinstance(laos, StateRoundReport)
    assert "when you planned" not in report_text(laos), "no event touched Laos's budget"


def test_an_allocation_an_event_scaled_down_is_named_with_the_event_and_by_how_much(here: Path) -> None:
    """Thailand allocates every free point of its 22; mekong's 2020 takes 2 at the resolution and
    the allocation is scaled down to fit. The report said 'capacities 15' and nothing of the 17
    ordered: it names the event, the budget before and after, and the points the allocation lost."""
    from game.model.actions import Allocate
    from game.session import seat_reports
    from game.session.seat_reports import StateRoundReport
    from game.tui.screens.round_report import report_text
    from tests.tui.helpers import mekong

    session = mekong()
    free = session.view("thailand").me.available
    assert free == 17
    session.submit(Allocate(state="thailand", budget={"enforcement": 9, "protection": 8}), by="thailand")
    finish_round(session)
    data = seat_reports.round_report(session, "thailand", 1)
    assert isinstance(data, StateRoundReport)
    (event,) = [e for e in data.report.events if any(f.startswith("state:thailand budget:") for f in e.effects)]
    text = report_text(data)
    assert ("⚠ your allocation of 17 was scaled down to 15 (2 less) to fit:\n    "
            f"this year's event '{event.title}' cut your budget from 22 to 20") in text, text
    assert "law upkeep 5, capacities 15, agreements 0" in text
    assert "enforcement  4.5→" in text and "7.94 allocated (of your 9: scaled down)" in text
    assert "7.06 allocated (of your 8: scaled down)" in text
    laos = seat_reports.round_report(session, "laos", 1)
    assert isinstance(laos, StateRoundReport)
    assert "scaled down" not in report_text(laos), "nothing scaled Laos's allocation"
    # had the budget been 20 when the team planned (and allocated), it was the laws' upkeep that left too little
    data.before_budget = 20
    data.view = data.view.model_copy(update={"me": data.view.me.model_copy(update={"allocated_against": 20.0})})
    assert ("⚠ your allocation of 17 was scaled down to 15 (2 less) to fit:\n    "
            "law upkeep 5 left 15 free points") in report_text(data)


def test_a_partners_grant_is_named_apart_from_the_teams_own_allocation(here: Path) -> None:
    """Thailand grants Laos 2 points a year for protection. Laos's report counted them in
    'capacities' as if Laos had spent them: it now says what Laos allocated, and what came from
    whom on top of its budget."""
    from game.model.actions import Propose, Respond
    from game.model.terms import Terms
    from game.session import seat_reports
    from game.session.seat_reports import StateRoundReport
    from game.tui.screens.round_report import report_text
    from tests.tui.helpers import mekong

    session = mekong()
    terms = Terms(donor="thailand", recipient="laos", amount=2.0, capacity="protection")
    before = set(session.state.proposals)
    session.submit(Propose(state="thailand", agreement="funding", parties=["thailand", "laos"], terms=terms),
                   by="thailand")
    (proposal,) = set(session.state.proposals) - before
    session.submit(Respond(state="laos", proposal=proposal, answer="accept"), by="laos")
    finish_round(session)
    finish_round(session)
    data = seat_reports.round_report(session, "laos", 2)
    assert isinstance(data, StateRoundReport)
    fig = data.report.states["laos"]
    assert fig.funding == {"thailand": {"protection": 2.0}}
    own = sum(fig.spent.values()) - 2
    text = report_text(data)
    assert f"capacities {own:g}, agreements" in text or f"capacities {own:.1f}, agreements" in text, text
    assert "\n  funding received 2: partners paid it into your capacities (below)\n" in text
    (line,) = [line for line in text.splitlines() if line.strip().startswith("protection ")]
    assert line.endswith(" allocated + 2 from Thailand"), line
    assert "from Thailand" not in text.replace(line, ""), "only the capacity it paid into names it"


def test_the_round_report_says_what_the_confiscation_law_seized_and_nothing_where_it_seized_nothing(here: Path) -> None:
    """A team that adopted asset confiscation saw nothing of it on any screen: the seized money was
    counted by the engine and shown nowhere."""
    from game.session import seat_reports
    from game.session.seat_reports import StateRoundReport
    from game.tui.screens.round_report import report_text

    session = tutorial()
    finish_round(session)
    data = seat_reports.round_report(session, "korvia", 1)
    assert isinstance(data, StateRoundReport)
    assert "assets seized" not in report_text(data), "nothing seized: no line"
    data.report.states["korvia"].assets_seized = 601.4
    assert "assets seized from the networks convicted: 601 thousand USD" in report_text(data)


def test_the_first_report_moves_the_tier_from_the_one_the_game_opened_with(here: Path) -> None:
    """China's report on year 1 read 'Tier 2 ●' alone, though its screen had shown Tier 3 ✗ all year:
    the first report had no tier to start from. A tier that did not move is said once."""
    from game.session import seat_reports
    from game.tui.screens.round_report import report_text
    from tests.tui.helpers import mekong

    session = mekong()
    finish_round(session)
    assert session.replay().seek(1, "orders", 0).state.states["vietnam"].tier == "2WL"

    def tier_words(state: str) -> str:
        report = seat_reports.round_report(session, state, 1)
        assert isinstance(report, seat_reports.StateRoundReport)
        text = report_text(report)
        return next(line for line in text.splitlines() if line.startswith("  approval")).split(" · ")[-1]

    assert tier_words("vietnam") == "Tier 2 WL ⚠ → Tier 2 ●"
    assert tier_words("laos") == "Tier 2 ● =", "not 'Tier 2 ● → Tier 2 ●'"


def test_a_rise_too_small_for_one_decimal_is_reported_with_two_as_the_budget_tab_promised_it(here: Path) -> None:
    """Europe, Romania: 1 point to prevention (hold 0.75) read '▲ 2.50 to 2.55' on the budget tab, and
    'prevention 2.5→2.5 =' in the round report, as if the point had bought nothing."""
    from game.engine.budget import next_level
    from game.model.actions import Allocate
    from game.session import seat_reports
    from game.session.seat_reports import StateRoundReport
    from game.tui.screens.round_report import report_text
    from game.tui.widgets.budget_panel import hold_points, reaches

    session = tutorial()
    view = session.view("korvia")
    rules, level = view.rules, view.me.capacities["enforcement"]
    points = hold_points(level, rules.capacity_upkeep) + 0.1
    after = next_level(level, points, rules.capacity_upkeep, rules.capacity_gain, rules.capacity_decay)
    assert f"{after:.1f}" == f"{level:.1f}" and f"{after:.2f}" != f"{level:.2f}", (level, after)
    promised = reaches(level, points, rules)
    assert promised == f"▲ {level:.2f} to {after:.2f}", promised
    session.submit(Allocate(state="korvia", budget={**view.me.allocation, "enforcement": points}), by="korvia")
    finish_round(session)
    data = seat_reports.round_report(session, "korvia", 1)
    assert isinstance(data, StateRoundReport)
    (line,) = [line for line in report_text(data).splitlines() if line.strip().startswith("enforcement ")]
    assert f"enforcement  {level:.2f}→{after:.2f} ▲ " in line, line
    assert "→" in next(line for line in report_text(data).splitlines() if line.strip().startswith("border "))
