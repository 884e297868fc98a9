"""The lesson measures on small made-up outcomes: each verdict turns the way its rule says."""

from game.analysis import measures
from game.analysis.measures import Summary
from game.analysis.runner import Outcome, Override
from game.analysis.strategies import Table

BASELINE = 1000.0


def outcome(strategy: str, harm: float, focus: str | None = None, seed: int = 0, override: Override | None = None,
            scores: dict[str, float] | None = None, avoiding: dict[str, int] | None = None,
            baseline_avoiding: dict[str, int] | None = None) -> Outcome:
    return Outcome(Table(strategy, focus), seed, override, harm, BASELINE, scores or {"a": 1.0, "b": 1.0},
                   avoiding or {"a": 100, "b": 100}, baseline_avoiding or {"a": 100, "b": 100}, 2)


def tables(*games: Outcome) -> dict[Table, Summary]:
    return measures.summarize(games)


def test_summaries_average_each_table_over_its_seeds() -> None:
    summary = tables(outcome("loner", 100.0, seed=0), outcome("loner", 300.0, seed=1))[Table("loner")]
    assert summary.games == 2 and summary.harm_averted == 200.0 and summary.share == 0.2


def test_cooperation_holds_only_when_the_cooperative_table_averts_more_than_the_loner() -> None:
    held = measures.cooperation(tables(outcome("cooperative", 120.0), outcome("loner", 60.0)))
    tied = measures.cooperation(tables(outcome("cooperative", 60.0), outcome("loner", 60.0)))
    assert held.holds and not tied.holds
    assert held.measure["cooperative_share"] == 0.12 and held.measure["loner_share"] == 0.06
    assert "12.0%" in held.detail and "6.0%" in held.detail


def test_implementation_needs_paper_below_the_cooperative_table_and_below_three_percent() -> None:
    good = measures.implementation(tables(outcome("cooperative", 120.0), outcome("paper", 20.0)))
    above_ceiling = measures.implementation(tables(outcome("cooperative", 120.0), outcome("paper", 40.0)))
    above_cooperative = measures.implementation(tables(outcome("cooperative", 10.0), outcome("paper", 20.0)))
    assert good.holds and not above_ceiling.holds and not above_cooperative.holds
    assert above_ceiling.measure["paper_share"] == 0.04 and "not below 3%" in above_ceiling.detail


def test_displacement_reads_the_rise_on_routes_avoiding_the_state_that_cracks_down() -> None:
    crackdowns = tables(
        outcome("crackdown", 5.0, focus="a", avoiding={"a": 150, "b": 90}),
        outcome("crackdown", 5.0, focus="b", avoiding={"a": 100, "b": 80}),
    )
    lesson = measures.displacement(crackdowns)
    assert lesson.holds and lesson.measure["rise"] == 50.0 and "by a" in lesson.detail
    assert lesson.breakdown == {"a": {"rise": 50.0}, "b": {"rise": -20.0}}
    none_rise = measures.displacement(tables(outcome("crackdown", 5.0, focus="a", avoiding={"a": 90, "b": 100})))
    assert not none_rise.holds and "No lone crackdown" in none_rise.detail
    assert "a way around" in none_rise.detail, "a failed displacement tells the author what the map lacks"


def test_free_riding_counts_seats_where_the_rider_beats_a_cooperator_and_the_table_loss() -> None:
    games = tables(
        outcome("cooperative", 100.0, scores={"a": 5.0, "b": 5.0}),
        outcome("free_rider", 80.0, focus="a", scores={"a": 6.0, "b": 4.0}),
        outcome("free_rider", 90.0, focus="b", scores={"a": 4.0, "b": 4.5}),
    )
    lesson = measures.free_riding(games)
    assert lesson.measure["seats_gaining"] == 1 and lesson.measure["share_of_seats"] == 0.5
    assert lesson.measure["table_loss"] == 15.0 and lesson.holds
    assert lesson.breakdown["b"] == {"free_rider_score": 4.5, "cooperator_score": 5.0, "table_loss": 10.0,
                                     "within_noise": 0.0}
    gaining_table = tables(outcome("cooperative", 100.0), outcome("free_rider", 110.0, focus="a",
                                                                  scores={"a": 2.0, "b": 1.0}))
    assert not measures.free_riding(gaining_table).holds, "no loss for the table: the lesson fails"


def test_a_lesson_without_its_tables_is_not_measured_and_does_not_hold() -> None:
    lesson = measures.cooperation(tables(outcome("loner", 1.0)))
    assert not lesson.holds and lesson.detail.startswith("not measured")


def test_robustness_names_every_variant_that_breaks_a_lesson_and_every_changed_verdict() -> None:
    defaults = tables(outcome("cooperative", 100.0), outcome("loner", 50.0), outcome("paper", 10.0))
    fine, broken = Override("x", 0.5), Override("y", 2.0)
    variants = {
        fine: tables(outcome("cooperative", 90.0), outcome("loner", 40.0), outcome("paper", 5.0)),
        broken: tables(outcome("cooperative", 50.0), outcome("loner", 60.0), outcome("paper", 5.0)),
    }
    lesson, breaking, flips = measures.robustness(defaults, variants, ["x", "y"])
    assert not lesson.holds
    assert [(b.parameter, b.value, b.lesson) for b in breaking] == [("y", 2.0, "cooperation")]
    assert [(f.parameter, f.lesson, f.holds) for f in flips] == [("y", "cooperation", False)]
    assert lesson.measure == {"parameters_tried": 2, "variants_tried": 2, "parameters_breaking": 1}
    assert "cooperation fails under 1 of 2 (y)" in lesson.detail
    sound, no_break, _ = measures.robustness(defaults, {fine: variants[fine]}, ["x"])
    assert sound.holds and no_break == []
    untried, _, _ = measures.robustness(defaults, {}, [])
    assert not untried.holds and "no parameter" in untried.detail


def people(strategy: str, convictions: float, retrafficked: float, focus: str | None = None,
           stopped: float = 0.0, caught: float = 0.0, returned: float = 0.0, baseline_returned: float = 0.0,
           harm: float = 10.0) -> Outcome:
    base = outcome(strategy, harm, focus)
    figures = {"convictions": convictions, "retrafficked": retrafficked, "recruited": 0.0, "testimonies": 1.0,
               "recruited_returned": returned}
    by_state = {s: {"stopped": stopped if s == focus else 0.0, "caught": caught if s == focus else 0.0,
                    "deported": 0.0} for s in ("a", "b")}
    return Outcome(base.table, base.seed, None, base.harm_averted, BASELINE, base.scores, base.avoiding,
                   base.baseline_avoiding, 2, people={**figures}, by_state=by_state,
                   baseline_people={**figures, "recruited_returned": baseline_returned})


def test_protection_needs_more_convictions_and_fewer_retrafficked_than_enforcement() -> None:
    good = measures.protection(tables(people("protection_first", 50, 10), people("enforcement_first", 40, 30)))
    fewer_convictions = measures.protection(tables(people("protection_first", 30, 10),
                                                   people("enforcement_first", 40, 30)))
    more_again = measures.protection(tables(people("protection_first", 50, 40), people("enforcement_first", 40, 30)))
    assert good.holds and not fewer_convictions.holds and not more_again.holds
    assert good.measure["protection_convictions"] == 50 and good.measure["enforcement_retrafficked"] == 30


def test_protection_says_when_both_strategies_did_worse_than_nobody_acting() -> None:
    """The tutorial's protection lesson held beside -0.5% and -0.3%, and an instructor took it for a
    failure: the detail says the lesson is the comparison."""
    worse = measures.protection(tables(people("protection_first", 50, 10, harm=-5.0),
                                       people("enforcement_first", 40, 30, harm=-3.0)))
    better = measures.protection(tables(people("protection_first", 50, 10), people("enforcement_first", 40, 30)))
    assert worse.holds and "Both did worse than nobody acting" in worse.detail, worse.detail
    assert "nobody acting" not in better.detail, better.detail


def test_border_harm_counts_people_taken_through_smugglers_debts_as_recruited_again() -> None:
    """The people networks take from migrants a border sent around its checks with smugglers are
    part of the recruitment a border-only strategy raises, beside those taken from the returned."""
    only_debt = people("crackdown", 0, 0, "a", stopped=100, caught=5)
    only_debt.people["recruited_diverted"] = 12.0
    lesson = measures.border_harm(tables(only_debt))
    assert lesson.holds and lesson.measure["recruitment_rise"] == 12


def test_border_harm_needs_more_migrants_stopped_than_victims_caught_and_more_recruited_again() -> None:
    good = measures.border_harm(tables(people("crackdown", 0, 0, "a", stopped=100, caught=5, returned=20)))
    finds = measures.border_harm(tables(people("crackdown", 0, 0, "a", stopped=4, caught=5, returned=20)))
    inert = measures.border_harm(tables(people("crackdown", 0, 0, "a", stopped=100, caught=5, returned=20,
                                               baseline_returned=20)))
    assert good.holds and not finds.holds and not inert.holds
    assert good.measure["migrants_stopped"] == 100 and good.measure["recruitment_rise"] == 20


def pledging(seat: str, broken: float, trust_in: float) -> dict[str, dict[str, float]]:
    return {seat: {"made": broken + 1, "kept": 1.0, "broken": broken, "trust": trust_in}}


def test_pledges_change_outcomes_when_a_broken_word_moves_the_table_or_the_free_riders_score() -> None:
    def game(strategy: str, harm: float, score: float, broken: float, trust_in: float) -> Outcome:
        played = outcome(strategy, harm, focus="a", scores={"a": score, "b": 1.0})
        return Outcome(**{**played.__dict__, "pledging": pledging("a", broken, trust_in)})

    silent = game("rider_silent", 100.0, 1.0, 0, 0.5)
    changed = measures.pledges(tables(game("rider_pledging", 90.0, 0.9, 2, 0.3), silent))
    assert changed.holds and changed.measure["table_change"] == -10.0 and changed.measure["trust_drop"] == 0.2
    assert "change the outcome" in changed.detail and changed.breakdown["a"]["pledges_broken"] == 2
    same = measures.pledges(tables(game("rider_pledging", 100.0, 1.0, 2, 0.3), silent))
    assert not same.holds and "do not change" in same.detail, "trust alone changes no outcome"
    kept = measures.pledges(tables(game("rider_pledging", 90.0, 0.9, 0, 0.6), silent))
    assert not kept.holds and "broke no pledge" in kept.detail
    alone = measures.pledges(tables(game("rider_pledging", 90.0, 0.9, 2, 0.3)))
    assert not alone.holds and "not measured" in alone.detail


def test_ratification_holds_when_ratified_treaties_avert_more_than_the_same_texts_unratified() -> None:
    held = measures.ratification(tables(outcome("cooperative", 120.0), outcome("unratified", 100.0)), summits=1)
    same = measures.ratification(tables(outcome("cooperative", 100.0), outcome("unratified", 100.0)), summits=1)
    none = measures.ratification(tables(outcome("cooperative", 120.0), outcome("unratified", 100.0)), summits=0)
    assert held.holds and held.measure["ratified_share"] == 0.12 and "+20 victim-years" in held.detail
    assert not same.holds
    assert not none.holds and "schedules no summit" in none.detail


def test_a_margin_within_two_standard_errors_of_its_games_is_called_within_the_noise() -> None:
    """Compared seed by seed: a cooperative table ahead by 10, 12 and 8 is clearly ahead; one ahead
    by +40, -30 and +5 is ahead on average but within the noise, and the detail says so."""
    clear = measures.cooperation(tables(*(outcome("cooperative", 60.0 + d, seed=s) for s, d in enumerate((10, 12, 8))),
                                        *(outcome("loner", 60.0, seed=s) for s in range(3))))
    noisy = measures.cooperation(tables(*(outcome("cooperative", 60.0 + d, seed=s) for s, d in enumerate((40, -30, 5))),
                                        *(outcome("loner", 60.0, seed=s) for s in range(3))))
    assert clear.holds and clear.measure["within_noise"] == 0.0 and "noise" not in clear.detail
    assert noisy.holds and noisy.measure["within_noise"] == 1.0 and "within the noise of 3 games" in noisy.detail
    assert noisy.measure["margin_se"] == 20.2  # stdev(40, -30, 5) = 35.0, / sqrt(3)
    one = measures.cooperation(tables(outcome("cooperative", 70.0), outcome("loner", 60.0)))
    assert one.measure["within_noise"] == 0.0 and "margin_se" not in one.measure


def test_a_variant_that_breaks_a_lesson_by_a_margin_within_the_noise_is_marked_so() -> None:
    defaults = tables(outcome("cooperative", 100.0), outcome("loner", 50.0), outcome("paper", 10.0))
    close = tables(*(outcome("cooperative", 60.0 + d, seed=s) for s, d in enumerate((-30, 20, -5))),
                   *(outcome("loner", 60.0, seed=s) for s in range(3)),
                   *(outcome("paper", 5.0, seed=s) for s in range(3)))
    clear = tables(*(outcome("cooperative", 40.0, seed=s) for s in range(3)),
                   *(outcome("loner", 60.0 + s, seed=s) for s in range(3)),
                   *(outcome("paper", 5.0, seed=s) for s in range(3)))
    lesson, breaking, _ = measures.robustness(defaults, {Override("x", 0.5): close, Override("y", 2.0): clear},
                                              ["x", "y"])
    assert [(b.parameter, b.within_noise) for b in breaking] == [("x", True), ("y", False)]
    assert "1 of the 2 failing verdicts turn on a margin within the noise" in lesson.detail
    alone, _, _ = measures.robustness(defaults, {Override("x", 0.5): close}, ["x"])
    assert "It turns on a margin within the noise" in alone.detail


def test_free_riding_says_which_seats_gains_are_within_the_noise_of_the_games() -> None:
    """Seat a gains 1 point in every game (clear); seat b gains +3, -2, +0.5 (within the noise)."""
    games = tables(*(outcome("cooperative", 100.0, seed=s, scores={"a": 5.0, "b": 5.0}) for s in range(3)),
                   *(outcome("free_rider", 80.0, focus="a", seed=s, scores={"a": 6.0, "b": 5.0}) for s in range(3)),
                   *(outcome("free_rider", 90.0, focus="b", seed=s, scores={"a": 5.0, "b": 5.0 + d})
                     for s, d in enumerate((3.0, -2.0, 0.5))))
    lesson = measures.free_riding(games)
    assert lesson.breakdown["a"]["within_noise"] == 0.0 and lesson.breakdown["b"]["within_noise"] == 1.0
    assert lesson.measure["seats_within_noise"] == 1 and lesson.measure["table_loss_within_noise"] == 0.0
    assert "the score difference in 1 of the 2 seats" in lesson.detail


def test_free_riding_that_fails_names_the_part_of_the_score_the_free_rider_lost() -> None:
    """An instructor whose map shows no free riding is told where withholding cost the free rider:
    here its objectives, while its tier did not move."""
    def parts(objectives: float, own: float) -> dict[str, dict[str, float]]:
        return {"a": {"objectives": objectives, "tier": 2.0, "own_victims": own},
                "b": {"objectives": 3.0, "tier": 2.0, "own_victims": 1.0}}

    coop = Outcome(Table("cooperative"), 0, None, 100.0, BASELINE, {"a": 6.0, "b": 6.0}, {"a": 1, "b": 1},
                   {"a": 1, "b": 1}, 2, score_parts=parts(3.0, 1.0))
    rider = Outcome(Table("free_rider", "a"), 0, None, 80.0, BASELINE, {"a": 5.0, "b": 6.0}, {"a": 1, "b": 1},
                    {"a": 1, "b": 1}, 2, score_parts=parts(2.2, 0.8))
    lesson = measures.free_riding(tables(coop, rider))
    assert not lesson.holds
    assert "Where it did not pay (a -1.00), it lost most on its objectives (-0.80 a seat) and victims on its own " \
           "ground (-0.20 a seat)" in lesson.detail
    assert lesson.breakdown["a"]["objectives_change"] == -0.8 and lesson.breakdown["a"]["tier_change"] == 0.0


def test_a_ratification_verdict_resting_on_a_margin_within_the_noise_says_so() -> None:
    """Ratified treaties a few victim-years short of the unratified texts, with games that scatter
    either way, read as within the noise: an instructor should not take it as a finding."""
    noisy = measures.ratification(
        tables(*(outcome("cooperative", 100.0 + d, seed=s) for s, d in enumerate((30, -40, 2))),
               *(outcome("unratified", 100.0, seed=s) for s in range(3))), summits=1)
    clear = measures.ratification(
        tables(*(outcome("cooperative", 100.0 + d, seed=s) for s, d in enumerate((20, 22, 18))),
               *(outcome("unratified", 100.0, seed=s) for s in range(3))), summits=1)
    assert not noisy.holds and noisy.measure["within_noise"] == 1.0 and "within the noise of 3 games" in noisy.detail
    assert clear.holds and clear.measure["within_noise"] == 0.0 and "noise" not in clear.detail


def test_a_displacement_that_holds_by_under_one_percent_says_a_class_will_hardly_see_it() -> None:
    small = measures.displacement(tables(outcome("crackdown", 5.0, focus="a", avoiding={"a": 1004, "b": 100},
                                                 baseline_avoiding={"a": 1000, "b": 100})))
    clear = measures.displacement(tables(outcome("crackdown", 5.0, focus="a", avoiding={"a": 1100, "b": 100},
                                                 baseline_avoiding={"a": 1000, "b": 100})))
    assert small.holds and clear.holds
    assert "hard for a class to see" in small.detail and "way around" in small.detail
    assert "hard for a class to see" not in clear.detail
