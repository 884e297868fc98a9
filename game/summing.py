"""Float sums that come out the same on every Python the game supports.

From Python 3.12, `sum` adds floats with compensation for rounding (Neumaier), so the same numbers
add up to slightly different totals on 3.11 and on 3.12 or newer. A game's every figure feeds the
next round and its state hash: a save played on one Python would not replay to the same hashes on
another, and `verify` would report it broken. The engine and the AI add floats here instead, left to
right in plain floating point (what `sum` did up to 3.11), which every version does alike.
"""

from collections.abc import Iterable
from functools import reduce
from operator import add
from typing import TypeVar

Number = TypeVar("Number", int, float)


def add_up(values: Iterable[Number]) -> Number:
    """`sum(values)` as Python 3.11 computes it: from 0, each value added in turn."""
    return reduce(add, values, 0)
