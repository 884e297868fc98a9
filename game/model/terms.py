"""The terms of a proposed agreement: the common ones, and each kind's own (model card section 4).

Which terms a kind needs is checked by the engine (`game.engine.diplomacy.proposals`), which can
name the missing one to the student; here they are only typed and ranged.
"""

from typing import Annotated, Any

from pydantic import Field, PlainSerializer

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

    duration: int | None = Field(
        None, ge=1, le=50, description="Rounds paid, from the round after signature; the kind's default if absent.")
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


_AS_DATA: dict[int, tuple[Terms, dict[str, Any]]] = {}
"""id(terms) -> (the terms, their JSON data): kept with the terms themselves, so that an id is never
taken for another's while its entry lives."""
_AS_DATA_MOST = 4096


def terms_data(terms: Terms) -> dict[str, Any]:
    """The terms' JSON data (`model_dump(mode="json")`), worked out once per `Terms`: a state holds
    the same terms from round to round (its records are copied, their terms shared), and the state
    hash writes every agreement's every round. `Terms` is frozen and nothing changes its lists or
    mappings in place, so the data stay true. pydantic calls the model's own serializer (a Python
    hook, `_omit_unused_additions`) once per `Terms` written and then writes the dict it returns
    again; a mapping already made costs only the second step (12 us of a `mekong` state's 86)."""
    kept = _AS_DATA.get(id(terms))
    if kept is not None and kept[0] is terms:
        return kept[1]
    if len(_AS_DATA) >= _AS_DATA_MOST:  # many games in one process: start again rather than grow
        _AS_DATA.clear()
    data = terms.model_dump(mode="json")
    _AS_DATA[id(terms)] = (terms, data)
    return data


KeptTerms = Annotated[Terms, PlainSerializer(terms_data, when_used="json")]
"""`Terms` in a state record: the same JSON, written from `terms_data`."""
