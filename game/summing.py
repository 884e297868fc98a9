"""Float sums that come out the same on every Python the game supports.

From Python 3.12, `sum` adds floats with compensation for rounding (Neumaier), so the same numbers
add up to slightly different totals on 3.11 and on 3.12 or newer. A game's every figure feeds the
next round and its state hash: a save played on one Python would not replay to the same hashes on
another, and `verify` would report it broken. The engine and the AI add floats here instead, left to
right in plain floating point (what `sum` did up to 3.11), which every version does alike.
"""

import sys
from collections.abc import Iterable
from functools import reduce
from operator import add
from typing import TypeVar

Number = TypeVar("Number", int, float)


def left_to_right(values: Iterable[Number]) -> Number:
    """`sum(values)` as Python 3.11 computes it: from 0, each value added in turn."""
    return reduce(add, values, 0)


if sys.version_info >= (3, 12):
    add_up = left_to_right
else:
    # 3.11's own `sum` is that very addition (from the int 0, each value added in turn, floats in
    # plain floating point), done in C without a call per value: a round adds up a few hundred
    # times. `tests/engine/test_same_on_every_python.py` checks the two agree, sign of zero included.
    add_up = sum
