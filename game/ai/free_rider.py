"""The free rider: at home it does what a cooperative state does, and it signs what it is offered;
but of what it owes it pays only what is cheap, and the rest only when one more miss would cost it
the agreement (a deal lapses, a convention suspends it, after `breaches_to_lapse` misses in a row),
as states in arrears pay just before they would lose their vote; in the last round it pays nothing
but the cheap. What it withholds it spends at home, while its partners carry the deal. Only the
free riding differs, so a table can see what free riding alone costs."""

from game.ai.base import Traits
from game.ai.cooperative import Cooperative


class FreeRider(Cooperative):
    name = "free_rider"
    summary = "signs like a cooperator, then pays only when one more miss would cost it the deal"
    traits = Traits(cooperation=0.9, reciprocity=0.0, sovereignty=0.1, generosity=0.3, keeps_promises=False,
                    approval_floor=30.0)
