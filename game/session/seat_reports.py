"""What one seat may read about resolved rounds: the round's report with the truth taken out, and
everything its round-report screen draws, gathered where the session is.

A `RoundReport` is the whole truth (true victims, every network's routes and flows, every state's
figures). A team's screen needs only its own observed figures, the public news and the
displacement that touched it, so the session side (the hot seat's table or a network host) builds
these records and a remote team receives them and nothing else: the fog is kept on the host.
"""

from dataclasses import dataclass, field, replace

from game.engine import org_view
from game.model.report import Displacement, EventRecord, OrgFigures, RoundReport, StateFigures
from game.model.view import OrgView, PlayerView
from game.report.describe import describe
from game.session.news import ai_reasons
from game.session.session import Session

HIDDEN_FIGURES = ("victims_exploited", "inflow", "recruited", "arrived", "escaped")
"""A state's true figures (see `StateFigures`): players never read them, not even their own."""


def own_effects(event: EventRecord, me: str, my_regions: set[str]) -> list[str]:
    """The event's effects that concern this seat or its regions: the rest are other teams' figures."""
    mine = []
    for effect in event.effects:
        target = effect.split(" ", 1)[0]
        kind, _, ident = target.partition(":")
        if (kind in ("state", "org", "organization") and ident == me) or (kind == "region" and ident in my_regions):
            mine.append(effect)
    return mine


def touches(move: Displacement, who: str, my_regions: set[str]) -> bool:
    """Displacement reaches everyone it touches: the state whose pressure moved it, the state it left
    (the given-up path crossed its territory), the states on the new path and the state where it now
    ends (each crosses or holds one of the new path's regions)."""
    on_paths = set(move.dropped) | set(move.opened or ())
    return move.pressure_state == who or who in move.received_by or bool(on_paths & my_regions)


def observed(figures: StateFigures) -> StateFigures:
    """A state's figures as its own team reads them: the true numbers set to zero."""
    return replace(figures, victims_exploited=0, inflow=0, recruited=0, arrived=0, escaped=0)


def seat_report(report: RoundReport, who: str, my_regions: set[str]) -> RoundReport:
    """`report` as seat `who` may read it: its own observed figures, the public events with only
    the effects on it, the displacement that touched it (`touches`: paths, not flows), and nothing on
    the networks, the other seats or the true totals."""
    states = {who: observed(report.states[who])} if who in report.states else {}
    organizations: dict[str, OrgFigures] = {who: report.organizations[who]} if who in report.organizations else {}
    events = [replace(event, effects=own_effects(event, who, my_regions)) for event in report.events]
    # a detection move's `risk` is the network's own belief (hidden); a site move's is the share of
    # demand its site lost, which every view shows (`RegionView.demand`): zeroed, every team's report
    # read 'demand for its trade fell 0%' whatever the fall
    moves = [Displacement(m.network, m.form, list(m.dropped), 0, list(m.opened) if m.opened is not None else None,
                          0.0, m.risk if m.cause == "site" else 0.0, m.pressure_region, m.pressure_state,
                          list(m.received_by), m.cause)
             for m in report.displacement if touches(m, who, my_regions)]
    cases = {who: report.cases[who]} if who in report.cases else {}
    return RoundReport(round=report.round, states=states, networks={}, events=events, displacement=moves,
                       organizations=organizations, cases=cases)


@dataclass(slots=True)
class StateRoundReport:
    """Everything a state's round report shows, for one team and one round."""

    round: int
    view: PlayerView
    """The team's view just after the round's resolution."""
    report: RoundReport
    """As the team may read it (`seat_report`)."""
    rounds: list[int]
    figures: list[StateFigures]
    """Its observed figures in each round so far, for the charts."""
    estimates: list[int]
    """Its intelligence estimate of the victims in its territory after each round."""
    before_capacities: dict[str, float]
    before_approval: float
    before_capital: float
    before_tier: str
    """The tier at the start of the round (of the game, for round 1)."""
    before_budget: float
    """The budget the team planned the round with: an event of the round may change it at the
    resolution (mekong's 2020 takes 2 of Thailand's 22), and the allocation is scaled to fit."""
    orders: list[str] = field(default_factory=list)
    """Its own orders of the round, in words (`ready` left out)."""


@dataclass(slots=True)
class OrgRoundReport:
    """Everything an organization's round report shows."""

    round: int
    view: OrgView
    report: RoundReport
    orders: list[str] = field(default_factory=list)


SeatRoundReport = StateRoundReport | OrgRoundReport


def orders_of(session: Session, who: str, round_no: int | None = None) -> list[str]:
    """A seat's own orders in a round (the open one by default), in words, `ready` left out; an
    order a team member sent in a role (`accord host --roles`) says which: 'interior minister: ...'."""
    world = session.document.world
    return [f"{role_words(s.role)}: {describe(s.data, world)}" if s.role else describe(s.data, world)
            for s in session.submitted(round_no) if s.state == who and s.type != "ready"]


def role_words(role: str) -> str:
    """A role's id as words: `interior_minister` -> 'interior minister' (ids are chosen to read so)."""
    return role.replace("_", " ")


def my_regions(view: PlayerView | OrgView) -> set[str]:
    return {region.id for region in view.regions if region.controlled_by == view.me.id}


def last_report(session: Session, who: str) -> RoundReport | None:
    """The last resolved round's report as seat `who` may read it, or None before the first."""
    reports = session.reports
    if not reports:
        return None
    seat_view = session.org_view(who) if who in session.state.organizations else session.view(who)
    return with_reasons(session, seat_report(reports[-1], who, my_regions(seat_view)), who)


def with_reasons(session: Session, report: RoundReport, who: str) -> RoundReport:
    """The seat's report with the AI seats' reasons for that round's moves it may know of."""
    reasons = ai_reasons(session.submitted(report.round), session.document.seats, session.state, who, report.round)
    return replace(report, events=report.events + reasons) if reasons else report


def round_report(session: Session, who: str, round_no: int) -> SeatRoundReport:
    """What seat `who`'s report on resolved round `round_no` shows."""
    reports = session.reports
    if not 1 <= round_no <= len(reports):
        from game.session.errors import SessionError

        label = session.scenario.round_label
        raise SessionError(f"{label} {round_no} is not resolved yet; resolved {label}s: 1 to {len(reports)}")
    report = reports[round_no - 1]
    replay = session.replay()
    moment = replay.seek(round_no, "resolved")
    orders = orders_of(session, who, round_no)
    if who in session.state.organizations:
        org = org_view(moment.state, who)
        return OrgRoundReport(round_no, org, with_reasons(session, seat_report(report, who, set()), who), orders)
    view = moment.view(who)
    rounds = [r.round for r in reports if r.round <= round_no]
    figures = [observed(r.states[who]) for r in reports if r.round <= round_no]
    estimates = [replay.seek(n, "resolved").view(who).me.victims_estimate.value for n in rounds]
    if round_no > 1:
        before = reports[round_no - 2].states[who]
        capacities, approval, capital, tier, budget = (dict(before.capacities), before.approval,
                                                       before.political_capital, before.tier, before.budget)
    else:
        spec = next(s for s in session.scenario.states if s.id == who)
        capacities = {k: float(v) for k, v in spec.capacities.model_dump().items()}
        # the tier the game opened with (a scenario's declared one, else the rule's): China's report on
        # year 1 read 'Tier 2' alone, hiding its rise from the Tier 3 its screen had shown all year
        tier = replay.seek(1, "orders", 0).state.states[who].tier
        approval, capital, budget = float(spec.approval), float(spec.political_capital), float(spec.budget)
    return StateRoundReport(round_no, view, with_reasons(session, seat_report(report, who, my_regions(view)), who),
                            rounds, figures, estimates,
                            capacities, approval, capital, tier, budget, orders)
