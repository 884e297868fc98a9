"""The rejection a player reads when an action is not allowed."""

from game.errors import AccordError


class ActionRejected(AccordError):
    """Raised by `apply`; the message is written for a student, and says what to do instead."""
