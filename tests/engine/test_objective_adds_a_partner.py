"""A `sign_agreement` objective counts only an agreement that brought the state a partner it did
not have: sharing, safe return and legal assistance count each partner once. A reviewer's orders
signing information sharing between Austria and Hungary, both sharing under the Council of Europe
Convention from the start, averted nothing and scored each 2 points."""

from game.engine import new_game, resolve_round
from game.engine.scoring import run_baseline, scores
from game.model.actions import Propose, Respond
from game.model.scenario import SignAgreement
from game.model.terms import Terms
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario
from tests.engine.play import apply, proposal


def _signed(kind: str) -> tuple[str, str]:
    """Austria asked to sign `kind` with Hungary, which it does in round 1: its objective's words
    and whether it is met after the round."""
    scenario = load_scenario(resolve_scenario("europe"))
    objective = SignAgreement(kind="sign_agreement", agreement=kind, with_=["hungary"], points=2)
    states = [s.model_copy(update={"objectives": [objective]}) if s.id == "austria" else s for s in scenario.states]
    scenario = scenario.model_copy(update={"states": states})
    state = new_game(scenario, seed=1)
    state = apply(state, Propose(state="austria", agreement=kind, parties=["austria", "hungary"], terms=Terms()))
    state = apply(state, Respond(state="hungary", proposal=proposal(state, 1).id, answer="accept"))
    state, _ = resolve_round(state)
    result = scores(state, run_baseline(scenario, 1)).states["austria"].objectives[0]
    return result.description, "met" if result.met else "not met"


def test_information_sharing_with_a_partner_sharing_under_the_convention_already_meets_no_objective() -> None:
    text, verdict = _signed("information_sharing")
    assert verdict == "not met", text
    assert "it added nothing" in text


def test_a_repatriation_protocol_with_a_partner_not_returning_victims_yet_meets_it() -> None:
    text, verdict = _signed("repatriation_protocol")
    assert verdict == "met", text
