"""The balance report: ranks per seat, objectives' hit rates, organizations, and the flags an
instructor reads first. Built on made-up game summaries, so each rule is checked exactly."""

from game.report.balance import balance_table
from game.scenario.loader import load_scenario_text
from game.session.balance import GameSummary, summarize

SCENARIO = load_scenario_text("""\
format: 1
id: two
title: Two
summary: Two states.
rounds: 2
regions:
  - {id: a, name: A, population: 1, vulnerability: 0.5, neighbours: [b], controlled_by: east}
  - {id: b, name: B, population: 1, vulnerability: 0.2, demand: {labour: 0.5}, neighbours: [a], controlled_by: west}
states:
  - id: east
    name: East
    budget: 10
    political_capital: 4
    approval: 50
    corruption: 0.2
    brief: b
    objectives:
      - {kind: adopt_law, law: fair_recruitment, points: 2}
      - {kind: keep_approval, at_least: 40, points: 2}
  - id: west
    name: West
    budget: 10
    political_capital: 4
    approval: 50
    corruption: 0.2
    brief: b
    objectives:
      - {kind: sign_agreement, agreement: labour_migration_mou, points: 2}
networks:
  - id: n
    name: N
    capital: 10
    core: 1
    periphery: 10
    tech: 0
    routes:
      - {path: [a, b], form: labour, flow: 10}
""")


def game(seed: int, east: float, west: float, east_met: list[bool], west_met: list[bool]) -> GameSummary:
    return GameSummary(
        seed=seed, seats={"east": "cooperative", "west": "free_rider"}, points={"east": east, "west": west},
        max_points={"east": 4, "west": 2}, tiers={"east": "2", "west": "3"}, agreements={"east": 0, "west": 0},
        harm_averted=1.0, baseline_victim_rounds=10.0, met={"east": east_met, "west": west_met},
        adopted=["fair_recruitment"] if east_met[0] else [], signed_kinds=[],
    )


GAMES = [game(0, 5, 1, [True, True], [False]), game(1, 4, 2, [False, True], [False]),
         game(2, 6, 0, [False, True], [False]), game(3, 1, 3, [False, False], [False])]


def test_each_seat_gets_its_rank_distribution() -> None:
    balance = summarize(SCENARIO, "mixed", GAMES)
    assert balance.states["east"].ranks == {1: 3, 2: 1}
    assert balance.states["west"].ranks == {1: 1, 2: 3}


def test_each_objective_gets_its_hit_rate() -> None:
    balance = summarize(SCENARIO, "mixed", GAMES)
    assert [(o.kind, o.target, o.met) for o in balance.states["east"].objectives] == [
        ("adopt_law", "fair_recruitment", 1), ("keep_approval", "approval 40", 3)]


def test_a_seat_almost_always_last_and_an_agreement_the_ai_never_signs_are_flagged() -> None:
    balance = summarize(SCENARIO, "mixed", GAMES)
    assert balance.flags == [
        "'east' finishes first in 3 of 4 games",
        "'west' finishes last in 3 of 4 games",
        "'west': sign_agreement labour_migration_mou is never met: the AI signed 'labour_migration_mou' in none "
        "of the 4 games, so these games cannot tell whether a team can reach it",
    ]
    table = balance_table(balance)
    assert "  east: 1st 3, last 1" in table
    assert "  ! 'west' finishes last in 3 of 4 games" in table


def test_a_real_run_reports_organizations_scores() -> None:
    from game.scenario.library import resolve_scenario
    from game.scenario.loader import load_scenario
    from game.session.balance import play_many

    mekong = load_scenario(resolve_scenario("mekong"))
    games = play_many(mekong, [0, 1], "cooperative", 1)
    balance = summarize(mekong, "cooperative", games)
    assert set(balance.organizations) == {org.id for org in mekong.organizations}
    assert all(len(org.objectives) > 0 for org in balance.organizations.values())
    assert "organization   score mean" in balance_table(balance)


def test_the_score_percentiles_are_shown_to_a_tenth_so_the_mean_reads_between_them() -> None:
    """Rounded to whole points, a mean of 4.86 sat beside p10 5 and p90 5."""
    games = [game(seed, east, 1, [False, True], [False]) for seed, east in enumerate((4.6, 4.7, 4.9, 5.2))]
    balance = summarize(SCENARIO, "mixed", games)
    score = balance.states["east"].score
    row = next(line for line in balance_table(balance).splitlines() if line.startswith("east "))
    assert row.split()[1:4] == [f"{score.mean:.2f}", f"{score.p10:.1f}", f"{score.p90:.1f}"]
    assert score.p10 <= score.mean <= score.p90
    assert f"{score.p10:.1f}" != f"{score.p10:.0f}"
