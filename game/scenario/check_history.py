"""Checks of `agreements_in_force`: the agreements a scenario opens with must be ones the rules could
have signed (known kind, known parties, enough of them, the laws the kind requires held at the start,
the terms its kind needs), or the game would open in a position no play could reach."""

from game.model.catalogue import BUILTIN_AGREEMENTS
from game.model.scenario import AgreementInForce
from game.scenario.draft import Draft
from game.scenario.problems import DataPath
from game.scenario.reporter import Reporter
from game.scenario.suggest import did_you_mean


def check_history(draft: Draft, report: Reporter) -> None:
    agreement_ids = draft.agreement_ids
    state_ids = draft.known("states")
    org_ids = draft.known("organizations")
    laws = {state.id: set(state.laws) for _, state in draft.states}
    for index, entry in draft.in_force:
        here: DataPath = ("agreements_in_force", index)
        known = entry.agreement in agreement_ids
        if not known:
            report.error((*here, "agreement"),
                         f"unknown agreement '{entry.agreement}'{did_you_mean(entry.agreement, agreement_ids)}")
        rule, min_parties, required = _spec(draft, entry.agreement) if known else ("", 0, [])
        for position, party in enumerate(entry.parties):
            at = (*here, "parties", position)
            if party in org_ids and known and rule != "funding":
                report.error(at, f"organization '{party}' can be a party to funding only, not to '{entry.agreement}'")
            elif party not in state_ids and party not in org_ids:
                report.error(at, f"unknown state '{party}'{did_you_mean(party, state_ids)}")
            elif entry.parties.index(party) != position:
                report.error(at, f"'{party}' is listed twice")
            else:
                # a state whose own entry is invalid has no laws to read: its own error says so
                lacking = [law for law in required if party in laws and law not in laws[party]]
                if lacking:
                    report.error(at, f"'{entry.agreement}' needs {', '.join(lacking)} in force in every party: "
                                     f"'{party}' does not hold it at the start (add it to the state's laws)")
        if len(set(entry.parties)) < min_parties:
            report.error((*here, "parties"), f"'{entry.agreement}' needs at least {min_parties} parties, "
                                             f"this names {len(set(entry.parties))}")
        if known:
            _check_terms(draft, report, here, entry, rule)
        for position, state_id in enumerate(entry.open_to or []):
            if state_id not in state_ids:
                report.error((*here, "open_to", position),
                             f"unknown state '{state_id}'{did_you_mean(state_id, state_ids)}")
        if entry.open_to is not None and known and rule != "regional_convention":
            report.error((*here, "open_to"), "open_to is for conventions only: other agreements take no accession")


def _spec(draft: Draft, agreement_id: str) -> tuple[str, int, list[str]]:
    """The rule, minimum parties and required laws of an agreement, with the scenario's overrides."""
    override = next((a for _, a in draft.agreements if a.id == agreement_id), None)
    base_id = agreement_id if agreement_id in BUILTIN_AGREEMENTS else (override.based_on if override else None)
    base = BUILTIN_AGREEMENTS.get(base_id or "")
    rule = base.id if base is not None else agreement_id
    min_parties = override.min_parties if override and override.min_parties is not None else (
        base.min_parties if base else 2)
    required = override.requires_laws if override and override.requires_laws is not None else (
        list(base.requires_laws) if base else [])
    return rule, min_parties, required


def _check_terms(draft: Draft, report: Reporter, here: DataPath, entry: AgreementInForce, rule: str) -> None:
    terms = entry.terms
    at: DataPath = (*here, "terms")
    for party in terms.contributions:
        if party not in entry.parties:
            report.error((*at, "contributions", party), f"'{party}' is not a party to this agreement")
    if rule == "joint_investigation_team":
        networks = draft.known("networks")
        if terms.network not in networks:
            report.error((*at, "network"), "a joint investigation team needs terms.network naming one of the "
                                           f"scenario's networks{did_you_mean(terms.network or '', networks)}")
    if rule == "funding":
        for name in ("donor", "recipient", "amount", "capacity"):
            if getattr(terms, name) is None:
                report.error((*at, name), f"funding needs terms.{name}")
        if terms.donor is not None and terms.donor not in entry.parties:
            report.error((*at, "donor"), "the donor must be a party")
        if terms.recipient is not None and terms.recipient not in entry.parties:
            report.error((*at, "recipient"), "the recipient must be a party")
    if terms.min_members is not None and rule != "regional_convention":
        report.error((*at, "min_members"), "terms.min_members is for conventions only")
