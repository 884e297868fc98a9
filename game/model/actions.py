"""What a player does: one discriminated union on `type`, each action naming the acting `state`.

The diplomacy issue adds `propose`, `respond`, `withdraw` and `message` to this union.
"""

from typing import Annotated, Literal

from pydantic import Field, TypeAdapter

from game.model.base import NonNegative, Slug, StrictModel
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


Action = Annotated[Allocate | AdoptLaw | RepealLaw | Ready, Field(discriminator="type")]
ACTION_ADAPTER: TypeAdapter[Action] = TypeAdapter(Action)
