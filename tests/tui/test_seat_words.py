"""Who plays a seat reads in words on the table and the final scores: 'AI free_rider' showed the id."""

from pathlib import Path

from game.engine import run_baseline, scores
from game.session.seats import Seat
from game.session.session import Session
from game.tui.screens.final import final_text
from game.tui.text import seat_words
from tests.session.helpers import short
from tests.session.helpers import tutorial as tutorial_scenario
from tests.tui.helpers import SAVE, finish_round


def test_a_personality_reads_as_words() -> None:
    assert seat_words(False, "free_rider") == "AI free rider"
    assert seat_words(True, None) == "human team"


def test_the_final_scores_name_an_ai_seats_personality_in_words(here: Path) -> None:
    session = Session.new(short(tutorial_scenario(), 1), 7, {"aldmark": Seat.ai("free_rider")}, SAVE.parent,
                          path=SAVE)
    while not session.is_over:
        finish_round(session)
    text = final_text(session, scores(session.state, run_baseline(session.scenario, session.seed)))
    assert "AI free rider" in text and "free_rider" not in text
