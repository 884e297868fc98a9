"""What happened in one round, with the true figures (for the facilitator) beside the observed ones.

`game.engine.views` decides which parts a player may read; the report itself is the whole truth.
"""

from dataclasses import dataclass, field


@dataclass(slots=True)
class StateFigures:
    # true, hidden from players
    victims_exploited: int = 0
    """People held in exploitation in its regions at the end of the round."""
    inflow: int = 0
    """People trafficked from elsewhere who entered its regions this round."""
    recruited: int = 0
    """People recruited from its regions this round."""
    arrived: int = 0
    """People who reached exploitation in its regions this round."""
    escaped: int = 0
    # observed, published
    detected_in_transit: int = 0
    identified_in_exploitation: int = 0
    identified: int = 0
    prosecutions: int = 0
    convictions: int = 0
    assisted: int = 0
    retrafficked: int = 0
    periphery_removed: int = 0
    assets_seized: float = 0.0
    """Networks' capital confiscated this round (thousand USD): it funds victims' services."""
    migrants_stopped: int = 0
    """Migrants who are not trafficked (smuggled, irregular) stopped at its borders (`migration`)."""
    migrants_returned: int = 0
    """Of those, the people sent back to where they set out from."""
    migrants_diverted: int = 0
    """Smuggled migrants who went around its border checks with smugglers (`migration.cross`)."""
    recruited_diverted: int = 0
    """Of those, the people networks took through their debts to the smugglers."""
    recruited_returned: int = 0
    """People sent back to its regions (by any state's border) whom networks recruited again this round."""
    victims_deported: int = 0
    """Victims caught in transit whom its border screening did not recognise: sent back as migrants."""
    came_forward: int = 0
    """Victims identified in exploitation because they came forward themselves (`victims_decide`)."""
    testimonies: int = 0
    """Identified victims who agreed to testify: evidence for prosecutions and convictions."""
    identified_children: int = 0
    """Of the identified, children (by the shares of the routes they were taken on)."""
    identified_female: int = 0
    """Of the identified, women and girls."""
    labour_inspections: int = 0
    """Victims of forced labour identified by its labour inspectors (their share of the finds)."""
    moved_on: int = 0
    """People whom a network moved on or took back after its sites were raided (counted in `retrafficked`)."""
    # the state itself
    budget: float = 0.0
    upkeep: float = 0.0
    spent: dict[str, float] = field(default_factory=dict)
    contributed: float = 0.0
    """Points paid into agreements this round."""
    funding_received: float = 0.0
    funding: dict[str, dict[str, float]] = field(default_factory=dict)
    """Who paid `funding_received`, and into which capacity: donor (a state's grant, an organization's
    assistance) -> capacity -> points. `spent` counts it with the state's own allocation: the round
    report tells the two apart. Left out of the saved report when empty (`report_to_data`)."""
    capacities: dict[str, float] = field(default_factory=dict)
    laws: list[str] = field(default_factory=list)
    laws_entered: list[str] = field(default_factory=list)
    laws_repealed: list[str] = field(default_factory=list)
    approval: float = 0.0
    political_capital: float = 0.0
    corruption: float = 0.0
    scores_4p: dict[str, int] = field(default_factory=dict)
    tier: str = "3"


@dataclass(slots=True)
class RouteFigures:
    id: str
    path: list[str]
    form: str
    flow: int
    detected: int = 0
    arrived: int = 0
    risk: float = 0.0
    held: bool = True
    """False for a route the network gave up (or a splinter took) at the end of this round: its
    figures are this round's, and it has no risk belief any more."""


@dataclass(slots=True)
class StockFigures:
    """One network's people in exploitation in one region for one form: the round's account,
    `held` = held before + `arrived` - `identified` - `escaped`."""

    region: str
    form: str
    arrived: int = 0
    identified: int = 0
    escaped: int = 0
    held: int = 0
    """At the end of the round."""


@dataclass(slots=True)
class NetworkFigures:
    capital: float
    core: int
    periphery: int
    tau: float
    active: bool
    routes: list[RouteFigures]
    recruited: int = 0
    interdicted: int = 0
    loss_share: float = 0.0
    victims: int = 0
    periphery_replaced: int = 0
    stock: list[StockFigures] = field(default_factory=list)
    """Where its victims are held, region by region and form by form (true, hidden)."""
    revenue: float = 0.0
    """Profit of the people it held this round, before costs (thousand USD)."""
    costs: float = 0.0
    """Pay, transport, bribes and the convicted, this round."""
    seized: float = 0.0
    """Capital confiscated from it this round."""
    deserted: int = 0
    """Members who left because it could not pay them."""
    successors: int = 0
    """Members being promoted to replace removed leaders."""


@dataclass(slots=True)
class EventRecord:
    id: str
    title: str
    text: str
    kind: str
    """`scripted`, `injected` (by the facilitator), `shock`, `emergence`, `split` or `collapse`."""
    effects: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Displacement:
    network: str
    form: str
    dropped: list[str]
    """The path given up."""
    dropped_flow: int
    """People a round that moved: the flow of the route given up (`detection`), or the part of a
    route's trade its site lost (`site`: the route stays)."""
    opened: list[str] | None
    """The path the flow moved to, or None when nothing reappeared."""
    reach_moved: float
    risk: float
    """The network's risk belief on the dropped route."""
    pressure_region: str
    pressure_state: str | None
    """The region (and the state controlling it) whose detection made the route too risky."""
    received_by: list[str]
    """States whose territory the new path crosses and the old one did not."""
    cause: str = "detection"
    """`detection`: the route grew too risky (`risk` is the network's belief); `site`: the place of
    exploitation stopped paying (`risk` is the share of its demand lost), whatever the reason;
    `money`: the network was losing money and moved its riskiest route, within its tolerance, onto a
    clearly safer path (`risk` is its belief; `pressure_region` the route's riskiest place)."""


@dataclass(slots=True)
class OrgFigures:
    """What an organization did with its budget this round."""

    budget: float
    spent: float
    trained: list[list[str]] = field(default_factory=list)
    """[state, capacity] pairs."""
    reviewed: list[str] = field(default_factory=list)
    assisted: dict[str, float] = field(default_factory=dict)
    campaigns: list[str] = field(default_factory=list)


@dataclass(slots=True)
class RoundReport:
    round: int
    states: dict[str, StateFigures]
    networks: dict[str, NetworkFigures]
    events: list[EventRecord]
    displacement: list[Displacement]
    victims_total: int = 0
    state_hash: str = ""
    organizations: dict[str, OrgFigures] = field(default_factory=dict)
    cases: dict[str, str] = field(default_factory=dict)
    """State -> one person in its numbers of the round (`cases.case`)."""
