"""Words for the teaching parts of the debrief, shared by the Markdown and the HTML: the summary's
table, what each team's choices did, the ledger's cells and the trust table."""

from game.report.agreement_words import parties_words
from game.report.choices import TeamEffect
from game.report.debrief import Debrief, Promise
from game.report.teaching import SeatRow, tier_words
from game.report.text import points_text


def harm_line(debrief: Debrief) -> str:
    harm, label = debrief.harm, debrief.label
    if harm.averted >= 0:
        return (f"Harm averted: {harm.averted:,.0f} victim-{label}s ({harm.share:.1%}) against the same game with "
                f"nobody acting ({harm.baseline_victim_rounds:,.0f}).")
    return (f"Harm added: {-harm.averted:,.0f} victim-{label}s more than the same game with nobody acting "
            f"({harm.baseline_victim_rounds:,.0f}).")


SCORE_HEAD = ["Team", "Seat", "Score", "Objectives", "Tier points", "Home", "Final tier"]


def score_cells(row: SeatRow) -> list[str]:
    if row.score is None:
        return [row.name, row.player, "—", "—", "—", "—", "—"]
    objectives = f"{points_text(row.points or 0)}/{row.max_points} ({row.met} of {row.objectives} met)"
    tier_points = "—" if row.tier_points is None else f"{row.tier_points:.2f}"
    home = "—" if row.home_points is None else f"{row.home_points:+.2f}"
    tier = tier_words(row.tier) if row.kind == "state" else "organization"
    return [row.name, row.player, f"{row.score:.2f}", objectives, tier_points, home, tier]


CHOICES_HEAD = ["Team", "At home", "On its neighbours", "For the table", "Not replayable"]


def effect_cells(debrief: Debrief, effect: TeamEffect) -> list[str]:
    def signed(value: float | None) -> str:
        return "—" if value is None else f"{value:+,.0f}"

    near = ", ".join(debrief.name(s) for s in effect.neighbour_ids)
    neighbours = signed(effect.neighbours) + (f" ({near})" if near and effect.neighbours is not None else "")
    return [debrief.name(effect.team), signed(effect.home), neighbours, signed(effect.table),
            str(len(effect.unplayable))]


CHOICES_NOTE = ("Each team's game re-run from the save without its orders, every other seat's recorded actions kept "
                "(AI seats included: they are replayed, not decided again). A figure is victim-{label}s averted by "
                "that team's choices: positive, its choices spared that many; negative, they added that many (often "
                "pressure that pushed the flows onto others). 'Not replayable' counts the other seats' actions that "
                "had no meaning without the team (answers to its proposals, proposals needing its laws): they are "
                "left out of the re-run. 'For the table' is the whole map: home, the neighbours and every state "
                "beyond them (a source's prevention spares victims where the routes end), so it need not be the "
                "sum of the two columns before it.")


def effect_sentence(debrief: Debrief, effect: TeamEffect) -> str:
    label = debrief.label

    def words(value: float) -> str:
        return (f"spared {value:,.0f} victim-{label}s" if value > 0 else
                f"added {-value:,.0f} victim-{label}s" if value < 0 else "changed nothing")

    parts = []
    if effect.home is not None:
        parts.append(f"at home your choices {words(effect.home)}")
    if effect.neighbours is not None and effect.neighbour_ids:
        parts.append(f"on your neighbours ({', '.join(debrief.name(s) for s in effect.neighbour_ids)}) they "
                     f"{words(effect.neighbours)}")
    # Korvia's handout read +65 at home, -571 on Meridia and +471 for the table: the 977 spared in
    # Aldmark, beyond its neighbours, were nowhere in words
    beyond = effect.table - (effect.home or 0.0) - (effect.neighbours or 0.0)
    where = "beyond your neighbours" if effect.neighbour_ids else "elsewhere"
    further = ("" if effect.home is None or round(beyond) == 0 else
               f", {abs(beyond):,.0f} victim-{label}s {'spared' if beyond > 0 else 'added'} {where}")
    parts.append(f"for the whole table they {words(effect.table)}{further}")
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] + " (the game re-run without your orders, everyone else's kept)."


def promise_text(promise: Promise) -> str:
    if promise.text is not None:
        return f"“{promise.text}”"
    return "(a private message: its text is in the facilitator's debrief)"


def trust_cell(value: float) -> str:
    return f"{value:.2f}"


Table = tuple[list[str], list[list[str]]]
"""A table's head and rows, in words: the Markdown and the HTML lay out the same cells."""


def agreements_table(debrief: Debrief) -> Table:
    teaching = debrief.teaching
    assert teaching is not None
    label = debrief.label
    return (["Agreement", "Parties", f"Signed ({label})", f"Victim-{label}s averted"],
            [[a.kind, parties_words(a.parties, a.terms, debrief.name, label), str(a.signed),
              f"{a.table:+,.0f}"] for a in teaching.agreements])


def ledger_table(debrief: Debrief) -> Table:
    teaching = debrief.teaching
    assert teaching is not None
    rounds = debrief.rounds
    return (["Agreement", "Proposed by", "Parties", "Outcome"] + [debrief.when(r) for r in rounds],
            [[row.kind, debrief.name(row.proposer), parties_words(row.parties, row.terms, debrief.name, debrief.label),
              row.outcome]
             + [row.cells.get(r, "") for r in rounds] for row in teaching.ledger.rows])


def trust_table(debrief: Debrief) -> Table:
    teaching = debrief.teaching
    assert teaching is not None
    return (["State"] + [debrief.when(r) for r in debrief.rounds],
            [[debrief.name(s)] + [trust_cell(v) for v in values] for s, values in teaching.ledger.trust.items()])


TRUST_NOTE = ("How far the other states trust each state (0 to 1; 0.50 with no record): kept commitments raise it, "
              "broken ones lower it.")
AGREEMENTS_NOTE = "Each signed agreement, against the same game without the proposal behind it:"
