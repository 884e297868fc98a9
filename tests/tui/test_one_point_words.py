"""One point is '1 point', never '1 pts', on every screen and report that abbreviates points: the
dashboard's capacity rows, the top bar, the budget confirmation, an organization's budget, the
round report's victim services, the final score's objectives."""

from pathlib import Path

from game.model.actions import Allocate
from game.report.describe import points_words
from game.report.text import of_points, pts
from game.tui.text import pts_text
from game.tui.widgets.dashboard import dashboard_text
from tests.tui.helpers import tutorial


def test_one_point_is_written_in_the_singular_and_others_abbreviated() -> None:
    assert pts_text(1) == "1 point" and pts_text(1.0000001) == "1 point" and pts_text(0.6) == "0.6 pts"
    assert pts_text(1, 5) == "    1 point" and pts_text(12.5, 5) == " 12.5 pts"
    assert of_points(1) == "of 1 point" and of_points(3) == "of 3 pts" and pts(2) == "2 pts"
    assert points_words(1) == "1 point" and points_words(2.5) == "2.5 points"


def test_a_capacity_given_one_point_reads_one_point_on_the_dashboard(here: Path) -> None:
    session = tutorial(ai=())
    session.submit(Allocate(state="korvia", budget={"enforcement": 1.0, "border": 2.0}), by="korvia")
    text = dashboard_text(session.view("korvia"))
    assert "1 pts" not in text
    assert any(line.startswith("  enforcement") and line.endswith(" 1 point") for line in text.splitlines()), text
