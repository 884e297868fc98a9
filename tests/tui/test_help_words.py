"""The students' help fits both ways of playing and names every capacity the Budget tab shows: it
said 'every team, in turn at this screen' to teams each at their own browser, and left out labour
inspection."""

from game.model.vocabulary import CAPACITIES
from game.tui.screens.help import RULES_IN_BRIEF
from game.tui.text import capacity_label, points_text


def test_the_help_speaks_to_a_hot_seat_and_to_a_networked_class() -> None:
    assert "in turn at this screen" not in RULES_IN_BRIEF
    assert "in turn at one screen or each at its own" in RULES_IN_BRIEF


def test_the_help_names_every_capacity() -> None:
    budget = RULES_IN_BRIEF[RULES_IN_BRIEF.index("**Budget**"):RULES_IN_BRIEF.index("**Laws**")]
    budget = " ".join(budget.split())
    for capacity in CAPACITIES:
        assert capacity.replace("_", " ") in budget or capacity_label(capacity) in budget, capacity


def test_one_point_is_a_point_and_the_rest_are_points() -> None:
    said = [points_text(v) for v in (1, 1.004, 1.02, 1.5, 0, 9)]  # to the hundredth, as points are written
    assert said == ["1 point", "1 point", "1.02 points", "1.5 points", "0 points", "9 points"]


def test_the_help_says_why_more_police_find_few_more_and_what_does() -> None:
    """Rules 10: identification in exploitation saturates. A student who moved 8 points into
    enforcement and saw the victims found in exploitation go from 87 to 88 had nothing to say why,
    nor that labour inspectors add above it."""
    budget = " ".join(RULES_IN_BRIEF[RULES_IN_BRIEF.index("**Budget**"):RULES_IN_BRIEF.index("**Laws**")].split())
    assert "reach the same victims" in budget and "few more" in budget
    assert "Labour inspectors open workplaces the others do not reach" in budget


def test_the_glossary_explains_every_figure_the_dashboard_and_reports_show() -> None:
    """Approval fell from 58% to 56% in a team's first report with nothing to say why, and the
    Dashboard's corruption and the news's vulnerability were in no glossary."""
    from game.tui.screens.help import GLOSSARY

    glossary = " ".join(GLOSSARY.split())
    for term in ("**Approval**", "**Corruption**", "**Vulnerability**", "**Political capital**", "**Trust**"):
        assert term in glossary, term
    approval = glossary[glossary.index("**Approval**"):glossary.index("**Corruption**")]
    for cause in ("back towards where it started", "tier", "law", "review", "events"):
        assert cause in approval, cause
