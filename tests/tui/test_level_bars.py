"""A level's bar draws the figure printed beside it (one decimal): Germany's cyber at 5.997 (held
with 1.79 of a 1.80 hold) drew '█████▌░░░░' beside '6.0' on the dashboard and the budget tab."""

from game.tui.text import bar


def test_a_levels_bar_draws_the_one_decimal_figure_printed_beside_it() -> None:
    assert bar(5.997) == bar(6.0) == "██████░░░░"
    assert bar(4.46) == bar(4.5) == "████▌░░░░░"
    assert bar(4.44) == bar(4.4) == "████░░░░░░"
    assert bar(0.04) == "░" * 10 and bar(9.96) == "█" * 10
