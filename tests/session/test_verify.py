"""`verify` and reading saves: an edited save names its first diverging round; a truncated,
corrupt or foreign file gives one clear line; other engine rules are named as such (issue 5.4, 5.7)."""

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from game.session import formats
from game.session.errors import Diverged, SaveError
from game.session.session import Session
from game.session.store import read_save
from game.session.verify import verify
from tests.session.helpers import played, random_script, short, tutorial

SEED = 5


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> Path:
    scenario = short(tutorial(), 4)
    session = played(scenario, SEED, random_script(scenario, SEED, 3), tmp_path_factory.mktemp("saves"))
    assert session.path is not None
    return session.path


def _edited(saved: Path, tmp_path: Path, change: Any) -> Path:
    data = json.loads(saved.read_text())
    change(data)
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(data))
    return path


def _diverged(path: Path) -> Diverged:
    with pytest.raises(Diverged) as caught:
        verify(path)
    return caught.value


def test_an_untouched_save_verifies(saved: Path) -> None:
    result = verify(saved)
    assert result.rounds == 4
    assert result.summary() == "verified 4 rounds"
    assert result.snapshots == 5


def test_a_number_edited_in_a_report_names_the_round(saved: Path, tmp_path: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        figures = data["rounds"][2]["report"]["states"]["aldmark"]
        figures["identified"] += 1

    error = _diverged(_edited(saved, tmp_path, change))
    assert error.round == 3
    line = error.lines()[0]
    assert line.startswith(f"{tmp_path / 'edited.json'}: error: round 3 diverges: report.states.aldmark.identified")
    assert "edited after it was written" in line


def test_an_edited_action_names_the_round(saved: Path, tmp_path: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        data["rounds"][1]["actions"].insert(0, {"by": "korvia", "action": {
            "type": "allocate", "state": "korvia", "budget": {"border": 1.0}}})

    error = _diverged(_edited(saved, tmp_path, change))
    assert error.round == 2
    assert "round 2 diverges" in error.message and "edited after it was written" in error.message


def test_an_edited_hash_names_the_round(saved: Path, tmp_path: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        data["rounds"][3]["hash"] = "0" * 64

    error = _diverged(_edited(saved, tmp_path, change))
    assert error.round == 4
    assert "the save says hash 000000000000…, re-running gives" in error.message


def test_an_edit_that_re_runs_the_same_still_breaks_the_seal(saved: Path, tmp_path: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        data["rounds"][1]["actions"][0]["by"] = None  # the facilitator instead of the seat: same outcome

    error = _diverged(_edited(saved, tmp_path, change))
    assert error.round == 2
    assert error.message == "round 2 was edited after it was written: it re-runs the same, but its content does " \
                            "not match its seal"


def test_notes_and_seats_are_not_sealed(saved: Path, tmp_path: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        data["annotations"]["2"] = ["added later"]
        data["seats"]["korvia"] = {"kind": "ai", "personality": "donor"}

    assert verify(_edited(saved, tmp_path, change)).rounds == 4


def test_an_edited_seed_is_caught_at_the_opening(saved: Path, tmp_path: Path) -> None:
    error = _diverged(_edited(saved, tmp_path, lambda data: data.update(seed=data["seed"] + 1)))
    assert error.round == 0 and "the opening position diverges" in error.message


def test_an_edited_snapshot_is_caught(saved: Path, tmp_path: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        data["rounds"][1]["snapshot"]["states"]["korvia"]["approval"] = 99.0

    error = _diverged(_edited(saved, tmp_path, change))
    assert error.round == 2 and "snapshot.states.korvia.approval" in error.message


def test_a_round_resealed_after_an_edit_is_still_caught_but_not_called_edited(saved: Path, tmp_path: Path) -> None:
    """With intact seals, a difference can only come from the engine (or a deliberate re-seal)."""
    from game.session.document import from_layout
    from game.session.layout import SaveLayout
    from game.session.log import round_seal

    data = json.loads(saved.read_text())
    data["rounds"][0]["report"]["victims_total"] += 7
    document = from_layout(SaveLayout.model_validate(data), "resealed.json")
    previous = document.log.start.seal
    for closed in document.log.rounds:
        closed.seal = round_seal(previous, closed.round, closed.actions, closed.hash, closed.report_data)
        closed._head_text = None
        previous = closed.seal
    error = _diverged(_write(tmp_path / "resealed.json", document.to_text()))
    assert error.round == 1 and "seals are intact" in error.message and "rules" in error.message


def _write(path: Path, text: str) -> Path:
    path.write_text(text)
    return path


def test_other_engine_rules_are_named_not_called_tampered(saved: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import game.session.document as document_module

    path = _edited(saved, tmp_path, lambda data: data["rounds"][1]["report"].update(victims_total=1))
    monkeypatch.setattr(document_module, "ENGINE_RULES", 99)
    error = _diverged(path)
    assert error.round == 2
    assert "edited" in error.message  # an edit is an edit, whatever the rules

    untouched = _edited(saved, tmp_path, lambda data: data["engine"].update(rules=0))
    assert "re-run under" in verify(untouched).summary()  # same numbers, other rules: verified, and said


def test_other_rules_that_replay_differently_say_so(saved: Path, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import game.session.verify as verify_module
    from game.engine import resolve_round as real_resolve

    def other_rules(state: Any) -> Any:
        after, report = real_resolve(state)
        report.victims_total += 1
        return after, report

    monkeypatch.setattr(verify_module, "resolve_round", other_rules)
    path = _edited(saved, tmp_path, lambda data: data["engine"].update(rules=0, accord="0.0.9"))
    error = _diverged(path)
    assert error.round == 1
    assert "written under accord 0.0.9, engine rules 0" in error.message
    assert "verify it with accord 0.0.9" in error.message


def test_other_rules_under_the_same_release_name_an_earlier_build(saved: Path, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A save from engine rules 7 under accord 0.1.0, verified by 0.1.0 playing rules 8, was told to
    'verify it with accord 0.1.0': the very program that could not."""
    import game.session.verify as verify_module
    from game import __version__
    from game.engine import resolve_round as real_resolve

    def other_rules(state: Any) -> Any:
        after, report = real_resolve(state)
        report.victims_total += 1
        return after, report

    monkeypatch.setattr(verify_module, "resolve_round", other_rules)
    path = _edited(saved, tmp_path, lambda data: data["engine"].update(rules=0))
    error = _diverged(path)
    assert f"verify it with an earlier build of accord {__version__} (engine rules 0)" in error.message
    assert "open it to continue it under these rules in a new file" in error.message


@pytest.mark.parametrize("cut", [1, 100, 5000, -10, -1])
def test_a_truncated_save_gives_one_clear_line(saved: Path, tmp_path: Path, cut: int) -> None:
    raw = saved.read_bytes()
    path = tmp_path / "cut.json"
    path.write_bytes(raw[:cut])
    with pytest.raises(SaveError) as caught:
        verify(path)
    assert caught.value.lines() == [f"{path}: error: {caught.value.message}"]
    assert "truncated" in caught.value.message


def test_a_truncated_compressed_save(saved: Path, tmp_path: Path) -> None:
    packed = gzip.compress(saved.read_bytes())
    path = tmp_path / "cut.json.gz"
    path.write_bytes(packed[: len(packed) // 2])
    with pytest.raises(SaveError, match="truncated or corrupt"):
        read_save(path)


@pytest.mark.parametrize(("content", "expected"), [
    (b"", "the file is empty"),
    (b"\x00\xff\xfe garbage \x9c", "not text"),
    (b"{this is not json", "not valid JSON"),
    (b"[1, 2, 3]", "the JSON holds a list"),
    (b'{"name": "something else", "version": 2}', 'without "kind": "accord-save"'),
    (b'{"format": 1, "id": "x", "regions": [], "states": []}', "looks like a scenario"),
    (b'{"kind": "accord-save", "format": 7}', "written by a newer Accord (save format 7"),
    (b'{"kind": "accord-save", "format": "one"}', "'format' is 'one'"),
    (b'{"kind": "accord-save", "format": 1, "seed": 3}', "not a valid Accord save: engine: Field required"),
    (b"[" * 100000, "nested too deeply"),
])
def test_garbage_and_foreign_files_give_one_clear_line(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "x.json"
    path.write_bytes(content)
    with pytest.raises(SaveError) as caught:
        Session.load(path)
    assert expected in caught.value.message
    assert len(caught.value.lines()) == 1 and caught.value.lines()[0].startswith(f"{path}: error: ")


def test_a_missing_file_and_a_folder(tmp_path: Path) -> None:
    with pytest.raises(SaveError, match="no such file"):
        read_save(tmp_path / "nothing.json")
    with pytest.raises(SaveError, match="folder"):
        read_save(tmp_path)


def test_seats_that_do_not_match_the_scenario_are_refused(saved: Path, tmp_path: Path) -> None:
    with pytest.raises(SaveError, match=r"the seats \(korvia, meridia\) do not match"):
        read_save(_edited(saved, tmp_path, lambda data: data["seats"].pop("aldmark")))


def test_an_out_of_order_log_is_refused(saved: Path, tmp_path: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        data["rounds"][1], data["rounds"][2] = data["rounds"][2], data["rounds"][1]

    with pytest.raises(SaveError, match=r"rounds\[1\] is round 3, expected round 2"):
        read_save(_edited(saved, tmp_path, change))


def test_an_action_edited_into_nonsense_names_the_round(saved: Path, tmp_path: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        data["rounds"][2]["actions"].append({"by": None, "action": {"type": "bribe", "state": "korvia"}})

    error = _diverged(_edited(saved, tmp_path, change))
    assert error.round == 3 and "is not a valid action" in error.message


def test_an_older_format_is_migrated(saved: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The migration chain: a pretend format 0 whose seed was called `random_seed`."""
    data = json.loads(saved.read_text())
    data["format"] = 0
    data["random_seed"] = data.pop("seed")
    path = _write(tmp_path / "old.json", json.dumps(data))

    def zero_to_one(old: dict[str, Any]) -> dict[str, Any]:
        old["seed"] = old.pop("random_seed")
        return old

    monkeypatch.setitem(formats.MIGRATIONS, 0, zero_to_one)
    document = read_save(path)
    assert document.seed == json.loads(saved.read_text())["seed"]
    assert verify(document).rounds == 4


def test_a_save_written_before_reports_named_who_funded_a_capacity_still_verifies(tmp_path: Path) -> None:
    """Reports record who paid into a state's capacities (`funding`) since the same rules 14: a save
    written before has no such field, and re-run it differs only there. It verifies; the same field
    edited into another value is still a difference, and taken out of a later save breaks its seal."""
    from game.model.actions import Propose, Respond
    from game.model.terms import Terms
    from game.session.document import from_layout
    from game.session.layout import SaveLayout
    from game.session.log import round_seal

    session = Session.new(short(tutorial(), 3), SEED, saves_dir=tmp_path)
    terms = Terms(donor="aldmark", recipient="korvia", amount=1.0, capacity="protection")
    before = set(session.state.proposals)
    session.submit(Propose(state="aldmark", agreement="funding", parties=["aldmark", "korvia"], terms=terms))
    (proposal,) = set(session.state.proposals) - before
    session.submit(Respond(state="korvia", proposal=proposal, answer="accept"))
    for _ in range(3):
        session.resolve()
    assert session.path is not None
    data = json.loads(session.path.read_text())
    assert data["rounds"][1]["report"]["states"]["korvia"]["funding"] == {"aldmark": {"protection": 1.0}}

    def resealed(change: Any, name: str) -> Path:
        edited = json.loads(json.dumps(data))
        for closed in edited["rounds"]:
            change(closed["report"]["states"])
        document = from_layout(SaveLayout.model_validate(edited), name)
        previous = document.log.start.seal
        for closed in document.log.rounds:
            closed.seal = round_seal(previous, closed.round, closed.actions, closed.hash, closed.report_data)
            closed._head_text = None
            previous = closed.seal
        return _write(tmp_path / name, document.to_text())

    def unrecorded(states: dict[str, Any]) -> None:
        for figures in states.values():
            figures.pop("funding", None)

    def other_donor(states: dict[str, Any]) -> None:
        if "funding" in states["korvia"]:
            states["korvia"]["funding"] = {"somebody": {"protection": 1.0}}

    assert verify(resealed(unrecorded, "older.json")).rounds == 3
    error = _diverged(resealed(other_donor, "other.json"))
    assert error.round == 2 and "funding" in error.message
    stripped = json.loads(json.dumps(data))
    unrecorded(stripped["rounds"][1]["report"]["states"])
    error = _diverged(_write(tmp_path / "stripped.json", json.dumps(stripped)))
    assert error.round == 2 and "edited" in error.message
