"""Model card 5.5b, victims decide: trust in a state's police and services moves with what it offers
and does; coming forward, accepting assistance and testifying follow trust and the victim protection
law; testimony feeds prosecutions and convictions; raids without protection move people on and cost trust."""

from typing import Any

from game.engine.victims_decide import offered_trust
from tests.engine.play import Game, holding, play, setup_people

PROTECTIVE = ["criminalization", "victim_protection"]


def destination(rounds: int = 4, **dest: Any) -> Game:
    parameters = dest.pop("parameters", {})
    return play(setup_people(states={"dest": dest}, parameters=parameters), rounds=rounds)


def total(game: Game, name: str, state_id: str = "dest") -> int:
    return sum(getattr(report.states[state_id], name) for report in game.reports)


def test_trust_starts_at_what_a_state_offers_and_follows_it() -> None:
    """Trust opens at the state's offer (victims have known it for years) and a better offer raises it."""
    plain = destination(rounds=1)
    record = plain.after(0).states["dest"]
    assert record.trust == offered_trust(plain.after(0).world, record)
    kind = destination(rounds=1, laws=PROTECTIVE, capacities={"protection": 10})
    assert kind.after(0).states["dest"].trust > record.trust


def test_raids_without_protection_cost_trust_and_move_people_on() -> None:
    """Issue 15 point 2: raids find victims and carry harm: without protection some people are moved
    on or taken back, and victims' trust falls; with protection neither happens."""
    harsh = destination(capacities={"enforcement": 10, "protection": 0})
    start = harsh.after(0).states["dest"]
    assert total(harsh, "moved_on") > 0
    assert harsh.after(4).states["dest"].trust < offered_trust(harsh.after(0).world, start)
    cared = destination(capacities={"enforcement": 10, "protection": 10})
    assert total(cared, "moved_on") == 0


def test_the_victim_protection_law_brings_victims_forward_and_to_testify() -> None:
    """Issue 15 point 2: permits and non-punishment raise coming forward and testifying."""
    bare = destination()
    law = destination(laws=PROTECTIVE)
    assert total(law, "came_forward") > total(bare, "came_forward")
    assert total(law, "testimonies") > total(bare, "testimonies")


def test_testimony_feeds_prosecutions_and_convictions() -> None:
    """Issue 15 point 2: the same game with nobody testifying prosecutes and convicts fewer."""
    law = destination(laws=PROTECTIVE)
    silent = destination(laws=PROTECTIVE, parameters={"testify_base": 0.0, "testify_permit": 0.0})
    assert total(silent, "testimonies") == 0 < total(law, "testimonies")
    assert total(law, "prosecutions") > total(silent, "prosecutions")
    assert total(law, "convictions") > total(silent, "convictions")


def test_residence_permits_lower_retrafficking() -> None:
    """Issue 15 point 2: a victim with a residence permit is not sent back into the same debt."""
    permits = destination(laws=PROTECTIVE, capacities={"protection": 0})
    none = destination(laws=PROTECTIVE, capacities={"protection": 0}, parameters={"permit_retrafficking": 1.0})
    assert total(permits, "retrafficked") < total(none, "retrafficked")


def test_fewer_accept_assistance_where_trust_is_low() -> None:
    """Acceptance follows trust: the same shelters assist fewer of the identified where trust is low."""
    scenario = setup_people(states={"dest": {"capacities": {"protection": 10}}})
    game = play(scenario, {1: [holding(scenario, "dest")]}, rounds=1)
    figures = game.report(1).states["dest"]
    assert 0 < figures.assisted < figures.identified
