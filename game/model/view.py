"""What one player may know: its own state in full, the public face of the others, the map, and
noisy estimates of the hidden numbers. Built by `game.engine.views.view`; never the truth."""

from typing import Literal

from pydantic import Field

from game.model.base import StrictModel
from game.model.catalogue import AgreementSpec, LawSpec
from game.model.scenario import Objective, OrganizationObjective
from game.model.summit import SummitView
from game.model.terms import Terms


class EstimateView(StrictModel):
    value: int
    low: int
    high: int


class DueView(StrictModel):
    """One contribution a state owes this round, in the order its unallocated points pay them
    (`game.engine.diplomacy.settlement.payment_order`): the budget screen names, by that order,
    those an allocation would leave unpaid and what each miss would cost."""

    agreement: str = Field(description="The agreement's id (its kind, parties and terms are in `agreements`).")
    amount: float = Field(description="Points it owes the agreement this round.")
    misses: int = Field(description="Rounds in a row it has not paid it so far.")
    sanction: str = Field(description="What `breaches_to_lapse` misses in a row bring: 'lapse' (the agreement "
                                      "ends) or 'suspend' (a multilateral agreement goes on without it).")


class OwnState(StrictModel):
    id: str
    name: str
    brief: str
    objectives: list[Objective]
    budget: float
    available: float = Field(description="Points left for capacities after law upkeep.")
    political_capital: float
    approval: float
    lowest_approval: float = Field(
        100.0, description="Its lowest approval at the end of a round so far, as keep_approval objectives judge it.")
    corruption: float
    capacities: dict[str, float]
    laws: list[str]
    pending_laws: dict[str, int]
    pending_repeals: list[str]
    allocation: dict[str, float]
    allocated_against: float | None = Field(
        None, description="The budget when the standing allocation was given: while the budget is below it, "
                          "the allocation gives way to the contributions it would leave unpaid (rules 17).")
    ready: bool
    tier: str
    scores_4p: dict[str, int]
    next_tier_at: int | None = Field(
        None, description="The 4P sum from which its reviewers grade it a tier up (none at Tier 1).")
    identified: int
    prosecutions: int
    convictions: int
    victims_estimate: EstimateView
    trust: dict[str, float] = Field(description="Trust in each other state, from its record with this one.")
    committed: float = Field(description="Points a round owed to agreements in force.")
    accepted_dues: float = Field(
        0.0, description="Points a round it will owe from next round on to agreements every party has "
                         "accepted this round (they enter into force at this resolution).")
    dues: list[DueView] = Field(
        default_factory=list, description="What makes up `committed`, in the order its unallocated points pay it.")


class ReviewView(StrictModel):
    """A published review of a state: the true figures an organization revealed, and its findings."""

    round: int
    by: str
    victims: int
    gaps: str
    rising: bool


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
    review: ReviewView | None = Field(None, description="Its latest published review, if any.")
    trained_by: dict[str, str] = Field(default_factory=dict, description="Capacity -> organization, while it lasts.")


class OrgPublic(StrictModel):
    """An organization as every seat knows it: who it is and what it may do."""

    id: str
    name: str
    kind: str
    mandate: list[str]


class RegionView(StrictModel):
    id: str
    name: str
    population: float
    vulnerability: float
    demand: dict[str, float]
    neighbours: list[str]
    controlled_by: str | None
    position: tuple[int, int] | None = None
    """Where the scenario draws it on the map, if it says (`game.scenario.map_layout`)."""


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
    notes: dict[str, str] = Field(default_factory=dict,
                                  description="Party -> the line it gave with its proposal or its answer.")
    costs: dict[str, float] = Field(
        default_factory=dict, description="Points a round each party will owe if it enters into force.")
    first_due: int = Field(0, description="The first round those points fall due if it is accepted this round.")
    target_name: str = Field("", description="The name of the network its terms target (a joint team): every "
                                             "party reads it, whether or not it has intelligence on the network.")
    min_members: int = Field(0, description="A convention: acceptances it needs to enter into force among "
                                            "those who accepted; 0: every party must accept.")


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
    joined: dict[str, int] = Field(default_factory=dict, description="Party -> the round it acceded in.")
    open_to: list[str] | None = Field(None, description="A convention: the only states that may accede; "
                                                        "None: any state.")
    breaches: dict[str, int] = Field(default_factory=dict,
                                     description="Party -> rounds in a row it has not paid (reset when it pays).")
    target_name: str = Field("", description="The name of the network its terms target (a joint team).")


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
    convene_discount: float = Field(0.5, description="Share of a convened treaty's political cost its parties save.")


class KnownRoute(StrictModel):
    id: str
    path: list[str]
    form: str
    flow: EstimateView
    network: str = Field("", description="The name of the network that runs it, as the scenario calls it.")


class Announcement(StrictModel):
    """A scripted event of the round now open, told to every team as the round opens (its effects
    come with the round's resolution); events set off by a condition, and random shocks, stay
    surprises."""

    id: str
    title: str
    text: str
    budget: dict[str, float] = Field(default_factory=dict, description=(
        "What it will change in a state's budget at the resolution, by state (-2: cut by 2 points)."))
    capacities: dict[str, dict[str, float]] = Field(default_factory=dict, description=(
        "What it will change in a state's capacity levels at the resolution, before the allocation funds "
        "them, by state and capacity, within the levels' bounds (-1: one level less)."))


class PledgeView(StrictModel):
    """A pledge on the public record: every seat sees every pledge and its verdict."""

    seat: str
    kind: str
    text: str = Field(description="The pledge in plain words.")
    made: int
    due: int = Field(description="Judged at the resolution of this round.")
    kept: bool | None = Field(description="None until judged.")
    capacity: str | None = None
    points: float | None = None
    law: str | None = None
    agreement: str | None = None
    short: int | None = Field(None, description=(
        "The first round in which what was promised was not done: the pledge is broken, though judged "
        "only at its due round. Known to the pledger at once, to the other seats with the verdict."))
    standing: Literal["open", "kept", "broken"] = Field("open", description=(
        "Broken as soon as the engine knows it cannot be kept (a round fell short, a convention closed)."))
    status: str = Field("", description="Its standing in a few words: 'broken in year 2: less than 3 went to "
                        "protection; scored as broken in year 3'.")


class PlayerView(StrictModel):
    scenario: str
    title: str
    round: int
    rounds: int
    round_label: str
    start_year: int | None = Field(None, description="The calendar year of round 1, where the scenario gives it.")
    over: bool
    me: OwnState
    others: list[PublicState]
    regions: list[RegionView]
    routes: list[KnownRoute]
    proposals: list[ProposalView] = Field(description="Proposals this state is a party to.")
    agreements: list[AgreementView]
    messages: list[MessageView] = Field(description="Messages this state sent or received.")
    rules: RulesView
    organizations: list[OrgPublic] = Field(default_factory=list, description="The organizations at the table.")
    announced: list[Announcement] = Field(default_factory=list, description="This round's scripted events.")
    pledges: list[PledgeView] = Field(default_factory=list, description="Every pledge made, with its verdict.")
    summits: list[SummitView] = Field(default_factory=list, description="Summits called or scheduled (public).")
    summit_calls_closed: str = Field("", description="Why no summit can be called now (too late in the game to be "
                                                     "ratified before its last round); empty while one can.")


class OrgSelf(StrictModel):
    id: str
    name: str
    kind: str
    brief: str
    objectives: list[OrganizationObjective]
    mandate: list[str]
    trains: list[str] = Field(default_factory=list,
                              description="The officials it trains, first the one it trains most.")
    budget: float
    left: float = Field(description="Points not yet committed this round.")
    ready: bool
    trained: list[str]
    monitored: list[str]
    barred: list[str]
    trust: dict[str, float]


class OrgView(StrictModel):
    """What an organization may know: its own record, states' public figures and published
    reviews, the map, the agreements (treaties are public) and its own negotiations and messages.
    Never a state's brief, budget or the true figures behind the fog, except what a review revealed."""

    scenario: str
    title: str
    round: int
    rounds: int
    round_label: str
    start_year: int | None = Field(None, description="The calendar year of round 1, where the scenario gives it.")
    over: bool
    me: OrgSelf
    states: list[PublicState]
    regions: list[RegionView]
    campaigns: dict[str, int]
    costs: dict[str, float] = Field(description="Points each instrument costs (assistance: the amount given).")
    proposals: list[ProposalView]
    agreements: list[AgreementView]
    messages: list[MessageView]
    rules: RulesView
    organizations: list[OrgPublic] = Field(default_factory=list, description="The organizations at the table.")
    announced: list[Announcement] = Field(default_factory=list, description="This round's scripted events.")
    pledges: list[PledgeView] = Field(default_factory=list, description="Every pledge made, with its verdict.")
    summits: list[SummitView] = Field(default_factory=list, description="Summits called or scheduled (public).")
    summit_calls_closed: str = Field("", description="Why no summit can be called now (too late in the game to be "
                                                     "ratified before its last round); empty while one can.")
