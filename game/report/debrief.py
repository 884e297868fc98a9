"""The debrief's content, gathered once from a save and rendered as Markdown, HTML or CSV.

Everything comes from the save through a `Replay`: the actions in the log (any kind, described
generically), the round reports (figures, events, displacement, tiers), the facilitator's notes,
and a counterfactual run of the same scenario and seed in which nobody acts (the baseline).
"""

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from game.engine import new_game, resolve_round, scores
from game.engine.scoring import GameScore, OrgScore, StateScore
from game.model.report import Displacement, EventRecord, RoundReport
from game.model.rounds import round_name
from game.model.scenario import Organization
from game.model.state import GameState, ProposalRecord
from game.model.world import World
from game.report.describe import SAID, describe, event_words, law_name
from game.report.displacement_words import NO_NEW_STATE, because, what_moved
from game.report.pledges import PledgeLine, pledge_lines
from game.report.summits import summit_lines
from game.scenario.map_layout import MapPicture
from game.scenario.map_svg import game_picture
from game.session.log import Submitted
from game.session.replay import Replay
from game.session.seat_reports import role_words
from game.session.seats import Seat

if TYPE_CHECKING:
    from game.report.teaching import Teaching


@dataclass(slots=True)
class TimelineItem:
    round: int
    kind: str
    """`action`, `law`, `tier`, `event` or `message`."""
    text: str


@dataclass(slots=True)
class Promise:
    """A message or a public statement, beside what its sender did next."""

    round: int
    sender: str
    to: list[str]
    text: str | None
    """None in the class's debrief when the message was private (the facilitator's keeps it)."""
    followed: list[str]
    private: bool = True
    """Sent to some of the table, not all of it."""
    statement: bool = False
    """A public statement (to every seat), not a message."""


@dataclass(slots=True)
class Harm:
    victim_rounds: float
    baseline_victim_rounds: float

    @property
    def averted(self) -> float:
        return self.baseline_victim_rounds - self.victim_rounds

    @property
    def share(self) -> float:
        return self.averted / self.baseline_victim_rounds if self.baseline_victim_rounds else 0.0


@dataclass(slots=True)
class OrgRound:
    """What an organization did in one round: its instruments, in words, and what they cost."""

    round: int
    budget: float
    spent: float
    done: list[str]


@dataclass(slots=True)
class OrgRecord:
    """An organization's part in the game: its actions round by round, and its objectives."""

    id: str
    name: str
    kind: str
    mandate: list[str]
    rounds: list[OrgRound]
    score: OrgScore | None = None
    """Its objectives, once the game is over."""

    @property
    def spent(self) -> float:
        return sum(r.spent for r in self.rounds)

    @property
    def budget(self) -> float:
        return sum(r.budget for r in self.rounds)


@dataclass
class Debrief:
    title: str
    scenario_id: str
    summary: str
    seed: int
    save_id: str
    parent: dict[str, object] | None
    round_label: str
    rounds_total: int
    over: bool
    state_ids: list[str]
    names: dict[str, str]
    reports: list[RoundReport]
    baseline: list[RoundReport]
    """The same rounds played by nobody: the counterfactual."""
    timeline: dict[str, list[TimelineItem]]
    events: list[tuple[int, EventRecord]]
    displacement: list[tuple[int, Displacement]]
    promises: list[Promise]
    harm: Harm
    objectives: dict[str, StateScore] | None
    """Each state's objectives, once the game is over."""
    notes: dict[int, list[str]]
    prompts: list[str]
    notices: list[str] = field(default_factory=list)
    actions: dict[int, list[Submitted]] = field(default_factory=dict)
    map: MapPicture | None = None
    """The class's map: the routes held at the end, with true flows, and every displacement."""
    organizations: list[OrgRecord] = field(default_factory=list)
    """Each organization at the table (model card 4b), in scenario order."""
    audience: str = "class"
    """`class` (private messages' text left out) or `facilitator` (everything)."""
    seats: dict[str, Seat] = field(default_factory=dict)
    score: GameScore | None = None
    """The final scores, once the game is over."""
    pledges: list[PledgeLine] = field(default_factory=list)
    """Every public pledge beside what its state then did (`game.report.pledges`)."""
    teaching: "Teaching | None" = None
    """The summary, what each team's choices did, the ledger and the handouts (`game.report.teaching`)."""
    start_year: int | None = None
    """The calendar year of round 1, where the scenario gives it: the charts' axes name the years."""
    summits: list[list[str]] = field(default_factory=list)
    """Each summit in a few sentences: amendments, votes, signatures, ratifications (`report.summits`)."""

    @property
    def rounds(self) -> list[int]:
        return [report.round for report in self.reports]

    @property
    def label(self) -> str:
        return self.round_label

    def when(self, number: int) -> str:
        """A round as the screens name it, to head a line or a column: `2023` where the scenario gives
        a start year, else `Year 3` (the debrief said 'Year 1' to '8' beside screens and charts reading
        2023 to 2030)."""
        name = self.in_round(number)
        return name[:1].upper() + name[1:]

    def in_round(self, number: int) -> str:
        """The same inside a sentence: `2023`, else `year 3`."""
        return round_name(self.round_label, number, self.start_year)

    def name(self, state_id: str | None) -> str:
        if state_id is None:
            return "no state"
        return self.names.get(state_id, state_id)

    def addressee(self, promise: Promise) -> str:
        """Whom a message went to, in names; a public statement went to the whole table."""
        if promise.statement:
            return "the whole table (a public statement)"
        return ", ".join(self.name(t) for t in promise.to)


AUDIENCES = ("class", "facilitator")


def build_debrief(replay: Replay, audience: str = "class", *, teaching: bool = True,
                  reuse: "Teaching | None" = None) -> Debrief:
    """The debrief for `audience`: `class` leaves out the text of private messages (saying that one
    was sent, to whom, and what followed), `facilitator` keeps it. `teaching` adds the summary,
    what each team's choices did (a re-run per team), the ledger and the handouts; `reuse` gives
    another audience's teaching parts of the same game, whose re-runs are then not made again."""
    if audience not in AUDIENCES:
        raise ValueError(f"a debrief is for {' or '.join(AUDIENCES)}, not {audience!r}")
    document = replay.document
    scenario = document.scenario
    world = document.world
    reports = replay.reports
    # a state's or an organization's name wins over a region's with the same id (europe's `austria`,
    # `hungary`, `netherlands`): the team table read 'Austria (Vienna and the Brenner corridor)'
    names = {r.id: r.name for r in scenario.regions} | {n.id: n.name for n in scenario.networks}
    names |= {s.id: s.name for s in scenario.states} | {o.id: o.name for o in scenario.organizations}
    state_ids = [s.id for s in scenario.states]
    actions = {number: replay.actions(number) for number in range(1, replay.last_round + 1)}
    baseline, baseline_final = _baseline(replay, len(reports))
    objectives = None
    org_scores: dict[str, OrgScore] = {}
    latest: GameState | None = None
    score: GameScore | None = None
    if replay.over and reports:
        latest = replay.seek(replay.rounds_played, "over").state
        score = scores(latest, baseline_final)
        objectives, org_scores = score.states, score.organizations
    elif scenario.organizations:
        latest = replay.seek(replay.last_round).state
    debrief = Debrief(
        title=scenario.title, scenario_id=scenario.id, summary=scenario.summary, seed=document.seed,
        save_id=document.id, parent=document.parent, round_label=scenario.round_label, rounds_total=scenario.rounds,
        start_year=scenario.start_year,
        over=replay.over, state_ids=state_ids, names=names, reports=reports, baseline=baseline,
        timeline=_timeline(world, state_ids, names, reports, actions, audience == "class"),
        events=[(report.round, event) for report in reports for event in report.events],
        map=game_picture(scenario, reports),
        displacement=[(report.round, move) for report in reports for move in report.displacement],
        promises=_promises(world, actions, reports, audience == "class"),
        harm=Harm(float(sum(r.victims_total for r in reports)), float(sum(r.victims_total for r in baseline))),
        objectives=objectives, notes={k: list(v) for k, v in sorted(document.annotations.items())}, prompts=[],
        actions=actions,
        organizations=[_organization(world, org, reports, actions, org_scores.get(org.id), latest,
                                     names if audience == "class" else None) for org in scenario.organizations],
        audience=audience, seats=dict(document.seats), score=score,
    )
    if replay.note:
        debrief.notices.append(f"This save was {replay.note}; the baseline and objectives are computed under the "
                               f"current rules.")
    if document.parent:
        parent = document.parent
        debrief.notices.append(f"A branch of save {parent.get('id')} ({parent.get('path') or 'unsaved'}), "
                               f"reopened at {scenario.round_label} {parent.get('round')}.")
    if not replay.over:
        debrief.notices.append(f"The game is in progress: {len(reports)} of {scenario.rounds} "
                               f"{scenario.round_label}s resolved.")
    last_state = replay.seek(replay.last_round).state if replay.last_round else None
    debrief.pledges = pledge_lines(world, latest if replay.over and latest is not None else last_state, actions)
    debrief.prompts = discussion_prompts(debrief, scenario.learning_objectives)
    if last_state is not None:
        debrief.summits = [summit_lines(summit, names, scenario.round_label)
                           for summit in last_state.summits.values()]
    _name_ids(debrief, world, last_state)
    _word_events(debrief, world)
    if teaching:
        from game.report.teaching import build_teaching

        debrief.teaching = build_teaching(replay, debrief, reuse)
    return debrief


def agreement_titles(world: World) -> list[str]:
    """The agreements' names, for `event_words` to keep as written in the engine's sentences."""
    return [spec.name for spec in world.agreements.values()]


def event_names(names: dict[str, str], world: World) -> dict[str, str]:
    """The ids `event_words` names in an engine's event: seats, regions and networks, and the laws
    and agreements whose ids cannot be words of a sentence (`victim_protection`, not `commit`)."""
    return names | {k: v.name for k, v in world.laws.items() if "_" in k or "-" in k} | {
        k: v.name for k, v in world.agreements.items() if "_" in k or "-" in k}


def _word_events(debrief: Debrief, world: World) -> None:
    """The engine's events in the words the teams read them in (`event_words`, as the TUI's news):
    the debrief's list read 'china, vietnam sign for 3 round(s); contributions from round 2' in a
    game of years. An author's event stays as written."""
    names = event_names(dict(debrief.names), world)
    label, titles = debrief.round_label, agreement_titles(world)
    debrief.events = [(number, replace(event, title=event_words(event.title, event.kind, names, label, titles),
                                       text=event.text if event.kind in SAID else
                                       event_words(" ".join(event.text.split()), event.kind, names, label, titles)))
                      for number, event in debrief.events]


def _name_ids(debrief: Debrief, world: World, last: GameState | None) -> None:
    """The engine's and the log's words name ids (`aldmark-metro`, `demand_reduction`, `meridia`,
    proposal `p3`): the debrief reads names. Players' own words (messages) are left as written."""
    terms = dict(debrief.names) | {k: v.name for k, v in world.laws.items()} | {
        k: v.name for k, v in world.agreements.items()}
    if last is not None:
        def kind(id_: str) -> str:
            return world.agreements[id_].name if id_ in world.agreements else id_

        terms |= {p.id: f"{kind(p.kind)} ({p.id}, from {debrief.name(p.convened_by or p.proposer)})"
                  for p in last.proposals.values()}
        terms |= {a.id: f"the {kind(a.kind)} ({a.id})" for a in last.agreements.values()}
    if not terms:
        return
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(k) for k in sorted(terms, key=len, reverse=True))
                         + r")(?![\w-])")

    def named(text: str) -> str:
        return pattern.sub(lambda m: terms[m.group(1)], text)

    results = [o for score in (debrief.objectives or {}).values() for o in score.objectives]
    results += [o for org in debrief.organizations if org.score is not None for o in org.score.objectives]
    for result in results:
        result.description = named(result.description)
    for items in debrief.timeline.values():
        for item in items:
            if item.kind not in ("message", "event"):  # an event is worded in `_timeline`, as the teams read it
                item.text = named(item.text)
    for org in debrief.organizations:
        for entry in org.rounds:
            entry.done = [text if text.startswith(("message to", "private message")) else named(text)
                          for text in entry.done]
    for promise in debrief.promises:
        promise.followed = [named(text) for text in promise.followed]
    for line in debrief.pledges:
        line.text = named(line.text)
        line.followed = [named(text) for text in line.followed]


def _baseline(replay: Replay, rounds: int) -> tuple[list[RoundReport], GameState]:
    document = replay.document
    state = new_game(document.scenario, document.seed)
    reports = []
    for _ in range(rounds):
        state, report = resolve_round(state)
        reports.append(report)
    return reports, state


def _timeline(world: World, state_ids: list[str], names: dict[str, str], reports: list[RoundReport],
              actions: dict[int, list[Submitted]], hide: bool) -> dict[str, list[TimelineItem]]:
    timeline: dict[str, list[TimelineItem]] = {state_id: [] for state_id in state_ids}
    tiers: dict[str, str | None] = {state_id: None for state_id in state_ids}
    # an event in the words of the list of events and the teams' news: named once more with every
    # agreement's id, a breach of the COMMIT guidelines (id `commit`) read 'the COMMIT repatriation
    # and reintegration guidelines repatriation and reintegration guidelines'
    wording, label, titles = event_names(names, world), world.scenario.round_label, agreement_titles(world)
    by_round = {report.round: report for report in reports}
    for number, submitted in sorted(actions.items()):
        for state_id in state_ids:
            items = timeline[state_id]
            mine = [s for s in submitted if s.state == state_id and s.type != "ready"]
            allocations = [s for s in mine if s.type == "allocate"]
            for entry in mine:
                if entry.type == "allocate" and entry is not allocations[-1]:
                    continue  # only the allocation that stood when the round resolved
                kind = "message" if entry.type == "message" else "action"
                text = (withheld(entry, world, names) if hide and kind == "message" and is_private(entry, world)
                        else describe(entry.data, world))
                members = allocations if entry.type == "allocate" else [entry]
                items.append(TimelineItem(number, kind, by_members(members) + text))
            report = by_round.get(number)
            if report is None or state_id not in report.states:
                continue
            figures = report.states[state_id]
            items += [TimelineItem(number, "law", f"{law_name(law, world)} entered into force")
                      for law in figures.laws_entered]
            items += [TimelineItem(number, "law", f"{law_name(law, world)} repealed") for law in figures.laws_repealed]
            before = tiers[state_id]
            if before is not None and before != figures.tier:
                items.append(TimelineItem(number, "tier", f"tier {tier_name(before)} → {tier_name(figures.tier)}"))
            tiers[state_id] = figures.tier
            for event in report.events:
                if _mentions(event, state_id, names[state_id]):
                    items.append(TimelineItem(number, "event", event_words(event.title, event.kind, wording, label,
                                                                           titles)))
    return timeline


def by_members(entries: list[Submitted]) -> str:
    """Who in a team gave an order, when the host split its orders among roles: 'the interior
    minister ' ('' for the whole team). A budget is the sum of its members' lines, so it names each
    member who set some in the round."""
    roles = list(dict.fromkeys(entry.role for entry in entries if entry.role))
    if not roles:
        return ""
    return " and ".join(f"the {role_words(role)}" for role in roles) + " "


def _organization(world: World, org: Organization, reports: list[RoundReport], actions: dict[int, list[Submitted]],
                  score: OrgScore | None, latest: GameState | None, hide: dict[str, str] | None) -> OrgRecord:
    """An organization's rounds: its orders from the log (trained, reviewed, assisted, campaigned,
    convened, and its diplomacy), what it spent from the reports, and conditions broken."""
    convened = iter([p for p in latest.proposals.values() if p.convened_by == org.id]  # in the order made
                    if latest is not None else [])
    rounds = []
    for report in reports:
        mine = [entry for entry in actions.get(report.round, []) if entry.state == org.id and entry.type != "ready"]
        done = [(withheld(entry, world, hide) if hide is not None and entry.type == "message"
                 and is_private(entry, world) else describe(entry.data, world))
                + (_outcome(next(convened, None), latest) if entry.type == "convene" else "") for entry in mine]
        done += [event.title for event in report.events if event.id.startswith(f"conditions-{org.id}-")]
        figures = report.organizations.get(org.id)
        budget, spent = (figures.budget, figures.spent) if figures is not None else (org.budget, 0.0)
        rounds.append(OrgRound(report.round, budget, spent, done))
    return OrgRecord(org.id, org.name, org.kind, list(org.mandate), rounds, score)


def _outcome(proposal: ProposalRecord | None, latest: GameState | None) -> str:
    """What became of a convention an organization convened."""
    if proposal is None or latest is None:
        return ""
    if proposal.status == "accepted" and proposal.agreement in latest.agreements:
        return f" (signed in round {latest.agreements[proposal.agreement].signed})"
    return {"rejected": " (not signed)", "expired": " (expired unanswered)", "open": " (still open)"}.get(
        proposal.status, f" ({proposal.status})")


def _mentions(event: EventRecord, state_id: str, name: str) -> bool:
    """Whether an event concerns a state: it names the state, or its id stands as a word."""
    text = f"{event.id} {event.title} {event.text} {' '.join(event.effects)}"
    return name in text or re.search(rf"(?<![\w-]){re.escape(state_id)}(?![\w-])", text) is not None


def is_private(entry: Submitted, world: World) -> bool:
    """A message to some of the table, not to every other state and organization."""
    to = entry.data.get("to")
    everyone = set(world.state_ids) | set(world.org_ids)
    return not isinstance(to, list) or not everyone - {entry.state} <= {str(t) for t in to}


def withheld(entry: Submitted, world: World, names: dict[str, str]) -> str:
    to = entry.data.get("to")
    whom = ", ".join(names.get(str(t), str(t)) for t in to) if isinstance(to, list) else "?"
    return f"private message to {whom} (its text is in the facilitator's debrief)"


def _promises(world: World, actions: dict[int, list[Submitted]], reports: list[RoundReport],
              hide: bool) -> list[Promise]:
    promises = []
    for number, submitted in sorted(actions.items()):
        for index, entry in enumerate(submitted):
            text = entry.data.get("text")
            if entry.type not in ("message", "statement") or not isinstance(text, str):
                continue
            later = [s for s in submitted[index + 1:] if s.state == entry.state]
            later += [s for s in actions.get(number + 1, []) if s.state == entry.state]
            followed = [f"{describe(s.data, world)}" for s in later if s.type not in ("ready", "message", "statement")]
            followed = followed or ["nothing in that round or the next"]
            if entry.type == "statement":  # public words, to every other seat
                everyone = [s for s in [*world.state_ids, *world.org_ids] if s != entry.state]
                promises.append(Promise(number, entry.state, everyone, text, followed, False, statement=True))
                continue
            to = entry.data.get("to")
            private = is_private(entry, world)
            promises.append(Promise(number, entry.state, [str(t) for t in to] if isinstance(to, list) else [],
                                    None if hide and private else text, followed, private))
    return promises


def tier_name(tier: str) -> str:
    return "2 Watch List" if tier == "2WL" else tier


def discussion_prompts(debrief: Debrief, objectives: list[str]) -> list[str]:
    """Questions for the class, from what happened and from the scenario's learning objectives."""
    label = debrief.label
    prompts = []
    harm = debrief.harm
    if debrief.reports:
        if harm.averted > 0:
            prompts.append(f"The table averted {harm.averted:,.0f} victim-{label}s against the run where nobody acts "
                           f"({harm.share:.0%}). Which decision did the most for that number, and how could you tell "
                           f"from what you saw during play?")
        else:
            prompts.append(f"The table did no better than nobody acting ({-harm.averted:,.0f} more victim-{label}s "
                           f"than the baseline). What held it back?")
        last = debrief.reports[-1]
        identified = sum(f.identified for f in last.states.values())
        true = sum(f.victims_exploited for f in last.states.values())
        if true:
            prompts.append(f"In the last {label}, states identified {identified:,} people while {true:,} were held in "
                           f"exploitation ({identified / true:.0%}). What does that gap mean for judging a state by "
                           f"its identified victims?")
        stopped = sum(f.migrants_stopped for r in debrief.reports for f in r.states.values())
        found = sum(f.detected_in_transit + f.victims_deported for r in debrief.reports for f in r.states.values())
        deported = sum(f.victims_deported for r in debrief.reports for f in r.states.values())
        around = sum(f.migrants_diverted for r in debrief.reports for f in r.states.values())
        if stopped:
            went = (f" Another {around:,} went around the checks with smugglers, deeper in debt."
                    if around else "")
            prompts.append(f"Border checks stopped {stopped:,} migrants over the game and caught {found:,} victims, "
                           f"{deported:,} of whom were deported without being recognised.{went} What did the border "
                           f"do for the people it stopped, and what would have told a victim from a migrant?")
        ever = sum(f.identified for r in debrief.reports for f in r.states.values())
        if ever:
            children = sum(f.identified_children for r in debrief.reports for f in r.states.values())
            female = sum(f.identified_female for r in debrief.reports for f in r.states.values())
            prompts.append(f"Of the {ever:,} people identified, {children:,} ({children / ever:.0%}) were children "
                           f"and {female:,} ({female / ever:.0%}) women and girls (GLOTIP 2024 counts 38% and 61% "
                           f"of detected victims). Which of your measures reached them, and which did not?")
    if debrief.displacement:
        prompts.append(_displacement_prompt(debrief, label))
    acting = [org.name for org in debrief.organizations if any(r.done for r in org.rounds)]
    if acting:
        prompts.append(f"{' and '.join(acting)} had no territory and no laws, only a budget and a mandate. Which of "
                       f"their trainings, reviews, grants, campaigns or conventions changed what a state chose, and "
                       f"which changed nothing?")
    broken = [line for line in debrief.pledges if line.kept is False]
    if debrief.pledges:
        prompts.append(f"{len(debrief.pledges)} public pledge(s) were made and {len(broken)} broken. Did the table "
                       "believe a state's pledge less once it had broken one, and what did a kept pledge buy?")
    if debrief.promises:
        prompts.append("Read the messages beside what their senders did next. Where did words and actions part, "
                       "and how did the others respond?")
    for objective in objectives:
        prompts.append(f"Learning objective: {objective} Where did this game show it? "
                       f"Point to a {label} and a decision.")
    return prompts


def _displacement_prompt(debrief: Debrief, label: str) -> str:
    """The first displacement, with its cause in the words of every other screen (`because`): a fall
    in demand that an event brought read 'pressure in Côte d'Ivoire pushed ... Who paid for that
    success?', and a move onto no new state asked who paid for it."""
    number, move = debrief.displacement[0]
    dropped = " → ".join(debrief.name(r) for r in move.dropped)
    holder = f" ({debrief.name(move.pressure_state)})" if move.pressure_state else ""
    why = because(move, f"{debrief.name(move.pressure_region)}{holder}")
    moved = (f"In {debrief.in_round(number)}, {debrief.name(move.network)} moved {what_moved(move, label)} off "
             f"{dropped} {why}")
    if not move.received_by:
        return (f"{moved}, onto a path through {NO_NEW_STATE}. Where did the people it trafficked end up, and what "
                "would have stopped the flow moving instead?")
    onto = ", ".join(debrief.name(s) for s in move.received_by)
    question = "Who paid for that success" if move.cause == "detection" else "Who took in that trade"
    return f"{moved}, onto {onto}. {question}, and what would have stopped the flow moving instead?"
