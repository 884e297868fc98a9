"""Whose turn it is at a hot-seat table: plain functions of the session, so that the order of
play is the same whichever screen asks, and a continued save resumes at the right team."""

from game.session.session import Session


def human_seats(session: Session) -> list[str]:
    """Human teams in the scenario's order."""
    return [state_id for state_id, seat in session.seats.items() if seat.is_human]


def ai_to_play(session: Session) -> bool:
    """Whether an AI seat has yet to act in the open round."""
    if session.is_over:
        return False
    ready = set(session.ready_seats())
    return any(not seat.is_human and state_id not in ready for state_id, seat in session.seats.items())


def next_team(session: Session, after: str | None = None) -> str | None:
    """The next human team still to play this round, counting on from `after` (the last team at the
    screen), so that a team that hands over without ending its turn comes round again last."""
    if session.is_over:
        return None
    waiting = session.waiting_for()
    if not waiting:
        return None
    order = human_seats(session)
    if after in order:
        start = order.index(after) + 1
        order = order[start:] + order[:start]
    return next(state_id for state_id in order if state_id in waiting)


def names(session: Session) -> dict[str, str]:
    """Seat id (state or organization) -> name, for everything a screen prints."""
    scenario = session.scenario
    return {state.id: state.name for state in scenario.states} | {org.id: org.name for org in scenario.organizations}


def is_organization(session: Session, seat: str) -> bool:
    return any(org.id == seat for org in session.scenario.organizations)


def actor(data: dict[str, object]) -> str:
    """The seat an action's data names: its state, or its organization (`facilitator` for an inject)."""
    if data.get("type") == "inject":
        return "facilitator"
    return str(data.get("state") or data.get("org") or "?")
