"""Checks of the organizations a scenario names: ids apart from the states', references in their
objectives, and a mandate that can meet what they are scored on."""

from game.model.scenario import ReduceVictims, SignAgreement, StatesMonitored, TrainStates
from game.scenario.draft import Draft
from game.scenario.problems import DataPath
from game.scenario.reporter import Reporter
from game.scenario.suggest import did_you_mean

NEEDS = {"train_states": "train", "states_monitored": "monitor"}


def check_organizations(draft: Draft, report: Reporter) -> None:
    state_ids = draft.known("states")
    region_ids = draft.known("regions")
    for index, org in draft.organizations:
        here: DataPath = ("organizations", index)
        if org.id in state_ids:
            report.error((*here, "id"), f"'{org.id}' is already a state's id; an organization needs its own")
        seen: set[str] = set()
        for position, instrument in enumerate(org.mandate):
            if instrument in seen:
                report.warning((*here, "mandate", position), f"'{instrument}' is listed twice")
            seen.add(instrument)
        for position, objective in enumerate(org.objectives):
            at: DataPath = (*here, "objectives", position)
            if isinstance(objective, ReduceVictims):
                if objective.region is not None and objective.region not in region_ids:
                    report.error((*at, "region"),
                                 f"unknown region '{objective.region}'{did_you_mean(objective.region, region_ids)}")
                if objective.state is not None and objective.state not in state_ids:
                    report.error((*at, "state"),
                                 f"unknown state '{objective.state}'{did_you_mean(objective.state, state_ids)}")
            elif isinstance(objective, SignAgreement):
                if objective.agreement not in draft.agreement_ids:
                    hint = did_you_mean(objective.agreement, draft.agreement_ids)
                    report.error((*at, "agreement"), f"unknown agreement '{objective.agreement}'{hint}")
                for other_index, other in enumerate(objective.with_):
                    if other not in state_ids:
                        report.error((*at, "with", other_index),
                                     f"unknown state '{other}'{did_you_mean(other, state_ids)}")
            elif isinstance(objective, TrainStates | StatesMonitored):
                needed = NEEDS[objective.kind]
                if needed not in org.mandate:
                    report.warning((*at, "kind"), f"'{objective.kind}' cannot be met: '{needed}' is not in "
                                                  f"{org.id}'s mandate")
                if state_ids and objective.count > len(state_ids):
                    report.warning((*at, "count"), f"there are only {len(state_ids)} states to reach")
