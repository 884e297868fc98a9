"""model card 5.3, recruitment: for each route, potential recruits grow with origin population x V x
destination demand for the form, shrink with `prevention`, and are capped by the network's capacity
(periphery x productivity), which the network spreads over its routes by expected value."""

from typing import Any

from tests.engine.play import Game, holding, play, setup


def event(field: str, value: float, target: str, round_no: int = 1) -> dict[str, Any]:
    return {"id": f"set-{field.replace('.', '-')}", "title": "Change", "round": round_no,
            "effects": [{"target": target, "field": field, "set": value}]}


def changed_in_round_2(field: str, value: float, target: str) -> tuple[Game, Game]:
    return play(setup(events=[event(field, value, target, 2)]), rounds=2), play(setup(), rounds=2)


def test_recruitment_grows_with_origin_vulnerability() -> None:
    """model card 5.3: potential recruits grow with the origin's vulnerability V (0.6 -> 0.9: x1.5)."""
    more, base = changed_in_round_2("vulnerability", 0.9, "region:o")
    assert more.recruited(1) == base.recruited(1)
    assert more.recruited(2) > 1.3 * base.recruited(2), f"{more.recruited(2)} recruits against {base.recruited(2)}"


def test_recruitment_grows_with_origin_population() -> None:
    """model card 5.3: potential recruits grow with the origin's population (20 -> 30 million: x1.5)."""
    more, base = changed_in_round_2("population", 30, "region:o")
    assert more.recruited(2) > 1.3 * base.recruited(2), f"{more.recruited(2)} recruits against {base.recruited(2)}"


def test_recruitment_grows_with_destination_demand_for_the_form() -> None:
    """model card 5.3: potential recruits grow with the destination's demand for the route's form."""
    more, base = changed_in_round_2("demand.labour", 1.0, "region:d")
    assert more.recruited(2) > 1.15 * base.recruited(2), f"{more.recruited(2)} recruits against {base.recruited(2)}"
    other, base = changed_in_round_2("demand.sexual", 1.0, "region:d")
    assert other.recruited(2) == base.recruited(2), "demand for another form does not draw labour recruits"


def test_prevention_in_an_origin_lowers_recruitment_over_the_following_rounds() -> None:
    """model card 5.3: recruitment shrinks with `prevention` in the origin. Investing in it from round 1,
    the origin state recruits fewer people each round than without, and the gap widens as the
    capacity builds up."""
    scenario = setup()
    invest = play(scenario, {1: [holding(scenario, "orig", prevention=12)]})
    base = play(scenario, {1: [holding(scenario, "orig")]})
    ratios = [invest.recruited(r) / base.recruited(r) for r in range(1, 9)]
    assert all(r < 1 for r in ratios), f"recruits with prevention / without, by round: {ratios}"
    assert ratios[-1] < ratios[1] < ratios[0], f"the effect should build up over the rounds: {ratios}"
    assert ratios[-1] < 0.85, f"eight rounds of prevention should cut recruitment clearly: {ratios}"


def test_network_capacity_caps_recruitment() -> None:
    """model card 5.3: recruits are capped by the network's capacity, periphery x productivity."""
    scenario = setup(network={"periphery": 20})
    game = play(scenario, rounds=1)
    capacity = 20 * scenario.parameters.periphery_productivity
    assert game.recruited(1) <= capacity < 1000, (
        f"20 recruiters can move {capacity:g} people; the route would take 1000; {game.recruited(1)} were recruited"
    )


def test_a_capped_network_favours_its_safer_routes() -> None:
    """model card 5.3: a network short of capacity spreads it over its routes by expected value: after
    a round of losses at Transit One's border, the route through Transit Two gets more recruits."""
    two_routes = {
        "periphery": 50, "loss_tolerance": 1.0,
        "routes": [{"path": ["o", "t1", "d"], "form": "labour", "flow": 1000},
                   {"path": ["o", "t2", "d"], "form": "labour", "flow": 1000}],
    }
    strict_border = {"capacities": {"border": 10}, "laws": ["criminalization", "border_security"]}
    game = play(setup(network=two_routes, states={"tran": strict_border}), rounds=2)
    first = {r.path[1]: r.flow for r in game.network(1).routes}
    second = {r.path[1]: r.flow for r in game.network(2).routes}
    assert sum(first.values()) <= 50 * 25 + 1, "the case needs a network short of capacity"
    assert abs(first["t1"] - first["t2"]) <= 0.02 * first["t2"], f"no losses known yet, routes shared evenly: {first}"
    assert second["t1"] < 0.95 * second["t2"], f"after losses at t1, the safer route via t2 should get more: {second}"
