"""model card 5.6, justice: prosecutions follow identified cases, scaled by criminalization,
enforcement and corruption; convictions are about 0.4-0.5 of prosecutions with bonuses; convictions
remove periphery members; only joint investigations and extradition reach the core.

Criminalization (x0.2 without it) and the testimony bonus are cases of test_rules_laws.py;
corruption's (1 - C) is `test_corruption_dampens_every_enforcement_effect` there."""

from typing import Any

import pytest

from game.engine.justice import evidence
from game.model.parameters import Parameters
from tests.engine.play import play, setup

BIG_RING: dict[str, Any] = {
    "periphery": 800, "routes": [{"path": ["o", "t1", "d"], "form": "labour", "flow": 10000}],
}


def test_no_prosecutions_without_identified_cases() -> None:
    """model card 5.6: prosecutions follow identified cases: Transit Two sees no victims, so none."""
    game = play(setup(), rounds=3)
    for round_no in (1, 2, 3):
        alt = game.figures(round_no, "alt")
        assert alt.identified == 0 and alt.prosecutions == 0 and alt.convictions == 0


def test_prosecutions_follow_identified_cases() -> None:
    """model card 5.6: more identified cases, more prosecutions: compare states in one round."""
    game = play(setup(network=BIG_RING), rounds=1)
    dest, tran = game.figures(1, "dest"), game.figures(1, "tran")
    assert dest.identified > 2 * tran.identified, "the case needs two states with different caseloads"
    assert dest.prosecutions > 1.5 * tran.prosecutions


def test_enforcement_raises_prosecutions_per_identified_case() -> None:
    """model card 5.6: prosecutions scale with enforcement."""
    boost = {"id": "boost", "title": "Boost", "round": 1,
             "effects": [{"target": "state:dest", "field": "capacities.enforcement", "set": 10}]}
    strong = play(setup(network=BIG_RING, events=[boost]), rounds=1).figures(1, "dest")
    base = play(setup(network=BIG_RING), rounds=1).figures(1, "dest")
    per_case = strong.prosecutions / strong.identified, base.prosecutions / base.identified
    assert per_case[0] > 1.2 * per_case[1], f"prosecutions per identified victim at enforcement 10 and 3: {per_case}"


def test_convictions_are_about_two_fifths_to_a_half_of_prosecutions() -> None:
    """model card 5.6: convictions are about 0.4-0.5 of prosecutions (TIP 2017-2023)."""
    game = play(setup(network=BIG_RING))
    for state_id in ("tran", "dest"):
        ratio = game.total("convictions", state_id) / game.total("prosecutions", state_id)
        assert 0.33 <= ratio <= 0.6, f"{state_id}: {ratio:.2f} convictions per prosecution over the game"


def test_each_conviction_removes_a_periphery_member() -> None:
    """model card 5.6: convictions remove periphery members (of the networks whose victims the state
    identified)."""
    game = play(setup(network=BIG_RING), rounds=4)
    for round_no in range(1, 5):
        report = game.report(round_no)
        convictions = sum(f.convictions for f in report.states.values())
        removed = sum(f.periphery_removed for f in report.states.values())
        assert convictions > 0 and removed == convictions, f"round {round_no}: {convictions} convictions, {removed}"
        before = game.after(round_no - 1).networks["ring"].periphery
        ring = report.networks["ring"]
        assert ring.periphery == before - removed + ring.periphery_replaced


def test_convictions_never_reach_the_core() -> None:
    """model card 5.6: "only joint investigations and extradition reach the core": however many
    convictions, national justice leaves the leaders in place."""
    scenario = setup(network=BIG_RING, states={
        s: {"capacities": {"enforcement": 10}, "laws": ["criminalization", "victim_protection"]}
        for s in ("tran", "dest")
    })
    game = play(scenario)
    assert game.total("convictions", "dest") > 100
    assert all(game.network(r).core == 5 for r in range(1, 9)), [game.network(r).core for r in range(1, 9)]


def test_most_prosecutions_rest_on_testimony_where_the_reference_share_testify() -> None:
    """Model card 5.6 and 5.5b: a case with a victim's testimony goes to court far more often than one
    without; at the reference share of testimony (0.1) the TIP rates hold (x1) and `testimony_cases`
    (0.6) of prosecutions rest on testimony; more testimony, more prosecutions, none testifying fewer."""
    params = Parameters()
    reference, resting = params.testimony_reference, params.testimony_cases
    assert evidence(reference, reference, resting) == pytest.approx(1.0)
    without = evidence(0.0, reference, resting)
    with_testimony = evidence(1.0, reference, resting)
    assert reference * with_testimony == pytest.approx(resting)  # prosecutions from testifying cases at the reference
    assert without < 1.0 < evidence(0.3, reference, resting) < with_testimony
    assert evidence(0.4, reference, 0.0) == evidence(0.4, 0.0, resting) == 1.0  # testimony left out


def test_a_scenario_of_rules_5_that_names_testimony_prosecution_still_loads() -> None:
    """Rules 6 retired `testimony_prosecution` for `testimony_cases`: a save written before embeds its
    scenario with the old parameter, and must open (its rules version says it was made under others)."""
    assert Parameters.model_validate({"testimony_prosecution": 1.0}) == Parameters()
