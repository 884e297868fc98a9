"""Model card section 3, laws: a state adopts or repeals them alone. Each law has a political-capital
cost, a budget upkeep, prerequisites, an enactment delay, an effect on approval, and an effect.

Where an effect is statistical, the case plays the same scenario and seed twice, with and without the
order, and compares: the random streams are the same, so the difference is the law's."""

from typing import Any

import pytest

from game.engine import view
from game.model.actions import AdoptLaw
from game.model.catalogue import BUILTIN_LAWS
from tests.engine.play import Game, adopt, play, repeal, setup

ALL_PREREQUISITES = ["criminalization", "victim_protection"]
BIG_RING: dict[str, Any] = {
    "periphery": 800, "routes": [{"path": ["o", "t1", "d"], "form": "labour", "flow": 10000}],
}
"""A network ten times the corridor's, so that small rates give counts with clear margins."""
ALL_ONLINE: dict[str, Any] = {"tech": 1.0}


def with_and_without(order: Any, rounds: int, **changes: Any) -> tuple[Game, Game]:
    scenario = setup(**changes)
    return play(scenario, {1: [order]}, rounds=rounds), play(scenario, rounds=rounds)


# Delays, costs, approval, repeal


@pytest.mark.parametrize("law", sorted(BUILTIN_LAWS))
def test_law_enters_into_force_after_its_delay(law: str) -> None:
    """Model card 3: each law has an enactment delay: adopted in round 1 with delay d, it is in force
    from the resolution of round 1 + d, and not before."""
    holder = "orig"
    held = [] if law == "criminalization" else (["criminalization"] if law in ("victim_protection",
                                                                            "asset_confiscation") else
                                                  ALL_PREREQUISITES if law == "referral_mechanism" else [])
    scenario = setup(states={holder: {"laws": held, "political_capital": 10}})
    delay = BUILTIN_LAWS[law].delay
    game = play(scenario, {1: [adopt(holder, law)]}, rounds=1 + delay)
    for round_no in range(1, 1 + delay):
        assert law not in game.after(round_no).states[holder].laws, f"{law} in force before its delay of {delay}"
    assert law in game.after(1 + delay).states[holder].laws, f"{law} should be in force after round {1 + delay}"
    assert game.figures(1 + delay, holder).laws_entered == [law]


@pytest.mark.parametrize("law", ["criminalization", "national_rapporteur", "anti_corruption"])
def test_law_upkeep_is_charged_every_round_it_is_in_force(law: str) -> None:
    """Model card 3: each law has a budget upkeep, paid from its entry into force."""
    scenario = setup(states={"orig": {"laws": []}})
    game = play(scenario, {1: [adopt("orig", law)]}, rounds=4)
    upkeep = BUILTIN_LAWS[law].upkeep
    assert game.figures(1, "orig").upkeep == 0
    for round_no in (2, 3, 4):
        assert game.figures(round_no, "orig").upkeep == pytest.approx(upkeep), f"round {round_no}"


@pytest.mark.parametrize("law", sorted(law for law, spec in BUILTIN_LAWS.items() if spec.approval != 0))
def test_law_moves_approval_on_entry_into_force(law: str) -> None:
    """Model card 3: each law has an effect on approval, felt when it enters into force."""
    held = ["criminalization"] if law in ("victim_protection", "asset_confiscation") else []
    scenario = setup(states={"orig": {"laws": held, "political_capital": 10}})
    delay = BUILTIN_LAWS[law].delay
    with_law = play(scenario, {1: [adopt("orig", law)]}, rounds=1 + delay)
    without = play(scenario, rounds=1 + delay)
    change = with_law.after(1 + delay).states["orig"].approval - without.after(1 + delay).states["orig"].approval
    expected = BUILTIN_LAWS[law].approval
    assert change * expected > 0, f"{law} should move approval by about {expected:+g}, it moved it by {change:+.2f}"


def test_repealed_law_leaves_force_at_the_next_resolution_and_its_upkeep_stops() -> None:
    """Model card 3: a state repeals a law alone; from the next resolution it no longer applies."""
    game = play(setup(states={"orig": {"laws": ["criminalization", "national_rapporteur"]}}),
                {1: [repeal("orig", "national_rapporteur")]}, rounds=2)
    assert game.after(1).states["orig"].laws == ["criminalization"]
    assert game.figures(1, "orig").laws_repealed == ["national_rapporteur"]
    assert game.figures(1, "orig").upkeep == pytest.approx(BUILTIN_LAWS["criminalization"].upkeep)


# Each law's effect


def test_criminalization_gives_full_prosecutions_and_without_it_a_fifth() -> None:
    """Model card 3: criminalization: "full prosecutions (without it: x0.2)"."""
    with_law = play(setup(network=BIG_RING), rounds=1)
    without = play(setup(network=BIG_RING, states={s: {"laws": []} for s in ("orig", "tran", "alt", "dest")}),
                   rounds=1)
    for state_id in ("tran", "dest"):
        full, bare = with_law.figures(1, state_id), without.figures(1, state_id)
        assert full.identified == bare.identified, "the law changes prosecutions, not identification"
        assert full.prosecutions > 20, f"{state_id}: the case needs prosecutions to compare ({full.prosecutions})"
        assert abs(bare.prosecutions - 0.2 * full.prosecutions) <= 1.5, (
            f"{state_id}: without criminalization prosecutions should be a fifth of {full.prosecutions}, "
            f"not {bare.prosecutions}"
        )


def test_victim_protection_raises_self_identification() -> None:
    """Model card 3: victim_protection: reflection period, non-punishment: more self-identification."""
    with_law, without = with_and_without(adopt("dest", "victim_protection"), 2)
    more, base = with_law.figures(2, "dest"), without.figures(2, "dest")
    assert more.identified_in_exploitation > 1.2 * base.identified_in_exploitation, (
        f"victim protection in force in round 2 should identify clearly more victims in exploitation: "
        f"{more.identified_in_exploitation} against {base.identified_in_exploitation}"
    )


def test_victim_protection_adds_a_testimony_bonus_to_convictions() -> None:
    """Model card 3 and 5.6: victim testimony is a conviction bonus: more convictions per prosecution."""
    with_law, without = with_and_without(adopt("dest", "victim_protection"), 8, network=BIG_RING)
    span = range(2, 9)

    def ratio(game: Game) -> float:
        return game.total("convictions", "dest", span) / game.total("prosecutions", "dest", span)

    assert ratio(with_law) > ratio(without) + 0.05, (
        f"convictions per prosecution with testimony {ratio(with_law):.3f} against {ratio(without):.3f} without"
    )


def test_referral_mechanism_multiplies_identification() -> None:
    """Model card 3: referral_mechanism: proactive identification: a detection multiplier."""
    with_law, without = with_and_without(adopt("dest", "referral_mechanism"), 2,
                                         states={"dest": {"laws": ALL_PREREQUISITES}})
    more, base = with_law.figures(2, "dest"), without.figures(2, "dest")
    assert more.identified_in_exploitation > 1.15 * base.identified_in_exploitation, (
        f"with a referral mechanism {more.identified_in_exploitation} identified, "
        f"without {base.identified_in_exploitation}"
    )


def test_national_rapporteur_narrows_the_states_own_estimates() -> None:
    """Model card 3: national_rapporteur: less noise in the state's own statistics."""
    with_law, without = with_and_without(adopt("dest", "national_rapporteur"), 2)

    def spread(game: Game) -> float:
        estimate = view(game.after(2), "dest").me.victims_estimate
        return (estimate.high - estimate.low) / estimate.value

    assert spread(with_law) < 0.85 * spread(without), (
        f"the range of dest's victim estimate should narrow: {spread(with_law):.3f} of the central figure "
        f"with a rapporteur, {spread(without):.3f} without"
    )


def test_border_security_raises_detection_on_physical_crossings() -> None:
    """Model card 3: border_security: more risk on physical border crossings."""
    with_law, without = with_and_without(adopt("tran", "border_security"), 2, network=BIG_RING)
    more, base = with_law.figures(2, "tran"), without.figures(2, "tran")
    assert more.detected_in_transit > 1.2 * base.detected_in_transit, (
        f"tran detected {more.detected_in_transit} with border security, {base.detected_in_transit} without"
    )


def test_border_security_does_nothing_online() -> None:
    """Model card 3: border_security: "nothing online": people recruited online skip border checks."""
    with_law, without = with_and_without(adopt("tran", "border_security"), 2, network={**BIG_RING, **ALL_ONLINE})
    assert with_law.figures(2, "tran").detected_in_transit == without.figures(2, "tran").detected_in_transit, (
        "with every recruit online, border security should not change detection at all"
    )


def test_supply_chain_transparency_lowers_labour_demand_abroad_by_a_few_percent() -> None:
    """supply_chain_transparency asks companies for a statement on their supply chains abroad: labour
    demand outside the state falls a little each round it is in force (delay 2: from round 3), a few
    percent over a game; its own markets and sexual demand do not move."""
    with_law, _ = with_and_without(adopt("dest", "supply_chain_transparency"), 6)
    abroad = [with_law.after(r).regions["t1"].demand for r in range(7)]
    home = [with_law.after(r).regions["d"].demand for r in range(7)]
    assert abroad[2]["labour"] == abroad[0]["labour"], "nothing moves before the law is in force"
    assert abroad[6]["labour"] < abroad[3]["labour"] < abroad[2]["labour"], (
        f"labour demand abroad should keep falling while the law is in force: {[d['labour'] for d in abroad]}"
    )
    assert abroad[6]["labour"] > 0.9 * abroad[0]["labour"], "the fall is a few percent over a game, not more"
    assert home[6]["labour"] == home[0]["labour"], "the state's own labour demand does not move"


def test_demand_reduction_lowers_sexual_demand_at_an_approval_cost() -> None:
    """Model card 3: demand_reduction: sexual demand falls; approval cost."""
    with_law, without = with_and_without(adopt("dest", "demand_reduction"), 4)
    demand = [with_law.after(r).regions["d"].demand for r in range(5)]
    assert demand[2]["sexual"] < demand[1]["sexual"] and demand[4]["sexual"] < demand[2]["sexual"], (
        f"sexual demand should fall each round the law is in force: {[d['sexual'] for d in demand]}"
    )
    assert demand[4]["labour"] == demand[0]["labour"], "only sexual demand falls"
    assert with_law.after(2).states["dest"].approval < without.after(2).states["dest"].approval - 2, (
        "the law costs approval when it enters into force"
    )


def test_demand_reduction_lowers_the_trade_into_the_state_and_displaces_part_of_it() -> None:
    """Lower sexual demand means fewer people brought to the state's market; operators move part of
    that trade to other markets (a site that pays less displaces)."""
    sexual = {"routes": [{"path": ["o", "t1", "d"], "form": "sexual", "flow": 1000}]}
    markets = {"t2": {"demand": {"sexual": 0.3}}}
    scenario = setup(network=sexual, regions=markets, states={"dest": {"laws": ["criminalization"]}})
    with_law = play(scenario, {1: [AdoptLaw(state="dest", law="demand_reduction")]}, rounds=8)
    without = play(scenario, {}, rounds=8)
    into_d = [sum(r.flow for r in g.network(8).routes if r.path[-1] == "d") for g in (with_law, without)]
    assert into_d[0] < into_d[1], f"people brought to d: {into_d[0]} with the law, {into_d[1]} without"
    assert any(m.cause == "site" and m.pressure_region == "d" for r in with_law.reports for m in r.displacement)
