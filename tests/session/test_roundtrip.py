"""Saving, loading and going on gives exactly the game that went on without a save (issue 5.7).

Random legal games: a save made at any moment of a round, loaded in a fresh session and continued
with the same orders, ends in the same hashes, reports and log as the game played straight through.
"""

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine.serialize import report_to_data
from game.scenario.library import shipped_scenarios
from game.scenario.loader import load_scenario
from game.session.session import Session
from game.session.store import read_save
from game.session.verify import verify
from tests.session.helpers import play, played, random_script, short, tutorial


def _rounds(session: Session) -> list[dict[str, object]]:
    return [closed.to_data() for closed in session.log.rounds]


@settings(max_examples=8, deadline=None)
@given(seed=st.integers(0, 2**31), choices=st.integers(0, 10**6), cut=st.floats(0, 1), gz=st.booleans())
def test_save_load_and_continue_equals_continue(tmp_path_factory: pytest.TempPathFactory, seed: int, choices: int,
                                                 cut: float, gz: bool) -> None:
    scenario = short(tutorial(), 4)
    script = random_script(scenario, seed, choices)
    straight = played(scenario, seed, script, autosave=False)

    folder = tmp_path_factory.mktemp("saves")
    flat = [(number, index) for number, orders in enumerate(script, 1) for index in range(len(orders) + 1)]
    stop_round, stop_index = flat[int(cut * (len(flat) - 1))]
    first = Session.new(scenario, seed, saves_dir=folder, compress=gz)
    play(first, script, range(1, stop_round))
    for action, by in script[stop_round - 1][:stop_index]:
        first.submit(action, by=by)
    assert first.path is not None

    second = Session.load(first.path)
    assert second.round == first.round and second.note is None
    assert len(second.log.open) == stop_index
    for action, by in script[stop_round - 1][stop_index:]:
        second.submit(action, by=by)
    second.resolve()
    play(second, script)

    assert second.is_over and straight.is_over
    assert [r.state_hash for r in second.reports] == [r.state_hash for r in straight.reports]
    assert [report_to_data(r) for r in second.reports] == [report_to_data(r) for r in straight.reports]
    assert _rounds(second) == _rounds(straight)
    assert verify(first.path).rounds == scenario.rounds


@pytest.mark.parametrize("path", shipped_scenarios(), ids=lambda p: p.stem)
def test_every_shipped_scenario_round_trips(tmp_path: Path, path: Path) -> None:
    scenario = short(load_scenario(path), 3)
    script = random_script(scenario, 11, 5)
    session = played(scenario, 11, script, tmp_path)
    assert session.path is not None
    document = read_save(session.path)
    assert document.scenario == scenario
    assert document.scenario_hash == session.state.world.scenario_hash
    assert json.loads(document.to_text()) == json.loads(session.document.to_text())
    loaded = Session.load(session.path)
    assert [r.state_hash for r in loaded.reports] == [r.state_hash for r in session.reports]
    assert report_to_data(loaded.reports[-1]) == report_to_data(session.reports[-1])
    assert verify(session.path).rounds == 3


def test_a_compressed_save_is_gzip_and_loads(tmp_path: Path) -> None:
    session = played(short(tutorial(), 2), 3, random_script(short(tutorial(), 2), 3, 1), tmp_path, compress=True)
    assert session.path is not None and session.path.name.endswith(".json.gz")
    assert session.path.read_bytes()[:2] == b"\x1f\x8b"
    assert Session.load(session.path).reports[-1].state_hash == session.reports[-1].state_hash
