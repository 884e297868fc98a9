"""The one-line format of a problem, which editors and the tests rely on."""

from game.errors import AccordError
from game.scenario.problems import Problem, ScenarioError, field_path


def test_a_problem_reads_path_line_column_severity_field_reason() -> None:
    problem = Problem("s.yaml", 7, 19, "error", "regions[2].neighbours[0]", "unknown region 'prot'")
    assert str(problem) == "s.yaml:7:19: error: regions[2].neighbours[0]: unknown region 'prot'"


def test_a_problem_with_the_whole_file_has_no_field() -> None:
    assert str(Problem("s.yaml", 1, 1, "error", "", "the file is empty")) == "s.yaml:1:1: error: the file is empty"


def test_field_paths_index_lists_and_dot_keys() -> None:
    assert field_path(("regions", 2, "neighbours", 0)) == "regions[2].neighbours[0]"
    assert field_path(("parameters", "escape_rate")) == "parameters.escape_rate"
    assert field_path(("regions", 0, "demand", "two words")) == 'regions[0].demand["two words"]'
    assert field_path((3, "a")) == "[3].a"
    assert field_path(()) == ""


def test_scenario_error_is_an_accord_error_with_sorted_lines() -> None:
    late = Problem("s.yaml", 9, 1, "error", "b", "late")
    early = Problem("s.yaml", 2, 5, "warning", "a", "early")
    error = ScenarioError([late, early])
    assert isinstance(error, AccordError)
    assert error.problems == [early, late]
    assert error.lines() == ["s.yaml:2:5: warning: a: early", "s.yaml:9:1: error: b: late"]
