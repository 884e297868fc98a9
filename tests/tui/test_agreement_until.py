"""An agreement in force past the game's last round reads 'until the game ends': the ASEAN treaty
read 'until year 12' in a 10-year game."""

from types import SimpleNamespace
from typing import Any, cast

from game.report.agreement_words import standing_words


def test_an_agreement_running_past_the_game_says_it_lasts_until_the_game_ends() -> None:
    treaty = cast(Any, SimpleNamespace(status="in_force", signed=7, ends=12, ended_round=None, ended_by=None))
    assert standing_words(treaty, str, "year", 10) == "✓ in force (signed year 7, until the game ends, year 10)"
    assert standing_words(treaty, str, "year") == "✓ in force (signed year 7, until year 12)", "no game: its term"
    inside = cast(Any, SimpleNamespace(status="in_force", signed=2, ends=5, ended_round=None, ended_by=None))
    assert standing_words(inside, str, "year", 10) == "✓ in force (signed year 2, until year 5)"
