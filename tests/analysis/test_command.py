"""`accord lessons` end to end on the tutorial, with few games and a sweep of two parameters: the
JSON document's shape, the instructor's table, and one line for bad input. The verdicts are not
asserted: whether the model teaches the lessons is what the command measures (issue 14)."""

import contextlib
import io
import json
from typing import Any

import pytest

from game.analysis.strategies import STRATEGIES as ALL_STRATEGIES
from game.cli import main
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario

FAST = ["lessons", "tutorial", "--games", "1", "--parameters", "identify_shared,escape_rate", "--jobs", "1"]
LESSONS = {"displacement", "cooperation", "implementation", "free_riding", "pledges", "protection", "border_harm",
           "ratification", "robustness"}
STRATEGIES = {"none", "loner", "paper", "cooperative", "free_rider", "rider_pledging", "rider_silent", "crackdown",
              "protection_first", "enforcement_first", "unratified"}


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main([*FAST, "--json"]) == 0
    parsed: dict[str, Any] = json.loads(out.getvalue())
    return parsed


def test_the_json_document_has_every_strategy_lesson_and_the_sweep(document: dict[str, Any]) -> None:
    assert document["scenario"] == "tutorial" and document["games"] == 1
    assert set(document["strategies"]) == STRATEGIES
    seats = {s.id for s in load_scenario(resolve_scenario("tutorial")).states}
    for figures in document["strategies"].values():
        assert {"harm_averted", "harm_averted_share", "scores"} <= set(figures)
        assert set(figures["scores"]) == seats
    assert document["strategies"]["none"]["harm_averted"] == 0
    assert set(document["strategies"]["free_rider"]["tables"]) == seats
    assert set(document["lessons"]) == LESSONS
    for lesson in document["lessons"].values():
        assert isinstance(lesson["holds"], bool) and isinstance(lesson["detail"], str) and lesson["measure"]
    assert set(document["refused_moves"]) == {"count", "in_sweep", "examples"}
    robustness = document["robustness"]
    assert robustness["parameters_tried"] == 2 and robustness["variants_tried"] == 4
    for entry in robustness["breaking"]:
        assert set(entry) == {"parameter", "value", "lesson", "within_noise"}
        assert isinstance(entry["within_noise"], bool)
        assert entry["parameter"] in {"identify_shared", "escape_rate"}
        assert entry["lesson"] in {"cooperation", "implementation"}


def test_the_verdicts_follow_the_figures_in_the_document(document: dict[str, Any]) -> None:
    lessons, strategies = document["lessons"], document["strategies"]
    cooperative, loner = strategies["cooperative"]["harm_averted"], strategies["loner"]["harm_averted"]
    assert lessons["cooperation"]["holds"] == (cooperative > loner)
    paper = strategies["paper"]
    assert lessons["implementation"]["holds"] == (paper["harm_averted"] < cooperative
                                                  and paper["harm_averted_share"] < 0.03)
    assert lessons["robustness"]["holds"] == (document["robustness"]["breaking"] == [])


def test_the_plain_text_has_a_row_per_strategy_and_a_line_per_lesson(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lessons", "tutorial", "--games", "1", "--parameters", "none", "--jobs", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Lessons of tutorial: 1 game a table")
    for name in STRATEGIES:
        assert any(line.split()[:1] == [name] for line in lines)
    for name in LESSONS:
        [line] = [line for line in lines if line.startswith(f"{name} ")]
        assert line.split()[1] in {"holds", "FAILS", "n/a"}


def test_the_plain_text_says_what_each_strategy_is_and_what_its_games_count(
        capsys: pytest.CaptureFixture[str]) -> None:
    """An instructor read 'paper', 'unratified' and 'rider_pledging' with no word of what they are,
    and 'free_rider 3' games after asking for --games 1 (one table per seat)."""
    assert main(["lessons", "tutorial", "--games", "1", "--parameters", "none", "--jobs", "1"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "one a seed and seat" in text, text
    for strategy in ALL_STRATEGIES.values():
        assert f"{strategy.name} {' '.join(strategy.summary.split())}" in text, strategy.name


def test_a_lesson_with_nothing_to_measure_reads_n_a_not_fails(capsys: pytest.CaptureFixture[str]) -> None:
    """The tutorial schedules no summit, and --parameters none tries no parameter: the table read
    'ratification FAILS Not measured...' and 'robustness FAILS Not measured...'."""
    assert main(["lessons", "tutorial", "--games", "1", "--parameters", "none", "--jobs", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    for name in ("ratification", "robustness"):
        [line] = [line for line in lines if line.startswith(f"{name} ")]
        assert line.split()[1] == "n/a" and "Not measured" in line, line


@pytest.mark.parametrize(("argv", "message"), [
    (["lessons", "atlantis"], "atlantis"),
    (["lessons", "tutorial", "--parameters", "escape"], "'escape' is no such parameter"),
    (["lessons", "tutorial", "--games", "0"], "accord: error: --games: expected 1 to 1000, got 0"),
    (["lessons", "tutorial", "--games", str(10**9)], "accord: error: --games: expected 1 to 1000, got 1000000000"),
    (["lessons", "tutorial", "--games", "many"], "accord: error: --games: expected a whole number, got 'many'"),
    (["lessons", "tutorial", "--jobs", "0"], "accord: error: --jobs: expected 1 to 64, got 0"),
    (["lessons", "tutorial", "--seed", "-1"], "accord: error: --seed: expected 0 to 2147483648, got -1"),
])
def test_bad_input_gets_one_line_and_exit_1(argv: list[str], message: str,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err


def test_one_game_a_table_says_its_verdicts_are_not_checked_against_the_noise(
        capsys: pytest.CaptureFixture[str]) -> None:
    """With --games 1 no margin has a standard error, so no verdict said 'within the noise' and every
    'holds' read as sure as one of many games."""
    assert main(["lessons", "tutorial", "--games", "1", "--parameters", "none", "--jobs", "1"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "With 1 game a table no verdict is checked against the spread between games" in text, text
    assert "run --games 3 or more" in text
