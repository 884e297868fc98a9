"""What an instructor writes: the scenario format, version 1.

Type and range checks live here; checks that need the whole file (unique ids, references, paths
between neighbours) live in `game.scenario.checks`, so that every problem can carry a position.
"""

from typing import Annotated, Literal, TypeVar

from pydantic import BeforeValidator, Field, WithJsonSchema, model_validator

from game.model.base import OMIT_IF_NONE, CapacityLevel, Fraction, NonNegative, Percent, ScenarioModel, Slug
from game.model.catalogue import AgreementSpec, LawSpec
from game.model.parameters import Parameters
from game.model.summit import SummitSpec
from game.model.terms import Terms
from game.model.vocabulary import Tier

FORMAT_VERSION = 1

# The ranges of what an instructor writes: wide enough for any real case, narrow enough that the
# engine's arithmetic stays finite (tests/scenario/test_extremes.py plays the extremes).
MAX_POPULATION = 10_000.0
"""Millions of people: more than the world."""
MAX_FLOW = 10_000_000.0
MAX_BUDGET = 100_000.0
MAX_POLITICAL_CAPITAL = 10_000.0
MAX_CAPITAL = 1_000_000_000.0
MAX_MEMBERS = 1_000_000
MAX_POINTS = 1_000
MAX_COUNT = 1_000
MAX_ROUNDS = 1_000
MAX_FIGURE = 1_000_000_000.0
"""The largest amount an event may add or set, or a condition compare with: each figure is then
held to its own range (`game.model.fields.FIELD_BOUNDS`)."""
MAX_SEED = 2**63 - 1

S = TypeVar("S", LawSpec, AgreementSpec)


class Region(ScenarioModel):
    """A place on the map, through which routes move people."""

    id: Slug = Field(description="The region's id, used by neighbours, routes, objectives and events.",
                     examples=["hills"])
    name: str = Field(min_length=1, description="The name players read.")
    population: float = Field(gt=0, le=MAX_POPULATION, description="Millions of people (at most 10,000).")
    vulnerability: Fraction = Field(description="0 (safe) to 1: poverty, conflict, lack of rights, in one figure.")
    demand: dict[Slug, Fraction] = Field(
        default_factory=dict,
        description="Demand per form of exploitation, 0-1: sexual, labour, criminality, or a form of your own.",
    )
    neighbours: list[Slug] = Field(
        default_factory=list, description="Ids of neighbouring regions; list each link on both sides."
    )
    controlled_by: Slug | None = Field(description="A state id, or null where no state controls it.")
    position: Annotated[tuple[Annotated[int, Field(ge=0, le=40)], Annotated[int, Field(ge=0, le=40)]] | None,
                        OMIT_IF_NONE] = Field(
        None, description="Where the drawn map places it: [column, row] on a grid, column 0 to the west and row 0 "
                          "to the north. Regions without one are placed automatically next to their neighbours.",
        examples=[[2, 1]],
    )


class Capacities(ScenarioModel):
    """A state's capacities at the start, levels 0-10."""

    enforcement: CapacityLevel = Field(0.0, description="Police and prosecutors: detection and prosecutions.")
    border: CapacityLevel = Field(0.0, description="Checks on physical border crossings.")
    protection: CapacityLevel = Field(0.0, description="Victim services: assistance and self-identification.")
    prevention: CapacityLevel = Field(0.0, description="Awareness and social programmes: fewer recruits.")
    intelligence: CapacityLevel = Field(0.0, description="Less noise in the state's estimates.")
    cyber: CapacityLevel = Field(0.0, description="Detection of online recruitment.")
    labour_inspection: CapacityLevel = Field(
        0.0, description="Labour inspectors: find forced labour at workplaces, where police rarely look.")


class ReduceVictims(ScenarioModel):
    """Fewer true victims in one region or state than in the run where nobody acts."""

    kind: Literal["reduce_victims"] = Field(description="The kind of objective.")
    region: Slug | None = Field(None, description="A region id (give either region or state).")
    state: Slug | None = Field(None, description="A state id (give either region or state).")
    by: Fraction = Field(description="Fraction by which true victims fall against the baseline.")
    points: int = Field(ge=0, le=MAX_POINTS, description="Points for meeting it (0-1,000).")

    @model_validator(mode="after")
    def _one_place(self) -> "ReduceVictims":
        if (self.region is None) == (self.state is None):
            raise ValueError("give exactly one of 'region' or 'state'")
        return self


class ReachTier(ScenarioModel):
    """A TIP-style tier at the end of the game."""

    kind: Literal["reach_tier"] = Field(description="The kind of objective.")
    tier: Literal[1, 2] = Field(description="Tier to reach or better by the end (2 excludes Watch List).")
    points: int = Field(ge=0, le=MAX_POINTS, description="Points for meeting it (0-1,000).")


class AdoptLaw(ScenarioModel):
    """A law in force by the end of the game."""

    kind: Literal["adopt_law"] = Field(description="The kind of objective.")
    law: Slug = Field(description="A law id: a built-in law or one of the scenario's `laws`.")
    points: int = Field(ge=0, le=MAX_POINTS, description="Points for meeting it (0-1,000).")


class SignAgreement(ScenarioModel):
    """An agreement in force with the named states."""

    kind: Literal["sign_agreement"] = Field(description="The kind of objective.")
    agreement: Slug = Field(description="An agreement id: a built-in one or one of the scenario's `agreements`.")
    with_: list[Slug] = Field(
        default_factory=list, alias="with", description="Ids of the other states that must be parties; empty: any."
    )
    points: int = Field(ge=0, le=MAX_POINTS, description="Points for meeting it (0-1,000).")

    model_config = ScenarioModel.model_config | {"populate_by_name": True}


class KeepApproval(ScenarioModel):
    """Domestic approval kept at or above a level."""

    kind: Literal["keep_approval"] = Field(description="The kind of objective.")
    at_least: Percent = Field(description="Approval, 0-100, to hold at the end.")
    points: int = Field(ge=0, le=MAX_POINTS, description="Points for meeting it (0-1,000).")


Objective = Annotated[
    ReduceVictims | ReachTier | AdoptLaw | SignAgreement | KeepApproval,
    Field(discriminator="kind"),
]


class TrainStates(ScenarioModel):
    """An organization's objective: officials of this many different states trained."""

    kind: Literal["train_states"] = Field(description="The kind of objective.")
    count: int = Field(ge=1, le=MAX_COUNT, description="How many different states.")
    points: int = Field(ge=0, le=MAX_POINTS, description="Points it is worth (0-1,000).")


class StatesMonitored(ScenarioModel):
    """An organization's objective: this many different states reviewed and published."""

    kind: Literal["states_monitored"] = Field(description="The kind of objective.")
    count: int = Field(ge=1, le=MAX_COUNT, description="How many different states.")
    points: int = Field(ge=0, le=MAX_POINTS, description="Points it is worth (0-1,000).")


OrganizationObjective = Annotated[
    ReduceVictims | SignAgreement | TrainStates | StatesMonitored,
    Field(discriminator="kind"),
]
"""The objectives that apply to an organization: it has no tier, no laws and no voters."""

Instrument = Literal["train", "monitor", "assist", "campaign", "convene"]
Trainable = Literal["enforcement", "protection", "labour_inspection"]
"""The officials an organization can train: police, victim services, labour inspectors."""


class Organization(ScenarioModel):
    """An international organization (UNODC, IOM, ILO) or an NGO: a budget and a mandate, no
    territory and no laws."""

    id: Slug = Field(description="Unique among states and organizations.", examples=["unodc"])
    name: str = Field(min_length=1, description="The name players read.")
    kind: Literal["intergovernmental", "ngo"] = Field(description="An intergovernmental organization or an NGO.")
    budget: NonNegative = Field(le=MAX_BUDGET, description="Points a round for its instruments.")
    mandate: list[Instrument] = Field(min_length=1, description="The instruments it may use.")
    trains: Annotated[list[Trainable] | None, OMIT_IF_NONE] = Field(
        None, min_length=1,
        description="The officials its trainers teach, first the one it trains most (the ILO: labour_inspection); "
                    "default: protection for an organization that assists victims, else enforcement.",
    )
    brief: str = Field("", description="Private text for the organization's players.")
    objectives: list[OrganizationObjective] = Field(default_factory=list, description="What it is scored on.")

    def training_order(self) -> list[str]:
        """The officials it trains, first the one it trains most: its `trains`, else victim services
        for an organization that assists victims and police for the others."""
        if self.trains:
            return list(self.trains)
        return ["protection"] if "assist" in self.mandate else ["enforcement"]


def _tier_name(value: object) -> object:
    """YAML reads `tier: 2` as a number and `tier: 2WL` as text: both name a tier."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


DeclaredTier = Annotated[Tier, BeforeValidator(_tier_name), WithJsonSchema({"enum": [1, 2, "2WL", 3, "1", "2", "3"]})]


class State(ScenarioModel):
    """A country, played by a team or by the computer."""

    id: Slug = Field(description="The state's id, used by regions' controlled_by, objectives and events.",
                     examples=["northland"])
    name: str = Field(min_length=1, description="The name players read.")
    budget: NonNegative = Field(le=MAX_BUDGET, description="Points a round (at most 100,000).")
    political_capital: NonNegative = Field(le=MAX_POLITICAL_CAPITAL,
        description="Spent to adopt laws; earned each round.")
    approval: Percent = Field(description="Domestic approval, 0-100.")
    corruption: Fraction = Field(description="0-1: every enforcement effect is multiplied by (1 - corruption).")
    capacities: Capacities = Field(default_factory=Capacities, description="Capacity levels at the start, 0-10.")
    laws: list[Slug] = Field(default_factory=list, description="Ids of the laws in force at the start.")
    tier: Annotated[DeclaredTier | None, OMIT_IF_NONE] = Field(
        None, description="The tier a TIP-style report gave the state at the start (a real scenario: the "
        "report of its first year): 1, 2, 2WL or 3. It opens there and moves with its progress from "
        "there (`game.engine.assessment`); default: the tier its laws and capacities earn by the rule.",
        examples=[2, "2WL"])
    brief: str = Field("", description="The team's private brief: shown only to that team.")
    objectives: list[Objective] = Field(default_factory=list, description="What the team scores points for.")


class Route(ScenarioModel):
    """A path of neighbouring regions along which a network moves people for one form of exploitation."""

    path: list[Slug] = Field(min_length=1, description="Region ids, origin first, destination last.")
    form: Slug = Field(description="Form of exploitation: sexual, labour, criminality, or a form in some demand.")
    flow: NonNegative = Field(le=MAX_FLOW, description="People a round at the start (at most 10 million).")
    migrants: Annotated[NonNegative | None, OMIT_IF_NONE] = Field(
        None, le=10 * MAX_FLOW,
        description="People a round at the start who travel the same corridor without being trafficked "
        "(regular migrants and smuggled ones); default: the parameter migrants_per_victim x flow.",
    )
    children: Annotated[Fraction | None, OMIT_IF_NONE] = Field(
        None, description="Share of the route's victims who are children; default: the parameter share_children.")
    female: Annotated[Fraction | None, OMIT_IF_NONE] = Field(
        None, description="Share of the route's victims who are women and girls; default: share_female.")


class Network(ScenarioModel):
    """A trafficking network: hidden from players, who see only its traces."""

    id: Slug = Field(description="The network's id, used by events.")
    name: str = Field(min_length=1, description="The name the facilitator and the debrief show.")
    capital: NonNegative = Field(le=MAX_CAPITAL, description="Thousand USD (at most 1,000,000,000).")
    core: int = Field(ge=0, le=MAX_MEMBERS,
        description="Leaders: reached only by joint investigations and extradition.")
    periphery: int = Field(ge=0, le=MAX_MEMBERS, description="Recruiters and transporters.")
    tech: Fraction = Field(description="Share recruited online.")
    loss_tolerance: Fraction | None = Field(
        None, description="Share of flow lost past which it reroutes; default: the parameter loss_tolerance."
    )
    routes: list[Route] = Field(default_factory=list, description="Its routes at the start.")


class Condition(ScenarioModel):
    """A figure crossing a threshold: the event fires in the first round it holds."""

    target: str = Field(description="region:ID, state:ID or network:ID.", examples=["state:northland"])
    field: str = Field(description="A figure of the target, e.g. approval, vulnerability, victims, flow.",
                       examples=["approval"])
    below: float | None = Field(None, ge=-MAX_FIGURE, le=MAX_FIGURE,
        description="Fires when the figure is below this (give below or above).")
    above: float | None = Field(None, ge=-MAX_FIGURE, le=MAX_FIGURE,
        description="Fires when the figure is above this (give below or above).")

    @model_validator(mode="after")
    def _one_bound(self) -> "Condition":
        if (self.below is None) == (self.above is None):
            raise ValueError("give exactly one of 'below' or 'above'")
        return self


class Effect(ScenarioModel):
    """A change an event makes to one figure."""

    target: str = Field(description="region:ID, state:ID or network:ID.", examples=["region:hills"])
    field: str = Field(
        description="A figure of the target, e.g. vulnerability, demand.labour, budget, capacities.border, capital.",
        examples=["vulnerability"],
    )
    add: float | None = Field(None, ge=-MAX_FIGURE, le=MAX_FIGURE, description="Amount to add (give add or set).")
    set: float | None = Field(None, ge=-MAX_FIGURE, le=MAX_FIGURE, description="Value to set (give add or set).")

    @model_validator(mode="after")
    def _one_change(self) -> "Effect":
        if (self.add is None) == (self.set is None):
            raise ValueError("give exactly one of 'add' or 'set'")
        return self


class Event(ScenarioModel):
    """A scripted event, by round or by condition."""

    id: Slug = Field(description="The event's id.")
    title: str = Field(min_length=1, description="The headline players read.")
    text: str = Field("", description="The news item players read.")
    round: int | None = Field(None, ge=1, le=MAX_ROUNDS, description="The round it happens in (give round or when).")
    when: Condition | None = Field(None, description="The condition that sets it off (give round or when).")
    effects: list[Effect] = Field(default_factory=list, description="What it changes.")

    @model_validator(mode="after")
    def _one_trigger(self) -> "Event":
        if (self.round is None) == (self.when is None):
            raise ValueError("give exactly one of 'round' or 'when'")
        return self


class LawOverride(ScenarioModel):
    """A law entry in a scenario: every field optional when it overrides a built-in law."""

    id: Slug = Field(description="A built-in law's id to change it, or a new id to add a law.")
    name: str | None = Field(None, description="The name players read.")
    based_on: Slug | None = Field(None, description="For a new law: the built-in law whose rule it follows.")
    political_cost: NonNegative | None = Field(None, le=MAX_POLITICAL_CAPITAL,
        description="Political capital spent to adopt it.")
    upkeep: NonNegative | None = Field(None, le=MAX_BUDGET, description="Budget points a round while in force.")
    prerequisites: list[Slug] | None = Field(None, description="Laws that must be in force first.")
    delay: int | None = Field(None, ge=0, le=MAX_ROUNDS, description="Rounds between adoption and entry into force.")
    approval: float | None = Field(None, ge=-100, le=100, description="Approval change on entry into force.")
    effect: str | None = Field(None, description="What it does, in words players read.")
    source: str | None = Field(None, description="The real instrument behind it.")
    names: Annotated[dict[Slug, str] | None, OMIT_IF_NONE] = Field(
        None, description="Per state, the name its players read where it differs, e.g. {thailand: Anti-Trafficking "
                          "in Persons Act B.E. 2551}.")


class AgreementOverride(ScenarioModel):
    """An agreement entry in a scenario: every field optional when it overrides a built-in one."""

    id: Slug = Field(description="A built-in agreement's id to change it, or a new id to add one.")
    name: str | None = Field(None, description="The name players read.")
    based_on: Slug | None = Field(None, description="For a new agreement: the built-in one whose rule it follows.")
    min_parties: int | None = Field(None, ge=2, le=MAX_COUNT, description="Fewest parties it can have.")
    political_cost: NonNegative | None = Field(None, le=MAX_POLITICAL_CAPITAL,
        description="Political capital each party spends to sign it.")
    duration: int | None = Field(None, ge=1, le=MAX_ROUNDS, description="Default length in rounds.")
    contribution: NonNegative | None = Field(None, le=MAX_BUDGET, description="Default points a round per party.")
    approval: float | None = Field(None, ge=-100, le=100, description="Approval change for each party.")
    requires_laws: list[Slug] | None = Field(None, description="Laws every party must hold.")
    eligible: Annotated[list[Slug] | None, OMIT_IF_NONE] = Field(
        None, description="The only states that may be parties (e.g. ASEAN members for ACTIP); leave out: any state.")
    effect: str | None = Field(None, description="What it does, in words players read.")
    source: str | None = Field(None, description="The real instrument behind it.")


class AgreementInForce(ScenarioModel):
    """An agreement already in force when the game opens (history: a convention ratified years
    ago, a treaty in use). It binds from round 1, costs no signature, and its contributions fall due
    from round 1; the run where nobody acts has it too, so harm averted credits only what players add."""

    agreement: Slug = Field(description="An agreement id: a built-in one or one of the scenario's `agreements`.",
                            examples=["regional_convention"])
    parties: list[Slug] = Field(min_length=2, description="Ids of the states (and, for funding, organizations) "
                                                          "bound by it.")
    rounds_left: int = Field(ge=1, le=1000, description="Rounds it stays in force, round 1 included.")
    terms: Terms = Field(default_factory=Terms, description="Its terms, as for a proposal; the kind's defaults "
                                                            "if absent.")
    since: str = Field(
        "", max_length=200, description="What it is and since when, in words players read, e.g. 'ACTIP, 2017'."
    )
    open_to: list[Slug] | None = Field(
        None, description="A convention: the only states that may accede to it later (e.g. a region's members); "
                          "any state if absent.")


class Scenario(ScenarioModel):
    format: Literal[1] = Field(description="The version of the scenario format: 1.")
    id: Slug = Field(description="The scenario's id.", examples=["mekong"])
    title: str = Field(min_length=1, description="The title players read.")
    summary: str = Field(description="The paragraph the class reads first.")
    rounds: int = Field(ge=1, le=MAX_ROUNDS, description="How many rounds the game lasts.")
    round_label: str = Field("year", description="What one round stands for, shown to players.")
    start_year: Annotated[int | None, OMIT_IF_NONE] = Field(
        None, ge=1, le=9999,
        description="The calendar year of round 1, so that rounds read 2015, 2016, ... (rounds of a year only).")
    seed: int | None = Field(None, ge=0, le=MAX_SEED,
        description="Seed of every random draw; leave out for a new one each game.")
    learning_objectives: list[str] = Field(default_factory=list, description="What the class should take away.")
    regions: list[Region] = Field(min_length=1, description="The map.")
    states: list[State] = Field(min_length=1, description="The states the teams play.")
    organizations: list[Organization] = Field(
        default_factory=list, description="International organizations and NGOs, played like states."
    )
    networks: list[Network] = Field(default_factory=list, description="The trafficking networks at the start.")
    events: list[Event] = Field(default_factory=list, description="Scripted events.")
    laws: list[LawOverride] = Field(default_factory=list, description="Changes to built-in laws, or new laws.")
    agreements: list[AgreementOverride] = Field(
        default_factory=list, description="Changes to built-in agreements, or new agreements."
    )
    open_borders: Annotated[list[list[Slug]], OMIT_IF_NONE] = Field(
        default_factory=list,
        description="Groups of states whose common borders have no checks (a Schengen area): a route crossing "
        "from one state of a group into another meets no border check there.",
        examples=[[["austria", "germany", "italy"]]],
    )
    free_movement: Annotated[list[list[Slug]], OMIT_IF_NONE] = Field(
        default_factory=list,
        description="Groups of states whose citizens move and live freely in each other's territory (the "
        "European Union), border checks or not: a citizen of a state of a group crossing between two of its "
        "states shows an identity card at a minimum check and is not screened there, and a victim a state of "
        "a group stops in transit and does not recognise is let go, not deported, if a state of the group (or "
        "an open-border area with it) is where the route began.",
        examples=[[["austria", "germany", "hungary", "italy", "netherlands", "romania"]]],
    )
    agreements_in_force: Annotated[list[AgreementInForce], OMIT_IF_NONE] = Field(
        default_factory=list, description="Agreements already in force at the start: the scenario's history."
    )
    summits: Annotated[list[SummitSpec], OMIT_IF_NONE] = Field(
        default_factory=list,
        description="Summits the scenario schedules: a draft convention negotiated clause by clause, voted, "
        "signed and ratified (docs/model.md, summits).")
    parameters: Parameters = Field(
        default_factory=Parameters,
        description="The model's constants, to tune; see docs/model.md and docs/calibration.md for each basis.",
    )

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
