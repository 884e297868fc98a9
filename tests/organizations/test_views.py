"""What an organization's team may see (issue 9, point 3): its own record and brief, the states'
public figures, the published reviews, the map and the public treaties; never a state's brief,
budget, capacities or allocation, nor true victims except those a published review revealed. The
checks read the JSON a screen or a remote seat would receive."""

import json
from typing import Any

from game.engine import apply, new_game, resolve_round
from game.engine.views import org_view, seat_view, view
from game.model.report import RoundReport
from game.model.scenario import Scenario
from game.model.state import GameState
from game.model.view import OrgView, PlayerView
from tests.diplomacy.deals import propose
from tests.engine.play import holding
from tests.organizations.helpers import ORG, monitor, organization, train, with_org

PRIVATE_STATE_KEYS = {"brief", "budget", "available", "capacities", "allocation", "political_capital", "corruption",
                      "pending_laws", "pending_repeals", "victims_estimate", "committed", "objectives", "routes"}


def briefed() -> Scenario:
    states = {s: {"brief": f"SECRET-BRIEF-{s}"} for s in ("orig", "tran", "alt", "dest")}
    return with_org(states=states, organizations=[organization(brief="ORG-BRIEF"),
                                   organization("ngo", name="Other", kind="ngo", brief="OTHER-ORG-BRIEF")])


def keys(data: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(data, dict):
        for key, value in data.items():
            found.add(key)
            found |= keys(value)
    elif isinstance(data, list):
        for item in data:
            found |= keys(item)
    return found


def played_with_a_review() -> tuple[GameState, RoundReport]:
    scenario = briefed()
    state = new_game(scenario)
    state = apply(state, holding(scenario, "dest", protection=2), by="dest")
    state = apply(state, monitor("dest"), by=ORG)
    state = apply(state, train("orig"), by=ORG)
    state, report = resolve_round(state)
    return state, report


def test_an_organizations_view_holds_no_states_private_record() -> None:
    state, _ = played_with_a_review()
    seen = org_view(state, ORG)
    text = seen.model_dump_json()
    data = json.loads(text)
    assert "SECRET-BRIEF" not in text and "OTHER-ORG-BRIEF" not in text
    assert data["me"]["brief"] == "ORG-BRIEF"
    for public in data["states"]:
        leaked = PRIVATE_STATE_KEYS & set(public)
        assert not leaked, f"{public['id']}: {sorted(leaked)} in an organization's view"
    assert "networks" not in data and "routes" not in keys(data) and "The Ring" not in text
    assert "stock" not in keys(data) and "tau" not in keys(data)
    assert {s["id"] for s in data["states"]} == {"orig", "tran", "alt", "dest"}
    assert data["me"]["trained"] == ["orig"] and data["me"]["monitored"] == ["dest"]


def test_true_victims_appear_only_where_a_review_published_them() -> None:
    state, report = played_with_a_review()
    data = json.loads(org_view(state, ORG).model_dump_json())
    by_id = {s["id"]: s for s in data["states"]}
    assert by_id["dest"]["review"]["victims"] == report.states["dest"].victims_exploited
    assert by_id["dest"]["review"]["by"] == ORG
    for other in ("orig", "tran", "alt"):
        assert by_id[other]["review"] is None
    unreviewed = {report.states[s].victims_exploited for s in ("orig", "tran", "alt")} - {0}
    numbers: set[float] = set()

    def collect(value: Any, inside_review: bool = False) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                collect(item, inside_review or key == "review")
        elif isinstance(value, list):
            for item in value:
                collect(item, inside_review)
        elif isinstance(value, int | float) and not isinstance(value, bool) and not inside_review:
            numbers.add(value)

    collect(data)
    assert not unreviewed & numbers, "a state's true victims leaked without a review"
    assert "victims" not in keys({k: v for k, v in data.items() if k != "states"})


def test_an_organization_sees_its_own_negotiations_and_the_public_treaties_only() -> None:
    scenario = briefed()
    state = new_game(scenario)
    state = apply(state, propose("orig", "information_sharing", "tran"), by="orig")
    seen = org_view(state, ORG)
    assert seen.proposals == [], "the states' own negotiations are private to them"
    assert seen.messages == []


def test_seat_view_gives_each_seat_its_own_kind_of_view() -> None:
    state, _ = played_with_a_review()
    assert isinstance(seat_view(state, ORG), OrgView)
    assert isinstance(seat_view(state, "dest"), PlayerView)
    mine = view(state, "dest")
    text = mine.model_dump_json()
    assert "ORG-BRIEF" not in text, "a state never reads an organization's brief"
    assert [o.review.by for o in mine.others if o.review] == []
    seen_by_orig = view(state, "orig")
    reviewed = next(o for o in seen_by_orig.others if o.id == "dest")
    assert reviewed.review is not None and reviewed.review.victims > 0, "a published review is public"
    assert seen_by_orig.me.id == "orig"
    trained = next(o for o in view(state, "dest").others if o.id == "orig")
    assert trained.trained_by == {"enforcement": ORG}


def test_the_organization_view_tells_what_is_left_and_what_each_instrument_costs() -> None:
    scenario = briefed()
    state = apply(new_game(scenario), train("dest"), by=ORG)
    seen = org_view(state, ORG)
    assert seen.me.left == 7 and seen.me.budget == 10
    assert seen.costs == {"train": 3, "monitor": 2, "campaign": 2, "convene": 2}
    assert seen.me.mandate == ["train", "monitor", "assist", "campaign", "convene"]
