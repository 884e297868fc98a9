"""Proposal ids that tell a team nothing about the proposals it cannot see.

Negotiations are private (`views.proposal_views`): a team sees only the proposals it is a party to,
made or hosted. Numbered ids (p1, p2, ...) would still let it count the others ("ours is p7: six
more are out there"). An id is drawn instead, `p-` and four letters, from the stream of (seed,
round, how many proposals the table has made so far): the same game gives the same ids, so replays
and `verify` stay exact, yet a team, which never sees the seed, can count nothing from them. The
letters leave out i, l, o and u, which read like digits or like each other.

Saves written under rules 1 to 3 numbered proposals in the order they were made; `numbered_as`
reads such an id as the proposal it named, so that they replay under these rules.
"""

import re

from game.engine.rng import stream
from game.model.actions import Action, Propose, Respond, Withdraw
from game.model.state import GameState

LETTERS = "abcdefghjkmnpqrstvwxyz"
LENGTH = 4
NUMBERED = re.compile(r"^p([1-9][0-9]*)$")
"""An id as rules 1 to 3 gave them: the n-th proposal made."""


def new_proposal_id(state: GameState) -> str:
    """A fresh id for the next proposal: deterministic, unique in this game, and countless."""
    rng = stream(state.seed, state.round, f"proposal-id:{len(state.proposals)}")
    while True:
        candidate = "p-" + "".join(rng.choice(LETTERS) for _ in range(LENGTH))
        if candidate not in state.proposals:
            return candidate


def nth_proposal(state: GameState, number: int) -> str | None:
    """The id of the `number`-th proposal made in this game (from 1), else None. Proposals are kept
    in the order they were made, and never removed."""
    if number < 1 or number > len(state.proposals):
        return None
    return next(id_ for index, id_ in enumerate(state.proposals, start=1) if index == number)


def numbered_as(state: GameState, action: Action) -> Action:
    """`action` with a numbered proposal id (`p3`, from a save of rules 1 to 3) read as the proposal
    it named; any other action as it is."""
    field = {Respond: "proposal", Withdraw: "agreement", Propose: "counters"}.get(type(action))
    if field is None:
        return action
    value = getattr(action, field)
    match = NUMBERED.match(value) if isinstance(value, str) else None
    if match is None or value in state.proposals:
        return action
    found = nth_proposal(state, int(match.group(1)))
    return action if found is None else action.model_copy(update={field: found})
