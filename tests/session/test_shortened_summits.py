"""A game cut short with `--rounds` keeps its summits within the checks `accord validate` applies:
a summit too late to be adopted and ratified is moved earlier, or left out, and the summary says so."""

import pytest
import yaml

from game.model.scenario import Scenario
from game.scenario.library import resolve_scenario
from game.scenario.loader import check_scenario_text, load_scenario
from game.session.simulation import latest_summit_round, play_out, shortened

SHIPPED = ("tutorial", "mekong", "europe")


def _shipped(name: str) -> Scenario:
    return load_scenario(resolve_scenario(name))


def _problems(scenario: Scenario, name: str) -> list[str]:
    """What `accord validate` says of the scenario written back as a file."""
    text = yaml.safe_dump(scenario.model_dump(mode="json", exclude_unset=True), sort_keys=False)
    _, problems = check_scenario_text(text, name)
    return [f"{problem.severity}: {problem.field}: {problem.message}" for problem in problems]


@pytest.mark.parametrize("name", SHIPPED)
def test_every_shortened_shipped_scenario_passes_validate_and_its_summits_can_enter_into_force(name: str) -> None:
    full = _shipped(name)
    assert not [p for p in _problems(full, name) if p.startswith("error")], "the shipped file itself is valid"
    for rounds in range(1, full.rounds + 1):
        problems = _problems(shortened(full, rounds), f"{name} --rounds {rounds}")
        assert not [p for p in problems if p.startswith("error")], (rounds, problems)
        assert not [p for p in problems if "can never enter into force" in p], (rounds, problems)


def test_a_summit_too_late_for_the_shortened_game_moves_earlier_and_the_summary_says_so() -> None:
    full = _shipped("mekong")
    (summit,) = full.summits
    assert summit.round == 4
    cut = shortened(full, 6)
    assert [s.round for s in cut.summits] == [2] == [latest_summit_round(6)]
    assert cut.summits[0].model_copy(update={"round": 4}) == summit, "only its round changes"
    assert cut.summary.startswith(full.summary.strip())
    assert f"Cut to 6 years, the {summit.name} meets in year 2 instead of year 4" in cut.summary
    assert shortened(full, 8).summits == full.summits and shortened(full, 8).summary == full.summary


def test_a_game_too_short_for_any_treaty_leaves_the_summit_out_and_says_so() -> None:
    full = _shipped("mekong")
    for rounds in (1, 2, 3):
        cut = shortened(full, rounds)
        assert cut.summits == []
        years = f"{rounds} year{'s' if rounds != 1 else ''}"
        assert f"Cut to {years}, the game leaves out the {full.summits[0].name}" in cut.summary
    assert latest_summit_round(4) == 1 and shortened(full, 4).summits[0].round == 1


def test_a_five_round_mekong_game_brings_the_moved_summits_treaty_into_force_before_the_end() -> None:
    cut = shortened(_shipped("mekong"), 5)
    final, _ = play_out(cut, 3, ai={state.id: "cooperative" for state in cut.states})
    (record,) = final.summits.values()
    assert record.opens == 1 and record.status == "in_force"
    assert record.in_force is not None and record.in_force < 5
