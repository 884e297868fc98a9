"""The free rider: at home it does what a cooperative state does, and it signs what it is offered; but
of what it owes it pays only what is cheap in all (`base.CHEAP`, its smallest dues first), and the
rest only when one more miss would cost it the agreement (a deal lapses, a convention suspends it,
after `breaches_to_lapse` misses in a row), as states in arrears pay just before they would lose
their vote; in the last round it pays nothing but the cheap. What it withholds it spends at home,
while its partners carry the deal. Only the free riding differs, so a table can see what free riding
alone costs."""

import dataclasses

from game.ai.cooperative import Cooperative


class FreeRider(Cooperative):
    name = "free_rider"
    summary = "signs like a cooperator, then pays only when one more miss would cost it the deal"
    traits = dataclasses.replace(Cooperative.traits, keeps_promises=False)
    """The cooperator's traits but its word: written out apart, they drifted (a cooperator's room for
    deals was not the free rider's)."""
