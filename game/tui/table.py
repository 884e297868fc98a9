"""What a team's screens need from the game, whoever holds it.

A team's screens (its tabs, its round report, the composers) talk to a `Table`: at the hot seat,
`LocalTable` over the session on this machine; in a classroom over the network,
`game.net.client.RemoteTable` over a host, which filters everything before it leaves the host. The
interface is small and seat-scoped on purpose: every method names the seat it serves, and nothing
here hands out the whole state, the whole report or the scenario (which holds every team's brief).
"""

from dataclasses import dataclass
from typing import Protocol

from game.engine import ActionRejected, apply
from game.errors import AccordError
from game.model.actions import Action
from game.model.report import RoundReport
from game.session import seat_reports
from game.session.seat_reports import SeatRoundReport
from game.session.session import Session
from game.tui.views import SeatView


class NotConfirmed(AccordError):
    """An order sent to a host that has not answered yet: it may be saved there or not. It is sent
    again under the same request id until the host says which (never applied twice)."""


@dataclass(frozen=True, slots=True)
class Member:
    """The role a screen plays in its team, when the host splits a team's orders among its members
    (`accord host --roles`): its words, its part in words, and the budget fields that are its own."""

    role: str
    part: str
    fields: tuple[str, ...]


class Table(Protocol):
    def member(self) -> Member | None:
        """The role this screen plays in its team, None: the whole team (every order)."""
        ...

    def is_organization(self, who: str) -> bool:
        """Whether seat `who` is an organization (its actions name `org`, not `state`)."""
        ...

    def seat_view(self, who: str) -> SeatView:
        """What seat `who` may see now: a `PlayerView` for a state, an `OrgView` for an organization."""
        ...

    def refusal(self, action: Action, who: str) -> str | None:
        """Why the rules would refuse `action` from `who` now, or None if they would accept it."""
        ...

    def submit(self, action: Action, who: str) -> None:
        """Submit `action` as seat `who`: `ActionRejected` with the rules' reason, `NotConfirmed`
        when a host has not answered yet, another `AccordError` when it could not be saved."""
        ...

    def orders(self, who: str, round_no: int | None = None) -> list[str]:
        """Seat `who`'s own orders in a round (the open one by default), in words, `ready` left out."""
        ...

    def last_report(self, who: str) -> RoundReport | None:
        """The last resolved round as seat `who` may read it (`seat_reports.seat_report`)."""
        ...

    def round_report(self, who: str, round_no: int) -> SeatRoundReport:
        """Everything seat `who`'s report on resolved round `round_no` shows."""
        ...


class LocalTable:
    """The table at this screen: a session on this machine, every seat served from it."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._organizations = {org.id for org in session.scenario.organizations}

    def member(self) -> Member | None:
        return None  # the hot seat keeps one screen per team, with every order

    def is_organization(self, who: str) -> bool:
        return who in self._organizations

    def seat_view(self, who: str) -> SeatView:
        return self.session.org_view(who) if self.is_organization(who) else self.session.view(who)

    def refusal(self, action: Action, who: str) -> str | None:
        try:
            apply(self.session.state, action, by=who)  # never changes its input
        except ActionRejected as error:
            return str(error)
        return None

    def submit(self, action: Action, who: str) -> None:
        self.session.submit(action, by=who)

    def orders(self, who: str, round_no: int | None = None) -> list[str]:
        return seat_reports.orders_of(self.session, who, round_no)

    def last_report(self, who: str) -> RoundReport | None:
        return seat_reports.last_report(self.session, who)

    def round_report(self, who: str, round_no: int) -> SeatRoundReport:
        return seat_reports.round_report(self.session, who, round_no)
