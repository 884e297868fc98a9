"""Writing a save streams it: the text of every closed round is kept once (its snapshot as the
engine wrote it, its head once written), and the file is written piece by piece, so that saving a
large game never holds the whole save again as one string and once more as bytes beside it (the
200-state game's peak memory was its final save: 367 MB against 213 MB for the game itself)."""

import gzip
import json
import tracemalloc
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from game.ai.registry import assign
from game.engine.serialize import report_to_data, state_from_data, state_hash
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario
from game.session.seats import Seat
from game.session.session import Session
from game.session.store import GZIP_LEVEL, read_save, write_save


def _ai_game(rounds: int, path: Path) -> Session:
    scenario = load_scenario(resolve_scenario("mekong"))
    drawn = assign([s.id for s in scenario.states], "mixed", 3, [o.id for o in scenario.organizations])
    session = Session.new(scenario, 3, seats={k: Seat.ai(v) for k, v in drawn.items()}, saves_dir=None,
                          path=path, autosave=False)
    for _ in range(rounds):
        session.play_ai()
        session.resolve()
    return session


@pytest.mark.parametrize("name", ["game.json", "game.json.gz"])
def test_saving_again_allocates_far_less_than_the_save_it_writes(tmp_path: Path, name: str) -> None:
    session = _ai_game(10, tmp_path / name)
    session.save()  # the first write turns each round's head into text, kept from then on
    size = len(session.document.to_text().encode())
    peak = _peak(session.save)
    fixed = _peak(_compress_nothing) if name.endswith(".gz") else 0  # zlib's own state, whatever the size
    assert peak - fixed < size / 4, f"saving took {peak:,} bytes at its peak for a save of {size:,}"


def _peak(work: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _compress_nothing() -> bytes:
    compressor = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    return compressor.compress(b"{}") + compressor.flush()


def test_a_closed_round_keeps_its_report_as_text_written_without_a_copy_and_its_snapshot_compressed(
        tmp_path: Path) -> None:
    session = _ai_game(2, tmp_path / "game.json")
    for closed in session.log.rounds:
        assert isinstance(closed.stored, bytes) and isinstance(closed.reported, str)
        parts = closed.parts()
        assert any(part is closed.reported for part in parts) and any(part is closed.stored for part in parts)
        text = zlib.decompress(closed.stored).decode()
        assert len(closed.stored) < len(text) / 3
        assert closed.report_data == report_to_data(closed.report)
        assert closed.snapshot == json.loads(text)
        assert state_hash(state_from_data(json.loads(text), session.document.world)) == closed.hash


@pytest.mark.parametrize("name", ["game.json", "game.json.gz"])
def test_a_streamed_save_is_the_documents_text(tmp_path: Path, name: str) -> None:
    session = _ai_game(3, tmp_path / name)
    session.save()
    raw = (tmp_path / name).read_bytes()
    if name.endswith(".gz"):
        raw = gzip.decompress(raw)
    assert raw.decode() == session.document.to_text()
    assert json.loads(raw) == json.loads(session.document.to_text())


def test_a_loaded_saves_snapshots_and_reports_are_written_as_text_and_read_back_the_same(tmp_path: Path) -> None:
    """A save read back keeps its snapshots and reports as data; its first write turns them into
    text, which holds the same values (smaller, and written as it is from then on)."""
    path = tmp_path / "game.json"
    _ai_game(3, path).save()
    document = read_save(path)
    before = [(closed.snapshot, closed.report_data) for closed in document.log.rounds]
    assert all(isinstance(closed.stored, dict) for closed in document.log.rounds)
    copy = tmp_path / "copy.json"
    write_save(copy, document)
    assert all(isinstance(closed.stored, str) for closed in document.log.rounds)
    assert [(closed.snapshot, closed.report_data) for closed in document.log.rounds] == before
    assert json.loads(copy.read_text()) == json.loads(path.read_text())
