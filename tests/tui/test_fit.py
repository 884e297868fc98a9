"""Screens that fit and say where things stand: the Diplomacy table's status counts the answers
given, names are never cut into something else, and every pending mark is a glyph any font has."""

from pathlib import Path

from rich.text import Text

from game.model.terms import Terms
from game.model.view import ProposalView
from game.tui.screens.final import scores_text
from game.tui.text import PENDING, clip, num_apart
from game.tui.widgets.diplomacy_panel import (
    answers_cell,
    answers_text,
    counterers,
    proposal_status,
    proposer_verdict,
    rejected_verdict,
)

GAME = Path(__file__).parents[2] / "game"


def proposal(answers: dict[str, str], status: str = "open") -> ProposalView:
    return ProposalView(id="p1", kind="information_sharing", proposer="thailand",
                        parties=["cambodia", "laos", "thailand"], terms=Terms(), round=1, expires=3, status=status,
                        answers=answers, counters=None)


def test_a_proposal_this_team_rejected_reads_as_rejected_not_open() -> None:
    assert proposal_status(proposal({"cambodia": "reject"}), "cambodia") == "✗ you rejected"
    assert proposal_status(proposal({"cambodia": "reject"}), "laos") == "✗ rejected"


def test_a_proposal_everyone_accepted_reads_as_accepted() -> None:
    assert proposal_status(proposal({"cambodia": "accept"}), "cambodia") == "✓ you accepted"
    assert proposal_status(proposal({"cambodia": "accept", "laos": "accept"}), "thailand") == "✓ all accepted"
    assert proposal_status(proposal({}), "laos") == f"{PENDING} open"
    assert proposal_status(proposal({}, status="countered"), "laos") == "↺ countered"


def test_answers_use_short_names() -> None:
    names = {"cambodia": "Cambodia (Kingdom of)", "laos": "Laos"}
    assert answers_text(proposal({"cambodia": "accept"}), names) == "✓ Cambodia, ? Laos"


def test_the_party_that_countered_reads_as_countered_not_as_unanswered() -> None:
    names = {"cambodia": "Cambodia", "laos": "Laos"}
    countered = proposal({}, status="countered")
    counter = ProposalView(id="p2", kind="information_sharing", proposer="laos",
                           parties=["cambodia", "laos", "thailand"], terms=Terms(), round=1, expires=3,
                           status="open", answers={}, counters="p1")
    assert counterers([countered, counter]) == {"p1": "laos"}
    assert answers_text(countered, names, counterers([countered, counter])) == "? Cambodia, ↺ Laos"


def test_the_table_counts_a_conventions_many_answers_rather_than_running_off_the_screen() -> None:
    parties = ["austria", "germany", "hungary", "italy", "netherlands", "romania", "ukraine"]
    names = {p: p.capitalize() for p in parties}
    convention = ProposalView(id="p1", kind="regional_convention", proposer="germany", parties=parties,
                              terms=Terms(), round=1, expires=3, status="open", counters=None,
                              answers={"austria": "accept", "hungary": "accept", "italy": "reject",
                                       "netherlands": "accept"})
    assert answers_cell(convention, names) == "✓ 3 · ✗ 1 · ? 2"
    assert len(answers_text(convention, names)) > 40, "the case needs answers too long to name in the table"
    two = proposal({"cambodia": "accept"})
    assert answers_cell(two, {"cambodia": "Cambodia", "laos": "Laos"}) == "✓ Cambodia, ? Laos", "two are named"


def test_clip_marks_a_cut_and_leaves_short_text_alone() -> None:
    assert clip("Information sharing", 30) == "Information sharing"
    assert clip("UN Office on Drugs and Crime", 10) == "UN Office…"
    assert len(clip("UN Office on Drugs and Crime", 10)) == 10


def test_no_screen_uses_the_hourglass_browsers_show_as_a_box() -> None:
    offenders = [str(path) for path in (GAME / "tui").rglob("*.py")
                 if "⧗" in path.read_text(encoding="utf-8") and path.name != "text.py"]
    assert offenders == []


def test_final_scores_keep_long_organization_names_whole(here: Path) -> None:
    from game.engine.scoring import GameScore, OrgScore
    from tests.tui.helpers import tutorial

    session = tutorial()
    score = GameScore(victim_rounds=10, baseline_victim_rounds=12, harm_averted=2, states={}, organizations={
        "unodc": OrgScore(points=1.0, max_points=4, score=1.0, objectives=[]),
        "iom": OrgScore(points=2.0, max_points=4, score=2.0, objectives=[])})
    names = {"unodc": "UN Office on Drugs and Crime (Southeast Asia office)",
             "iom": "International Organization for Migration (Bangkok)"}
    text = scores_text(score, names, session.seats, "year", None, debrief=False)
    assert "UN Office on Drugs and Crime (Southeast Asia office)" in text
    assert "International Organization for Migration (Bangkok)" in text
    assert all(len(line) <= 80 for line in Text.from_markup(text).plain.splitlines())


def test_final_scores_mark_an_objective_partly_met_as_the_debrief_does(here: Path) -> None:
    from game.engine.scoring import GameScore, ObjectiveResult, OrgScore
    from tests.tui.helpers import tutorial

    session = tutorial()
    objectives = [ObjectiveResult("reduce_victims", "cut true victims by 10%", 2, False, 1.6),
                  ObjectiveResult("train_states", "train 2 states", 2, False, 0.0),
                  ObjectiveResult("train_states", "train 1 state", 1, True, 1.0)]
    score = GameScore(victim_rounds=10, baseline_victim_rounds=12, harm_averted=2, states={}, organizations={
        "unodc": OrgScore(points=2.6, max_points=5, score=2.6, objectives=objectives)})
    plain = Text.from_markup(scores_text(score, {"unodc": "UNODC"}, session.seats, "year", None,
                                         debrief=False)).plain
    assert "◐ cut true victims by 10% (1.6 of 2 pts)" in plain, plain
    assert "✗ train 2 states (0.0 of 2 pts)" in plain and "✓ train 1 state (1.0 of 1 point)" in plain, plain


def test_a_reports_arrow_agrees_with_the_printed_figures() -> None:
    from game.tui.screens.round_report import arrow

    assert arrow(50.6, 51.4, 0) == "="  # printed 51→51%
    assert arrow(6.36, 6.34) == "▼"  # printed 6.4→6.3
    assert arrow(6.0, 6.04) == "="
    assert arrow(1.0, 1.06) == "▲"


def test_the_budget_tab_shows_the_level_the_engine_will_reach() -> None:
    from game.engine.budget import next_level
    from game.model.view import RulesView
    from game.tui.widgets.budget_panel import reaches

    rules = RulesView(laws={}, agreements={}, capacity_upkeep=0.3, capacity_gain=0.5, capacity_decay=0.2,
                      breaches_to_lapse=2, proposal_rounds=2)
    assert reaches(2.0, 0.6, rules) == "= stays 2.0"
    assert reaches(2.0, 2.6, rules) == f"▲ to {next_level(2.0, 2.6, 0.3, 0.5, 0.2):.1f}"
    assert reaches(2.0, 0.0, rules) == f"▼ to {next_level(2.0, 0.0, 0.3, 0.5, 0.2):.1f}"
    assert next_level(2.0, 2.6, 0.3, 0.5, 0.2) == 2.0 + 0.5 * (2.6 - 0.6) * (1 - 0.2)


def test_networks_are_named_as_the_scenario_names_them(here: Path) -> None:
    from game.tui.widgets.intel_panel import intel_text
    from tests.tui.helpers import finish_round, tutorial

    session = tutorial()
    finish_round(session)
    view = session.view("aldmark")
    assert view.routes and all(route.network for route in view.routes)
    text = Text.from_markup(intel_text(view)).plain
    assert "Red Lantern ring" in text or "Blue Harbour crewing agency" in text
    assert "  red-lantern\n" not in text and "  blue-harbour\n" not in text


def test_a_report_explains_capital_in_a_round_a_law_was_paid_for(here: Path) -> None:
    from game.model.actions import AdoptLaw
    from game.session.seat_reports import round_report
    from game.tui.screens.round_report import report_text
    from tests.tui.helpers import finish_round, tutorial

    session = tutorial()
    session.submit(AdoptLaw(state="korvia", law="victim_protection"), by="korvia")
    finish_round(session)
    text = Text.from_markup(report_text(round_report(session, "korvia", 1))).plain
    assert "the two can cancel out" in text
    finish_round(session)
    assert "the two can cancel out" not in Text.from_markup(report_text(round_report(session, "korvia", 2))).plain


def test_a_refusal_names_states_and_laws_not_ids(here: Path) -> None:
    from game.model.actions import Propose
    from game.tui.orders import Probe
    from game.tui.table import LocalTable
    from tests.tui.helpers import tutorial

    session = tutorial()
    probe = Probe(LocalTable(session), "korvia")
    reason = probe.refusal(Propose(state="korvia", agreement="regional_convention",
                                   parties=["korvia", "meridia", "aldmark"]))
    assert reason is not None and "Meridia" in reason and "meridia" not in reason, reason


def test_the_top_bar_fits_80_columns_with_the_tier_whole() -> None:
    from textual.content import Content

    from game.tui.screens.team import top_bar

    wide = Content.from_markup(top_bar("NETHERLANDS", "Year 10/10", "12.5 pts free", 12.5, 100, "2WL", 118)).plain
    assert wide == "NETHERLANDS · Year 10/10 · 12.5 pts free · capital 12.5 · approval 100% · Tier 2 WL ⚠"
    narrow = Content.from_markup(top_bar("NETHERLANDS", "Year 10/10", "12.5 pts free", 12.5, 100, "2WL", 78)).plain
    assert len(narrow) <= 78 and narrow.endswith("Tier 2 WL ⚠") and "PC 12.5" in narrow


def test_num_apart_shows_decimals_only_where_rounding_would_hide_a_difference() -> None:
    assert num_apart(1.96, 2) == "1.96", "1.96 left for 2 owed is a breach: it may not read '2'"
    assert num_apart(23.04, 23) == "23.04"
    assert num_apart(1.999, 2) == "1.999"
    assert num_apart(2, 2) == "2", "equal figures stay as num writes them"
    assert num_apart(1.5, 2) == "1.5", "figures num already tells apart are left alone"
    assert num_apart(2.1, 2) == "2.1"


def test_the_table_counts_two_answers_whose_names_run_past_the_cell() -> None:
    names = {"cambodia": "The Netherlands", "laos": "Romania"}
    two = proposal({"cambodia": "accept"})
    assert answers_cell(two, names) == "✓ 1 · ? 1", "'✓ The Netherlands, ? Romania' ran off an 80-column screen"


def test_the_proposer_reads_that_a_proposal_every_party_accepted_will_be_signed() -> None:
    names = {"cambodia": "Cambodia", "laos": "Laos"}
    assert proposer_verdict(proposal({"cambodia": "accept", "laos": "accept"}), names, "year") == (
        "✓ every party accepted: it is signed when this year is resolved; w withdraws it")
    assert proposer_verdict(proposal({"cambodia": "accept"}), names, "year").startswith(f"{PENDING} waiting")
    assert proposer_verdict(proposal({"cambodia": "reject"}), names, "year") == (
        "✗ Cambodia rejected it: it ends when this year is resolved")


def test_one_rejection_does_not_end_a_convention_the_others_may_still_bring_into_force() -> None:
    parties = ["austria", "germany", "hungary", "italy"]
    names = {p: p.capitalize() for p in parties}
    convention = ProposalView(id="p1", kind="regional_convention", proposer="germany", parties=parties,
                              terms=Terms(), round=1, expires=3, status="open", counters=None, min_members=3,
                              answers={"austria": "reject", "hungary": "accept"})
    verdict = proposer_verdict(convention, names, "year")
    assert verdict.startswith("✗ Austria rejected it and stays outside") and "it ends" not in verdict, verdict
    sunk = convention.model_copy(update={"answers": {"austria": "reject", "hungary": "reject"}})
    assert proposer_verdict(sunk, names, "year") == "✗ Austria, Hungary rejected it: it ends when this year is resolved"


def test_a_party_that_rejects_a_convention_others_can_still_bring_into_force_stays_outside() -> None:
    parties = ["austria", "germany", "hungary", "italy", "romania"]
    convention = ProposalView(id="p1", kind="regional_convention", proposer="germany", parties=parties,
                              terms=Terms(), round=1, expires=3, status="open", counters=None, min_members=3,
                              answers={"austria": "reject"})
    assert rejected_verdict(convention, "austria", "year").startswith("✗ you rejected it: you stay outside")
    sunk = convention.model_copy(update={"answers": {"austria": "reject", "hungary": "reject", "italy": "reject"}})
    assert rejected_verdict(sunk, "austria", "year").startswith("✗ you rejected it: it ends when this year")
    assert rejected_verdict(proposal({"cambodia": "reject"}), "cambodia", "year").startswith(
        "✗ you rejected it: it ends"), "a treaty ends with one rejection"


def test_a_level_move_too_small_for_one_decimal_is_written_with_two_not_as_staying() -> None:
    """'= stays 4.0' beside a capacity that rose to 4.07 told a student its points bought nothing."""
    from game.engine.budget import next_level
    from game.model.view import RulesView
    from game.tui.widgets.budget_panel import reaches

    rules = RulesView(laws={}, agreements={}, capacity_upkeep=0.3, capacity_gain=0.5, capacity_decay=0.2,
                      breaches_to_lapse=2, proposal_rounds=2)
    after = next_level(4.0, 1.3, 0.3, 0.5, 0.2)  # 0.1 above the upkeep of 1.2: a rise of 0.03
    assert f"{after:.1f}" == "4.0" and f"{after:.2f}" == "4.03"
    assert reaches(4.0, 1.3, rules) == "▲ 4.00 to 4.03"
    assert reaches(4.0, 1.2, rules) == "= stays 4.0", "exactly the upkeep holds the level"


def test_a_level_move_written_with_two_decimals_says_where_it_starts() -> None:
    """A labour inspection level of 1.97 read '2.0' in the level column and '▲ to 1.98' beside it: a
    rise that looked like a fall."""
    from game.engine.budget import next_level
    from game.model.view import RulesView
    from game.tui.widgets.budget_panel import reaches

    rules = RulesView(laws={}, agreements={}, capacity_upkeep=0.3, capacity_gain=0.5, capacity_decay=0.2,
                      breaches_to_lapse=2, proposal_rounds=2)
    level = 1.973
    after = next_level(level, 0.6, 0.3, 0.5, 0.2)
    assert f"{level:.1f}" == f"{after:.1f}" == "2.0" and f"{after:.2f}" == "1.98"
    assert reaches(level, 0.6, rules) == "▲ 1.97 to 1.98"


def test_a_refusal_counts_in_the_scenarios_word_for_a_round(here: Path) -> None:
    """Adopting Fair recruitment twice read 'it enters into force in round 3' beside the laws tab's
    'in force from year 3'."""
    from game.model.actions import AdoptLaw
    from game.tui.orders import Probe, round_words
    from game.tui.table import LocalTable
    from tests.tui.helpers import tutorial

    session = tutorial()
    session.submit(AdoptLaw(state="korvia", law="victim_protection"), by="korvia")
    reason = Probe(LocalTable(session), "korvia").refusal(AdoptLaw(state="korvia", law="victim_protection"))
    assert reason is not None and "enters into force in year 2" in reason and "round" not in reason, reason
    assert round_words("for 3 round(s), from round 2; 2 rounds", "year") == "for 3 years, from year 2; 2 years"
    assert round_words("from round 2", "round") == "from round 2"
