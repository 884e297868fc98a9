"""Errors in bulk stay fast and readable; the largest scenario allowed plays an AI round quickly."""

import time
from pathlib import Path

import pytest

from game.ai.driver import play_round
from game.ai.registry import assign
from game.cli import main
from game.engine import new_game, resolve_round
from game.scenario.loader import MAX_STATES, check_scenario, check_scenario_text, load_scenario


def big_scenario(regions: int, states: int, typo: bool = False) -> str:
    lines = ["format: 1", "id: big", "title: Big", "summary: Big.", "rounds: 3", "regions:"]
    for i in range(regions):
        neighbours = [f"r{j}" for j in (i - 1, i + 1) if 0 <= j < regions]
        lines += [f"  - id: r{i}", f"    name: R{i}", "    population: 1.0",
                  f"    {'vulnerabilty' if typo else 'vulnerability'}: 0.5",
                  f"    neighbours: [{', '.join(neighbours)}]", f"    controlled_by: s{i % states}"]
        if i % 10 == 9:
            lines.append("    demand: {labour: 0.5}")
    lines.append("states:")
    for j in range(states):
        lines += [f"  - id: s{j}", f"    name: S{j}", "    budget: 10", "    political_capital: 4",
                  "    approval: 50", "    corruption: 0.2", "    brief: b",
                  "    objectives: [{kind: keep_approval, at_least: 30, points: 1}]"]
    lines.append("networks:")
    for k in range(regions // 10):
        lines += [f"  - id: n{k}", f"    name: N{k}", "    capital: 100", "    core: 2", "    periphery: 20",
                  "    tech: 0.1", "    routes:",
                  f"      - {{path: [r{k * 10 + 8}, r{k * 10 + 9}], form: labour, flow: 10}}"]
    return "\n".join(lines) + "\n"


def test_two_thousand_typos_are_found_fast_and_listed_briefly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "typos.yaml"
    path.write_text(big_scenario(2000, 6, typo=True), "utf-8")
    started = time.process_time()
    assert main(["validate", str(path)]) == 1
    assert time.process_time() - started < 10
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 52
    assert out[-2] == (f"{path}: ... and 1,950 more (1,950 errors, 0 warnings) not shown; fix these first, or list "
                       "them all with --all")
    assert out[-1] == f"{path}: invalid (2,000 errors, 0 warnings)"


def test_a_typo_in_a_region_does_not_break_the_routes_through_it() -> None:
    text = big_scenario(20, 2).replace("    vulnerability: 0.5\n", "    vulnerabilty: 0.5\n", 9)
    _, problems = check_scenario_text(text)
    assert problems and all("unknown key 'vulnerabilty'" in problem.message for problem in problems)


def test_more_states_than_a_class_can_seat_are_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "states.yaml"
    path.write_text(big_scenario(3150, 3150), "utf-8")
    started = time.process_time()
    scenario, problems = check_scenario(path)
    assert time.process_time() - started < 10
    assert scenario is None
    assert [problem.message for problem in problems] == [f"3,150 states; a scenario may have at most {MAX_STATES}"]


def test_the_largest_scenario_allowed_plays_an_ai_round_quickly(tmp_path: Path) -> None:
    path = tmp_path / "most.yaml"
    path.write_text(big_scenario(MAX_STATES, MAX_STATES), "utf-8")
    started = time.process_time()
    scenario = load_scenario(path)
    state = new_game(scenario, 0)
    state, _ = play_round(state, assign([s.id for s in scenario.states], "mixed", 0))
    state, _ = resolve_round(state)
    assert state.round == 2
    assert time.process_time() - started < 20
