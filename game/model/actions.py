"""What a player does: one discriminated union on `type`, each action naming the acting `state`.

Policy orders (`allocate`, `adopt_law`, `repeal_law`) touch only the acting state; diplomacy
(`propose`, `respond`, `withdraw`, `message`) is how states reach each other.
"""

from typing import Annotated, Literal

from pydantic import Field, TypeAdapter

from game.model.base import NonNegative, Slug, StrictModel
from game.model.terms import Terms
from game.model.vocabulary import CapacityName


class ActionBase(StrictModel):
    state: Slug
    round: int | None = Field(None, ge=1, description="The round the order is for; refused if not the open one.")


class Allocate(ActionBase):
    """This round's budget, points per capacity; it stands until changed. Points left over are not spent."""

    type: Literal["allocate"] = "allocate"
    budget: dict[CapacityName, NonNegative]


class AdoptLaw(ActionBase):
    type: Literal["adopt_law"] = "adopt_law"
    law: Slug


class RepealLaw(ActionBase):
    type: Literal["repeal_law"] = "repeal_law"
    law: Slug


class Ready(ActionBase):
    """Done for the round; the round resolves when every seat is ready."""

    type: Literal["ready"] = "ready"


class Propose(ActionBase):
    """Propose an agreement to other states; with `counters`, it replaces an open proposal."""

    type: Literal["propose"] = "propose"
    agreement: Slug = Field(description="The kind of agreement, from the catalogue.")
    parties: list[Slug] = Field(min_length=1, description="Every party, the proposer among them.")
    terms: Terms = Field(default_factory=Terms)
    counters: str | None = Field(None, description="The id of the open proposal this one replaces.")


class Respond(ActionBase):
    type: Literal["respond"] = "respond"
    proposal: str
    answer: Literal["accept", "reject"]


class Withdraw(ActionBase):
    """Leave an agreement in force (a broken commitment before its term), or take back a proposal."""

    type: Literal["withdraw"] = "withdraw"
    agreement: str


class Message(ActionBase):
    """Free press between states: recorded, seen by its recipients and the facilitator."""

    type: Literal["message"] = "message"
    to: list[Slug] = Field(min_length=1)
    text: str = Field(min_length=1, max_length=4000)


Action = Annotated[
    Allocate | AdoptLaw | RepealLaw | Ready | Propose | Respond | Withdraw | Message,
    Field(discriminator="type"),
]
ACTION_ADAPTER: TypeAdapter[Action] = TypeAdapter(Action)
