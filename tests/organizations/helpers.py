"""Helpers for the organizations' rule cases, on the corridor of `tests.engine.maps` (origin `orig`,
transit `tran`, alternative `alt`, destination `dest`; the network `ring` runs o -> t1 -> d).

One organization sits at the table: `un`, with every instrument and 10 points a round unless a case
says otherwise. A rule case reads as in tests/engine: set up (`with_org(...)`), order
(`{round: [actions]}`), resolve (`play`), assert, most often against the same seed without the order.
"""

from collections.abc import Mapping
from typing import Any, Literal

from game.model.actions import Assist, Campaign, Convene, Monitor, Train
from game.model.scenario import Scenario
from game.model.terms import FundingCondition, Terms
from tests.engine.play import setup

ORG = "un"
EVERY_INSTRUMENT = ["train", "monitor", "assist", "campaign", "convene"]

STRONG: dict[str, Any] = {
    "capacities": {"enforcement": 8, "border": 6, "protection": 8, "prevention": 8, "intelligence": 8, "cyber": 4},
    "laws": ["criminalization", "victim_protection", "referral_mechanism", "national_rapporteur",
             "supply_chain_transparency", "fair_recruitment"],
    "corruption": 0.1,
}
"""A state whose four pillars all score 3 or more: a review finds no gap in it, and it is Tier 1."""

CONVENTION_READY: dict[str, Any] = {"laws": ["criminalization", "victim_protection"]}
"""A state holding the laws a regional convention requires."""


def organization(org_id: str = ORG, **changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"id": org_id, "name": "United Nations Office", "kind": "intergovernmental",
                            "budget": 10, "mandate": list(EVERY_INSTRUMENT)}
    data.update(changes)
    return data


def with_org(*, org: Mapping[str, Any] | None = None, organizations: list[dict[str, Any]] | None = None,
             **changes: Any) -> Scenario:
    """The corridor with changes (as `tests.engine.play.setup`) and organization `un` (changed by
    `org`), or the `organizations` given."""
    orgs = organizations if organizations is not None else [organization(**dict(org or {}))]
    return setup(organizations=orgs, **changes)


def without_orgs(scenario: Scenario) -> Scenario:
    return scenario.model_copy(update={"organizations": []})


def train(target: str, capacity: Literal["enforcement", "protection", "labour_inspection"] = "enforcement",
          by: str = ORG) -> Train:
    return Train(org=by, target=target, capacity=capacity)


def monitor(target: str, by: str = ORG) -> Monitor:
    return Monitor(org=by, target=target)


def assist(target: str, amount: float = 3.0, by: str = ORG, **conditions: int) -> Assist:
    """`conditions`: law -> the round by which the target must have adopted it."""
    return Assist(org=by, target=target, amount=amount,
                  conditions=[FundingCondition(law=law, by_round=when) for law, when in conditions.items()])


def campaign(region: str, by: str = ORG) -> Campaign:
    return Campaign(org=by, region=region)


def convene(*parties: str, agreement: str = "regional_convention", by: str = ORG, **terms: Any) -> Convene:
    return Convene(org=by, agreement=agreement, parties=list(parties), terms=Terms(**terms))
