"""Ordinals as a table reads them: the seat ranking and the misses in a row said '21th' and '22th'
before one rule served both."""

import pytest

from game.report.ordinals import ordinal


@pytest.mark.parametrize(("number", "words"), [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"),
                                               (12, "12th"), (13, "13th"), (21, "21st"), (22, "22nd"),
                                               (111, "111th")])
def test_an_ordinal_takes_the_suffix_of_its_last_digit_except_in_the_teens(number: int, words: str) -> None:
    assert ordinal(number) == words
