"""The dashboard's objectives say when one can no longer be met: a student read 'keep approval at
53% or more every year' after approval had fallen to 51%, with nothing to say it was lost."""

from game.tui.widgets.dashboard import dashboard_text
from tests.tui.helpers import tutorial


def test_a_keep_approval_objective_already_missed_says_so_and_how_low_approval_fell() -> None:
    view = tutorial(ai=()).view("korvia")
    assert "keep approval at 45% or more" in dashboard_text(view) and "missed" not in dashboard_text(view)
    fallen = view.model_copy(update={"me": view.me.model_copy(update={"lowest_approval": 43.6})})
    assert "keep approval at 45% or more every year (2 pts) ✗ missed: approval fell to 44%" in dashboard_text(fallen)
    just = view.model_copy(update={"me": view.me.model_copy(update={"lowest_approval": 44.96})})
    assert "approval fell to 44.9%" in dashboard_text(just), "a miss never reads as the bar itself (45%)"
