"""A reciprocator refusing a deal for distrust named every other party in its note, whether it
distrusted them or not: on the 200-state benchmark map a convention's refusal listed ninety states,
longer than the 300 characters a note holds, and the AI's answer was refused (the large game
stopped). It now names those it distrusts, three at most and how many more."""

from game.ai.reciprocator import Reciprocator
from game.engine import apply, view
from game.model.actions import Propose, Respond
from tests.ai.test_room_for_deals import europe

DISTRUSTED = ["germany", "hungary", "italy", "netherlands", "romania"]


def test_a_refusal_for_distrust_names_only_the_distrusted_three_at_most_and_fits_a_note() -> None:
    state = europe()
    parties = sorted(state.states)
    asked = apply(state, Propose(state="germany", agreement="information_sharing", parties=parties))
    seen = view(asked, "austria")
    for other in DISTRUSTED:
        seen.me.trust[other] = 0.2
    accept, reason = Reciprocator().judge(seen, seen.proposals[-1], 0.0)
    assert not accept
    assert "germany, hungary, italy and 2 more broke commitments before (trust 0.20)" in reason, reason
    assert "ukraine" not in reason, "a partner it trusts is not among those said to have broken commitments"
    note = reason.partition(": ")[2]
    assert Respond(state="austria", proposal=seen.proposals[-1].id, answer="reject", note=note).note == note


def test_two_distrusted_partners_are_both_named_with_nothing_more() -> None:
    state = europe()
    asked = apply(state, Propose(state="germany", agreement="information_sharing", parties=sorted(state.states)))
    seen = view(asked, "austria")
    seen.me.trust["germany"] = seen.me.trust["italy"] = 0.3
    accept, reason = Reciprocator().judge(seen, seen.proposals[-1], 0.0)
    assert not accept and reason.endswith("germany, italy broke commitments before (trust 0.30)"), reason
