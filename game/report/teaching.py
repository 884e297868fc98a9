"""The parts of the debrief a teacher projects, hands out and grades: the one-page summary (the score
table with who sat at each seat, the three moments that mattered most), what each team's choices
did, the agreement ledger and trust over time, each round's lesson, and a handout page per team.

Everything is read from the save: the seats it records (human or AI, and the AI's personality), its
reports and the states after each round; the re-runs go through `game.session.rerun`.
"""

from dataclasses import dataclass, field

from game.model.scenario import Organization, State
from game.model.terms import Terms
from game.model.world import World
from game.report.choices import AgreementEffect, TeamEffect, agreement_effects, team_effects
from game.report.debrief import Debrief, TimelineItem, tier_name
from game.report.displacement_words import NO_NEW_STATE, because, what_moved
from game.report.ledger import Ledger, build_ledger
from game.report.text import event_mark, objective_check
from game.scenario.wording import objective_text
from game.session.errors import SessionError
from game.session.replay import Replay

TIER_POINTS = {"1": 3, "2": 2, "2WL": 1, "3": 0}
"""Tier points as scoring counts them (model card 6): the numeric form of a tier, for the gradebook."""


@dataclass(slots=True)
class SeatRow:
    """One team at the table: who sat there and how it scored."""

    id: str
    name: str
    kind: str
    """`state` or `organization`."""
    human: bool
    personality: str | None
    score: float | None = None
    points: float | None = None
    max_points: int | None = None
    tier_points: float | None = None
    home_points: float | None = None
    tier: str | None = None
    met: int | None = None
    objectives: int | None = None

    @property
    def player(self) -> str:
        return "human team" if self.human else f"AI ({(self.personality or '').replace('_', ' ')})"


@dataclass(slots=True)
class Lesson:
    """A round's idea: the scripted event planned for it, shown to the teams as the round opens, or
    an event the facilitator fired by hand in it."""

    round: int
    title: str
    text: str


@dataclass(slots=True)
class Handout:
    id: str
    name: str
    player: str
    brief: str
    objectives: list[str]
    results: list[str]
    """Each objective, met or not, once the game is over."""
    orders: list[TimelineItem]
    promises: list[str]
    """Its messages beside what it did next, then its public pledges beside what followed and the verdict."""
    effect: TeamEffect | None


@dataclass(slots=True)
class Teaching:
    seats: list[SeatRow]
    effects: list[TeamEffect]
    agreements: list[AgreementEffect]
    moments: list[str]
    ledger: Ledger
    lessons: list[Lesson]
    handouts: list[Handout] = field(default_factory=list)
    commitments: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Team -> commitments kept and broken (to all partners), as trust counts them."""

    def effect(self, team: str) -> TeamEffect | None:
        return next((e for e in self.effects if e.team == team), None)

    def seat(self, team: str) -> SeatRow | None:
        return next((s for s in self.seats if s.id == team), None)


def build_teaching(replay: Replay, debrief: Debrief, previous: "Teaching | None" = None) -> Teaching:
    """`previous`: the same game's teaching parts for another audience, whose re-runs (the costly
    part, the same for every audience) are reused."""
    document = replay.document
    world = document.world
    after = [replay.seek(number, "resolved").state for number in range(1, replay.rounds_played + 1)]
    ledger = build_ledger(world, after, debrief.names)
    effects: list[TeamEffect] = []
    agreements: list[AgreementEffect] = []
    if previous is not None:
        effects, agreements = previous.effects, previous.agreements
    else:
        signed: dict[str, tuple[str, str, list[str], int, Terms | None]] = {
            a.id: (a.proposal, world.agreements[a.kind].name if a.kind in world.agreements else a.kind,
                   list(a.parties), a.signed, a.terms) for a in after[-1].agreements.values()} if after else {}
        try:
            effects = team_effects(document)
            agreements = agreement_effects(document, signed)
        except SessionError as error:
            debrief.notices.append(f"What each team's choices did could not be computed: {error}")
    teaching = Teaching(_seats(debrief), effects, agreements, [], ledger, _lessons(debrief, replay))
    teaching.moments = _moments(debrief, teaching)
    if after:
        teaching.commitments = {team: (sum(k for k, _ in partners.values()), sum(b for _, b in partners.values()))
                                for team, partners in after[-1].commitments.items()}
    teaching.handouts = [_handout(debrief, teaching, document.world, team)
                         for team in debrief.state_ids + [o.id for o in debrief.organizations]]
    return teaching


def _seats(debrief: Debrief) -> list[SeatRow]:
    rows = []
    score = debrief.score
    for state_id in debrief.state_ids:
        seat = debrief.seats.get(state_id)
        row = SeatRow(state_id, debrief.name(state_id), "state", seat is None or seat.is_human,
                      seat.personality if seat else None)
        result = score.states.get(state_id) if score else None
        if result is not None:
            row.score, row.points, row.max_points = result.score, result.points, result.max_points
            row.tier_points, row.tier = result.tier_points, result.tier
            row.home_points = round(result.score - result.points - result.tier_points, 3) + 0.0
            row.met, row.objectives = sum(o.met for o in result.objectives), len(result.objectives)
        rows.append(row)
    for org in debrief.organizations:
        seat = debrief.seats.get(org.id)
        row = SeatRow(org.id, org.name, "organization", seat is None or seat.is_human,
                      seat.personality if seat else None)
        if org.score is not None:
            row.score, row.points, row.max_points = org.score.score, org.score.points, org.score.max_points
            row.met, row.objectives = sum(o.met for o in org.score.objectives), len(org.score.objectives)
        rows.append(row)
    return sorted(rows, key=lambda r: -(r.score or 0.0)) if debrief.score else rows


def _lessons(debrief: Debrief, replay: Replay) -> list[Lesson]:
    """Each round's scripted events where they fired, and each the facilitator fired by hand (marked
    so) in the round it fired in, after the round's own; for the rounds still to come, the events
    planned for them. The plan alone listed an event fired early by hand under the round it was
    planned for, which the teams never read it in, and left the round it fired in without it."""
    events = replay.document.scenario.events
    planned = {e.id for e in events if e.round is not None}
    fired = [(number, event) for number, event in debrief.events
             if event.kind == "injected" or (event.kind == "scripted" and event.id in planned)]
    played = {event.id for _, event in fired}
    lessons = [Lesson(number, event.title + event_mark(event), " ".join(event.text.split()))
               for number, event in sorted(fired, key=lambda item: (item[0], item[1].kind == "injected"))]
    lessons += [Lesson(e.round, e.title, " ".join(e.text.split())) for e in sorted(
        (e for e in events if e.round is not None and e.id not in played and e.round <= debrief.rounds_total),
        key=lambda e: e.round or 0) if e.round is not None]
    return lessons


def _moments(debrief: Debrief, teaching: Teaching) -> list[str]:
    """The largest displacement, the first breach and the agreement that did most."""
    label = debrief.label
    moments = []
    if debrief.displacement:
        number, move = max(debrief.displacement, key=lambda item: item[1].dropped_flow)
        onto = ", ".join(debrief.name(s) for s in move.received_by) or NO_NEW_STATE
        place = debrief.name(move.pressure_region if move.cause == "site" else move.pressure_state)
        moments.append(f"The largest displacement ({debrief.in_round(number)}): {debrief.name(move.network)} moved "
                       f"{what_moved(move, label)} {because(move, place)}; the flow moved onto {onto}.")
    else:
        moments.append("No network gave up a route: nobody's pressure displaced the flows.")
    breaches = sorted(((n, r) for r in teaching.ledger.rows for n, c in r.cells.items()
                       if "unpaid" in c or "withdrawn" in c or "lapsed" in c), key=lambda item: item[0])
    if breaches:
        number, row = breaches[0]
        moments.append(f"The first breach ({debrief.in_round(number)}): the {row.kind} "
                       f"({', '.join(debrief.name(p) for p in row.parties)}): {row.cells[number]}.")
    elif any(row.signed is not None for row in teaching.ledger.rows):
        moments.append("No agreement was breached: every party paid its share while it was in force.")
    else:
        moments.append("No agreement came into force, so none could be breached.")
    best = teaching.agreements[0] if teaching.agreements else None
    if best is not None:
        parties = ", ".join(debrief.name(p) for p in best.parties)
        signed = f"the {best.kind} signed in {label} {best.signed} by {parties}"
        if round(best.table) >= 1:
            moments.append(f"The agreement that did most: {signed}; against the same game without its proposal, "
                           f"it averted {best.table:,.0f} victim-{label}s.")
        else:  # 'the agreement that did most ... averted 0' told the class the opposite of what happened
            change = (f"{-best.table:,.0f} victim-{label}s more with it than without it" if round(best.table) <= -1
                      else f"no victim-{label}s fewer")
            moments.append(f"No agreement made a difference that shows: the best of them, {signed}, left the "
                           f"table {change}.")
    else:
        moments.append("No agreement was signed: every state faced the networks alone.")
    return moments


def _handout(debrief: Debrief, teaching: Teaching, world: World, team: str) -> Handout:
    scenario = world.scenario
    world_names = dict(debrief.names) | {k: v.name for k, v in world.laws.items()} | {
        k: v.name for k, v in world.agreements.items()}
    seat = teaching.seat(team)
    spec: State | Organization | None = next((s for s in scenario.states if s.id == team), None)
    if spec is None:
        spec = next((o for o in scenario.organizations if o.id == team), None)
    brief = " ".join(spec.brief.split()) if spec is not None else ""
    organization = isinstance(spec, Organization)
    objectives = ([objective_text(o, world_names, scenario.round_label, organization) for o in spec.objectives]
                  if spec is not None else [])
    results: list[str] = []
    if debrief.objectives and team in debrief.objectives:
        results = [objective_check(o) + o.description for o in debrief.objectives[team].objectives]
    org = next((o for o in debrief.organizations if o.id == team), None)
    if org is not None and org.score is not None:
        results = [objective_check(o) + o.description for o in org.score.objectives]
    if org is not None:
        orders = [TimelineItem(r.round, "action", done) for r in org.rounds for done in r.done]
    else:
        orders = [item for item in debrief.timeline.get(team, []) if item.kind in ("action", "message")]
    promises = [f"{debrief.label} {p.round}, to {debrief.addressee(p)}: "
                + (f"“{p.text}”" if p.text is not None else "a private message") + f" — then: {'; '.join(p.followed)}"
                for p in debrief.promises if p.sender == team]
    promises += [f"{debrief.label} {line.made}, in public: pledged to {line.text} — {line.verdict} — then: "
                 f"{'; '.join(line.followed)}" for line in debrief.pledges if line.seat == team]
    return Handout(team, debrief.name(team), seat.player if seat else "human team", brief, objectives, results,
                   orders, promises, teaching.effect(team))


def tier_words(tier: str | None) -> str:
    return "—" if tier is None else f"Tier {tier_name(tier)}"
