"""Public statements and pledges as the state records them: what was said and promised, and, once a
pledge falls due, whether it was kept. Both are public: every seat may read them."""

from dataclasses import dataclass
from typing import Any

from game.model.world import World


@dataclass(slots=True, frozen=True)
class StatementRecord:
    round: int
    seat: str
    text: str


@dataclass(slots=True)
class PledgeRecord:
    """One pledge. `text` says it in plain words (built from the fields when it was made); `kept`
    is None until the resolution of round `due`, then the engine's verdict."""

    seat: str
    kind: str
    text: str
    made: int
    """The round it was made in."""
    due: int
    """The last round it covers: judged at that round's resolution."""
    capacity: str | None = None
    points: float | None = None
    law: str | None = None
    agreement: str | None = None
    short: int | None = None
    """The first round in which what was promised was not done (a `fund` or `pay_dues` pledge is
    checked every round it covers), else None."""
    kept: bool | None = None

    def clone(self) -> "PledgeRecord":
        return PledgeRecord(self.seat, self.kind, self.text, self.made, self.due, self.capacity, self.points,
                            self.law, self.agreement, self.short, self.kept)


def pledge_text(world: World, pledge: dict[str, Any]) -> str:
    """A pledge in plain words, from its fields (a `Pledge` action's data), in the scenario's word for a
    round: what every seat reads."""
    kind, due = pledge["kind"], pledge["due"]
    by = f"{world.scenario.round_label} {due}"
    if kind == "fund":
        points = float(pledge["points"])
        return (f"fund {pledge['capacity']} with at least {points:g} point{'' if points == 1 else 's'} a "
                f"{world.scenario.round_label} through {by}")
    if kind == "adopt_law":
        law = str(pledge["law"])
        return f"adopt {world.laws[law].name if law in world.laws else law} by {by}"
    agreement = str(pledge["agreement"])
    if kind == "pay_dues":
        return f"pay its dues to agreement {agreement} every {world.scenario.round_label} through {by}"
    return f"accede to agreement {agreement} by {by}"
