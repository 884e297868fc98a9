"""What an instructor writes: the scenario format, version 1.

Type and range checks live here; checks that need the whole file (unique ids, references, paths
between neighbours) live in `game.scenario.checks`, so that every problem can carry a position.
"""

from typing import Annotated, Literal, TypeVar

from pydantic import Field, model_validator

from game.model.base import CapacityLevel, Fraction, NonNegative, Percent, Slug, StrictModel
from game.model.catalogue import AgreementSpec, LawSpec
from game.model.parameters import Parameters

FORMAT_VERSION = 1

S = TypeVar("S", LawSpec, AgreementSpec)


class Region(StrictModel):
    id: Slug
    name: str = Field(min_length=1)
    population: float = Field(gt=0, description="Millions of people.")
    vulnerability: Fraction
    demand: dict[Slug, Fraction] = Field(
        default_factory=dict, description="Demand per form of exploitation, 0-1."
    )
    neighbours: list[Slug] = Field(default_factory=list)
    controlled_by: Slug | None = Field(description="A state id, or null where no state controls it.")


class Capacities(StrictModel):
    enforcement: CapacityLevel = 0.0
    border: CapacityLevel = 0.0
    protection: CapacityLevel = 0.0
    prevention: CapacityLevel = 0.0
    intelligence: CapacityLevel = 0.0
    cyber: CapacityLevel = 0.0


class ReduceVictims(StrictModel):
    kind: Literal["reduce_victims"]
    region: Slug | None = None
    state: Slug | None = None
    by: Fraction = Field(description="Fraction by which true victims fall against the baseline.")
    points: int = Field(ge=0)

    @model_validator(mode="after")
    def _one_place(self) -> "ReduceVictims":
        if (self.region is None) == (self.state is None):
            raise ValueError("give exactly one of 'region' or 'state'")
        return self


class ReachTier(StrictModel):
    kind: Literal["reach_tier"]
    tier: Literal[1, 2] = Field(description="Tier to reach or better by the end (2 excludes Watch List).")
    points: int = Field(ge=0)


class AdoptLaw(StrictModel):
    kind: Literal["adopt_law"]
    law: Slug
    points: int = Field(ge=0)


class SignAgreement(StrictModel):
    kind: Literal["sign_agreement"]
    agreement: Slug
    with_: list[Slug] = Field(default_factory=list, alias="with")
    points: int = Field(ge=0)

    model_config = StrictModel.model_config | {"populate_by_name": True}


class KeepApproval(StrictModel):
    kind: Literal["keep_approval"]
    at_least: Percent
    points: int = Field(ge=0)


Objective = Annotated[
    ReduceVictims | ReachTier | AdoptLaw | SignAgreement | KeepApproval,
    Field(discriminator="kind"),
]


class State(StrictModel):
    id: Slug
    name: str = Field(min_length=1)
    budget: NonNegative = Field(description="Points a round.")
    political_capital: NonNegative
    approval: Percent
    corruption: Fraction
    capacities: Capacities = Field(default_factory=Capacities)
    laws: list[Slug] = Field(default_factory=list)
    brief: str = ""
    objectives: list[Objective] = Field(default_factory=list)


class Route(StrictModel):
    path: list[Slug] = Field(min_length=1, description="Region ids, origin first, destination last.")
    form: Slug
    flow: NonNegative = Field(description="People a round at the start.")


class Network(StrictModel):
    id: Slug
    name: str = Field(min_length=1)
    capital: NonNegative = Field(description="Thousand USD.")
    core: int = Field(ge=0)
    periphery: int = Field(ge=0)
    tech: Fraction = Field(description="Share recruited online.")
    loss_tolerance: Fraction | None = None
    routes: list[Route] = Field(default_factory=list)


class Condition(StrictModel):
    target: str
    field: str
    below: float | None = None
    above: float | None = None

    @model_validator(mode="after")
    def _one_bound(self) -> "Condition":
        if (self.below is None) == (self.above is None):
            raise ValueError("give exactly one of 'below' or 'above'")
        return self


class Effect(StrictModel):
    target: str = Field(description="region:ID, state:ID or network:ID.")
    field: str
    add: float | None = None
    set: float | None = None

    @model_validator(mode="after")
    def _one_change(self) -> "Effect":
        if (self.add is None) == (self.set is None):
            raise ValueError("give exactly one of 'add' or 'set'")
        return self


class Event(StrictModel):
    id: Slug
    title: str = Field(min_length=1)
    text: str = ""
    round: int | None = Field(None, ge=1)
    when: Condition | None = None
    effects: list[Effect] = Field(default_factory=list)

    @model_validator(mode="after")
    def _one_trigger(self) -> "Event":
        if (self.round is None) == (self.when is None):
            raise ValueError("give exactly one of 'round' or 'when'")
        return self


class LawOverride(StrictModel):
    """A law entry in a scenario: every field optional when it overrides a built-in law."""

    id: Slug
    name: str | None = None
    based_on: Slug | None = None
    political_cost: NonNegative | None = None
    upkeep: NonNegative | None = None
    prerequisites: list[Slug] | None = None
    delay: int | None = Field(None, ge=0)
    approval: float | None = Field(None, ge=-100, le=100)
    effect: str | None = None
    source: str | None = None


class AgreementOverride(StrictModel):
    id: Slug
    name: str | None = None
    based_on: Slug | None = None
    min_parties: int | None = Field(None, ge=2)
    duration: int | None = Field(None, ge=1)
    contribution: NonNegative | None = None
    approval: float | None = Field(None, ge=-100, le=100)
    requires_laws: list[Slug] | None = None
    effect: str | None = None
    source: str | None = None


class Scenario(StrictModel):
    format: Literal[1]
    id: Slug
    title: str = Field(min_length=1)
    summary: str
    rounds: int = Field(ge=1, le=1000)
    round_label: str = "year"
    seed: int | None = Field(None, ge=0)
    learning_objectives: list[str] = Field(default_factory=list)
    regions: list[Region] = Field(min_length=1)
    states: list[State] = Field(min_length=1)
    networks: list[Network] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    laws: list[LawOverride] = Field(default_factory=list)
    agreements: list[AgreementOverride] = Field(default_factory=list)
    parameters: Parameters = Field(default_factory=Parameters)

    def law_catalogue(self) -> dict[str, LawSpec]:
        """The built-in laws with this scenario's overrides and additions applied."""
        from game.model.catalogue import BUILTIN_LAWS

        return _merge(BUILTIN_LAWS, self.laws, LawSpec)

    def agreement_catalogue(self) -> dict[str, AgreementSpec]:
        from game.model.catalogue import BUILTIN_AGREEMENTS

        return _merge(BUILTIN_AGREEMENTS, self.agreements, AgreementSpec)


def _merge(
    builtin: dict[str, S], entries: list[LawOverride] | list[AgreementOverride], spec: type[S]
) -> dict[str, S]:
    merged = dict(builtin)
    for entry in entries:
        given = entry.model_dump(exclude_none=True)
        base_id = entry.id if entry.id in builtin else entry.based_on
        base = builtin.get(base_id or "")
        fields = base.model_dump() if base is not None else {}
        if base is not None and entry.id not in builtin:
            fields["based_on"] = base.id
        fields.update(given)
        merged[entry.id] = spec.model_validate(fields)
    return merged
