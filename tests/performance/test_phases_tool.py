"""`python -m benchmarks.phases` times each phase of a round on recorded rounds, and leaves the
engine as it found it."""

import game.engine.round as round_module
from benchmarks.phases import main, phase_times
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario


def test_phase_times_cover_the_rounds_phases_and_put_the_engine_back() -> None:
    exploit, stream = round_module.exploit, round_module.stream
    whole, phases = phase_times(load_scenario(resolve_scenario("tutorial")), games=1, repeats=2)
    assert {"exploit", "move", "state_hash", "relocate", "intelligence.estimate_all"} <= set(phases)
    assert 0.0 < phases["move"] < phases["_recruit_and_move"] < whole
    assert round_module.exploit is exploit and round_module.stream is stream, "a timed phase was left wrapped"


def test_the_command_prints_the_round_and_its_phases(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["tutorial", "--games", "1", "--repeats", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("round, tutorial: ") and any(line.endswith("  exploit") for line in lines[1:])


def test_an_unknown_scenario_is_one_line_and_exit_1(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["no-such-scenario"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no-such-scenario" in err
