"""The free rider: at home it does what a cooperative state does, and it signs what it is offered;
but it pays only what is cheap or what would cost it its seat (a convention suspends members in
breach), and withholds the rest, spending it at home while its partners carry the deal until it
lapses. Only the free riding differs, so a table can see what free riding alone costs."""

from game.ai.base import Traits
from game.ai.cooperative import Cooperative


class FreeRider(Cooperative):
    name = "free_rider"
    summary = "signs like a cooperator, then withholds what mostly helps others"
    traits = Traits(cooperation=0.9, reciprocity=0.0, sovereignty=0.1, generosity=0.3, keeps_promises=False,
                    approval_floor=30.0)
    worth_paying = frozenset({"regional_convention", "joint_investigation_team", "funding"})
