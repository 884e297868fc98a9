"""Summits: a convention drafted clause by clause, voted, signed and ratified at home.

The nouns only. The clause catalogue ties each clause to an effect the engine already has (a law,
or an agreement kind of the catalogue), with the numbers an amendment may change inside a range;
`SummitSpec` is what a scenario declares; `SummitRecord` is what the engine evolves (part of the
game state, and so of its hash, only in games that hold a summit). The rules are in
`game.engine.diplomacy.summits`.
"""

from dataclasses import dataclass, field
from typing import Annotated, Literal

from pydantic import Field

from game.model.base import OMIT_IF_NONE, ScenarioModel, Slug, StrictModel

Rule = Literal["consensus", "qualified_majority"]
"""How a summit decides: nobody objects (and someone agrees), or a share of the votes cast."""


def the_summit(name: str, capital: bool = False) -> str:
    """'the Warsaw review', or a name that carries its own article as it is: 'the The Four Harbours
    Summit treaty' read badly in every event of a summit so named."""
    if name[:4].lower() == "the ":
        return ("The " if capital else "the ") + name[4:]
    return f"{'The' if capital else 'the'} {name}"


class ClauseNumber(StrictModel):
    """A number of a clause that amendments may change, within its range."""

    default: float
    low: float
    high: float
    meaning: str


class ClauseSpec(StrictModel):
    """One clause of the catalogue: what it binds a ratifying party to, through which engine effect."""

    id: Slug
    name: str
    law: Slug | None = Field(None, description="The law each party adopts (it enters into force after `delay`).")
    agreement: Slug | None = Field(None, description="The agreement kind (built-in id) the parties enter.")
    numbers: dict[str, ClauseNumber] = Field(default_factory=dict)
    reservable: bool = Field(description="Whether a party may sign with a reservation on it.")
    effect: str
    source: str

    def numbers_problem(self, numbers: dict[str, float]) -> str:
        """Why these numbers do not fit the clause (unknown name, out of range), or ''."""
        for name, value in numbers.items():
            number = self.numbers.get(name)
            if number is None:
                known = ", ".join(self.numbers) or "none"
                return f"the clause {self.id} has no number '{name}' (its numbers: {known})"
            if not number.low <= value <= number.high:
                return f"{self.id}.{name} must be between {number.low:g} and {number.high:g}, not {value:g}"
        return ""


def _clause(**fields: object) -> ClauseSpec:
    return ClauseSpec.model_validate(fields)


def _number(default: float, low: float, high: float, meaning: str) -> dict[str, float | str]:
    return {"default": default, "low": low, "high": high, "meaning": meaning}


_CONTRIBUTION = "points a round each party pays into it"


def _paid(clause: str, name: str, agreement: str, contribution: tuple[float, float, float], effect: str,
          source: str, reservable: bool = True) -> ClauseSpec:
    """A clause carried out by an agreement whose parties each pay a contribution (default, low, high).
    The low is half the default (the least a treaty may run on), never 0 for an agreement that costs
    something to run: a clause negotiated down to nothing would do all its work unpaid."""
    return _clause(id=clause, name=name, agreement=agreement, reservable=reservable, effect=effect, source=source,
                   numbers={"contribution": _number(*contribution, _CONTRIBUTION)})

BUILTIN_CLAUSES: dict[str, ClauseSpec] = {
    spec.id: spec
    for spec in (
        _clause(id="criminalization_duty", name="Duty to criminalize trafficking", law="criminalization",
                numbers={"delay": _number(1, 1, 4, "rounds until the law is in force in each party")},
                reservable=False,
                effect="Each party without it adopts the criminalization law (no further political cost).",
                source="Palermo Protocol art. 5; Council of Europe Convention art. 18"),
        _clause(id="non_punishment", name="Non-punishment and victim protection", law="victim_protection",
                numbers={"delay": _number(2, 1, 4, "rounds until the law is in force in each party")},
                reservable=True,
                effect="Each party adopts victim protection (and criminalization first, if it lacks it).",
                source="Council of Europe Convention art. 12-14 and 26"),
        _paid("information_sharing", "Information sharing on shared routes", "information_sharing", (2, 1, 5),
              "The parties share intelligence: detection bonus on networks active in both.",
              "Council of Europe Convention art. 32-34; ASEAN ACTIP art. 20"),
        _paid("mutual_legal_assistance", "Mutual legal assistance", "mutual_legal_assistance", (2, 1, 5),
              "Conviction bonus on cross-border cases between the parties.", "UNTOC art. 18; ASEAN ACTIP art. 18"),
        _paid("extradition", "Extradition", "extradition", (0, 0, 2),
              "Located leaders are surrendered between parties that criminalize trafficking.",
              "UNTOC art. 16; ASEAN ACTIP art. 23"),
        _paid("joint_teams", "Joint investigation teams", "joint_investigation_team", (3, 1, 6),
              "A joint team against the network the parties see carrying the most people.",
              "UNTOC art. 19; EU Framework Decision 2002/465/JHA"),
        _paid("repatriation", "Safe return and reintegration", "repatriation_protocol", (2, 1, 5),
              "Victims returned between the parties are re-trafficked less.",
              "Palermo Protocol art. 8; Council of Europe Convention art. 16"),
        _paid("labour_migration", "Labour-migration standards", "labour_migration_mou", (1, 0.5, 4),
              "Regular channels on the parties' labour corridors: less vulnerability and irregular demand.",
              "ILO Fair Recruitment principles; ASEAN Consensus on migrant workers 2017"),
        _paid("peer_review", "Peer review by a monitoring body", "regional_convention", (2, 1, 5),
              "A monitoring body reviews every party each round: reputation, and approval lost for weak pillars "
              "(parties need criminalization and victim protection in force).",
              "Council of Europe Convention art. 36-38 (GRETA)", reservable=False),
        _clause(id="funding_pool", name="Funding pool for victims' services", agreement="funding",
                numbers={"amount": _number(2, 1, 6, "points a round each richer party pays to a poorer one")},
                reservable=True,
                effect="The parties with budgets above the parties' median fund the protection of those below.",
                source="ASEAN ACTIP art. 25 (technical cooperation); UN Voluntary Trust Fund"),
    )
}


class DraftClause(ScenarioModel):
    """A clause of a draft: its catalogue id and the numbers set apart from the defaults."""

    clause: Slug = Field(description="A clause id from the catalogue (docs/model.md, summits).")
    numbers: dict[Slug, Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)]] = Field(
        default_factory=dict, description="Numbers changed from the clause's defaults, each within its range.")


class SummitSpec(ScenarioModel):
    """A summit the scenario schedules: a draft convention, the states at the table and its rule."""

    id: Slug = Field(description="The summit's id, as players name it in their orders.")
    name: str = Field(min_length=1, max_length=200, description="The name players read.")
    round: int = Field(ge=1, le=1000, description="The round it drafts in; it adopts the text the round after.")
    convenor: Annotated[Slug | None, OMIT_IF_NONE] = Field(
        None, description="The state or organization that hosts it; leave out for the facilitator's chair.")
    participants: Annotated[list[Slug] | None, OMIT_IF_NONE] = Field(
        None, description="The states at the table (those eligible to join the convention); every state if absent.")
    clauses: list[DraftClause] = Field(min_length=1, description="The draft, clause by clause.")
    rule: Rule = Field("consensus", description="consensus, or qualified_majority (of the votes cast).")
    majority: float = Field(2 / 3, ge=0.5, le=1.0, description="qualified_majority: the share of yes votes needed.")
    min_ratifications: int = Field(3, ge=2, le=100, description="Ratifications it needs to enter into force.")
    ratification_cost: float = Field(2.0, ge=0, le=20, description="Political capital a state spends to ratify.")
    ratification_rounds: int = Field(
        3, ge=1, le=50, description="Rounds after adoption in which a signatory is expected to ratify.")
    duration: int = Field(
        10, ge=2, le=50, description="Rounds its agreements are paid, from the round after they enter into force.")


# --- ratification ---------------------------------------------------------

BASE_CHANCE = 0.75
"""The chance a parliament ratifies when the government's approval is 50."""
APPROVAL_SLOPE = 1.4
"""Added to the chance per unit of (approval - 50) / 100: at 30 a treaty passes 47 times in 100,
at 0 hardly ever (the floor, 5 in 100)."""
LOWEST, HIGHEST = 0.05, 0.95
"""No parliament is certain either way."""


def chance(approval: float) -> float:
    """The chance a parliament ratifies, from the government's approval (0 to 100)."""
    return min(HIGHEST, max(LOWEST, BASE_CHANCE + APPROVAL_SLOPE * (approval - 50.0) / 100.0))


# --- views ------------------------------------------------------------------


class ClauseView(StrictModel):
    clause: str
    name: str
    numbers: dict[str, float] = Field(description="Every number of the clause, the defaults filled in.")
    reservable: bool


class AmendmentView(StrictModel):
    id: str
    by: str
    change: str
    clause: str
    numbers: dict[str, float]
    round: int
    votes: dict[str, str]
    carried: bool | None


class SummitView(StrictModel):
    """A summit as every seat sees it: the table is public, votes are recorded, signatures and
    ratifications are published."""

    id: str
    name: str
    convenor: str
    participants: list[str]
    rule: str
    majority: float
    opens: int
    phase: str = Field(description="scheduled, drafting, adoption, adopted, not_adopted or in_force.")
    draft: list[ClauseView]
    amendments: list[AmendmentView]
    text_votes: dict[str, str]
    status: str
    signed: dict[str, int]
    reservations: dict[str, list[str]]
    ratifying: list[str]
    ratified: dict[str, int]
    failed: dict[str, int]
    in_force: int | None
    agreements: dict[str, str]
    overdue: list[str]
    min_ratifications: int
    ratification_cost: float
    ratification_rounds: int
    duration: int
    invited: bool = False
    invitation: dict[str, str] = Field(default_factory=dict, description="Invited state -> its answer.")
    closed: str = Field("", description="Why nothing can be signed or ratified now (the game's last round), in the "
                                        "rules' words, or empty: a screen hides its Sign and Ratify and says this.")


# --- state ------------------------------------------------------------------


@dataclass(slots=True)
class ClauseRecord:
    clause: str
    numbers: dict[str, float]

    def clone(self) -> "ClauseRecord":
        return ClauseRecord(self.clause, dict(self.numbers))


@dataclass(slots=True)
class AmendmentRecord:
    id: str
    by: str
    change: str
    """`add`, `strike` or `change`."""
    clause: str
    numbers: dict[str, float]
    round: int
    votes: dict[str, str] = field(default_factory=dict)
    """Participant -> `yes`, `no` or `abstain`; the mover's yes is recorded as it moves."""
    carried: bool | None = None
    """None until the vote closes at the resolution of the drafting round."""

    def clone(self) -> "AmendmentRecord":
        return AmendmentRecord(self.id, self.by, self.change, self.clause, dict(self.numbers), self.round,
                               dict(self.votes), self.carried)


@dataclass(slots=True)
class SummitRecord:
    id: str
    name: str
    convenor: str
    participants: list[str]
    rule: str
    majority: float
    opens: int
    """The drafting round (amendments and their votes); the text is voted and signed in the next."""
    min_ratifications: int
    ratification_cost: float
    ratification_rounds: int
    duration: int
    draft: list[ClauseRecord]
    amendments: list[AmendmentRecord] = field(default_factory=list)
    text_votes: dict[str, str] = field(default_factory=dict)
    status: str = "open"
    """`open` (until its adoption vote), `adopted`, `not_adopted`, `in_force`, or `declined` (a called
    summit too few invited states agreed to attend)."""
    signed: dict[str, int] = field(default_factory=dict)
    """State -> the round it signed."""
    reservations: dict[str, list[str]] = field(default_factory=dict)
    ratifying: list[str] = field(default_factory=list)
    """Signatories whose parliaments vote this round."""
    ratified: dict[str, int] = field(default_factory=dict)
    failed: dict[str, int] = field(default_factory=dict)
    """State -> the last round its parliament refused to ratify."""
    in_force: int | None = None
    """The round whose resolution brought it into force."""
    agreements: dict[str, str] = field(default_factory=dict)
    """Clause (or `funding_pool:donor`) -> the agreement in force that carries it out."""
    overdue: list[str] = field(default_factory=list)
    """Signatories seen not to ratify within `ratification_rounds` of adoption."""
    invited: bool = False
    """Called by a state or an organization: the invited answer in the round before it opens, and it
    opens only if enough accept (a scenario's summit, or one the facilitator chairs, simply opens)."""
    invitation: dict[str, str] = field(default_factory=dict)
    """Invited state -> `yes`, `no` or `abstain` to the invitation."""

    def clone(self) -> "SummitRecord":
        return SummitRecord(
            self.id, self.name, self.convenor, list(self.participants), self.rule, self.majority, self.opens,
            self.min_ratifications, self.ratification_cost, self.ratification_rounds, self.duration,
            [c.clone() for c in self.draft], [a.clone() for a in self.amendments], dict(self.text_votes),
            self.status, dict(self.signed), {k: list(v) for k, v in self.reservations.items()},
            list(self.ratifying), dict(self.ratified), dict(self.failed), self.in_force, dict(self.agreements),
            list(self.overdue), self.invited, dict(self.invitation),
        )

    def clause_ids(self) -> list[str]:
        return [c.clause for c in self.draft]

    def phase(self, now: int) -> str:
        """`invitation` (a called summit, the round before it opens), `scheduled`, `drafting`,
        `adoption`, or after it the settled status (`declined` if too few accepted the invitation)."""
        if self.status == "declined":
            return "declined"
        if self.invited and now == self.opens - 1:
            return "invitation"
        if now < self.opens:
            return "scheduled"
        if now == self.opens:
            return "drafting"
        if now == self.opens + 1 and self.status == "open":
            return "adoption"
        return self.status
