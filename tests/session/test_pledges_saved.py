"""Statements and pledges are actions like any other: a save carries them, `verify` re-runs them to
the same hashes, a loaded save goes on with them, a replay shows them, and an edited pledge breaks the
save's seal."""

import json
from pathlib import Path

import pytest

from game.cli import main
from game.model.actions import Pledge, Statement
from game.session.errors import Diverged
from game.session.session import Session
from game.session.verify import verify
from tests.session.helpers import short, tutorial


def pledged_game(folder: Path) -> Session:
    session = Session.new(short(tutorial(), 3), 4, saves_dir=folder)
    ids = sorted(session.state.states)
    first, second = ids[0], ids[1]
    session.submit(Statement(state=first, text="We will fund our police."), by=first)
    session.submit(Pledge(state=first, kind="fund", capacity="enforcement", points=1, due=2), by=first)
    session.submit(Pledge(state=second, kind="adopt_law", law="victim_protection", due=3), by=second)
    session.resolve()
    session.resolve()
    return session


def test_a_save_with_pledges_verifies_and_loads_to_the_same_pledges(tmp_path: Path) -> None:
    session = pledged_game(tmp_path)
    assert session.path is not None
    verified = verify(session.path)
    assert verified.rounds == 2
    loaded = Session.load(session.path)
    assert loaded.state.pledges == session.state.pledges and loaded.state.statements == session.state.statements
    assert [p.kept for p in loaded.state.pledges] == [session.state.pledges[0].kept, None]
    loaded.resolve()
    assert loaded.state.pledges[1].kept is not None, "the second pledge is judged in round 3 after loading"


def test_a_replay_seeks_to_the_pledges_of_each_round(tmp_path: Path) -> None:
    session = pledged_game(tmp_path)
    replay = session.replay()
    opened = replay.seek(1, "orders", 0)
    assert opened.state.pledges == []
    after = replay.seek(1, "resolved")
    assert [p.kind for p in after.state.pledges] == ["fund", "adopt_law"]
    assert any(s.type == "pledge" for s in after.actions)


def test_an_edited_pledge_fails_verify(tmp_path: Path) -> None:
    session = pledged_game(tmp_path)
    assert session.path is not None
    data = json.loads(session.path.read_text())
    pledge = data["rounds"][0]["actions"][1]["action"]
    assert (pledge["type"], pledge["points"]) == ("pledge", 1.0)
    pledge["points"] = 9.0
    session.path.write_text(json.dumps(data))
    with pytest.raises(Diverged):
        verify(session.path)


def test_simulate_json_lists_each_rounds_pledges_with_their_verdicts(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """An orders file's pledge and the AI's, per round: made (kept null) and falling due (kept true/false)."""
    orders = tmp_path / "orders.yaml"
    orders.write_text("1:\n  - {type: pledge, state: korvia, kind: adopt_law, law: victim_protection, due: 2}\n"
                      "  - {type: statement, state: korvia, text: Korvia will protect victims.}\n")
    path = tmp_path / "game.json"
    assert main(["simulate", "tutorial", "--rounds", "3", "--orders", str(orders), "--ai", "mixed", "--seed", "2",
                 "--save", str(path), "--json"]) == 0
    rounds = json.loads(capsys.readouterr().out)["rounds"]
    korvia = [(r["round"], p["kept"]) for r in rounds for p in r["pledges"] if p["seat"] == "korvia"]
    assert korvia[0] == (1, None) and korvia[-1][0] == 2 and korvia[-1][1] in (True, False)
    assert rounds[0]["statements"] == [{"seat": "korvia", "text": "Korvia will protect victims."}]
    for pledge in (p for r in rounds for p in r["pledges"]):
        assert set(pledge) >= {"seat", "kind", "text", "due", "kept"} and pledge["text"]
    assert any(p["seat"] != "korvia" for r in rounds for p in r["pledges"]), "the AI seats pledge too"
    assert main(["verify", str(path)]) == 0
