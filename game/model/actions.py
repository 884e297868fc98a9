"""What a player does: one discriminated union on `type`.

Each action names its actor: `state` for a state's orders, `org` for an organization's. Policy
orders (`allocate`, `adopt_law`, `repeal_law`) belong to states alone and touch only the acting
state; diplomacy (`propose`, `respond`, `withdraw`, `message`) and `ready` are open to both, `accede`
(to a convention) to states; the instruments (`train`, `monitor`, `assist`, `campaign`, `convene`)
belong to organizations. The facilitator alone may `inject` a scenario event by hand; it is logged
like any order, so a replay fires it again at the same moment.
"""

from typing import Annotated, Literal

from pydantic import Field, TypeAdapter, field_validator, model_validator

from game.model.amounts import Points, PositivePoints, RoundNumber
from game.model.base import Slug, StrictModel
from game.model.summit import DraftClause, Rule
from game.model.terms import FundingCondition, Terms
from game.model.text import PlayerLine, PlayerText
from game.model.vocabulary import CapacityName

MAX_RECIPIENTS = 64
"""Recipients of one message: more than any table seats."""


class ActionBase(StrictModel):
    round: RoundNumber | None = Field(None, description="The round the order is for; refused if not the open one.")

    @property
    def actor(self) -> str:
        raise NotImplementedError


class StateAction(ActionBase):
    state: Slug = Field(description="The acting state.")

    @property
    def actor(self) -> str:
        return self.state


class PartyAction(ActionBase):
    """An action a state or an organization may take: name exactly one of `state` or `org`."""

    state: Slug | None = Field(None, description="The acting state.")
    org: Slug | None = Field(None, description="The acting organization.")

    @model_validator(mode="after")
    def _one_actor(self) -> "PartyAction":
        if (self.state is None) == (self.org is None):
            raise ValueError("name exactly one of 'state' or 'org' as the actor")
        return self

    @property
    def actor(self) -> str:
        return self.state if self.state is not None else str(self.org)


class OrgAction(ActionBase):
    org: Slug = Field(description="The acting organization.")

    @property
    def actor(self) -> str:
        return self.org


class Allocate(StateAction):
    """This round's budget, points per capacity; it stands until changed. Points left over are not spent."""

    type: Literal["allocate"] = "allocate"
    budget: dict[CapacityName, Points]


class AdoptLaw(StateAction):
    type: Literal["adopt_law"] = "adopt_law"
    law: Slug


class RepealLaw(StateAction):
    type: Literal["repeal_law"] = "repeal_law"
    law: Slug


class Ready(PartyAction):
    """Done for the round; the round resolves when every seat is ready."""

    type: Literal["ready"] = "ready"


NOTE_CHARACTERS = 300
"""The longest line a party gives with a proposal or an answer: a line, not a letter (a message says more)."""


class Propose(PartyAction):
    """Propose an agreement to other parties; with `counters`, it replaces an open proposal."""

    type: Literal["propose"] = "propose"
    agreement: Slug = Field(description="The kind of agreement, from the catalogue.")
    parties: list[Slug] = Field(min_length=1, max_length=MAX_RECIPIENTS,
                                description="Every party, the proposer among them.")
    terms: Terms = Field(default_factory=Terms)
    counters: PlayerLine | None = Field(None, description="The id of the open proposal this one replaces.")
    note: PlayerLine = Field("", max_length=NOTE_CHARACTERS, description=(
        "The proposer's line, for the parties to read beside the terms ('we carry Laos's share for two years'); "
        "empty: none."))


class Respond(PartyAction):
    type: Literal["respond"] = "respond"
    proposal: PlayerLine
    answer: Literal["accept", "reject"]
    note: PlayerLine = Field("", max_length=NOTE_CHARACTERS, description=(
        "Why, in a line, for the proposal's parties to read beside the answer ('cannot pay 2 points a round; "
        "it could pay 0.4'); empty: none."))


class Withdraw(PartyAction):
    """Leave an agreement in force (a broken commitment before its term), or take back a proposal."""

    type: Literal["withdraw"] = "withdraw"
    agreement: PlayerLine


class Accede(StateAction):
    """Join a convention in force as a new party: it joins at this round's resolution, spends the
    convention's political cost, and pays its contribution from the round after."""

    type: Literal["accede"] = "accede"
    agreement: str = Field(description="The id of the convention in force.")


class Message(PartyAction):
    """Free press: recorded, seen by its recipients and the facilitator."""

    type: Literal["message"] = "message"
    to: list[Slug] = Field(min_length=1, description="Each recipient once (a repeated one is dropped).")
    text: PlayerText = Field(min_length=1, max_length=4000)

    @field_validator("to")
    @classmethod
    def _each_once(cls, to: list[str]) -> list[str]:
        """Recipients in the order given, each once, and no more than a table can seat: a list of
        thousands is refused, not stored as sent (the engine checks each is at the table)."""
        once = list(dict.fromkeys(to))
        if len(once) > MAX_RECIPIENTS:
            raise ValueError(f"at most {MAX_RECIPIENTS} recipients, not {len(once)}")
        return once


class Train(OrgAction):
    """Train a state's officials to the organization's standard: its enforcement, protection or
    labour inspection works better for some rounds, and joint teams of states whose police were
    trained alike work better together."""

    type: Literal["train"] = "train"
    target: Slug = Field(description="The state whose officials are trained.")
    capacity: Literal["enforcement", "protection", "labour_inspection"]


class Monitor(OrgAction):
    """Review a state and publish it, as GRETA's country reports do."""

    type: Literal["monitor"] = "monitor"
    target: Slug = Field(description="The state reviewed.")


class Assist(OrgAction):
    """Fund victim services in a state (its protection capacity), with or without conditions."""

    type: Literal["assist"] = "assist"
    target: Slug = Field(description="The state whose victim services are funded.")
    amount: PositivePoints = Field(description="Points this round.")
    conditions: list[FundingCondition] = Field(default_factory=list, description="Laws it must adopt by a round.")


class Campaign(OrgAction):
    """An awareness campaign in a region: less vulnerability, more self-identification."""

    type: Literal["campaign"] = "campaign"
    region: Slug


class Convene(OrgAction):
    """Host a multilateral negotiation: a regional convention proposed to `parties` under the
    organization's auspices, cheaper to sign and opening on a little more trust."""

    type: Literal["convene"] = "convene"
    agreement: Slug = Field(description="A convention kind from the catalogue.")
    parties: list[Slug] = Field(min_length=3, description="The states invited.")
    terms: Terms = Field(default_factory=Terms)


FACILITATOR = "facilitator"
"""The actor of the facilitator's actions: no seat has this id (a slug names states, so a scenario
could in principle use it; the engine then still tells them apart by the action's type)."""


class Inject(ActionBase):
    """The facilitator fires one of the scenario's events now (an 'inject'): it takes effect at the
    start of this round's resolution, as if scripted for this round, and never fires again."""

    type: Literal["inject"] = "inject"
    event: Slug = Field(description="The id of an event of the scenario that has not fired yet.")

    @property
    def actor(self) -> str:
        return FACILITATOR


# -- public statements and pledges ------------------------------------------------------------------
MAX_STATEMENT = 1000
"""Characters in one public statement: a paragraph read out at the table, not a treaty."""

PledgeKind = Literal["fund", "adopt_law", "pay_dues", "accede"]
"""What a pledge promises: `fund` a capacity with at least `points` every round through `due`;
`adopt_law` by `due`; `pay_dues` to an agreement every round through `due`; `accede` to a convention
by `due`."""

PLEDGE_FIELDS: dict[str, tuple[str, ...]] = {
    "fund": ("capacity", "points"), "adopt_law": ("law",), "pay_dues": ("agreement",), "accede": ("agreement",),
}
"""The fields each kind of pledge needs; the others must be left out."""


class Statement(PartyAction):
    """A public statement: every seat reads it in the news of the round."""

    type: Literal["statement"] = "statement"
    text: PlayerText = Field(min_length=1, max_length=MAX_STATEMENT)

    @field_validator("text")
    @classmethod
    def _not_blank(cls, text: str) -> str:
        if not text.strip():
            raise ValueError("a statement needs some words")
        return text.strip()


class Pledge(StateAction):
    """A public, non-binding promise the game checks: its `kept` verdict comes at the resolution of
    round `due`, from what the state did (docs/model.md, section "Pledges")."""

    type: Literal["pledge"] = "pledge"
    kind: PledgeKind
    due: RoundNumber = Field(description="The last round the pledge covers; judged at its resolution.")
    capacity: CapacityName | None = Field(None, description="For `fund`: the capacity funded.")
    points: PositivePoints | None = Field(None, description="For `fund`: the least points a round.")
    law: Slug | None = Field(None, description="For `adopt_law`: the law adopted.")
    agreement: PlayerLine | None = Field(None, description="For `pay_dues` and `accede`: the agreement's id.")

    @model_validator(mode="after")
    def _fields_of_kind(self) -> "Pledge":
        needed = PLEDGE_FIELDS[self.kind]
        missing = [name for name in needed if getattr(self, name) is None]
        if missing:
            raise ValueError(f"a '{self.kind}' pledge needs {' and '.join(missing)}")
        extra = [name for name in ("capacity", "points", "law", "agreement")
                 if name not in needed and getattr(self, name) is not None]
        if extra:
            raise ValueError(f"a '{self.kind}' pledge takes no {' or '.join(extra)}")
        return self


# --- summits (issue 19: the negotiating table) -------------------------------


class SummitCall(StrictModel):
    """What calling a summit names: its draft, its table and its rule."""

    name: PlayerLine = Field(description="The name players read.")
    participants: list[Slug] = Field(min_length=2, max_length=MAX_RECIPIENTS, description="The states invited.")
    clauses: list[DraftClause] = Field(min_length=1, max_length=20, description="The draft, clause by clause.")
    rule: Rule = "consensus"
    majority: float = Field(2 / 3, ge=0.5, le=1.0, description="qualified_majority: share of yes votes needed.")
    min_ratifications: int = Field(3, ge=2, le=MAX_RECIPIENTS, description="Ratifications to enter into force.")


class CallSummit(PartyAction, SummitCall):
    """Convene a summit on a draft convention: it drafts next round (amendments and their votes),
    votes and signs the text the round after, and the signatories then ratify at home."""

    type: Literal["call_summit"] = "call_summit"


class ChairSummit(ActionBase, SummitCall):
    """The facilitator convenes and chairs a summit (as `call_summit`); logged like any order."""

    type: Literal["chair_summit"] = "chair_summit"

    @property
    def actor(self) -> str:
        return FACILITATOR


class Amend(StateAction):
    """Move an amendment to a summit's draft while it is drafting: add a clause, strike one, or change
    a clause's numbers. The mover's yes vote is counted."""

    type: Literal["amend"] = "amend"
    summit: PlayerLine
    change: Literal["add", "strike", "change"]
    clause: Slug
    numbers: dict[Slug, Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)]] = Field(default_factory=dict)


class Vote(StateAction):
    """Vote on an amendment (`item`: its id) while the summit drafts, or on the whole text
    (`item`: `text`) in its adoption round."""

    type: Literal["vote"] = "vote"
    summit: PlayerLine
    item: PlayerLine
    choice: Literal["yes", "no", "abstain"]


class Sign(StateAction):
    """Sign the text in its adoption round (or once adopted), with reservations on clauses that allow them."""

    type: Literal["sign"] = "sign"
    summit: PlayerLine
    reservations: list[Slug] = Field(default_factory=list, max_length=20)


class Ratify(StateAction):
    """Put the signed treaty to the state's parliament: it costs political capital now, and passes at
    the resolution with a chance that grows with approval."""

    type: Literal["ratify"] = "ratify"
    summit: PlayerLine


SUMMIT_ACTIONS = (CallSummit, ChairSummit, Amend, Vote, Sign, Ratify)


Action = Annotated[
    Allocate | AdoptLaw | RepealLaw | Ready | Propose | Respond | Withdraw | Accede | Message
    | Train | Monitor | Assist | Campaign | Convene | Inject
    | Statement | Pledge
    | CallSummit | ChairSummit | Amend | Vote | Sign | Ratify,
    Field(discriminator="type"),
]
ACTION_ADAPTER: TypeAdapter[Action] = TypeAdapter(Action)
INSTRUMENTS = ("train", "monitor", "assist", "campaign", "convene")
