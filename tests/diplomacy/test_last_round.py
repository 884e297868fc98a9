"""Nothing enters into force in a game's last round (model card 4): an agreement signed at the last
resolution would never be paid or carried out, since contributions fall due from the round after,
yet it counted for `sign_agreement` objectives and the partnership pillar, a loophole a class would
find (student11 proposed in the last year of a four-year game)."""

from game.model.actions import Accede, Action
from tests.diplomacy.deals import accept, propose, rejected
from tests.engine.play import play, proposal, setup

PROTECTED = {"laws": ["criminalization", "victim_protection"]}


def test_a_proposal_in_the_last_round_is_refused_and_says_why() -> None:
    scenario = setup(rounds=2)
    last = play(scenario, {}, rounds=1).after(1)
    message = rejected(last, propose("dest", "information_sharing", "tran"))
    assert "last year" in message and "never be paid or carried out" in message, message


def test_a_proposal_accepted_in_the_last_round_is_not_signed() -> None:
    orders: dict[int, list[Action]] = {1: [propose("dest", "information_sharing", "tran")], 2: [accept("tran")]}
    game = play(setup(rounds=2), orders, rounds=2)
    assert game.after(2).agreements == {}, "nothing may enter into force at the last resolution"
    assert proposal(game.after(2), 1).status == "expired"
    assert any(e.title.endswith("not signed: the game ends") for e in game.report(2).events), game.report(2).events


def test_an_accession_in_the_last_round_is_refused() -> None:
    scenario = setup(rounds=3, states={s: PROTECTED for s in ("orig", "tran", "alt", "dest")})
    orders: dict[int, list[Action]] = {1: [propose("dest", "regional_convention", "orig", "tran"),
                                           accept("orig"), accept("tran")]}
    last = play(scenario, orders, rounds=2).after(2)
    assert last.agreements["a1"].status == "in_force"
    message = rejected(last, Accede(state="alt", agreement="a1"))
    assert "last year" in message, message
