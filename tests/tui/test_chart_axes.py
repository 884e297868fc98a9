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


def ten_rounds() -> list[Series]:
    return [Series("victims (your estimate)", [17_600.0 + 1000 * r for r in range(10)]),
            Series("political capital", [10.2 + r for r in range(10)])]


def test_a_figures_table_of_ten_rounds_fits_the_report_at_80_columns() -> None:
    """mekong's ten years at 80 columns wrapped every row onto a second line, the numbers no longer
    under their year: the latest years' figures are written, the glyphs still draw all ten."""
    lines = spark_table(list(range(1, 11)), ten_rounds(), "year", width=76).splitlines()
    assert max(len(line) for line in lines) <= 76, lines
    head, victims = lines[0], lines[1]
    assert head.split()[-1] == "10" and "1" not in head.split()[1:], "the latest years, the first left out"
    assert victims.index("26.6k") == head.index("10"), "the last figure under the last year"
    assert len(victims.split()[3]) == 10, "the glyphs still draw every year"
    assert "the figures of the last" in lines[-1] and "all 10" in lines[-1]


def test_a_figures_table_that_fits_writes_every_round_and_no_note() -> None:
    lines = spark_table(list(range(1, 11)), ten_rounds(), "year", width=116).splitlines()
    assert lines[0].split()[1:] == [str(r) for r in range(1, 11)]
    assert len(lines) == 3, "a head and a row a series, no note"
