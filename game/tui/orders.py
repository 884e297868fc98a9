"""Whether an order would be accepted, asked of the rules before it is submitted.

The screens hold no game rule: to explain an illegal choice where it is made, they ask the table,
which tries the order on the current state with `game.engine.apply` (at the hot seat) or asks the
host (over the network), and show the engine's own sentence. Submitting still goes through the
table, which logs and saves.
"""

import re
from collections.abc import Mapping
from typing import Any

from game.engine import ActionRejected
from game.model.actions import Action
from game.report.describe import ids_to_names
from game.session.session import Session
from game.tui.table import Table
from game.tui.views import id_names


def round_words(text: str, label: str) -> str:
    """`round` in an engine's sentence as the scenario calls a round ('year'), as the news words it."""
    if label == "round":
        return text
    text = re.sub(r"\bround\(s\)|\brounds\b", f"{label}s", text)
    return re.sub(r"\bround\b", label, text)


class Probe:
    """The rules' verdict on one team's orders, on the table's current state."""

    def __init__(self, table: Table, who: str) -> None:
        self.table = table
        self.who = who
        self.actor = "org" if table.is_organization(who) else "state"
        """How an action names this seat: `state` for a state, `org` for an organization."""
        self._names: dict[str, str] | None = None
        self._label = "round"

    def refusal(self, action: Action) -> str | None:
        """Why the rules would refuse `action` now, or None if they would accept it."""
        reason = self.table.refusal(action, self.who)
        return None if reason is None else self.words(reason)

    def words(self, reason: str) -> str:
        """The engine's sentence with names for the ids it uses (`myanmar, cambodia lacks it` ->
        `Myanmar, Cambodia lacks it`) and the scenario's word for a round (a law adopted in a game of
        years read 'it enters into force in round 3' beside the tab's 'in force from year 3'); the
        names are read from the seat's view once."""
        if self._names is None:
            view = self.table.seat_view(self.who)
            self._names = id_names(view)
            self._label = view.round_label
        return round_words(ids_to_names(reason, self._names), self._label)

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
