"""The dashboard's capacity rows and their total in the same decimals: an allocation of 1.25 to each
of two capacities read '1.2' twice beside 'allocated 4.5' with 2 more, rows that did not add up. Both
are written as every screen writes points (`points_num`): to the hundredth, no trailing zeros."""

import re

from game.model.view import PlayerView
from game.tui.widgets.dashboard import dashboard_text
from tests.tui.helpers import tutorial


def words(markup: str) -> str:
    return " ".join(re.sub(r"\[/?[^\]]*\]", "", markup).split())


def test_rows_and_their_total_are_written_to_the_hundredth_without_trailing_zeros() -> None:
    view = tutorial().view("korvia")
    assert isinstance(view, PlayerView)
    quarters = view.model_copy(update={"me": view.me.model_copy(update={"allocation": {
        "enforcement": 1.25, "protection": 1.25, "prevention": 2.0}})})
    text = words(dashboard_text(quarters))
    assert "allocated 4.5 " in text and "1.25 pts" in text and "2 pts" in text, text
    tenths = view.model_copy(update={"me": view.me.model_copy(update={"allocation": {
        "enforcement": 1.5, "protection": 2.0}})})
    text = words(dashboard_text(tenths))
    assert "allocated 3.5" in text and "1.5 pts" in text and "2 pts" in text, text
