"""The host's round timer on a team's screen is one whole line of an 80-column terminal (the clock's
line has one cell of padding each side) and speaks of the scenario's round: it read '⏱ about 5:40
(paused) left in this year: then the round resolves with the', cut before the orders given."""

from rich.cells import cell_len

from game.tui.screens.seat import round_clock_text

WIDTH = 80 - 2


def test_the_round_clock_fits_an_80_column_screen_even_paused_with_ten_minutes_left() -> None:
    for label in ("year", "round"):
        line = round_clock_text(600, True, label)
        assert cell_len(line) <= WIDTH, (cell_len(line), line)
        assert line.endswith("the orders given")


def test_the_round_clock_speaks_of_the_scenarios_round_not_the_engines() -> None:
    line = round_clock_text(340, False, "year")
    assert line == "⏱ 5:40 left in this year; then it is resolved with the orders given"
    assert "round" not in line
