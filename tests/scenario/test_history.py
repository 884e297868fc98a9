"""`agreements_in_force`: a scenario opens with the agreements that existed at its start. They bind
from round 1 in every run, the baseline included, so harm averted credits only what players add;
a bad entry is one clear error naming where it is."""

from typing import Any

from game.engine import new_game, resolve_round, run_baseline, view
from game.model.scenario import Scenario

from .helpers import check_data, minimal_data

EXTRADITION = {"agreement": "extradition", "parties": ["south", "north"], "rounds_left": 3,
               "since": "a treaty of 1999"}


def with_history(*entries: dict[str, Any], south_laws: list[str] | None = None) -> dict[str, Any]:
    data = minimal_data()
    data["states"][0]["laws"] = south_laws if south_laws is not None else ["criminalization"]
    data["agreements_in_force"] = list(entries)
    return data


def errors_of(data: dict[str, Any]) -> dict[str, str]:
    scenario, problems = check_data(data)
    assert scenario is None, "the scenario should not load"
    return {problem.field: problem.message for problem in problems if problem.severity == "error"}


def loaded(data: dict[str, Any]) -> Scenario:
    scenario, problems = check_data(data)
    assert scenario is not None, [str(p) for p in problems]
    return scenario


def test_an_agreement_in_force_at_the_start_binds_from_round_one_and_is_paid_from_round_one() -> None:
    scenario = loaded(with_history({**EXTRADITION, "agreement": "information_sharing"}))
    state = new_game(scenario)
    agreement = state.agreements["a1"]
    assert (agreement.kind, agreement.parties, agreement.signed, agreement.ends) == (
        "information_sharing", ["north", "south"], 0, 3)
    assert view(state, "south").me.committed == 2, "its contribution is due in round 1, and the team sees it"
    after, report = resolve_round(state)
    assert report.states["south"].contributed == 2 and after.agreements["a1"].status == "in_force"
    assert not [e for e in report.events if e.kind == "agreement"], "nothing is signed: it was there already"


def test_the_baseline_runs_with_the_agreements_in_force() -> None:
    """The run where nobody acts keeps its history: its agreements are there, and its contributions
    are paid from the unallocated budget."""
    scenario = loaded(with_history({**EXTRADITION, "agreement": "information_sharing"}))
    baseline = run_baseline(scenario, 1)
    agreement = baseline.agreements["a1"]
    assert (agreement.status, agreement.ended_round) == ("ended", 3), "in force for its three rounds, then at term"
    assert baseline.commitments["south"]["north"] == [3, 0], "paid in each of its three rounds"
    assert run_baseline(loaded(with_history()), 1).agreements == {}


def test_an_unknown_agreement_or_party_is_an_error_naming_it() -> None:
    errors = errors_of(with_history({**EXTRADITION, "agreement": "extradtion"},
                                    {**EXTRADITION, "parties": ["south", "nort"]}))
    assert errors["agreements_in_force[0] (extradtion).agreement"] == (
        "unknown agreement 'extradtion'; did you mean 'extradition'?")
    assert errors["agreements_in_force[1] (extradition).parties[1]"] == "unknown state 'nort'; did you mean 'north'?"


def test_a_party_without_the_laws_its_kind_requires_is_an_error() -> None:
    errors = errors_of(with_history(EXTRADITION, south_laws=[]))
    assert errors["agreements_in_force[0] (extradition).parties[0]"] == (
        "'extradition' needs criminalization in force in every party: 'south' does not hold it at the start "
        "(add it to the state's laws)")


def test_a_party_whose_own_entry_is_invalid_gets_only_its_own_error() -> None:
    """A typo in a state's corruption used to add a false 'does not hold criminalization' error for
    every agreement in force it is a party to: its laws could not be read."""
    data = with_history(EXTRADITION)
    data["states"][0]["corruption"] = 7
    errors = errors_of(data)
    assert list(errors) == ["states[0] (south).corruption"], errors


def test_too_few_parties_and_bad_terms_are_errors() -> None:
    errors = errors_of(with_history(
        {"agreement": "regional_convention", "parties": ["south", "north"], "rounds_left": 2},
        {"agreement": "joint_investigation_team", "parties": ["south", "north"], "rounds_left": 2},
        {**EXTRADITION, "rounds_left": 0},
    ))
    assert errors["agreements_in_force[0] (regional_convention).parties"] == (
        "'regional_convention' needs at least 3 parties, this names 2")
    assert "terms.network" in errors["agreements_in_force[1] (joint_investigation_team).terms.network"]
    assert "agreements_in_force[2] (extradition).rounds_left" in errors


def test_an_unknown_agreement_does_not_hide_an_unknown_party_and_open_to_is_checked() -> None:
    errors = errors_of(with_history(
        {**EXTRADITION, "agreement": "extradtion", "parties": ["south", "nort"]},
        {**EXTRADITION, "open_to": ["south"]},
    ))
    assert "agreements_in_force[0] (extradtion).agreement" in errors
    assert "agreements_in_force[0] (extradtion).parties[1]" in errors
    assert errors["agreements_in_force[1] (extradition).open_to"] == (
        "open_to is for conventions only: other agreements take no accession")
