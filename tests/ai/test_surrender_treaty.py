"""A state bound to a partner by a surrender treaty in force (any agreement of the extradition
rule they are both party to, of two parties or more) proposes it no other extradition treaty;
other partners, and other kinds, stay open to it (`Strategy.bilateral`)."""

from game.ai.cooperative import Cooperative
from game.engine import new_game, view
from game.model.actions import Propose
from game.model.view import PlayerView
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario


class Surrender(Cooperative):
    """A cooperator that offers extradition treaties alone, with room for any."""

    deal_kinds = ("extradition",)

    def room_for_deals(self, view: PlayerView) -> float:
        return 100.0


def _partners(seen: PlayerView) -> list[str]:
    deal = Surrender().bilateral(seen)
    if deal is None:
        return []
    assert isinstance(deal.action, Propose)
    return [p for p in deal.action.parties if p != seen.me.id]


def test_a_state_offers_no_extradition_treaty_to_a_partner_a_surrender_treaty_binds_it_to_already() -> None:
    seen = view(new_game(load_scenario(resolve_scenario("mekong")), 0), "vietnam")
    [partner] = _partners(seen)
    model = next(a for a in seen.agreements if a.kind == "extradition" and a.status == "in_force")
    three = sorted({"vietnam", partner, "laos" if partner != "laos" else "myanmar"})
    bound = seen.model_copy(update={"agreements": [*seen.agreements, model.model_copy(update={"id": "a99",
                                                                                          "parties": three})]})
    assert partner not in _partners(bound)
