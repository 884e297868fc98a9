"""The lessons, each measured from the outcomes of whole games and given a verdict.

Pure functions over averaged outcomes (`Summary`), so each can be checked on small made-up figures.
A lesson's `measure` holds the figures its verdict reads; `detail` says it in one sentence for an
instructor.
"""

import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field

from game.analysis.margins import Margin, figures, margin, note, pooled
from game.analysis.runner import Outcome, Override
from game.analysis.strategies import Table

PAPER_CEILING = 0.03
"""`implementation`: signatures alone must avert less than this share of the baseline's harm."""
PLEDGE_EFFECT = 0.005
"""`pledges`: a change in the table's harm averted of at least this share of the baseline counts."""
PLEDGE_SCORE = 0.01
"""`pledges`: a change in the free rider's own score of at least this much counts."""


@dataclass(frozen=True)
class Summary:
    """One table's outcomes, averaged over its seeds."""

    table: Table
    games: int
    harm_averted: float
    baseline_victim_rounds: float
    scores: dict[str, float]
    avoiding: dict[str, float]
    baseline_avoiding: dict[str, float]
    agreements: float
    people: dict[str, float] = field(default_factory=dict)
    """Convictions, re-trafficked, recruited and testimonies over the game (`runner.people_figures`)."""
    by_state: dict[str, dict[str, float]] = field(default_factory=dict)
    baseline_people: dict[str, float] = field(default_factory=dict)
    pledging: dict[str, dict[str, float]] = field(default_factory=dict)
    """State -> pledges made, kept, broken and the others' trust in it (`runner.pledge_figures`)."""
    scores_by_seed: dict[int, dict[str, float]] = field(default_factory=dict)
    """Seed -> each seat's score in that game, for the same seed-by-seed comparison of scores."""
    score_parts: dict[str, dict[str, float]] = field(default_factory=dict)
    """State -> the parts of its score, averaged (`runner.score_parts`)."""
    harm_by_seed: dict[int, float] = field(default_factory=dict)
    """Seed -> harm averted in that game: two tables played on the same seeds are compared seed by
    seed (`paired`), which tells a margin from the spread between games."""

    @property
    def share(self) -> float:
        """Harm averted as a share of the baseline's victim-rounds."""
        return self.harm_averted / self.baseline_victim_rounds if self.baseline_victim_rounds > 0 else 0.0


@dataclass(frozen=True)
class Lesson:
    name: str
    holds: bool
    measure: dict[str, float]
    detail: str
    breakdown: dict[str, dict[str, float]] = field(default_factory=dict)
    """By state or seat, where the lesson reads one figure per seat."""
    measured: bool = True
    """False where the scenario or the run gave nothing to measure (no summit, no parameter tried):
    the lesson does not hold, and the table reads 'n/a' rather than 'FAILS'."""


@dataclass(frozen=True)
class Breaking:
    parameter: str
    value: float
    lesson: str
    within_noise: bool = False
    """The margin that broke it is within the noise of the games played (`NOISE`)."""


@dataclass(frozen=True)
class Flip:
    """A variant under which a lesson's verdict differs from the one at the scenario's values:
    where a lesson rests on one number, this names the number."""

    parameter: str
    value: float
    lesson: str
    holds: bool


def summarize(outcomes: Iterable[Outcome]) -> dict[Table, Summary]:
    """Outcomes of one variant, averaged table by table."""
    grouped: dict[Table, list[Outcome]] = {}
    for outcome in outcomes:
        grouped.setdefault(outcome.table, []).append(outcome)
    return {table: _average(table, games) for table, games in sorted(grouped.items())}


def _average(table: Table, games: list[Outcome]) -> Summary:
    def mean_of(dicts: list[dict[str, int]] | list[dict[str, float]]) -> dict[str, float]:
        return {key: statistics.fmean(d[key] for d in dicts) for key in dicts[0]}

    return Summary(
        table=table, games=len(games),
        harm_averted=statistics.fmean(g.harm_averted for g in games),
        baseline_victim_rounds=statistics.fmean(g.baseline_victim_rounds for g in games),
        scores=mean_of([g.scores for g in games]),
        avoiding=mean_of([g.avoiding for g in games]),
        baseline_avoiding=mean_of([g.baseline_avoiding for g in games]),
        agreements=statistics.fmean(g.agreements for g in games),
        people=mean_of([g.people for g in games]) if games[0].people else {},
        by_state={s: {k: statistics.fmean(g.by_state[s][k] for g in games) for k in games[0].by_state[s]}
                  for s in games[0].by_state},
        baseline_people=mean_of([g.baseline_people for g in games]) if games[0].baseline_people else {},
        pledging={s: {k: statistics.fmean(g.pledging[s][k] for g in games) for k in games[0].pledging[s]}
                  for s in games[0].pledging},
        score_parts={s: {k: statistics.fmean(g.score_parts[s][k] for g in games) for k in games[0].score_parts[s]}
                     for s in games[0].score_parts},
        harm_by_seed={g.seed: g.harm_averted for g in games},
        scores_by_seed={g.seed: dict(g.scores) for g in games},
    )


def paired(first: Summary, second: Summary, offset: float = 0.0) -> Margin:
    """`first`'s harm averted minus `second`'s (minus `offset`, victim-years), game by game on the
    seeds both played."""
    seeds = sorted(set(first.harm_by_seed) & set(second.harm_by_seed))
    return margin([first.harm_by_seed[s] - second.harm_by_seed[s] - offset for s in seeds],
                  first.harm_averted - second.harm_averted - offset)


def spread(summary: Summary, offset: float) -> Margin:
    """`summary`'s harm averted minus `offset` (victim-years), over its games."""
    return margin([h - offset for h in summary.harm_by_seed.values()], summary.harm_averted - offset)


def _missing(name: str, needs: str) -> Lesson:
    return Lesson(name, False, {}, f"not measured: no {needs} table was played")


SMALL_DISPLACEMENT = 0.01
"""A rise in the people moved through other states below this share of the baseline's holds, and the
detail says that a class will hardly see it (a West African draft held with +0.4%, 53 people)."""


def displacement(tables: dict[Table, Summary]) -> Lesson:
    """A lone crackdown raises flows through others: of the states cracking down in turn, the one
    whose crackdown moves the most people onto routes avoiding it, and by how many."""
    rises = {t.focus: s.avoiding[t.focus] - s.baseline_avoiding[t.focus]
             for t, s in tables.items() if t.strategy == "crackdown" and t.focus is not None}
    if not rises:
        return _missing("displacement", "crackdown")
    focus = max(sorted(rises), key=lambda s: rises[s])
    rise = rises[focus]
    before = tables[Table("crackdown", focus)].baseline_avoiding[focus]
    relative = f" ({rise / before:+.1%})" if before > 0 else ""
    breakdown = {s: {"rise": round(r, 1)} for s, r in sorted(rises.items())}
    measure = {"rise": round(rise, 1), "baseline": round(before, 1)}
    if rise > 0:
        detail = (f"A lone crackdown by {focus} moved {rise:,.0f} more people through other states over the game "
                  f"than with nobody acting{relative}, the clearest of {len(rises)} states tried.")
        if before > 0 and rise / before < SMALL_DISPLACEMENT:
            detail += (f" A rise under {SMALL_DISPLACEMENT:.0%} is hard for a class to see: give the networks a "
                       "cheaper way around the state most likely to press (scenarios/README.md).")
    else:
        detail = (f"No lone crackdown raised the flows through other states: the largest change, by {focus}, "
                  f"was {rise:+,.0f} people{relative}. A crackdown can only move people where the map offers "
                  "a way around the state that presses (scenarios/README.md: give the networks a way around).")
    return Lesson("displacement", rise > 0, measure, detail, breakdown)


def cooperation(tables: dict[Table, Summary]) -> Lesson:
    """The cooperative table averts more than the loner table."""
    coop, loner = tables.get(Table("cooperative")), tables.get(Table("loner"))
    if coop is None or loner is None:
        return _missing("cooperation", "cooperative or loner")
    holds = coop.harm_averted > loner.harm_averted
    lead = paired(coop, loner)
    measure = {"cooperative": round(coop.harm_averted, 1), "loner": round(loner.harm_averted, 1),
               "cooperative_share": round(coop.share, 4), "loner_share": round(loner.share, 4),
               **figures(lead)}
    verb = "more" if holds else "no more"
    detail = (f"Cooperating averted {verb} than acting alone: {coop.share:.1%} of the baseline's harm "
              f"against {loner.share:.1%} ({coop.harm_averted:,.0f} vs {loner.harm_averted:,.0f} victim-years)."
              + note([lead], coop.baseline_victim_rounds))
    return Lesson("cooperation", holds, measure, detail)


def implementation(tables: dict[Table, Summary]) -> Lesson:
    """Signing without implementing averts less than the cooperative table, and less than 3% of
    the baseline."""
    coop, paper = tables.get(Table("cooperative")), tables.get(Table("paper"))
    if coop is None or paper is None:
        return _missing("implementation", "cooperative or paper")
    below_coop = paper.harm_averted < coop.harm_averted
    below_ceiling = paper.share < PAPER_CEILING
    margins = [paired(coop, paper), spread(paper, PAPER_CEILING * paper.baseline_victim_rounds)]
    measure = {"paper": round(paper.harm_averted, 1), "cooperative": round(coop.harm_averted, 1),
               "paper_share": round(paper.share, 4), "cooperative_share": round(coop.share, 4),
               "ceiling": PAPER_CEILING, "paper_agreements": round(paper.agreements, 1),
               **figures(*margins)}
    if below_coop and below_ceiling:
        detail = (f"Signing {paper.agreements:.0f} agreements and changing nothing else averted only "
                  f"{paper.share:.1%}, against {coop.share:.1%} for the cooperative table.")
    else:
        why = [] if below_coop else [f"as much as or more than the cooperative table's {coop.share:.1%}"]
        why += [] if below_ceiling else [f"not below {PAPER_CEILING:.0%} of the baseline"]
        detail = (f"Signing {paper.agreements:.0f} agreements and changing nothing else averted {paper.share:.1%}: "
                  f"{' and '.join(why)}.")
    detail += note(margins, paper.baseline_victim_rounds)
    return Lesson("implementation", below_coop and below_ceiling, measure, detail)


def free_riding(tables: dict[Table, Summary]) -> Lesson:
    """In how many seats a free rider among cooperators scores above a cooperator in the same
    seat, and what the table loses to it (harm averted, against the all-cooperative table)."""
    coop = tables.get(Table("cooperative"))
    riders = {t.focus: s for t, s in tables.items() if t.strategy == "free_rider" and t.focus is not None}
    if coop is None or not riders:
        return _missing("free_riding", "cooperative or free_rider")
    gains = {seat: _score_margin(s, coop, seat) for seat, s in sorted(riders.items())}
    breakdown = {
        seat: {"free_rider_score": round(s.scores[seat], 3), "cooperator_score": round(coop.scores[seat], 3),
               "table_loss": round(coop.harm_averted - s.harm_averted, 1),
               "within_noise": float(gains[seat].within_noise)}
        for seat, s in sorted(riders.items())
    }
    gaining = sum(1 for b in breakdown.values() if b["free_rider_score"] > b["cooperator_score"])
    unclear = sum(1 for seat in riders if gains[seat].within_noise)
    table = [paired(coop, s) for s in riders.values()]
    table_noisy = pooled(table).within_noise
    share = gaining / len(riders)
    loss = statistics.fmean(coop.harm_averted - s.harm_averted for s in riders.values())
    loss_share = loss / coop.baseline_victim_rounds if coop.baseline_victim_rounds > 0 else 0.0
    holds = share >= 0.5 and loss > 0
    measure: dict[str, float] = {"share_of_seats": round(share, 4), "seats_gaining": gaining, "seats": len(riders),
               "table_loss": round(loss, 1), "table_loss_share": round(loss_share, 4),
               "seats_within_noise": unclear, "table_loss_within_noise": float(table_noisy)}
    detail = (f"A free rider scored above a cooperator in {gaining} of {len(riders)} seats, and the table "
              f"{'lost' if loss > 0 else 'gained'} {abs(loss):,.0f} victim-years of harm averted "
              f"({abs(loss_share):.1%} of the baseline) on average.")
    losing = [seat for seat, b in breakdown.items() if b["free_rider_score"] < b["cooperator_score"]]
    if share < 0.5 and losing:
        detail += " " + _why_it_did_not_pay(losing, riders, coop)
    if unclear or table_noisy:
        parts = [f"the score difference in {unclear} of the {len(riders)} seats"] if unclear else []
        parts += ["the table's loss"] if table_noisy else []
        detail += f" Within the noise of the games played: {' and '.join(parts)} (more games would tell)."
    for seat, rider in riders.items():
        for part, change in _part_changes(seat, rider, coop).items():
            breakdown[seat][f"{part}_change"] = round(change, 3)
    return Lesson("free_riding", holds, measure, detail, breakdown)


SCORE_PARTS = {"objectives": "its objectives", "tier": "its tier", "own_victims": "victims on its own ground"}
"""The parts of a seat's score (`runner.score_parts`), as the free-riding detail names them."""


def _part_changes(seat: str, rider: Summary, coop: Summary) -> dict[str, float]:
    """The free rider's score minus a cooperator's in its seat, part by part (none for an
    organization's seat, which has no tier or ground)."""
    mine, theirs = rider.score_parts.get(seat), coop.score_parts.get(seat)
    if mine is None or theirs is None:
        return {}
    return {part: mine[part] - theirs[part] for part in SCORE_PARTS if part in mine and part in theirs}


def _why_it_did_not_pay(losing: list[str], riders: dict[str, Summary], coop: Summary) -> str:
    """Where free riding cost the free rider, and in which part of its score: the instructor's clue
    to whether the map has anything to free-ride on (deals whose benefit lands on the payer's own
    ground are not worth withholding)."""
    seats = ", ".join(f"{seat} {riders[seat].scores[seat] - coop.scores[seat]:+.2f}" for seat in losing)
    totals = {part: 0.0 for part in SCORE_PARTS}
    for seat in losing:
        for part, change in _part_changes(seat, riders[seat], coop).items():
            totals[part] += change
    lost = sorted((change, part) for part, change in totals.items() if change < 0)
    if not lost:
        return f"Where it did not pay ({seats}), no one part of its score explains the loss."
    named = " and ".join(f"{SCORE_PARTS[part]} ({change / len(losing):+.2f} a seat)" for change, part in lost[:2])
    return (f"Where it did not pay ({seats}), it lost most on {named}: what it withheld, and its partners' "
            "answer, cost it more there than the withheld points bought at home. Deals whose benefit lands on "
            "the payer's own ground leave little to free-ride on.")


def _score_margin(rider: Summary, coop: Summary, seat: str) -> Margin:
    """The free rider's score minus a cooperator's in its seat, seed by seed."""
    seeds = sorted(set(rider.scores_by_seed) & set(coop.scores_by_seed))
    return margin([rider.scores_by_seed[s][seat] - coop.scores_by_seed[s][seat] for s in seeds],
                  rider.scores[seat] - coop.scores[seat])


def pledges(tables: dict[Table, Summary]) -> Lesson:
    """Whether pledges change outcomes: each table of a free rider among reciprocators, where the free
    rider pledges and breaks its word, against the same table with the free rider silent. It holds
    when the free rider broke pledges and that changed the game: the table's harm averted by at
    least `PLEDGE_EFFECT` of the baseline, or the free rider's own score by at least `PLEDGE_SCORE`
    (trust alone, a number that changes nothing, does not count)."""
    pairs = {t.focus: (s, tables[Table("rider_silent", t.focus)]) for t, s in tables.items()
             if t.strategy == "rider_pledging" and t.focus is not None and Table("rider_silent", t.focus) in tables}
    if not pairs:
        return _missing("pledges", "rider_pledging or rider_silent")
    breakdown = {}
    for seat, (loud, silent) in sorted(pairs.items()):
        said, quiet = loud.pledging.get(seat, {}), silent.pledging.get(seat, {})
        breakdown[seat] = {
            "pledges_broken": round(said.get("broken", 0.0), 2), "pledges_kept": round(said.get("kept", 0.0), 2),
            "trust_pledging": round(said.get("trust", 0.5), 3), "trust_silent": round(quiet.get("trust", 0.5), 3),
            "table_change": round(loud.harm_averted - silent.harm_averted, 1),
            "score_change": round(loud.scores[seat] - silent.scores[seat], 3),
        }
    baseline = statistics.fmean(loud.baseline_victim_rounds for loud, _ in pairs.values())
    broken = statistics.fmean(b["pledges_broken"] for b in breakdown.values())
    trust_silent = statistics.fmean(b["trust_silent"] for b in breakdown.values())
    trust_drop = statistics.fmean(b["trust_silent"] - b["trust_pledging"] for b in breakdown.values())
    table_change = statistics.fmean(b["table_change"] for b in breakdown.values())
    score_change = statistics.fmean(b["score_change"] for b in breakdown.values())
    share = table_change / baseline if baseline > 0 else 0.0
    changed = abs(share) >= PLEDGE_EFFECT or abs(score_change) >= PLEDGE_SCORE
    holds = broken > 0 and changed
    measure: dict[str, float] = {"pledges_broken": round(broken, 2), "trust_silent": round(trust_silent, 3),
                                 "trust_drop": round(trust_drop, 3),
                                 "table_change": round(table_change, 1), "table_change_share": round(share, 4),
                                 "score_change": round(score_change, 3), "seats": len(pairs)}
    if broken <= 0:
        detail = "The free rider broke no pledge in these games: pledges could not change the outcome."
    else:
        trusted = f"{abs(trust_drop):.2f} {'less' if trust_drop >= 0 else 'more'}"
        detail = (f"A free rider among reciprocators that pledged and broke its word ({broken:.1f} broken pledges a "
                  f"game) was trusted {trusted} by the others than when it said nothing ({trust_silent:.2f}, "
                  f"from its record in agreements); the table averted "
                  f"{abs(table_change):,.0f} victim-years {'more' if table_change >= 0 else 'less'} "
                  f"({share:+.1%} of the baseline) and the free rider's score moved {score_change:+.3f}: pledges "
                  f"{'change' if changed else 'do not change'} the outcome.")
    return Lesson("pledges", holds, measure, detail, breakdown)


def protection(tables: dict[Table, Summary]) -> Lesson:
    """Protection changes outcomes: the protection-first table (every state into protection, with the
    victim protection law and a referral mechanism) convicts more, through victims' testimony, and
    sees fewer people re-trafficked than the enforcement-first table with the same budgets."""
    cared, pressed = tables.get(Table("protection_first")), tables.get(Table("enforcement_first"))
    if cared is None or pressed is None or not cared.people or not pressed.people:
        return _missing("protection", "protection_first or enforcement_first")
    convicts = cared.people["convictions"] > pressed.people["convictions"]
    fewer = cared.people["retrafficked"] < pressed.people["retrafficked"]
    measure = {f"{name}_{key}": round(s.people[key], 1) for name, s in (("protection", cared), ("enforcement", pressed))
               for key in ("convictions", "retrafficked", "testimonies")}
    measure |= {"protection_share": round(cared.share, 4), "enforcement_share": round(pressed.share, 4)}
    detail = (f"Putting every budget into protection with the victim protection law gave "
              f"{cared.people['convictions']:,.0f} convictions ({cared.people['testimonies']:,.0f} testimonies) and "
              f"{cared.people['retrafficked']:,.0f} people re-trafficked, against "
              f"{pressed.people['convictions']:,.0f} ({pressed.people['testimonies']:,.0f}) and "
              f"{pressed.people['retrafficked']:,.0f} with everything in enforcement; harm averted "
              f"{cared.share:.1%} against {pressed.share:.1%}.")
    if cared.share < 0 and pressed.share < 0:
        # an instructor read "holds" beside two negative shares and took the lesson for a failure
        detail += (" Both did worse than nobody acting: the whole budget in one capacity lets the others decay; "
                   "the lesson is the comparison between them, not either strategy.")
    return Lesson("protection", convicts and fewer, measure, detail)


def _recruited_again(people: dict[str, float]) -> float:
    """People networks took from those sent back to their origins and from those who went around a
    border with smugglers (0 for a figure a table did not record)."""
    return people.get("recruited_returned", 0.0) + people.get("recruited_diverted", 0.0)


def border_harm(tables: dict[Table, Summary]) -> Lesson:
    """A border-only strategy stops more migrants than it finds victims, and raises recruitment
    elsewhere: of the lone crackdowns, the one that stops the most people, with its migrants
    stopped (and sent around its checks with smugglers), victims caught (and deported), and the
    people networks recruited again from those sent back to their origins or indebted to smugglers,
    against nobody acting."""
    crackdowns = {t.focus: s for t, s in tables.items() if t.strategy == "crackdown" and t.focus is not None
                  and s.by_state}
    if not crackdowns:
        return _missing("border_harm", "crackdown")
    focus = max(sorted(crackdowns), key=lambda s: crackdowns[s].by_state[s]["stopped"])
    mine = crackdowns[focus]
    stopped, caught = mine.by_state[focus]["stopped"], mine.by_state[focus]["caught"]
    deported = mine.by_state[focus]["deported"]
    around = mine.by_state[focus].get("diverted", 0.0)
    rise = _recruited_again(mine.people) - _recruited_again(mine.baseline_people)
    holds = stopped > caught and rise > 0
    measure = {"migrants_stopped": round(stopped, 1), "migrants_diverted": round(around, 1),
               "victims_caught": round(caught, 1), "victims_deported": round(deported, 1),
               "recruitment_rise": round(rise, 1)}
    breakdown = {s: {"migrants_stopped": round(t.by_state[s]["stopped"], 1),
                     "migrants_diverted": round(t.by_state[s].get("diverted", 0.0), 1),
                     "victims_caught": round(t.by_state[s]["caught"], 1),
                     "recruitment_rise": round(_recruited_again(t.people)
                                               - _recruited_again(t.baseline_people), 1)}
                 for s, t in sorted(crackdowns.items())}
    detail = (f"A lone border crackdown by {focus} stopped {stopped:,.0f} migrants, sent {around:,.0f} more around "
              f"its checks with smugglers, and caught {caught:,.0f} victims ({deported:,.0f} of them deported "
              f"unrecognised); networks recruited {rise:+,.0f} more people from those sent back or indebted to "
              f"smugglers than with nobody acting.")
    return Lesson("border_harm", holds, measure, detail, breakdown)


def ratification(tables: dict[Table, Summary], summits: int) -> Lesson:
    """Ratification changes outcomes: the cooperative table averts more than the same table with
    every ratification stripped (its summits' texts signed and never binding). Not measured in a
    scenario that schedules no summit."""
    coop, unratified = tables.get(Table("cooperative")), tables.get(Table("unratified"))
    if not summits:
        return Lesson("ratification", False, {"summits": 0}, "Not measured: the scenario schedules no summit.",
                      measured=False)
    if coop is None or unratified is None:
        return _missing("ratification", "cooperative or unratified")
    gain = coop.harm_averted - unratified.harm_averted
    holds = gain > 0
    lead = paired(coop, unratified)
    measure = {"ratified": round(coop.harm_averted, 1), "unratified": round(unratified.harm_averted, 1),
               "ratified_share": round(coop.share, 4), "unratified_share": round(unratified.share, 4),
               "summits": summits, **figures(lead)}
    detail = (f"Ratifying the summits' treaties averted {coop.share:.1%} of the baseline's harm against "
              f"{unratified.share:.1%} when the same texts were signed and never ratified ({gain:+,.0f} "
              f"victim-years)." + note([lead], coop.baseline_victim_rounds))
    return Lesson("ratification", holds, measure, detail)


SWEPT_LESSONS = (cooperation, implementation)


def robustness(
    defaults: dict[Table, Summary], variants: dict[Override, dict[Table, Summary]], parameters: list[str]
) -> tuple[Lesson, list[Breaking], list[Flip]]:
    """Whether `cooperation` and `implementation` hold with each parameter at half and double its
    value: every variant under which one fails is listed, and every variant that changes a verdict."""
    verdicts = {m(defaults).name: m(defaults).holds for m in SWEPT_LESSONS}
    breaking: list[Breaking] = []
    flips: list[Flip] = []
    for override, tables in sorted(variants.items()):
        for lesson in (m(tables) for m in SWEPT_LESSONS):
            if not lesson.holds:
                breaking.append(Breaking(override.parameter, override.value, lesson.name,
                                         bool(lesson.measure.get("within_noise"))))
            if lesson.holds != verdicts[lesson.name]:
                flips.append(Flip(override.parameter, override.value, lesson.name, lesson.holds))
    names = sorted({b.parameter for b in breaking}, key=parameters.index)
    measure: dict[str, float] = {"parameters_tried": len(parameters), "variants_tried": len(variants),
                                 "parameters_breaking": len(names)}
    if not parameters:
        detail = "Not measured: no parameter was tried."
    elif not names:
        detail = (f"Cooperation and implementation held with each of {len(parameters)} parameters at half and "
                  f"double its value.")
    else:
        parts = []
        for name, held in verdicts.items():
            mine = sorted({b.parameter for b in breaking if b.lesson == name}, key=parameters.index)
            if not mine:
                continue
            shown = ", ".join(mine[:5]) + (f" and {len(mine) - 5} more" if len(mine) > 5 else "")
            already = "" if held else ", as it does at the scenario's values"
            parts.append(f"{name} fails under {len(mine)} of {len(parameters)} ({shown}{already})")
        detail = f"At half or double a parameter, {'; '.join(parts)}."
        close = sum(1 for b in breaking if b.within_noise)
        if close:
            which = ("It turns" if len(breaking) == 1 else "Each turns" if close == len(breaking)
                     else f"{close} of the {len(breaking)} failing verdicts turn")
            detail += f" {which} on a margin within the noise of the games played (more games would tell)."
    lesson = Lesson("robustness", bool(parameters) and not breaking, measure, detail, measured=bool(parameters))
    return lesson, breaking, flips
