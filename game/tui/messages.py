"""Messages the panels post up to their screen: data goes down as views, requests come up."""

from textual.message import Message
from textual.widget import Widget

from game.model.actions import Action


class Order(Message):
    """A panel asks its team's screen to submit `action`; `done` is what to tell the team on success."""

    def __init__(self, action: Action, done: str, origin: Widget) -> None:
        super().__init__()
        self.action = action
        self.done = done
        self.origin = origin


class Refused(Message):
    """Sent back down to the panel whose order the rules refused, with the engine's reason."""

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason
