"""Checks of `summits`: a scheduled summit must name states, an organization or state as convenor,
clauses of the catalogue with numbers inside their ranges, a round within the game, and a minimum
of ratifications its table can reach."""

from game.model.summit import BUILTIN_CLAUSES
from game.scenario.draft import Draft
from game.scenario.problems import DataPath
from game.scenario.reporter import Reporter
from game.scenario.suggest import did_you_mean

LATE = 1
"""A treaty that can act for this many rounds or fewer is scheduled too late to teach anything."""


def check_summits(draft: Draft, report: Reporter) -> None:
    state_ids = draft.known("states")
    seats = state_ids | draft.known("organizations")
    seen: set[str] = set()
    for index, summit in draft.summits:
        here: DataPath = ("summits", index)
        if summit.id in seen:
            report.error((*here, "id"), f"summit id '{summit.id}' is used twice")
        seen.add(summit.id)
        if draft.rounds is not None and summit.round >= draft.rounds:
            report.error((*here, "round"), f"round {summit.round} leaves no round to adopt the text: the game has "
                                           f"{draft.rounds} rounds, and a summit drafts in one and adopts in the next")
        elif draft.rounds is not None and summit.round + 2 >= draft.rounds:
            report.warning((*here, "round"), f"its treaty can never enter into force: it is adopted in round "
                                             f"{summit.round + 1} and nothing is ratified in the game's last round "
                                             f"({draft.rounds}); schedule it earlier")
        elif draft.rounds is not None and draft.rounds - (summit.round + 2) <= LATE:
            acting = draft.rounds - (summit.round + 2)
            report.warning((*here, "round"), f"its treaty can enter into force at the end of round {summit.round + 2} "
                                             f"at the earliest (drafted, adopted, then ratified) and act for at most "
                                             f"{acting} of the game's {draft.rounds} rounds: the class will hardly see "
                                             "what it does; schedule it earlier")
        if summit.convenor is not None and summit.convenor not in seats:
            report.error((*here, "convenor"), f"unknown state or organization '{summit.convenor}'"
                                              f"{did_you_mean(summit.convenor, seats)}")
        table = state_ids if summit.participants is None else set(summit.participants)
        for position, state_id in enumerate(summit.participants or []):
            if state_id not in state_ids:
                report.error((*here, "participants", position),
                             f"unknown state '{state_id}'{did_you_mean(state_id, state_ids)}")
        if summit.min_ratifications > len(table):
            report.error((*here, "min_ratifications"), f"{summit.min_ratifications} ratifications can never be "
                                                       f"reached by the {len(table)} states at the table")
        clauses: set[str] = set()
        for position, clause in enumerate(summit.clauses):
            at: DataPath = (*here, "clauses", position)
            spec = BUILTIN_CLAUSES.get(clause.clause)
            if spec is None:
                report.error((*at, "clause"), f"unknown clause '{clause.clause}'"
                                              f"{did_you_mean(clause.clause, set(BUILTIN_CLAUSES))}")
                continue
            if clause.clause in clauses:
                report.error((*at, "clause"), f"clause '{clause.clause}' is in the draft twice")
            clauses.add(clause.clause)
            problem = spec.numbers_problem(clause.numbers)
            if problem:
                report.error((*at, "numbers"), problem)
