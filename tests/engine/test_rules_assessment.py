"""Model card 5.9, assessment: 4P scores (1-5 each) and a tier in the TVPA style: Tier 1
(criminalization and a sum of 13 or more, not falling), Tier 2 (9 or more), Tier 2 Watch List (Tier 2
with rising victims or no improvement), Tier 3; two Watch List rounds in a row downgrade. Approval and
political capital update."""

from typing import Any

from tests.engine.play import Game, holding, play, repeal, setup

CAPACITIES = ("enforcement", "border", "protection", "prevention", "intelligence", "cyber")
TOP: dict[str, Any] = {
    "budget": 60, "capacities": dict.fromkeys(CAPACITIES, 10),
    "laws": ["criminalization", "victim_protection", "referral_mechanism", "national_rapporteur",
             "anti_corruption", "supply_chain_transparency"],
}
"""A destination that does everything: a 4P sum well above 13."""
MIDDLE: dict[str, Any] = {
    "capacities": {"enforcement": 6, "protection": 6, "prevention": 5, "intelligence": 5},
    "laws": ["criminalization", "victim_protection", "national_rapporteur"],
}
"""A destination doing a fair amount: a 4P sum between 9 and 12."""


def dest_game(profile: dict[str, Any], rounds: int, extra: dict[int, list[Any]] | None = None,
              **changes: Any) -> Game:
    """`dest` with a profile, holding its capacities from round 1."""
    scenario = setup(states={"dest": profile}, **changes)
    orders: dict[int, list[Any]] = {1: [holding(scenario, "dest")]}
    for round_no, actions in (extra or {}).items():
        orders.setdefault(round_no, []).extend(actions)
    return play(scenario, orders, rounds=rounds)


def tiers(game: Game, state_id: str = "dest") -> list[str]:
    return [game.figures(r, state_id).tier for r in range(1, len(game.reports) + 1)]


def total(game: Game, round_no: int, state_id: str = "dest") -> int:
    return sum(game.figures(round_no, state_id).scores_4p.values())


def test_4p_scores_are_one_to_five() -> None:
    """Model card 5.9: 4P scores, 1-5 each, from the weakest state to the strongest."""
    for profile in ({}, MIDDLE, TOP):
        game = dest_game(profile, 2)
        for round_no in (1, 2):
            scores = game.figures(round_no, "dest").scores_4p
            assert set(scores) == {"prevention", "protection", "prosecution", "partnership"}
            assert all(1 <= s <= 5 for s in scores.values()), scores


def test_tier_1_for_criminalization_and_a_sum_of_13_or_more() -> None:
    """Model card 5.9: Tier 1: criminalization and a sum of 13 or more, not falling."""
    game = dest_game(TOP, 3)
    assert total(game, 3) >= 13 and tiers(game) == ["1", "1", "1"], (tiers(game), total(game, 3))


def test_no_tier_1_without_criminalization() -> None:
    """Model card 5.9: however high its sum, a state that has not criminalized trafficking is not Tier 1."""
    uncriminalized = {**TOP, "laws": ["national_rapporteur", "anti_corruption", "supply_chain_transparency",
                                      "demand_reduction", "fair_recruitment", "online_platform_duties"]}
    game = dest_game(uncriminalized, 3)
    assert total(game, 3) >= 13, "the case needs a sum of 13 or more"
    assert "1" not in tiers(game), tiers(game)


def test_tier_2_for_a_sum_of_9_to_12() -> None:
    """Model card 5.9: Tier 2: a sum of 9 or more (below 13)."""
    game = dest_game(MIDDLE, 3)
    assert all(9 <= total(game, r) < 13 for r in (1, 2, 3))
    assert tiers(game) == ["2", "2", "2"]


def test_tier_3_below_a_sum_of_9() -> None:
    """Model card 5.9: Tier 3 for the rest: the corridor's states start weak."""
    game = play(setup(), rounds=2)
    for state_id in ("orig", "tran", "alt", "dest"):
        assert total(game, 2, state_id) < 9 and tiers(game, state_id) == ["3", "3"]


def test_rising_victims_put_tier_2_on_the_watch_list_and_two_such_rounds_downgrade() -> None:
    """Model card 5.9: Tier 2 Watch List is Tier 2 with rising victims; "two Watch List rounds in a row
    downgrade". With no stock at the start, the destination's victims rise every round."""
    game = dest_game(MIDDLE, 3, parameters={"initial_stock": False})
    victims = [game.figures(r, "dest").victims_exploited for r in (1, 2, 3)]
    assert victims[2] > 1.05 * victims[1] > 1.05 * 1.05 * victims[0], f"the case needs rising victims: {victims}"
    assert all(9 <= total(game, r) < 13 for r in (1, 2, 3))
    assert tiers(game) == ["2", "2WL", "3"], f"Tier 2, then Watch List, then downgraded: {tiers(game)}"


def test_a_falling_sum_puts_tier_2_on_the_watch_list_for_a_round() -> None:
    """Model card 5.9: Tier 2 with "no improvement" (a 4P sum falling by 2 or more) is on the Watch
    List; one such round alone does not downgrade, and a steady next round restores Tier 2."""
    drop = [repeal("dest", "national_rapporteur"), repeal("dest", "victim_protection")]
    game = dest_game(MIDDLE, 3, extra={2: drop})
    assert total(game, 1) - total(game, 2) >= 2 and total(game, 2) >= 9, "the case needs a sum falling by 2"
    assert tiers(game) == ["2", "2WL", "2"], tiers(game)


def test_tier_1_that_falls_is_no_longer_tier_1() -> None:
    """Model card 5.9: Tier 1 needs a sum "not falling": even above 13, a sum falling by 2 loses Tier 1."""
    drop = [repeal("dest", "national_rapporteur"), repeal("dest", "supply_chain_transparency"),
            repeal("dest", "anti_corruption")]
    game = dest_game(TOP, 3, extra={2: drop})
    assert total(game, 1) - total(game, 2) >= 2 and total(game, 2) >= 13, [total(game, r) for r in (1, 2)]
    assert tiers(game)[0] == "1" and tiers(game)[1] != "1", tiers(game)


def test_a_one_point_wobble_keeps_tier_1() -> None:
    """Four rounded pillars wobble by one point; "falling" is a drop of 2 or more (docs/calibration.md)."""
    game = dest_game(TOP, 3, extra={2: [repeal("dest", "national_rapporteur")]})
    assert total(game, 1) - total(game, 2) == 1 and total(game, 2) >= 13, [total(game, r) for r in (1, 2)]
    assert tiers(game)[:2] == ["1", "1"], tiers(game)


def test_national_rapporteur_is_a_point_of_partnership() -> None:
    """Model card 3: national_rapporteur: reputation (the partnership pillar)."""
    with_law = dest_game(MIDDLE, 1).figures(1, "dest").scores_4p["partnership"]
    without = dest_game({**MIDDLE, "laws": ["criminalization", "victim_protection"]}, 1)
    assert with_law > without.figures(1, "dest").scores_4p["partnership"]


def test_political_capital_income_grows_with_approval() -> None:
    """Model card 5.9: political capital updates each round, more for a popular government."""
    game = play(setup(states={"orig": {"approval": 80}, "tran": {"approval": 20}}), rounds=1)
    gain = {s: game.after(1).states[s].political_capital - game.after(0).states[s].political_capital
            for s in ("orig", "tran")}
    assert gain["orig"] > gain["tran"] > 0, gain


def test_approval_drifts_back_after_a_shock() -> None:
    """Model card 5.9: approval updates each round: a sudden surge fades round after round."""
    surge = {"id": "surge", "title": "Rally", "round": 1,
             "effects": [{"target": "state:orig", "field": "approval", "set": 90}]}
    game = play(setup(events=[surge]), rounds=5)
    approval = [game.after(r).states["orig"].approval for r in range(1, 6)]
    assert approval == sorted(approval, reverse=True) and approval[-1] < 80, f"approval by round: {approval}"
    assert all(0 <= a <= 100 for a in approval)


def test_tier_points_count_where_the_pillars_stand_not_only_the_tier() -> None:
    """A state that builds what its tier cannot show still earns for it: two Tier 3 destinations, one
    with more capacity, score tier points 0 plus their standing (up to 0.5), the stronger more."""
    weak = dest_game({"capacities": {"enforcement": 1, "protection": 1}}, 2)
    strong = dest_game({"capacities": {"enforcement": 4, "protection": 4}}, 2)
    assert tiers(weak) == tiers(strong) == ["3", "3"], (tiers(weak), tiers(strong))
    points = [g.after(2).states["dest"].tier_points for g in (weak, strong)]
    assert 0.0 < points[0] < points[1] <= 2 * 0.5, points
