"""`valuation.admitted` asks of every partner at once what `laws_allow` asks of a list: a state
offers a deal only to the partners whose laws (as it sees them) allow the kind."""

from game.ai import valuation
from game.engine import new_game, view
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario


def test_the_partners_admitted_to_a_kind_are_those_whose_laws_allow_it_in_their_order() -> None:
    seen = view(new_game(load_scenario(resolve_scenario("mekong")), 0), "thailand")
    others = [o.id for o in seen.others]
    some_refused = False
    for kind in seen.rules.agreements:
        admitted = valuation.admitted(seen, kind, others)
        assert admitted == [p for p in others if valuation.laws_allow(seen, kind, [p])], kind
        assert valuation.laws_allow(seen, kind, others) == (admitted == others)
        some_refused |= admitted != others
    assert some_refused, "the test needs a kind some state's laws do not allow"
