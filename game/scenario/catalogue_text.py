"""The catalogue of laws and agreements as an instructor reads it: every figure a scenario may
change, the rule each entry follows, and which entries a scenario added or changed.

Printed by `accord catalogue [--scenario FILE]`, so that teachers never need the Python source to
know what `criminalization` costs or who may join `actip`.
"""

from collections.abc import Mapping

from game.model.catalogue import BUILTIN_AGREEMENTS, BUILTIN_LAWS, AgreementSpec, LawSpec
from game.model.scenario import Scenario


def catalogue_text(scenario: Scenario | None = None) -> str:
    laws = scenario.law_catalogue() if scenario is not None else dict(BUILTIN_LAWS)
    agreements = scenario.agreement_catalogue() if scenario is not None else dict(BUILTIN_AGREEMENTS)
    changed = {entry.id for entry in scenario.laws} | {entry.id for entry in scenario.agreements} \
        if scenario is not None else set()
    title = f"Laws and agreements of {scenario.id}" if scenario is not None else "Built-in laws and agreements"
    lines = [title, "=" * len(title), "", "Laws (a state adopts or repeals one alone)", ""]
    for law_id, law in laws.items():
        lines += _law(law_id, law, _mark(law_id, BUILTIN_LAWS, changed))
    lines += ["Agreements (proposed by one state; in force once every party accepts, except an opt-in",
              "convention, which binds those that accept once its minimum number has)", ""]
    for agreement_id, agreement in agreements.items():
        lines += _agreement(agreement_id, agreement, _mark(agreement_id, BUILTIN_AGREEMENTS, changed))
    lines.append("Change any figure, or add an entry based_on a built-in one, under `laws:` or `agreements:` "
                 "in a scenario (scenarios/README.md, \"Changing the catalogue\").")
    return "\n".join(lines) + "\n"


def _mark(entry_id: str, builtin: Mapping[str, object], changed: set[str]) -> str:
    if entry_id not in builtin:
        return " [added by the scenario]"
    return " [changed by the scenario]" if entry_id in changed else ""


def _law(law_id: str, law: LawSpec, mark: str) -> list[str]:
    lines = [f"{law_id}: {law.name}{mark}"]
    if law.based_on:
        lines.append(f"  follows the rule of: {law.based_on}")
    lines.append(f"  political cost {law.political_cost:g}, upkeep {law.upkeep:g} a round, in force {law.delay} "
                 f"round{'s' if law.delay != 1 else ''} after adoption, approval {law.approval:+g}")
    if law.prerequisites:
        lines.append(f"  needs first: {', '.join(law.prerequisites)}")
    for state_id, name in sorted(law.names.items()):
        lines.append(f"  called in {state_id}: {name}")
    return [*lines, f"  effect: {law.effect}", f"  source: {law.source}", ""]


def _agreement(agreement_id: str, agreement: AgreementSpec, mark: str) -> list[str]:
    lines = [f"{agreement_id}: {agreement.name}{mark}"]
    if agreement.based_on:
        lines.append(f"  follows the rule of: {agreement.based_on}")
    lines.append(f"  at least {agreement.min_parties} parties, political cost {agreement.political_cost:g} each, "
                 f"{agreement.duration} rounds, {agreement.contribution:g} points a round each, "
                 f"approval {agreement.approval:+g}")
    if agreement.requires_laws:
        lines.append(f"  every party must hold: {', '.join(agreement.requires_laws)}")
    lines.append(f"  who may join: {', '.join(agreement.eligible) if agreement.eligible is not None else 'any state'}")
    if agreement.opt_in:
        lines.append(f"  opt-in: in force among those that accept once {agreement.min_parties} have (or the "
                     "proposal's minimum); a holdout stays outside and may accede later")
    return [*lines, f"  effect: {agreement.effect}", f"  source: {agreement.source}", ""]
