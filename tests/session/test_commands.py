"""`accord simulate --save`, `accord verify` and `accord report` from the command line, with exit codes."""

import json
from pathlib import Path

import pytest

from game.cli import main
from game.session.session import Session


def _save(tmp_path: Path, name: str = "game.json", rounds: int = 3) -> Path:
    path = tmp_path / name
    assert main(["simulate", "tutorial", "--rounds", str(rounds), "--seed", "4", "--save", str(path)]) == 0
    return path


def test_simulate_save_writes_a_save_that_verifies(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _save(tmp_path)
    out = capsys.readouterr().out
    assert f"saved {path}" in out
    assert main(["verify", str(path)]) == 0
    assert capsys.readouterr().out == f"{path}: verified 3 rounds\n"
    session = Session.load(path)
    assert session.is_over and session.seed == 4 and len(session.reports) == 3


def test_simulate_save_with_ai_and_orders_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    orders = tmp_path / "orders.yaml"
    orders.write_text("1:\n  - {type: adopt_law, state: korvia, law: victim_protection}\n")
    path = tmp_path / "game.json.gz"
    assert main(["simulate", "tutorial", "--rounds", "2", "--orders", str(orders), "--ai", "cooperative",
                 "--save", str(path), "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["seed"] is not None and f"saved {path}" in captured.err
    session = Session.load(path)
    assert session.seats["meridia"].personality == "cooperative"
    first = session.log.rounds[0].actions
    assert first[0].type == "adopt_law" and first[0].by is None
    assert any(s.reason for s in first[1:]), "AI moves keep their reasons"
    assert main(["verify", str(path)]) == 0


def test_verify_names_the_round_of_an_edit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _save(tmp_path)
    data = json.loads(path.read_text())
    data["rounds"][1]["report"]["victims_total"] += 100
    path.write_text(json.dumps(data))
    capsys.readouterr()
    assert main(["verify", str(path)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith(f"{path}: error: round 2 diverges: report.victims_total")


def test_verify_many_saves_fails_if_one_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = _save(tmp_path)
    bad = tmp_path / "bad.json"
    bad.write_text('{"kind": "accord-save", "format": 1, "rou')
    capsys.readouterr()
    assert main(["verify", str(good), str(bad)]) == 1
    captured = capsys.readouterr()
    assert captured.out == f"{good}: verified 3 rounds\n"
    assert captured.err.startswith(f"{bad}: error: the save is truncated") and captured.err.count("\n") == 1


@pytest.mark.parametrize("fmt", ["md", "html", "csv"])
def test_report_writes_each_format(tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    path = _save(tmp_path)
    out = tmp_path / f"debrief.{fmt}"
    assert main(["report", str(path), "--format", fmt, "-o", str(out)]) == 0
    assert f"wrote {out}" in capsys.readouterr().out
    text = out.read_text()
    assert {"md": "# Debrief:", "html": "<svg", "csv": "scenario,seed,round,state"}[fmt] in text


def test_report_format_follows_the_extension_and_prints_by_default(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    path = _save(tmp_path)
    out = tmp_path / "debrief.html"
    assert main(["report", str(path), "-o", str(out)]) == 0
    assert out.read_text().startswith("<!doctype html>")
    capsys.readouterr()
    assert main(["report", str(path)]) == 0
    assert capsys.readouterr().out.startswith("# Debrief: Tutorial")


def test_report_on_a_bad_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "scenario.json"
    bad.write_text('{"format": 1, "regions": [], "states": []}')
    assert main(["report", str(bad)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [f"{bad}: error: not an Accord save: this looks like a scenario; a save is written by "
                   "`accord simulate --save` or a game"]


def test_simulate_save_refuses_games(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["simulate", "tutorial", "--ai", "cooperative", "--games", "2", "--save",
                 str(tmp_path / "x.json")]) == 1
    assert "--save writes one game" in capsys.readouterr().err


def test_replay_shows_a_moment_a_view_the_truth_and_branches(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    path = _save(tmp_path)
    capsys.readouterr()
    assert main(["replay", str(path), "--round", "2"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{path}: year 2, orders; state hash ") and "resolved: " in out
    assert main(["replay", str(path), "--round", "2", "--as", "korvia"]) == 0
    assert json.loads(capsys.readouterr().out)["me"]["id"] == "korvia"
    assert main(["replay", str(path), "--round", "1", "--phase", "resolved", "--truth"]) == 0
    assert json.loads(capsys.readouterr().out)["round"] == 2
    assert main(["replay", str(path), "--round", "2", "--branch"]) == 0
    branched = Path(capsys.readouterr().out.split()[1])
    assert Session.load(branched).parent == {"id": Session.load(path).id, "path": str(path), "round": 2,
                                             "actions": 0, "reason": "branch"}
    assert main(["replay", str(path), "--round", "9"]) == 1
    assert "round 9 is not in this save" in capsys.readouterr().err
