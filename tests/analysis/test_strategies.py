"""The strategies play what docs/lessons.md says they play, on the tutorial, through the session's
engine-only game loop."""

from typing import Any

import pytest

from game.analysis.runner import Job, avoiding, run
from game.analysis.strategies import STRATEGIES, Table
from game.engine import ActionRejected, run_baseline, state_hash
from game.model.report import RoundReport
from game.model.scenario import Scenario
from game.model.state import GameState
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario
from game.session.simulation import play_out, simulate

SEED = 3


@pytest.fixture(scope="module")
def tutorial() -> Scenario:
    return load_scenario(resolve_scenario("tutorial"))


def _play(scenario: Scenario, table: Table) -> tuple[GameState, list[RoundReport]]:
    strategy = STRATEGIES[table.strategy]
    return play_out(scenario, SEED, ai=strategy.seats(scenario, table.focus), script=strategy.script(table.focus),
                    allow=strategy.allow(table.focus))


def test_play_out_with_nobody_acting_is_the_baseline(tutorial: Scenario) -> None:
    final, reports = play_out(tutorial, SEED)
    assert state_hash(final) == state_hash(run_baseline(tutorial, SEED)) and len(reports) == tutorial.rounds


def test_play_out_gives_the_states_a_session_gives_for_the_same_ai_seats(tutorial: Scenario) -> None:
    seats = {s.id: "cooperative" for s in tutorial.states}
    final, _ = play_out(tutorial, SEED, ai=seats)
    assert state_hash(final) == state_hash(simulate(tutorial, SEED, ai=seats).final)


def test_the_loner_legislates_and_spends_at_home_but_makes_no_agreement(tutorial: Scenario) -> None:
    final, _ = _play(tutorial, Table("loner"))
    assert not final.proposals and not final.agreements
    start = {s.id: set(s.laws) for s in tutorial.states}
    assert any(set(final.states[s].laws) > start[s] for s in start), "it adopts the cooperative AI's laws"
    cooperative, _ = _play(tutorial, Table("cooperative"))
    assert cooperative.agreements, "the same AI with its diplomacy kept does sign"


def test_the_paper_table_signs_everything_in_round_one_and_changes_nothing_else(tutorial: Scenario) -> None:
    final, _ = _play(tutorial, Table("paper"))
    baseline = run_baseline(tutorial, SEED)
    assert final.agreements and {p.round for p in final.proposals.values()} == {1}
    kinds = {a.kind for a in final.agreements.values()}
    assert "funding" not in kinds and "extradition" in kinds and "joint_investigation_team" in kinds
    assert "regional_convention" not in kinds, "one tutorial state holds the laws a convention needs"
    pairs = len(tutorial.states) * (len(tutorial.states) - 1) // 2
    assert sum(a.kind == "information_sharing" for a in final.agreements.values()) == pairs
    for state_id, record in final.states.items():
        assert record.allocation == baseline.states[state_id].allocation
        assert record.laws == baseline.states[state_id].laws


def test_a_crackdown_puts_one_state_budget_into_border_and_enforcement_and_leaves_others_idle(
    tutorial: Scenario,
) -> None:
    focus = tutorial.states[0].id
    final, _ = _play(tutorial, Table("crackdown", focus))
    baseline = run_baseline(tutorial, SEED)
    assert set(final.states[focus].allocation) == {"border", "enforcement"}
    assert "border_security" in final.states[focus].laws
    for state_id, record in final.states.items():
        if state_id != focus:
            assert record.allocation == baseline.states[state_id].allocation and not final.agreements


def test_free_rider_tables_put_the_free_rider_in_each_seat_in_turn(tutorial: Scenario) -> None:
    tables = STRATEGIES["free_rider"].tables(tutorial)
    assert [t.focus for t in tables] == [s.id for s in tutorial.states]
    seats = STRATEGIES["free_rider"].seats(tutorial, tables[1].focus)
    assert [s for s, p in seats.items() if p == "free_rider"] == [tables[1].focus]


def test_flows_avoiding_a_state_count_routes_through_others_only(tutorial: Scenario) -> None:
    _, reports = play_out(tutorial, SEED)
    owner = {r.id: r.controlled_by for r in tutorial.regions}
    moved = avoiding(tutorial, reports)
    for state_id, total in moved.items():
        expected = sum(route.flow for report in reports for network in report.networks.values()
                       for route in network.routes
                       if state_id not in {owner[r] for r in route.path} and {owner[r] for r in route.path} - {None})
        assert total == expected


def test_outcomes_are_the_same_in_one_process_or_several(tutorial: Scenario) -> None:
    jobs = [Job(Table("paper"), SEED), Job(Table("crackdown", tutorial.states[0].id), SEED), Job(Table("none"), SEED)]
    assert run(tutorial, jobs, 1) == run(tutorial, jobs, 2)


def test_the_paper_table_signs_a_convention_among_every_state_whose_laws_qualify(tutorial: Scenario) -> None:
    states = [s.model_copy(update={"laws": ["criminalization", "victim_protection"]}) for s in tutorial.states]
    qualified = tutorial.model_copy(update={"states": states})
    final, _ = _play(qualified, Table("paper"))
    [convention] = [a for a in final.agreements.values() if a.kind == "regional_convention"]
    assert convention.parties == sorted(s.id for s in states)


def test_an_ai_move_the_rules_refuse_raises_unless_the_caller_collects_refusals(
    tutorial: Scenario, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A parameter sweep can push an AI's rules of thumb past the rules: here every cooperator also
    proposes a deal with a state that is not at the table, which the rules refuse."""
    from game.ai.base import Move
    from game.ai.cooperative import Cooperative
    from game.model.actions import Propose

    honest = Cooperative.proposals

    def with_a_stranger(self: Cooperative, view: Any, rng: Any) -> list[Move]:
        stranger = Propose(state=view.me.id, agreement="information_sharing", parties=[view.me.id, "atlantis"])
        return [*honest(self, view, rng), Move(stranger, "a deal with nobody")]

    monkeypatch.setattr(Cooperative, "proposals", with_a_stranger)
    seats = STRATEGIES["cooperative"].seats(tutorial, None)
    with pytest.raises(ActionRejected):
        play_out(tutorial, SEED, ai=seats)
    refused: list[str] = []
    final, _ = play_out(tutorial, SEED, ai=seats, refused=refused)
    assert refused and refused[0].startswith("round 1, ") and "propose" in refused[0]
    assert final.round == tutorial.rounds + 1, "the game is played to its end without the refused moves"

