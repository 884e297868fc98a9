"""An orders file cannot know the drawn ids of the proposals it makes (`p-kqzx`): it names them
`p1`, `p2`, ... in the order they are made in the game, so that an instructor's file can make two
states sign an agreement (the check that signing alone achieves little needs exactly that)."""

import json
from pathlib import Path

import pytest

from game.cli import main

SIGN = """\
1:
  - {type: propose, state: korvia, agreement: information_sharing, parties: [korvia, meridia]}
  - {type: respond, state: meridia, proposal: PROPOSAL, answer: accept}
"""


def _simulate(tmp_path: Path, proposal: str) -> int:
    orders = tmp_path / "orders.yaml"
    orders.write_text(SIGN.replace("PROPOSAL", proposal))
    return main(["simulate", "tutorial", "--rounds", "2", "--orders", str(orders), "--json"])


def test_an_orders_file_accepts_the_first_proposal_of_the_game_as_p1(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _simulate(tmp_path, "p1") == 0
    document = json.loads(capsys.readouterr().out)
    text = json.dumps(document)
    assert "Information sharing signed" in text


def test_an_orders_file_naming_a_proposal_never_made_is_told_how_proposals_are_numbered(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _simulate(tmp_path, "p2") != 0
    error = capsys.readouterr().err
    assert "orders.yaml:3:" in error and "there is no proposal 'p2'" in error
    assert "p1 is the first proposal made" in error
