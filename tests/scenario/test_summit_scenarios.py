"""`summits`: a scenario schedules a summit (its round, draft clauses, rule, and the states eligible
to join); a bad entry is one clear error naming where it is; the shipped scenarios hold the summits
history gives them; a scenario without one keeps its hash."""

from typing import Any

import pytest

from game.engine import new_game
from game.model.scenario import Scenario
from game.model.summit import BUILTIN_CLAUSES, SummitSpec
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario
from tests.scenario.test_guide import GUIDE

from .helpers import check_data, minimal_data

SUMMIT = {"id": "table", "name": "A summit", "round": 1, "min_ratifications": 2,
          "clauses": [{"clause": "information_sharing"}, {"clause": "extradition"}]}


def with_summit(**changes: Any) -> dict[str, Any]:
    data = minimal_data()
    data["summits"] = [{**SUMMIT, **changes}]
    return data


def errors_of(data: dict[str, Any]) -> dict[str, str]:
    scenario, problems = check_data(data)
    assert scenario is None, "the scenario should not load"
    return {problem.field: problem.message for problem in problems if problem.severity == "error"}


def test_a_scheduled_summit_opens_in_its_round_with_its_draft() -> None:
    scenario, problems = check_data(with_summit(rule="qualified_majority", majority=0.75))
    assert scenario is not None, [str(p) for p in problems]
    summit = new_game(scenario).summits["table"]
    assert (summit.opens, summit.rule, summit.majority, summit.clause_ids()) == (
        1, "qualified_majority", 0.75, ["information_sharing", "extradition"])


@pytest.mark.parametrize(("changes", "field", "words"), [
    ({"clauses": [{"clause": "extradtion"}]}, "summits[0] (table).clauses[0] (extradtion).clause",
     "did you mean 'extradition'"),
    ({"clauses": [{"clause": "information_sharing", "numbers": {"contribution": 8}}]},
     "summits[0] (table).clauses[0] (information_sharing).numbers", "between 1 and 5, not 8"),
    ({"participants": ["south", "nowhere"]}, "summits[0] (table).participants[1]", "unknown state 'nowhere'"),
    ({"min_ratifications": 5}, "summits[0] (table).min_ratifications", "can never be reached"),
    ({"convenor": "nobody"}, "summits[0] (table).convenor", "unknown state or organization"),
    ({"rule": "unanimity"}, "summits[0] (table).rule", "consensus"),
])
def test_a_bad_summit_is_one_clear_error(changes: dict[str, Any], field: str, words: str) -> None:
    errors = errors_of(with_summit(**changes))
    assert field in errors and words in errors[field], errors


def test_a_summit_in_the_last_round_leaves_no_round_to_adopt_its_text() -> None:
    data = with_summit()
    data["summits"][0]["round"] = data["rounds"]
    assert "leaves no round to adopt" in errors_of(data)["summits[0] (table).round"]


def test_a_summit_whose_treaty_could_act_for_one_round_at_most_is_a_warning() -> None:
    """An outside instructor's summit in round 3 of 6 validated silently; its treaty entered into
    force at the end of round 5 and acted for one round, and the ratification lesson could not show."""
    def warnings(round_no: int) -> dict[str, str]:
        data = with_summit(round=round_no)
        data["rounds"] = 6
        scenario, problems = check_data(data)
        assert scenario is not None, [str(p) for p in problems]
        return {p.field: p.message for p in problems if p.severity == "warning"}

    late = warnings(3)
    assert "act for at most 1 of the game's 6 rounds" in late.get("summits[0] (table).round", ""), late
    assert "summits[0] (table).round" not in warnings(2)


@pytest.mark.parametrize("round_no", [4, 5])
def test_a_summit_too_late_to_be_ratified_before_the_last_round_is_a_warning_that_says_so(round_no: int) -> None:
    """Rules 15: nothing is ratified in a game's last round, so a summit in round 4 or 5 of 6 (adopted
    in round 5 or 6) can never bring its treaty into force; the warning said it would act for 0 or
    -1 rounds."""
    data = with_summit(round=round_no)
    data["rounds"] = 6
    scenario, problems = check_data(data)
    assert scenario is not None, [str(p) for p in problems]
    warning = next(p.message for p in problems if p.severity == "warning" and p.field == "summits[0] (table).round")
    assert warning.startswith(f"its treaty can never enter into force: it is adopted in round {round_no + 1} and "
                              "nothing is ratified in the game's last round (6)"), warning
    assert "act for at most" not in warning


@pytest.mark.parametrize(("name", "summit_id", "table"), [
    ("europe", "warsaw-review", 7), ("mekong", "asean-summit", 5)])
def test_the_shipped_scenarios_hold_the_summit_history_gives_them(name: str, summit_id: str, table: int) -> None:
    summit = new_game(load_scenario(resolve_scenario(name))).summits[summit_id]
    assert len(summit.participants) == table
    if name == "mekong":
        assert "china" not in summit.participants, "ASEAN's members only"


def test_a_scenario_without_a_summit_dumps_as_before() -> None:
    scenario = load_scenario(resolve_scenario("tutorial"))
    assert "summits" not in scenario.model_dump(mode="json")
    assert isinstance(Scenario.model_validate(scenario.model_dump(mode="json")), Scenario)


def test_the_guide_lists_every_clause_and_every_key_of_a_summit() -> None:
    for clause_id in BUILTIN_CLAUSES:
        assert f"| `{clause_id}` |" in GUIDE, clause_id
    for key in SummitSpec.model_fields:
        assert f"{key}:" in GUIDE.split("### Summits: a convention negotiated at the table")[1], key
