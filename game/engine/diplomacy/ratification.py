"""Ratification at home (Putnam's two-level game): a signature binds only once a parliament agrees.

A signatory that asks to ratify has spent the political capital when it asked; at the resolution
its parliament passes the treaty with a chance that grows with the government's approval, drawn
from the round's `ratification` stream (one draw per state, in the order of state ids), so the same
game ratifies the same way. A refusal can be tried again in a later round. A signatory that has
not ratified `ratification_rounds` after adoption is seen not to: the news names it, and each other
signatory records a broken commitment from it (trust).

Nothing enters into force at the game's last resolution, neither a treaty nor a party joining a
clause of one in force: its agreements would never be paid or carried out (contributions fall due
from the round after), yet count for `sign_agreement` objectives and the partnership pillar. A
treaty still short of its ratifications then is named in the news: not in force, the game ends.
"""

import random

from game.engine.diplomacy import clauses, trust
from game.model.report import EventRecord
from game.model.state import GameState
from game.model.summit import SummitRecord, chance, the_summit


def settle(state: GameState, rng: random.Random | None) -> list[EventRecord]:
    """This round's parliamentary votes, entry into force, and signatories seen not to ratify.
    `rng` may be None only when no summit has a ratification to vote on (nothing to draw)."""
    events: list[EventRecord] = []
    last = state.round >= state.world.scenario.rounds
    for summit in state.summits.values():
        if summit.ratifying:
            if rng is None:
                raise ValueError(f"a ratification vote at {summit.id} needs a random stream")
            events.extend(_votes(state, summit, rng))
        if summit.status in ("adopted", "in_force"):
            if last:
                events.extend(_game_ends(state, summit))
            else:
                events.extend(clauses.bring_into_force(state, summit))
            events.extend(_overdue(state, summit))
    return events


def _game_ends(state: GameState, summit: SummitRecord) -> list[EventRecord]:
    """At the last resolution a treaty short of its ratifications stays out of force, and says why."""
    if summit.status != "adopted":
        return []
    label = state.world.scenario.round_label
    return [EventRecord(
        f"not-in-force-{summit.id}", f"{the_summit(summit.name, capital=True)} treaty not in force: the game ends",
        f"{len(summit.ratified)} of the {summit.min_ratifications} ratifications it needed; the game ends with this "
        f"{label}, and a treaty that entered into force now would never be paid or carried out.", "summit")]


def _votes(state: GameState, summit: SummitRecord, rng: random.Random) -> list[EventRecord]:
    events = []
    asking, summit.ratifying = summit.ratifying, []
    for party in asking:
        approval = state.states[party].approval
        odds = chance(approval)
        if rng.random() < odds:
            summit.ratified = dict(sorted({**summit.ratified, party: state.round}.items()))
            summit.failed.pop(party, None)
            events.append(EventRecord(f"ratified-{summit.id}-{party}",
                                      f"{party} ratifies {the_summit(summit.name)} treaty",
                                      f"Its parliament approves ({approval:.0f} approval, a {odds:.0%} chance).",
                                      "summit"))
        else:
            summit.failed = dict(sorted({**summit.failed, party: state.round}.items()))
            events.append(EventRecord(
                f"ratification-failed-{summit.id}-{party}",
                f"{party}'s parliament refuses {the_summit(summit.name)} treaty",
                f"With approval at {approval:.0f} it had a {odds:.0%} chance; the political capital is spent, and "
                f"it may try again.", "summit"))
    return events


def _overdue(state: GameState, summit: SummitRecord) -> list[EventRecord]:
    """Signatories past the ratification window, named once, with a broken commitment to the others."""
    if state.round < summit.opens + 1 + summit.ratification_rounds:
        return []
    late = [p for p in summit.signed if p not in summit.ratified and p not in summit.overdue]
    if not late:
        return []
    summit.overdue = sorted([*summit.overdue, *late])
    for party in late:
        trust.record(state, party, [p for p in summit.signed if p != party], kept=False)
    return [EventRecord(f"unratified-{summit.id}", f"Signed, never ratified: {the_summit(summit.name)} treaty",
                        f"{', '.join(late)} signed {summit.ratification_rounds} round(s) ago and "
                        f"has not ratified; its partners take note.", "summit")]
