"""What reached a team across the network since its screen last looked: a proposal it is a party to
and a message to it, each told once, whichever tab the team has open.

A team on its budget tab learned of a proposal only by opening the diplomacy tab. The desk keeps one
`Arrivals` for the whole game: the first view it reads after joining is the baseline (what is in it
is not new: the team reads it on its tabs), and every later view is compared with what was seen.
This reads the view only; which proposals and messages exist is the host's business.
"""

from collections import Counter

from game.model.view import MessageView
from game.tui.text import short
from game.tui.views import SeatView, names_of

DIPLOMACY_KEY = "p"
"""The key of the diplomacy tab, a state's and an organization's alike: proposals and messages are there."""


def _message_key(message: MessageView) -> tuple[int, str, tuple[str, ...], str]:
    return message.round, message.sender, tuple(message.to), message.text


class Arrivals:
    """The proposals and messages a seat has been told of, and the lines for those it has not."""

    def __init__(self) -> None:
        self.proposals: set[str] | None = None
        """Ids of the proposals seen; None until the first view (the baseline)."""
        self.messages: Counter[tuple[int, str, tuple[str, ...], str]] = Counter()

    def news(self, view: SeatView) -> list[str]:
        """One line for each proposal to this seat (by another) and each message to it that the
        views seen so far did not hold; none for the first view. Each is told once."""
        me = view.me.id
        offered = [p for p in view.proposals if p.proposer != me and me in p.parties]
        received = [m for m in view.messages if m.sender != me and me in m.to]
        first = self.proposals is None
        seen = self.proposals or set()
        fresh = [p for p in offered if p.id not in seen]
        self.proposals = seen | {p.id for p in offered}
        now = Counter(_message_key(m) for m in received)
        new_messages = []
        for message in received:
            key = _message_key(message)
            if self.messages[key] < now[key]:
                self.messages[key] += 1
                new_messages.append(message)
        if first:
            return []
        names = names_of(view)
        lines = []
        for proposal in fresh:
            spec = view.rules.agreements.get(proposal.kind)
            kind = spec.name if spec is not None else proposal.kind
            lines.append(f"{short(names.get(proposal.proposer, proposal.proposer))} proposes {kind} "
                         f"({proposal.id}): {DIPLOMACY_KEY} to answer")
        for message in new_messages:
            lines.append(f"Message from {short(names.get(message.sender, message.sender))}: "
                         f"{DIPLOMACY_KEY} to read")
        return lines
