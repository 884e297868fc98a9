"""The wait before a round's countdown (`accord host --reading-minutes`): while the teams read the
report of the round just resolved, the new round's timer holds its full time.

A round opens at the moment its predecessor resolves, and at that moment every team is reading what
happened: a timer started then gave a 10-minute round 7 minutes of play. So the countdown waits
until every connected human team has closed its report (each of its members connected, with roles),
or until the reading allowance runs out, whichever comes first. A team that is not connected does
not hold the class up: only the teams there are waited for. Like the round timer itself, this is a
clock for the people in the room, never part of the game's state, log or hashes.
"""

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from game.session.clock import RoundClock

DEFAULT_READING_MINUTES = 2.0
"""The reading allowance when the host has a round timer and says nothing else."""


@dataclass
class ReadingWait:
    round: int
    """The round whose report the teams are reading (the one just resolved)."""
    allowance: RoundClock
    """The most the class waits: when it runs out, the countdown starts whoever is still reading."""
    closed: set[str] = field(default_factory=set)
    """Members (`seat` or `seat/role`) whose screens said they closed the report."""

    def close(self, member: str) -> bool:
        """Member `member` closed the report: whether that is news (a repeated request is not)."""
        if member in self.closed:
            return False
        self.closed.add(member)
        return True

    def count(self, connected: Mapping[str, int], humans: Collection[str]) -> tuple[int, int]:
        """(teams done, teams waited for): every human team with a notice socket open now; a team
        is done once each of its connected members (its own code, or each role's) has closed."""
        members: dict[str, list[str]] = {}
        for key, sockets in connected.items():
            seat = key.partition("/")[0]
            if sockets > 0 and seat in humans:
                members.setdefault(seat, []).append(key)
        done = sum(all(key in self.closed for key in keys) for keys in members.values())
        return done, len(members)

    def over(self, connected: Mapping[str, int], humans: Collection[str]) -> bool:
        """Whether the countdown may start: every connected team is done, or the allowance is spent."""
        done, teams = self.count(connected, humans)
        return done == teams or self.allowance.expired
