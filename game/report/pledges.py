"""Pledges in the debrief: each public promise beside what its state then did, and the verdict.

The engine judged each pledge at its due round (`game.engine.diplomacy.pledges`); the debrief sets
it beside the state's own orders over the rounds it covered, so that a class reads words against
deeds: the handout's "promises against what followed", the debrief's table and the gradebook's
counts read this one list.
"""

from dataclasses import dataclass

from game.model.state import GameState
from game.model.world import World
from game.report.describe import describe
from game.session.log import Submitted

SILENT = ("ready", "message", "statement", "pledge")
"""Orders that are words, not deeds: left out of what followed a pledge."""


@dataclass(slots=True)
class PledgeLine:
    made: int
    seat: str
    text: str
    due: int
    kept: bool | None
    followed: list[str]
    """The state's own orders in the rounds the pledge covered, in words."""
    label: str = "round"
    """The scenario's word for a round."""

    @property
    def verdict(self) -> str:
        if self.kept is None:
            return f"open (due in {self.label} {self.due})"
        return "kept" if self.kept else "broken"


def pledge_lines(world: World, latest: GameState | None, actions: dict[int, list[Submitted]]) -> list[PledgeLine]:
    """Every pledge of the game so far, in the order made, with the orders that followed it."""
    if latest is None:
        return []
    lines = []
    for pledge in latest.pledges:
        followed = [describe(s.data, world) for number in range(pledge.made, pledge.due + 1)
                    for s in actions.get(number, []) if s.state == pledge.seat and s.type not in SILENT]
        label = world.scenario.round_label
        lines.append(PledgeLine(pledge.made, pledge.seat, pledge.text, pledge.due, pledge.kept,
                                followed or [f"no orders in those {label}s"], label))
    return lines


def counts(lines: list[PledgeLine], seat: str) -> tuple[int, int, int]:
    """Pledges a seat made, kept and broke."""
    mine = [line for line in lines if line.seat == seat]
    return len(mine), sum(1 for line in mine if line.kept is True), sum(1 for line in mine if line.kept is False)
