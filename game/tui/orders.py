"""Whether an order would be accepted, asked of the engine before it is submitted.

The screens hold no game rule: to explain an illegal choice where it is made, they try the order
on the current state with `game.engine.apply` (which never changes its input) and show the
engine's own sentence. Submitting still goes through the session, which logs and saves.
"""

from collections.abc import Mapping
from typing import Any

from game.engine import ActionRejected, apply
from game.model.actions import Action
from game.session.session import Session


class Probe:
    """The engine's verdict on one team's orders, on the session's current state."""

    def __init__(self, session: Session, who: str) -> None:
        self.session = session
        self.who = who
        self.actor = "org" if who in {org.id for org in session.scenario.organizations} else "state"
        """How an action names this seat: `state` for a state, `org` for an organization."""

    def refusal(self, action: Action) -> str | None:
        """Why the rules would refuse `action` now, or None if they would accept it."""
        try:
            apply(self.session.state, action, by=self.who)
        except ActionRejected as error:
            return str(error)
        return None

    def build(self, data: Mapping[str, Any]) -> Action:
        """An action of this team from form data, or `ActionRejected` naming the bad field."""
        return Session.parse_action({self.actor: self.who, **data})

    def check(self, data: Mapping[str, Any]) -> tuple[Action | None, str | None]:
        """The action from form data and the reason it would be refused (None when it would pass)."""
        try:
            action = self.build(data)
        except ActionRejected as error:
            return None, str(error)
        return action, self.refusal(action)
