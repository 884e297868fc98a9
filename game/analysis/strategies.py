"""The fixed strategies `accord lessons` plays, each a small class, each deterministic by seed.

A strategy gives one or more tables (game sets): which seats the AI plays, with which personality,
what is scripted, and which AI moves go through. Tables are plain data, so they cross to worker
processes; each worker rebuilds the scripts from them. See docs/lessons.md for why each one is what
it is.
"""

from abc import ABC
from dataclasses import dataclass
from functools import partial
from typing import ClassVar

from game.ai.cooperative import Cooperative
from game.ai.free_rider import FreeRider
from game.ai.mandate import Mandate
from game.ai.reciprocator import Reciprocator
from game.analysis import scripts
from game.model.actions import Action, Convene, Pledge, Propose, Ratify, Respond, Statement, Withdraw
from game.model.scenario import Scenario
from game.session.simulation import Allow, Script

DIPLOMACY = (Propose, Respond, Withdraw, Convene)
"""The moves that make or keep agreements: what a loner never makes."""


@dataclass(frozen=True, order=True)
class Table:
    """One game set of a strategy; `focus` is the seat it turns on (the free rider, the state that
    cracks down), None when every seat plays alike."""

    strategy: str
    focus: str | None = None


class Strategy(ABC):
    name: ClassVar[str]
    summary: ClassVar[str]
    per_state: ClassVar[bool] = False
    """One table with each state in focus in turn, rather than one table."""

    def tables(self, scenario: Scenario) -> list[Table]:
        if self.per_state:
            return [Table(self.name, s.id) for s in scenario.states]
        return [Table(self.name)]

    def seats(self, scenario: Scenario, focus: str | None) -> dict[str, str]:
        """Seat -> AI personality; seats not named act only through the script, or not at all."""
        return {}

    def script(self, focus: str | None) -> Script | None:
        return None

    def allow(self, focus: str | None = None) -> Allow | None:
        return None


def _organizations(scenario: Scenario) -> dict[str, str]:
    return {o.id: Mandate.name for o in scenario.organizations}


def _no_diplomacy(action: Action) -> bool:
    return not isinstance(action, DIPLOMACY)


class Nobody(Strategy):
    name = "none"
    summary = "nobody acts: the baseline every harm averted is counted against"


class Loner(Strategy):
    name = "loner"
    summary = ("every state plays the cooperative AI's laws and budget at home, with every proposal, answer "
               "and convening stripped; organizations keep their other instruments")

    def seats(self, scenario: Scenario, focus: str | None) -> dict[str, str]:
        return {**{s.id: Cooperative.name for s in scenario.states}, **_organizations(scenario)}

    def allow(self, focus: str | None = None) -> Allow | None:
        return _no_diplomacy


class Paper(Strategy):
    name = "paper"
    summary = ("in round 1 every agreement the rules allow is proposed (each kind for every pair, each "
               "multilateral kind for every state whose laws qualify) and accepted; nothing else changes")

    def script(self, focus: str | None) -> Script | None:
        return scripts.sign_everything


class CooperativeTable(Strategy):
    name = "cooperative"
    summary = "the cooperative AI in every state's seat, organizations playing their mandate"

    def seats(self, scenario: Scenario, focus: str | None) -> dict[str, str]:
        return {**{s.id: Cooperative.name for s in scenario.states}, **_organizations(scenario)}


class FreeRiderTable(Strategy):
    name = "free_rider"
    summary = "the free-rider AI in one state's seat, cooperators in the others: one table per state"
    per_state = True

    def seats(self, scenario: Scenario, focus: str | None) -> dict[str, str]:
        states = {s.id: FreeRider.name if s.id == focus else Cooperative.name for s in scenario.states}
        return {**states, **_organizations(scenario)}


def _not_pledging(focus: str | None, action: Action) -> bool:
    """Every move but the focus seat's statements and pledges."""
    return not (isinstance(action, Pledge | Statement) and action.actor == focus)


class RiderPledging(Strategy):
    name = "rider_pledging"
    summary = ("the free-rider AI in one state's seat, reciprocators (who answer to a partner's record) in the "
               "others, everyone making pledges: one table per state")
    per_state = True

    def seats(self, scenario: Scenario, focus: str | None) -> dict[str, str]:
        states = {s.id: FreeRider.name if s.id == focus else Reciprocator.name for s in scenario.states}
        return {**states, **_organizations(scenario)}


class RiderSilent(RiderPledging):
    name = "rider_silent"
    summary = ("the rider_pledging tables with the free rider making no statement or pledge (the others still "
               "pledge): set against them, what its broken word costs")

    def allow(self, focus: str | None = None) -> Allow | None:
        return partial(_not_pledging, focus)


class Crackdown(Strategy):
    name = "crackdown"
    summary = ("one state puts its whole budget into border and enforcement and adopts its border law; "
               "every other seat is idle: one table per state")
    per_state = True

    def script(self, focus: str | None) -> Script | None:
        assert focus is not None
        return partial(scripts.crack_down, focus)


class ProtectionFirst(Strategy):
    name = "protection_first"
    summary = ("every state adopts the victim protection law and a referral mechanism as it can and puts "
               "its whole budget into protection; no agreements")

    def script(self, focus: str | None) -> Script | None:
        return partial(scripts.invest, "protection", ("victim_protection", "referral_mechanism"))


class EnforcementFirst(Strategy):
    name = "enforcement_first"
    summary = "every state puts its whole budget into enforcement; no new law, no agreements"

    def script(self, focus: str | None) -> Script | None:
        return partial(scripts.invest, "enforcement", ())


class Unratified(Strategy):
    name = "unratified"
    summary = ("the cooperative table with every ratification stripped: its summits draft, vote and sign, "
               "and no treaty binds anyone (the same as `cooperative` where no summit is scheduled)")

    def seats(self, scenario: Scenario, focus: str | None) -> dict[str, str]:
        return {**{s.id: Cooperative.name for s in scenario.states}, **_organizations(scenario)}

    def allow(self, focus: str | None = None) -> Allow | None:
        return _no_ratification


def _no_ratification(action: Action) -> bool:
    return not isinstance(action, Ratify)


STRATEGIES: dict[str, Strategy] = {
    cls.name: cls() for cls in (Nobody, Loner, Paper, CooperativeTable, FreeRiderTable, RiderPledging, RiderSilent,
                                Crackdown, ProtectionFirst, EnforcementFirst, Unratified)
}
SWEPT = ("loner", "paper", "cooperative")
"""The strategies the robustness sweep plays: what `cooperation` and `implementation` read."""
