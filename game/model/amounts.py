"""The numbers a person may put in an order, each finite and inside a documented range.

An order comes from a form, a network body or an orders file, and everything in it is kept in the
save and fed to the rules. A float that is not finite (`1e999` reads as infinity) or absurdly large
would be accepted by a plain `ge=0` and then break the rules, the save (JSON has no infinity) or a
screen; these types refuse it where the order is parsed, with the usual one-line reason. Every
numeric field of every action uses one of them (tests/engine/test_extreme_orders.py checks it).
"""

from typing import Annotated

from pydantic import AfterValidator, Field

MAX_POINTS = 1_000_000.0
"""No budget comes near a million points: above it a figure is a typing slip or an attack."""

MAX_ROUND = 1000
"""The most rounds a scenario may have (`Scenario.rounds`)."""


def _plain_zero(value: float) -> float:
    """-0 is 0: the sign would show as '-0' on a screen and in the save."""
    return value + 0.0


Points = Annotated[float, Field(ge=0.0, le=MAX_POINTS, allow_inf_nan=False), AfterValidator(_plain_zero)]
"""Points (of a budget, a contribution, a payment): a finite number from 0 to 1,000,000."""

PositivePoints = Annotated[float, Field(gt=0.0, le=MAX_POINTS, allow_inf_nan=False)]
"""Points that must be more than 0 (a payment made this round), at most 1,000,000."""

RoundNumber = Annotated[int, Field(ge=1, le=MAX_ROUND)]
"""A round of the game: a whole number from 1 to 1,000."""
