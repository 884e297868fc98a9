"""No summit treaty enters into force in a game's last round (model card 4c, rules 15): its
agreements would never be paid or carried out, since contributions fall due from the round after,
yet they counted for `sign_agreement` objectives and the partnership pillar, the loophole rules 14
closed for proposals (`test_last_round`). Nothing is signed or ratified in the last round, no summit
is called too late to be ratified before it, and a treaty still short of its ratifications at the last
resolution stays out of force, the news saying why."""

from typing import Any

import pytest

from game.ai.registry import assign
from game.engine.errors import ActionRejected
from game.engine.orders import legal_actions
from game.model.actions import Action, CallSummit, Ratify, Sign
from game.model.scenario import Scenario
from game.model.summit import DraftClause
from game.session.simulation import simulate
from tests.diplomacy.test_summits import ALL, PROTECTED, adopted_by_all, ratify, sign, summit, summit_scenario, vote
from tests.engine.play import apply, play, setup


def lasting(rounds: int, scenario: Scenario | None = None) -> Scenario:
    """The corridor's summit (drafts in round 1, adopts in round 2) in a game of `rounds` rounds."""
    data: dict[str, Any] = (scenario or summit_scenario(approval=100)).model_dump()
    return Scenario.model_validate({**data, "rounds": rounds})


def test_a_summit_treaty_is_not_ratified_in_the_last_round() -> None:
    game = play(lasting(3), adopted_by_all(), rounds=2)
    last = game.after(2)
    assert summit(game, 2).status == "adopted" and last.round == 3
    for state in ALL:
        with pytest.raises(ActionRejected, match="this is the game's last year: a ratification now could never "
                                                 "bring a treaty into force") as refused:
            apply(last, ratify(state))
        assert "never be paid or carried out" in str(refused.value)
    assert not [a for s in ALL for a in legal_actions(last, s) if isinstance(a, Ratify)], \
        "a ratification is not offered in the last round"


def test_a_summit_text_is_not_signed_in_the_last_round() -> None:
    orders: dict[int, list[Action]] = {1: [], 2: [vote(s, "text") for s in ALL]}
    game = play(lasting(3), orders, rounds=2)
    last = game.after(2)
    with pytest.raises(ActionRejected, match="this is the game's last year: a signature now could never"):
        apply(last, sign("dest"))
    assert not [a for s in ALL for a in legal_actions(last, s) if isinstance(a, Sign)]


def test_a_treaty_short_of_its_ratifications_at_the_last_resolution_is_not_in_force_and_the_news_says_why() -> None:
    orders = adopted_by_all()
    orders[3] = [ratify("dest"), ratify("orig")]
    game = play(lasting(4), orders, rounds=4, seed=1)
    record = summit(game, 4)
    assert record.status == "adopted" and len(record.ratified) < record.min_ratifications
    assert game.after(4).agreements == {}
    event = next(e for e in game.report(4).events if e.id == "not-in-force-table")
    assert event.title == "The Corridor summit treaty not in force: the game ends", event.title
    assert f"{len(record.ratified)} of the 3 ratifications it needed" in event.text
    assert not [e for e in game.report(3).events if e.id == "not-in-force-table"], "only at the last resolution"


def test_no_party_joins_a_clause_of_a_treaty_in_force_at_the_last_resolution() -> None:
    """tran, without criminalization, gets it from the treaty's duty a round after ratifying; it
    would join the extradition clause at the resolution the law enters into force, the last."""
    data = summit_scenario(approval=100).model_dump()
    for state in data["states"]:
        if state["id"] == "tran":
            state["laws"] = []
    orders = adopted_by_all()
    orders[3] = [ratify(s) for s in ("dest", "orig", "tran")]
    longer = play(lasting(5, Scenario.model_validate(data)), orders, rounds=4)
    joined = longer.after(4).agreements[summit(longer, 4).agreements["extradition"]].joined
    assert joined == {"tran": 4}, "in a longer game it joins in round 4"
    game = play(lasting(4, Scenario.model_validate(data)), orders, rounds=4)
    assert "criminalization" in game.after(4).states["tran"].laws
    extradition = game.after(4).agreements[summit(game, 4).agreements["extradition"]]
    assert "tran" not in extradition.parties and extradition.joined == {}, \
        "nothing enters into force at the last resolution, a party joining a clause neither"


@pytest.mark.parametrize("before_last", [2, 3])
def test_a_summit_too_late_to_be_ratified_before_the_last_round_is_not_called(before_last: int) -> None:
    """Called `before_last` rounds before the last, a summit adopts its text in the last round or the
    one before it: the first round to ratify would be the last, and nothing is ratified then."""
    scenario = setup(states={s: PROTECTED for s in ALL})
    call = CallSummit(state="dest", name="Late summit", participants=list(ALL),
                      clauses=[DraftClause(clause="mutual_legal_assistance")], min_ratifications=2)
    state = play(scenario, {}, rounds=scenario.rounds - before_last - 1).states[-1]
    assert state.round == scenario.rounds - before_last
    with pytest.raises(ActionRejected, match=f"adopts its text in year {state.round + 2}, which leaves no year "
                                             f"before the game's last \\({scenario.rounds}\\) to ratify it"):
        apply(state, call)
    earlier = play(scenario, {}, rounds=scenario.rounds - 5).states[-1]
    assert earlier.round == scenario.rounds - 4
    assert "s1" in apply(earlier, call).summits, "four rounds before the last leaves a round to ratify"


def test_a_text_adopted_in_the_last_round_says_the_game_ends_before_anyone_signs() -> None:
    game = play(lasting(2), {1: [], 2: [vote(s, "text") for s in ALL]}, rounds=2)
    event = next(e for e in game.report(2).events if e.id == "adopted-table")
    assert "The game ends before any state can sign or ratify it" in event.text, event.text
    assert "enters into force once" not in event.text


def test_a_text_adopted_the_round_before_the_last_says_it_cannot_enter_into_force() -> None:
    game = play(lasting(3), adopted_by_all(), rounds=2)
    event = next(e for e in game.report(2).events if e.id == "adopted-table")
    assert "It cannot enter into force: nothing is ratified in the game's last year" in event.text, event.text
    longer = play(lasting(4), adopted_by_all(), rounds=2)
    assert "It enters into force once 3 have ratified" in next(
        e.text for e in longer.report(2).events if e.id == "adopted-table")


@pytest.mark.parametrize("rounds", [2, 3])
def test_ai_seats_neither_sign_nor_ratify_in_the_last_round(rounds: int) -> None:
    """Two rounds: the text is adopted in the last; three: the first round to ratify is the last.
    The rules refuse both, and an AI move the rules refuse raises in `simulate`."""
    scenario = lasting(rounds)
    result = simulate(scenario, 1, ai=assign(list(ALL), "cooperative", 1, []))
    last = [m.action for m in result.moves if m.round == rounds]
    assert not [a for a in last if isinstance(a, Sign | Ratify)], last
    assert result.final.summits["table"].status != "in_force"
    assert not [a for a in result.final.agreements.values() if a.proposal == "table"], "no agreement under the treaty"
