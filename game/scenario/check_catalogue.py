"""Checks of a scenario's own laws and agreements: overrides of built-in entries, or additions.

The engine's rules are keyed to the built-in ids, so an addition must say which built-in rule it
follows (`based_on`); an override of a built-in entry may not change its rule.
"""

from collections.abc import Mapping, Sequence

from game.model.catalogue import BUILTIN_AGREEMENTS, BUILTIN_LAWS
from game.model.scenario import AgreementOverride, LawOverride
from game.scenario.draft import Draft
from game.scenario.problems import DataPath
from game.scenario.reporter import Reporter
from game.scenario.suggest import did_you_mean


def check_catalogue(draft: Draft, report: Reporter) -> None:
    law_ids = draft.law_ids
    state_ids = draft.known("states")
    for index, law in draft.laws:
        here: DataPath = ("laws", index)
        _check_base(report, here, law, "law", BUILTIN_LAWS)
        for state_id in law.names or {}:
            if state_id not in state_ids:
                report.error((*here, "names", state_id),
                             f"unknown state '{state_id}'{did_you_mean(state_id, state_ids)}",
                             key=True)
        for position, needed in enumerate(law.prerequisites or []):
            at = (*here, "prerequisites", position)
            if needed == law.id:
                report.error(at, f"law '{law.id}' cannot be its own prerequisite")
            elif needed not in law_ids:
                report.error(at, f"unknown law '{needed}'{did_you_mean(needed, law_ids)}")
    for index, agreement in draft.agreements:
        here = ("agreements", index)
        _check_base(report, here, agreement, "agreement", BUILTIN_AGREEMENTS)
        for position, needed in enumerate(agreement.requires_laws or []):
            if needed not in law_ids:
                report.error((*here, "requires_laws", position),
                             f"unknown law '{needed}'{did_you_mean(needed, law_ids)}")
        for position, state_id in enumerate(agreement.eligible or []):
            if state_id not in state_ids:
                report.error((*here, "eligible", position),
                             f"unknown state '{state_id}'{did_you_mean(state_id, state_ids)}")


def _check_base(
    report: Reporter, here: DataPath, entry: LawOverride | AgreementOverride, noun: str,
    builtin: Mapping[str, object],
) -> None:
    names: Sequence[str] = list(builtin)
    if entry.id in builtin:
        if entry.based_on is not None and entry.based_on != entry.id:
            report.error((*here, "based_on"),
                         f"'{entry.id}' is a built-in {noun}: an override keeps its rule, so drop 'based_on'")
        return
    if entry.based_on is None:
        report.error((*here, "based_on"),
                     f"'{entry.id}' is not a built-in {noun}{did_you_mean(entry.id, names)} "
                     f"(a new {noun} needs 'based_on' naming the built-in {noun} whose rule it follows)")
    elif entry.based_on not in builtin:
        report.error((*here, "based_on"), f"unknown built-in {noun} '{entry.based_on}'"
                     f"{did_you_mean(entry.based_on, names) or '; one of: ' + ', '.join(names)}")
