"""States recomputed from a save's log: from the nearest snapshot, applying each round's actions
and resolving, with every failure named by round and action."""

from pydantic import ValidationError

from game.engine import ActionRejected, apply, new_game, resolve_round
from game.engine.diplomacy.ids import numbered_as
from game.engine.serialize import state_from_data, state_hash
from game.model.state import GameState
from game.session.document import EngineStamp, SaveDocument
from game.session.errors import SaveError
from game.session.log import InvalidAction, Submitted

DRAWN_IDS_FROM = 4
"""The first engine rules with drawn proposal ids (`game.engine.diplomacy.ids`): an older save's
actions name proposals by number, read as the proposal they named (`numbered`)."""


def numbered_ids(document: SaveDocument) -> bool:
    """Whether the save's actions name proposals by number (written under rules 1 to 3)."""
    return document.engine.rules < DRAWN_IDS_FROM


def apply_all(state: GameState, actions: list[Submitted], round_no: int, name: str, first: int = 0, *,
              numbered: bool = False, written: EngineStamp | None = None) -> GameState:
    """`state` after `actions`, which the log says were accepted in round `round_no` (`numbered`:
    under rules that numbered proposals, see `numbered_ids`). `written`: the program that wrote the
    save; under other rules, an action they accepted and these refuse says which build opens it."""
    for index, submitted in enumerate(actions, start=first + 1):
        try:
            action = numbered_as(state, submitted.action) if numbered else submitted.action
            state = apply(state, action, by=submitted.by)
        except InvalidAction as error:
            raise SaveError(name, f"round {round_no}, action {index} is not a valid action: {error}") from None
        except ActionRejected as error:
            other = ("" if written is None or written.is_current_rules else
                     f"; the save was written under {written}, whose rules accepted it, and this is "
                     f"{EngineStamp.current()}: open it with {written.build()}")
            raise SaveError(name, f"round {round_no}, action {index} ({submitted.state} {submitted.type}) "
                                  f"is refused on replay: {error}{other}") from None
    return state


def snapshot_state(document: SaveDocument, after_round: int, *, check: bool = True) -> GameState | None:
    """The stored state after `after_round` resolved (0: the opening), or None if none is stored.

    A snapshot the model can no longer read (the engine changed) counts as none, and so does one
    whose hash is not the state hash sealed with its round (`check`): an edited snapshot is never
    played from, the state is re-run from an earlier one instead (`seals` says it was edited).
    """
    log = document.log
    data = log.start.snapshot if after_round == 0 else log.rounds[after_round - 1].snapshot
    if data is None:
        return None
    try:
        state = state_from_data(data, document.world)
    except (ValidationError, KeyError, TypeError, ValueError):
        return None
    if check:
        expected = log.start.hash if after_round == 0 else log.rounds[after_round - 1].hash
        if state_hash(state) != expected:
            return None
    return state


def opening_state(document: SaveDocument, round_no: int, use_snapshots: bool = True) -> GameState:
    """The state when round `round_no` opened (before any action), from the nearest snapshot.

    Without snapshots (a save written under other rules), the whole log is re-run from the start.
    """
    base = round_no - 1 if use_snapshots else 0
    state = snapshot_state(document, base) if use_snapshots else None
    while use_snapshots and state is None and base > 0:
        base -= 1
        state = snapshot_state(document, base)
    if state is None:
        base = 0
        state = new_game(document.scenario, document.seed)
    for number in range(base + 1, round_no):
        state = apply_all(state, document.log.actions(number), number, document.name,
                          numbered=numbered_ids(document), written=document.engine)
        state, _ = resolve_round(state)
    return state
