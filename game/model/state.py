"""What the engine evolves: plain dataclasses, fast to copy in the inner loops.

pydantic guards the boundaries (`game.engine.serialize` turns a state into JSON and back); inside a
round the engine works on these records directly. Every field here is part of the state hash, so
nothing derivable is stored, and every dict is filled in a fixed order (sorted ids).
"""

from collections.abc import Callable
from dataclasses import dataclass, field, fields

from game.model.pledge import PledgeRecord, StatementRecord
from game.model.summit import SummitRecord
from game.model.terms import FundingCondition, KeptTerms
from game.model.world import World

_NEW = object.__new__


@dataclass(slots=True)
class StateRecord:
    id: str
    budget: float
    political_capital: float
    approval: float
    corruption: float
    capacities: dict[str, float]
    laws: list[str]
    pending_laws: dict[str, int]
    """Law id -> the round in whose resolution it enters into force."""
    pending_repeals: list[str]
    allocation: dict[str, float]
    """Standing orders: the allocation repeats each round until the state changes it."""
    ready: bool = False
    scores_4p: dict[str, int] = field(default_factory=dict)
    tier: str = "3"
    watch_list_rounds: int = 0
    min_approval: float = 100.0
    victim_rounds: float = 0.0
    """True victims in its territory summed over resolved rounds: its own share of the harm."""
    tier_points: float = 0.0
    """Tier points (3 for Tier 1 down to 0 for Tier 3) summed over resolved rounds."""
    shared_from: dict[str, float] = field(default_factory=dict)
    """Partner -> 0 to 1: how far its sharing has built up over the rounds it paid (`sharing.build`)."""
    trust: float = 0.5
    """0 to 1: victims' trust in this state's police and services (`victims_decide`): whether they
    come forward, accept assistance and testify. Set at the start from what the state offers."""
    tier_bar: int = 0
    """Points of the 4P sum its reviewers ask above the tier rule's thresholds, fixed at the start so
    that it opens at the tier its scenario declares (`assessment.bar_for`): the TIP grades progress
    against a country's own record, and one rule for every state placed Thailand on Tier 1. Kept,
    though the opening fixes it, because a saved state is read back without running the setup."""
    allocated_against: float | None = None
    """The budget when the standing `allocation` was given (at the opening, the scenario's): while
    the budget is below it, the allocation gives way to the contributions it would otherwise leave
    unpaid (`budget.fund_capacities`), since nobody could see the cut coming when they allocated.
    None (a save of rules 16 or before): the budget at the start of each round."""

    def clone(self) -> "StateRecord":
        """Set slot by slot, as `RouteRecord.clone` (`tests/performance/test_record_clones.py` checks
        that no field is left out and no mutable one is shared)."""
        copy = _NEW(StateRecord)
        copy.id = self.id
        copy.budget = self.budget
        copy.political_capital = self.political_capital
        copy.approval = self.approval
        copy.corruption = self.corruption
        copy.capacities = self.capacities.copy()
        copy.laws = self.laws.copy()
        copy.pending_laws = self.pending_laws.copy()
        copy.pending_repeals = self.pending_repeals.copy()
        copy.allocation = self.allocation.copy()
        copy.ready = self.ready
        copy.scores_4p = self.scores_4p.copy()
        copy.tier = self.tier
        copy.watch_list_rounds = self.watch_list_rounds
        copy.min_approval = self.min_approval
        copy.victim_rounds = self.victim_rounds
        copy.tier_points = self.tier_points
        copy.shared_from = self.shared_from.copy()
        copy.trust = self.trust
        copy.tier_bar = self.tier_bar
        copy.allocated_against = self.allocated_against
        return copy


@dataclass(slots=True)
class RegionRecord:
    id: str
    population: float
    vulnerability: float
    demand: dict[str, float]
    returned: float = 0.0
    """People sent back here (migrants stopped at a border, victims deported) who have not yet
    settled: indebted and known to smugglers, they are recruited first (`migration`)."""

    def clone(self) -> "RegionRecord":
        """Set slot by slot, as `RouteRecord.clone`."""
        copy = _NEW(RegionRecord)
        copy.id = self.id
        copy.population = self.population
        copy.vulnerability = self.vulnerability
        copy.demand = self.demand.copy()
        copy.returned = self.returned
        return copy


@dataclass(slots=True)
class RouteRecord:
    id: str
    path: list[str]
    """Never changed in place (a route that moves is a new route), so copies of a record share it."""
    form: str
    flow: int
    """People recruited onto the route in the last resolved round (the scenario's flow at the start)."""
    reach: float
    """Recruits a round per unit of origin population x vulnerability x demand x prevention factor."""
    risk_hits: float
    risk_total: float
    opened: int
    tolerance: float
    """The risk belief past which the network gives the route up (see `detection.route_tolerance`)."""

    def clone(self) -> "RouteRecord":
        """Every field shared (the path too: see `path`), set slot by slot rather than through
        `__init__`: a round copies every route of the game, and the call with nine arguments cost a
        third more (`tests/performance/test_route_clone.py` checks that no field is left out)."""
        copy = _NEW(RouteRecord)
        copy.id = self.id
        copy.path = self.path
        copy.form = self.form
        copy.flow = self.flow
        copy.reach = self.reach
        copy.risk_hits = self.risk_hits
        copy.risk_total = self.risk_total
        copy.opened = self.opened
        copy.tolerance = self.tolerance
        return copy


@dataclass(slots=True)
class NetworkRecord:
    id: str
    name: str
    capital: float
    core: int
    periphery: int
    tau: float
    loss_tolerance: float
    routes: list[RouteRecord]
    stock: dict[str, dict[str, int]]
    """Region id -> form -> people held in exploitation by this network (true, hidden)."""
    span: float = 0.0
    """Periphery members one leader can run: the core caps the crew (core x span). Set at the start
    with some slack over the scenario's own ratio, so that only losing leaders shrinks the cap."""
    retrafficked: int = 0
    """Identified victims left unassisted last round who are recruited again this round."""
    active: bool = True
    parent: str | None = None
    next_route: int = 0
    skill: float = 1.0
    """Productivity of its crew (1 at the start): new leaders promoted from the periphery run it
    worse for a while (`succession`)."""
    successors: list[int] = field(default_factory=list)
    """Members being promoted to replace removed leaders: the round each takes over, in order."""
    located: dict[str, dict[str, int]] = field(default_factory=dict)
    """State -> state where they hide -> leaders of this network the first has located there."""

    def clone(self) -> "NetworkRecord":
        """Set slot by slot, as `RouteRecord.clone`."""
        copy = _NEW(NetworkRecord)
        copy.id = self.id
        copy.name = self.name
        copy.capital = self.capital
        copy.core = self.core
        copy.periphery = self.periphery
        copy.tau = self.tau
        copy.loss_tolerance = self.loss_tolerance
        copy.routes = [route.clone() for route in self.routes]
        copy.stock = {region: held.copy() for region, held in self.stock.items()}
        copy.span = self.span
        copy.retrafficked = self.retrafficked
        copy.active = self.active
        copy.parent = self.parent
        copy.next_route = self.next_route
        copy.skill = self.skill
        copy.successors = self.successors.copy()
        copy.located = {where: hiding.copy() for where, hiding in self.located.items()}
        return copy


@dataclass(slots=True)
class Estimate:
    """An intelligence estimate: a central figure and a range that narrows with intelligence."""

    value: int
    low: int
    high: int


@dataclass(slots=True)
class Intelligence:
    """What one state believes about the hidden numbers, drawn at the end of each round."""

    victims: Estimate
    """People exploited in its own territory."""
    routes: dict[str, Estimate]
    """Route id -> estimated flow, for routes that touch its territory."""

    def clone(self) -> "Intelligence":
        """Set slot by slot, as `RouteRecord.clone`."""
        copy = _NEW(Intelligence)
        copy.victims = self.victims
        copy.routes = self.routes.copy()
        return copy


@dataclass(slots=True)
class ProposalRecord:
    id: str
    kind: str
    proposer: str
    parties: list[str]
    terms: KeptTerms
    round: int
    """The round it was proposed in."""
    expires: int
    """The last round in which it can be answered; it expires at that round's resolution."""
    answers: dict[str, str] = field(default_factory=dict)
    """Party -> `accept` or `reject`; the proposer's acceptance is implied."""
    status: str = "open"
    """`open`, `accepted`, `rejected`, `countered`, `withdrawn` or `expired`."""
    counters: str | None = None
    agreement: str | None = None
    convened_by: str | None = None
    """The organization hosting the negotiation, if any: the proposal is its, and no party is the proposer."""
    notes: dict[str, str] = field(default_factory=dict)
    """Party -> the line it gave with its proposal or its answer (why it rejected, what it could pay),
    for the parties."""

    def clone(self) -> "ProposalRecord":
        """Set slot by slot, as `RouteRecord.clone`: an AI table's state holds every proposal made."""
        copy = _NEW(ProposalRecord)
        copy.id = self.id
        copy.kind = self.kind
        copy.proposer = self.proposer
        copy.parties = self.parties.copy()
        copy.terms = self.terms
        copy.round = self.round
        copy.expires = self.expires
        copy.answers = self.answers.copy()
        copy.status = self.status
        copy.counters = self.counters
        copy.agreement = self.agreement
        copy.convened_by = self.convened_by
        copy.notes = self.notes.copy()
        return copy


@dataclass(slots=True)
class AgreementRecord:
    id: str
    kind: str
    parties: list[str]
    terms: KeptTerms
    proposal: str
    signed: int
    """The round whose resolution brought it into force."""
    ends: int
    """The last round it is in force, unless it ends early."""
    status: str = "in_force"
    """`in_force`, `ended` (at term), `lapsed` (repeated breach or unmet condition) or `withdrawn`."""
    breaches: dict[str, int] = field(default_factory=dict)
    """Party -> rounds in a row it has not paid; reset when it pays."""
    unpaid: list[str] = field(default_factory=list)
    """Parties that did not pay in the last resolved round: what they promised was withheld."""
    ended_round: int | None = None
    ended_by: str | None = None
    joined: dict[str, int] = field(default_factory=dict)
    """Party -> the round whose resolution it acceded in, for a party that joined a convention after
    it entered into force; a party not named here joined at `signed`."""
    acceding: list[str] = field(default_factory=list)
    """States that asked this round to accede: they join at this round's resolution."""

    def clone(self) -> "AgreementRecord":
        """Set slot by slot, as `RouteRecord.clone`."""
        copy = _NEW(AgreementRecord)
        copy.id = self.id
        copy.kind = self.kind
        copy.parties = self.parties.copy()
        copy.terms = self.terms
        copy.proposal = self.proposal
        copy.signed = self.signed
        copy.ends = self.ends
        copy.status = self.status
        copy.breaches = self.breaches.copy()
        copy.unpaid = self.unpaid.copy()
        copy.ended_round = self.ended_round
        copy.ended_by = self.ended_by
        copy.joined = self.joined.copy()
        copy.acceding = self.acceding.copy()
        return copy

    def member_since(self, party: str) -> int:
        """The round whose resolution made `party` a member."""
        return self.joined.get(party, self.signed)

    def paying(self, now: int) -> list[str]:
        """The parties who owe their contribution in round `now`: those who became members before it
        (nobody is in breach for a payment that fell due before it could plan for it)."""
        if not self.joined:
            return self.parties if self.signed < now else []
        return [p for p in self.parties if self.member_since(p) < now]


@dataclass(slots=True, frozen=True)
class MessageRecord:
    round: int
    sender: str
    to: tuple[str, ...]
    text: str


@dataclass(slots=True, frozen=True)
class Training:
    """Officials of one capacity trained to an organization's standard, until a round."""

    by: str
    until: int


@dataclass(slots=True, frozen=True)
class Review:
    """A published review of a state: what it revealed and found."""

    round: int
    by: str
    victims: int
    gaps: str
    rising: bool


@dataclass(slots=True)
class OrgRecord:
    """An organization in play: its budget, this round's instrument orders, and its record."""

    id: str
    budget: float
    spent: float = 0.0
    """Points committed this round to instruments; the rest may go to funding it is party to."""
    ready: bool = False
    trainings: list[list[str]] = field(default_factory=list)
    """This round's orders: [state, capacity] pairs."""
    reviews: list[str] = field(default_factory=list)
    assists: dict[str, float] = field(default_factory=dict)
    campaigns: list[str] = field(default_factory=list)
    trained: list[str] = field(default_factory=list)
    """States it has trained, in the order it first did."""
    monitored: list[str] = field(default_factory=list)
    conditions: dict[str, list[FundingCondition]] = field(default_factory=dict)
    """State -> laws its assistance was conditional on, with their rounds."""
    barred: list[str] = field(default_factory=list)
    """States that broke the conditions of its assistance: it assists them no more."""

    def clone(self) -> "OrgRecord":
        """Set slot by slot, as `RouteRecord.clone`."""
        copy = _NEW(OrgRecord)
        copy.id = self.id
        copy.budget = self.budget
        copy.spent = self.spent
        copy.ready = self.ready
        copy.trainings = [order.copy() for order in self.trainings]
        copy.reviews = self.reviews.copy()
        copy.assists = self.assists.copy()
        copy.campaigns = self.campaigns.copy()
        copy.trained = self.trained.copy()
        copy.monitored = self.monitored.copy()
        copy.conditions = {target: laws.copy() for target, laws in self.conditions.items()}
        copy.barred = self.barred.copy()
        return copy


@dataclass(slots=True)
class GameState:
    world: World
    seed: int
    round: int
    """The round now open for orders; `rounds + 1` once the game is over."""
    states: dict[str, StateRecord]
    regions: dict[str, RegionRecord]
    networks: dict[str, NetworkRecord]
    fired_events: list[str]
    intelligence: dict[str, Intelligence]
    victim_rounds: float = 0.0
    """True victims summed over resolved rounds: the shared outcome."""
    last_figures: dict[str, dict[str, float]] = field(default_factory=dict)
    """Per state, last round's true `victims`, `identified` and `convictions`, for conditions and tiers."""
    next_network: int = 0
    proposals: dict[str, ProposalRecord] = field(default_factory=dict)
    agreements: dict[str, AgreementRecord] = field(default_factory=dict)
    messages: list[MessageRecord] = field(default_factory=list)
    commitments: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    """Promiser -> partner -> [kept, broken]: each round of an agreement paid or not, each early exit."""
    organizations: dict[str, OrgRecord] = field(default_factory=dict)
    training: dict[str, dict[str, Training]] = field(default_factory=dict)
    """State -> capacity -> officials trained to an organization's standard, while it lasts."""
    campaigns: dict[str, int] = field(default_factory=dict)
    """Region -> the last round an awareness campaign runs there."""
    reviews: dict[str, Review] = field(default_factory=dict)
    """State -> its latest published review."""
    injected: list[str] = field(default_factory=list)
    """Events the facilitator fired by hand this round, in order: they fire at the start of its
    resolution. Left out of the state's data while empty, so that games without one keep their hashes."""
    statements: list[StatementRecord] = field(default_factory=list)
    """Public statements, in the order of rounds and seats. Left out of the state's data while empty."""
    pledges: list[PledgeRecord] = field(default_factory=list)
    """Pledges, in the order of rounds and seats (`diplomacy.pledges`). Left out of the state's data while empty."""
    summits: dict[str, SummitRecord] = field(default_factory=dict)
    """Summits called or scheduled, by id (`diplomacy.summits`). Left out of the state's data while
    empty, so that games without one keep their hashes."""

    def copy_changing(self, *, states: tuple[str, ...] = (), organizations: tuple[str, ...] = (),
                      proposals: tuple[str, ...] | None = None) -> "GameState":
        """A copy that shares every record with this state but those named, which are its own: an
        order that changes one record costs that record's copy, not the whole state's. With
        `proposals` (even empty) the table of proposals is its own too, so one can be added."""
        copy = self._shallow_copy()
        if states:
            copy.states = dict(self.states)
            for state_id in states:
                copy.states[state_id] = self.states[state_id].clone()
        if organizations:
            copy.organizations = dict(self.organizations)
            for org_id in organizations:
                copy.organizations[org_id] = self.organizations[org_id].clone()
        if proposals is not None:
            copy.proposals = dict(self.proposals)
            for proposal_id in proposals:
                if proposal_id in copy.proposals:
                    copy.proposals[proposal_id] = copy.proposals[proposal_id].clone()
        return copy

    def _shallow_copy(self) -> "GameState":
        """Every field shared (`dataclasses.replace` does the same, five times slower)."""
        return _SHALLOW_COPY(self)

    def clone(self) -> "GameState":
        return GameState(
            self.world, self.seed, self.round,
            {k: v.clone() for k, v in self.states.items()},
            {k: v.clone() for k, v in self.regions.items()},
            {k: v.clone() for k, v in self.networks.items()},
            list(self.fired_events),
            {k: v.clone() for k, v in self.intelligence.items()},
            self.victim_rounds,
            {k: dict(v) for k, v in self.last_figures.items()},
            self.next_network,
            {k: v.clone() for k, v in self.proposals.items()},
            {k: v.clone() for k, v in self.agreements.items()},
            list(self.messages),
            {k: {p: list(c) for p, c in v.items()} for k, v in self.commitments.items()},
            {k: v.clone() for k, v in self.organizations.items()},
            {k: dict(v) for k, v in self.training.items()},
            dict(self.campaigns),
            dict(self.reviews),
            list(self.injected),
            list(self.statements),
            [pledge.clone() for pledge in self.pledges],
            {k: v.clone() for k, v in self.summits.items()},
        )


_GAME_STATE_FIELDS = tuple(f.name for f in fields(GameState))


def _shallow_copier() -> Callable[[GameState], GameState]:
    """A function that copies every field of a `GameState` by name, written from the fields as
    `dataclasses` writes `__init__`: an AI table copies a state for each of its orders, and a
    `setattr(getattr())` loop over the fields cost three times as much."""
    assigned = "".join(f"    copy.{name} = state.{name}\n" for name in _GAME_STATE_FIELDS)
    namespace: dict[str, object] = {"new": object.__new__, "GameState": GameState}
    exec(f"def shallow_copy(state):\n    copy = new(GameState)\n{assigned}    return copy\n", namespace)
    return namespace["shallow_copy"]  # type: ignore[return-value]


_SHALLOW_COPY = _shallow_copier()
