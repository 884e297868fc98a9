"""A start year, so that rounds read "2017" rather than "Year 3 of 10"."""

from game.engine import new_game, view
from game.model.rounds import round_heading, round_name, round_short
from game.scenario.briefing import render_briefing, render_team_brief
from game.scenario.loader import check_scenario_text, load_scenario_text

from .helpers import MINIMAL


def test_a_round_is_named_by_its_year() -> None:
    assert round_name("year", 3, 2015) == "2017"
    assert round_heading("year", 3, 10, 2015) == "2017, year 3 of 10"
    assert round_short("year", 3, 10, 2015) == "2017 (year 3/10)"


def test_without_a_start_year_the_counter_stays() -> None:
    assert round_name("year", 3) == "year 3"
    assert round_heading("year", 3, 10) == "Year 3 of 10"
    assert round_short("month", 3, 10, 2015) == "Month 3/10"


def test_the_start_year_reaches_the_players_view() -> None:
    scenario = load_scenario_text(MINIMAL.replace("rounds: 4\n", "rounds: 4\nstart_year: 2015\n"))
    assert view(new_game(scenario, 0), "south").start_year == 2015


def test_a_start_year_with_rounds_that_are_not_years_is_a_warning() -> None:
    text = MINIMAL.replace("rounds: 4\n", "rounds: 4\nround_label: month\nstart_year: 2015\n")
    _, problems = check_scenario_text(text)
    assert [problem.message for problem in problems] == [
        "a round here is a month, not a year: start_year is not shown; leave it out, or make round_label year"]


def test_a_start_year_is_a_year() -> None:
    _, problems = check_scenario_text(MINIMAL.replace("rounds: 4\n", "rounds: 4\nstart_year: 20150\n"))
    assert problems[0].message == "should be less than or equal to 9999 (got 20150)"


def test_the_briefing_names_the_years_the_rounds_stand_for() -> None:
    dated = load_scenario_text(MINIMAL.replace("rounds: 4\n", "rounds: 4\nstart_year: 2023\n"))
    assert "4 rounds, each a year, from 2023 to 2026." in render_briefing(dated)
    assert "4 rounds, each a year, from 2023 to 2026." in render_team_brief(dated, "south")
    assert "4 rounds, each a year.\n" in render_briefing(load_scenario_text(MINIMAL))
    months = load_scenario_text(MINIMAL.replace("rounds: 4\n", "rounds: 4\nround_label: month\n"))
    assert "4 rounds, each a month.\n" in render_briefing(months)
