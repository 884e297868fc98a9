"""What one player may know: its own state in full, the public face of the others, the map, and
noisy estimates of the hidden numbers. Built by `game.engine.views.view`; never the truth."""

from pydantic import Field

from game.model.base import StrictModel
from game.model.catalogue import AgreementSpec, LawSpec
from game.model.scenario import Objective
from game.model.terms import Terms


class EstimateView(StrictModel):
    value: int
    low: int
    high: int


class OwnState(StrictModel):
    id: str
    name: str
    brief: str
    objectives: list[Objective]
    budget: float
    available: float = Field(description="Points left for capacities after law upkeep.")
    political_capital: float
    approval: float
    corruption: float
    capacities: dict[str, float]
    laws: list[str]
    pending_laws: dict[str, int]
    pending_repeals: list[str]
    allocation: dict[str, float]
    ready: bool
    tier: str
    scores_4p: dict[str, int]
    identified: int
    prosecutions: int
    convictions: int
    victims_estimate: EstimateView
    trust: dict[str, float] = Field(description="Trust in each other state, from its record with this one.")
    committed: float = Field(description="Points a round owed to agreements in force.")


class PublicState(StrictModel):
    """What a state publishes, as in a TIP Report country narrative."""

    id: str
    name: str
    laws: list[str]
    tier: str
    scores_4p: dict[str, int]
    approval: float
    identified: int
    prosecutions: int
    convictions: int
    ready: bool


class RegionView(StrictModel):
    id: str
    name: str
    population: float
    vulnerability: float
    demand: dict[str, float]
    neighbours: list[str]
    controlled_by: str | None


class ProposalView(StrictModel):
    id: str
    kind: str
    proposer: str
    parties: list[str]
    terms: Terms
    round: int
    expires: int
    status: str
    answers: dict[str, str]
    counters: str | None


class AgreementView(StrictModel):
    """Treaties are public: every state sees every agreement, its parties, terms and breaches."""

    id: str
    kind: str
    parties: list[str]
    terms: Terms
    signed: int
    ends: int
    status: str
    unpaid: list[str]
    ended_round: int | None
    ended_by: str | None


class MessageView(StrictModel):
    round: int
    sender: str
    to: list[str]
    text: str


class RulesView(StrictModel):
    """The public rules a player plans with: the catalogues and the costs of capacities."""

    laws: dict[str, LawSpec]
    agreements: dict[str, AgreementSpec]
    capacity_upkeep: float = Field(description="Points a round to hold one capacity level.")
    capacity_gain: float = Field(description="Levels one point above upkeep buys at level 0.")
    capacity_decay: float
    breaches_to_lapse: int = Field(description="Rounds in a row unpaid before an agreement lapses or suspends.")
    proposal_rounds: int = Field(description="Rounds after its own that a proposal stays open.")


class KnownRoute(StrictModel):
    id: str
    path: list[str]
    form: str
    flow: EstimateView


class PlayerView(StrictModel):
    scenario: str
    title: str
    round: int
    rounds: int
    round_label: str
    over: bool
    me: OwnState
    others: list[PublicState]
    regions: list[RegionView]
    routes: list[KnownRoute]
    proposals: list[ProposalView] = Field(description="Proposals this state is a party to.")
    agreements: list[AgreementView]
    messages: list[MessageView] = Field(description="Messages this state sent or received.")
    rules: RulesView
