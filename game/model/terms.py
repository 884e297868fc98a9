"""The terms of a proposed agreement: the common ones, and each kind's own (model card section 4).

Which terms a kind needs is checked by the engine (`game.engine.diplomacy.proposals`), which can
name the missing one to the student; here they are only typed and ranged.
"""

from pydantic import Field

from game.model.amounts import Points, RoundNumber
from game.model.base import ScenarioModel, Slug, StrictModel
from game.model.text import PlayerLine
from game.model.vocabulary import CapacityName


class FundingCondition(ScenarioModel):
    """The recipient must have adopted `law` (in force, or waiting out its delay) by round `by_round`,
    or the funding lapses."""

    law: Slug = Field(description="The law the recipient must adopt.")
    by_round: RoundNumber = Field(description="The last round by which it must be adopted.")


class Terms(ScenarioModel):
    model_config = StrictModel.model_config | {"frozen": True}

    duration: int | None = Field(None, ge=1, le=50, description="Rounds in force; the kind's default if absent.")
    contributions: dict[Slug, Points] = Field(
        default_factory=dict, description="Points a round each party pays; the kind's default for a party not named."
    )
    network: PlayerLine | None = Field(None, description="joint_investigation_team: the network to investigate.")
    min_members: int | None = Field(
        None, ge=2, le=100,
        description="regional_convention: acceptances needed for it to enter into force among those who "
                    "accepted; the kind's min_parties if absent.",
    )
    donor: Slug | None = Field(None, description="funding: the party that pays.")
    recipient: Slug | None = Field(None, description="funding: the party that receives.")
    amount: Points | None = Field(None, description="funding: points a round from donor to recipient.")
    capacity: CapacityName | None = Field(None, description="funding: the recipient capacity the points go to.")
    conditions: list[FundingCondition] = Field(default_factory=list, description="funding: laws to adopt by a round.")
