"""An organization's score (issue 9, point 1): `train_states` and `states_monitored` count the
different states it reached, `sign_agreement` a convention signed under its auspices, and
`reduce_victims` the cut against the baseline, with partial credit as for a state."""

from game.engine import scores
from game.engine.scoring import run_baseline
from tests.diplomacy.deals import accept
from tests.engine.play import Orders, play
from tests.organizations.helpers import CONVENTION_READY, ORG, convene, monitor, train, with_org

OBJECTIVES = [
    {"kind": "train_states", "count": 2, "points": 3},
    {"kind": "states_monitored", "count": 3, "points": 2},
    {"kind": "sign_agreement", "agreement": "regional_convention", "points": 4},
    {"kind": "reduce_victims", "region": "d", "by": 0.5, "points": 2},
]


def judged(orders: Orders) -> dict[str, tuple[bool, float]]:
    scenario = with_org(rounds=3, org={"objectives": OBJECTIVES},
                        states={s: CONVENTION_READY for s in ("orig", "tran", "dest")})
    game = play(scenario, orders)
    score = scores(game.after(3), run_baseline(scenario, scenario.seed or 0)).organizations[ORG]
    assert score.max_points == 11 and score.score == score.points
    return {r.kind: (r.met, r.earned) for r in score.objectives}


def test_nothing_done_earns_nothing() -> None:
    result = judged({})
    assert result == {"train_states": (False, 0.0), "states_monitored": (False, 0.0),
                      "sign_agreement": (False, 0.0), "reduce_victims": (False, 0.0)}


def test_different_states_count_not_repeated_orders() -> None:
    """Training dest twice is one state; dest and tran are two. Reviews of three states in
    different rounds count three."""
    assert judged({1: [train("dest")], 2: [train("dest")]})["train_states"] == (False, 0.0)
    assert judged({1: [train("dest")], 2: [train("tran", "protection")]})["train_states"] == (True, 3.0)
    assert judged({1: [monitor("dest"), monitor("tran")]})["states_monitored"] == (False, 0.0)
    assert judged({1: [monitor("dest"), monitor("tran")], 3: [monitor("orig")]})["states_monitored"] == (True, 2.0)


def test_a_convention_signed_under_its_auspices_meets_sign_agreement() -> None:
    orders: Orders = {1: [convene("orig", "tran", "dest"), accept("orig"), accept("tran"), accept("dest")]}
    result = judged(orders)
    assert result["sign_agreement"] == (True, 4.0)


def test_the_score_appears_in_the_score_of_the_game() -> None:
    result = judged({1: [train("dest"), train("tran"), monitor("alt")]})
    assert result["train_states"] == (True, 3.0)
    assert result["reduce_victims"][1] < 2.0, "a 50% cut is not met by a round of training"
