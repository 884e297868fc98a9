"""Which states may join an agreement: a scenario's `eligible` list (ACTIP for ASEAN members only)
is enforced by the rules and respected by the AI; a law may carry a state's own name for it."""

import json
from typing import Any

import pytest

from game.ai.registry import assign
from game.engine import ActionRejected, apply, new_game, view
from game.model.actions import Propose
from game.model.scenario import Scenario
from game.scenario.library import resolve_scenario
from game.scenario.loader import check_scenario_text
from game.scenario.yaml_source import read_yaml
from game.session.balance import played

ASEAN = ["cambodia", "laos", "myanmar", "thailand", "vietnam"]


def mekong(**changes: Any) -> Scenario:
    """Mekong without its history (ACTIP is in force at its start, so nobody would propose it)."""
    data, _ = read_yaml(resolve_scenario("mekong"))
    data.pop("agreements_in_force", None)
    for entry in data["agreements"]:
        if entry["id"] == "actip" and "eligible" in changes:
            entry["eligible"] = changes["eligible"]
    if "names" in changes:
        data["laws"].append({"id": "criminalization", "names": changes["names"]})
    scenario, problems = check_scenario_text(json.dumps(data))
    assert scenario is not None, [str(problem) for problem in problems]
    return scenario


def actip_parties(scenario: Scenario, seeds: range) -> set[str]:
    found: set[str] = set()
    for seed in seeds:
        seats = assign([s.id for s in scenario.states], "cooperative", seed, [o.id for o in scenario.organizations])
        final = played(scenario, seed, seats)
        for proposal in final.proposals.values():
            if proposal.kind == "actip":
                found.update(proposal.parties)
    return found


def test_without_a_list_the_ai_offers_actip_to_china() -> None:
    """The case the list exists for: without it, the AI brings a non-member into ACTIP."""
    assert "china" in actip_parties(mekong(), range(2))


def test_the_ai_offers_an_agreement_only_to_eligible_states() -> None:
    parties = actip_parties(mekong(eligible=ASEAN), range(2))
    assert parties and parties <= set(ASEAN)


def test_the_rules_refuse_a_state_that_is_not_eligible() -> None:
    state = new_game(mekong(eligible=ASEAN), 0)
    with pytest.raises(ActionRejected, match="open only to cambodia, laos, myanmar, thailand, vietnam: china may not"):
        apply(state, Propose(state="thailand", agreement="actip", parties=["thailand", "vietnam", "china"]))


def test_an_unknown_state_in_the_list_is_an_error() -> None:
    data, _ = read_yaml(resolve_scenario("mekong"))
    next(entry for entry in data["agreements"] if entry["id"] == "actip")["eligible"] = ["cambodja"]
    _, problems = check_scenario_text(json.dumps(data))
    assert any("unknown state 'cambodja'; did you mean 'cambodia'?" in str(problem) for problem in problems)


def test_a_state_reads_its_own_name_of_a_law() -> None:
    state = new_game(mekong(names={"thailand": "Anti-Trafficking in Persons Act B.E. 2551"}), 0)
    assert view(state, "thailand").rules.laws["criminalization"].name == "Anti-Trafficking in Persons Act B.E. 2551"
    assert view(state, "laos").rules.laws["criminalization"].name == "Criminalization of trafficking"
