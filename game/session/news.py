"""The computer players explain themselves to the table: each AI seat's one-line reason for a move,
in the news of the round it made it, told only to the teams that may know of the move.

Who may know what follows what the views show: a law adopted or repealed, a campaign, a
statement and a pledge are public (a pledge's reason is not: `KEPT`);
a proposal, an answer or a withdrawal is known to the parties of the proposal or agreement; a
message to its recipients; a training, a review or funded services to the state concerned. A budget
allocation (private) and `ready` are never told.
"""

from game.model.report import EventRecord
from game.model.state import GameState
from game.model.world import World
from game.report.describe import describe
from game.session.log import Submitted
from game.session.seats import Seat

PUBLIC = frozenset({"adopt_law", "repeal_law", "campaign", "statement", "pledge"})
TARGETED = frozenset({"train", "monitor", "assist"})
KEPT = frozenset({"pledge"})
"""Moves whose reason stays with the seat and the facilitator's replay, though the move is public: a
pledge's reason weighs it against the seat's private plan ('it plans 5.49 this round', its budget)
or says a free rider means to withhold what it pledges, which every team read in its news beside the
pledge. The pledge itself is in every team's news; what lies behind it is for the debrief."""


def ai_reasons(actions: list[Submitted], seats: dict[str, Seat], state: GameState, who: str,
               round_no: int) -> list[EventRecord]:
    """The reasons AI seats gave in one round for the moves `who` may know of, as news items."""
    names = names_of(state.world)
    items = []
    for index, submitted in enumerate(actions, start=1):
        seat = seats.get(submitted.by or "")
        actor = submitted.state
        if seat is None or seat.is_human or not submitted.reason or actor == who or submitted.type in KEPT:
            continue
        if not may_know(submitted, who, state):
            continue
        what = describe(submitted.data, state.world)
        items.append(EventRecord(f"reason-{round_no}-{index}", f"{names.get(actor, actor)} (computer, "
                                 f"{seat.personality}) {what}", submitted.reason, "reason"))
    return items


def may_know(submitted: Submitted, who: str, state: GameState) -> bool:
    """Whether seat `who` may know of this move (see the module's note)."""
    kind, data = submitted.type, submitted.data
    if kind in PUBLIC:
        return True
    if kind in TARGETED:
        return data.get("target") == who
    if kind == "message":
        to = data.get("to")
        return isinstance(to, list) and who in to
    if kind in ("propose", "convene"):
        parties = data.get("parties")
        return isinstance(parties, list) and who in parties
    if kind == "respond":
        proposal = state.proposals.get(str(data.get("proposal")))
        return proposal is not None and who in proposal.parties
    if kind == "withdraw":
        target = str(data.get("agreement"))
        record = state.agreements.get(target) or state.proposals.get(target)
        return record is not None and who in record.parties
    return False


def names_of(world: World) -> dict[str, str]:
    states = {s: spec.name for s, spec in world.state_specs.items()}
    return states | {o: spec.name for o, spec in world.org_specs.items()}
