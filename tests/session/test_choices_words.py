"""A team's handout says where its choices' effect on the whole table landed when most of it lies
beyond its neighbours: Korvia's read +65 at home, -571 on Meridia and +471 for the table, and the
977 victim-years spared in Aldmark were nowhere in words."""

from types import SimpleNamespace
from typing import Any, cast

from game.report.choices import TeamEffect
from game.report.teaching_text import CHOICES_NOTE
from game.report.teaching_text import effect_sentence as choices_sentence

NAMES = {"korvia": "Korvia", "meridia": "Meridia", "aldmark": "Aldmark"}
DEBRIEF = cast(Any, SimpleNamespace(label="year", name=lambda i: NAMES.get(i, i)))


def test_the_part_beyond_the_neighbours_is_said_when_the_columns_do_not_add_up() -> None:
    effect = TeamEffect("korvia", 65.0, -571.0, 471.0, ["meridia"])
    assert choices_sentence(DEBRIEF, effect) == (
        "At home your choices spared 65 victim-years; on your neighbours (Meridia) they added 571 victim-years; "
        "for the whole table they spared 471 victim-years, 977 victim-years spared beyond your neighbours "
        "(the game re-run without your orders, everyone else's kept).")


def test_nothing_is_added_when_home_and_neighbours_make_the_table() -> None:
    effect = TeamEffect("meridia", 71.0, 171.0, 242.0, ["aldmark", "korvia"])
    assert choices_sentence(DEBRIEF, effect).endswith("for the whole table they spared 242 victim-years (the game "
                                                      "re-run without your orders, everyone else's kept).")
    assert "need not be the sum" in CHOICES_NOTE, "the table's note says the columns need not add up"
