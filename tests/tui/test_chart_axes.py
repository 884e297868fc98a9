"""The terminal's charts name both axes: the rounds as the scenario names them under the round
label, and the unit of the figures. They read `Y   1` and `Y1` (the label's first letter glued to
the number), which a class took for a code."""

from game.tui.widgets.chart import Series, column_chart, spark_table


def test_the_column_chart_names_the_rounds_and_the_unit() -> None:
    lines = column_chart("People identified", [1, 2, 3], [12, 45, 30], label="year", unit="people").splitlines()
    assert lines[1].split() == ["people", "12", "45", "30"], "the values after their unit"
    assert lines[-1].split() == ["year", "1", "2", "3"], "the rounds after the round label"
    assert "Y" not in lines[-1]


def test_the_column_chart_names_calendar_years_where_the_scenario_gives_them() -> None:
    last = column_chart("People identified", [1, 2, 3], [12, 45, 30], label="year", unit="people",
                        start_year=2020).splitlines()[-1]
    assert last.split() == ["year", "2020", "2021", "2022"]
    other = column_chart("Cases", [1, 2], [3, 4], label="season", unit="cases", start_year=2020).splitlines()[-1]
    assert other.split() == ["season", "1", "2"], "a start year counts years, not seasons"


def test_the_figures_table_heads_its_columns_with_the_rounds() -> None:
    series = [Series("victims (your estimate)", [300, 280, 250]), Series("approval %", [52, 55, 51])]
    head = spark_table([1, 2, 3], series, "year").splitlines()[0]
    assert head.split() == ["year", "1", "2", "3"]
    assert spark_table([1, 2], series[:1], "year", 2020).splitlines()[0].split() == ["year", "2020", "2021"]
    rows = spark_table([1, 2, 3], series, "year").splitlines()[1:]
    assert [row.index("300") for row in rows[:1]] == [head.index("1")], "each value under its round"
