"""The record tells which member of a team gave each order when the host split the team's orders
among roles (`accord host --roles`): the save keeps each order's role; the team's timeline and
handout in the debrief, and `accord replay --text`, name it, so that the debrief can ask each
minister about their own choices. A budget that several members set names each of them; a team
without roles reads as before."""

from pathlib import Path

import pytest

from game.cli import main
from game.model.actions import AdoptLaw, Allocate, Pledge
from game.report.debrief import build_debrief
from game.report.debrief_md import render_markdown
from game.session.replay import Replay
from game.session.session import Session
from tests.session.helpers import short, tutorial


def played(path: Path | None = None) -> Session:
    session = Session.new(short(tutorial(), 2), 5, saves_dir=None, autosave=path is not None, path=path)
    budget = {"enforcement": 2, "protection": 1}
    session.submit(Pledge(state="korvia", kind="adopt_law", law="victim_protection", due=1), by="korvia",
                   role="foreign_minister")
    session.submit(AdoptLaw(state="korvia", law="victim_protection"), by="korvia", role="social_affairs_minister")
    session.submit(Allocate.model_validate({"state": "korvia", "budget": {"enforcement": 2}}), by="korvia",
                   role="interior_minister")
    session.submit(Allocate.model_validate({"state": "korvia", "budget": budget}), by="korvia",
                   role="social_affairs_minister")
    session.submit(AdoptLaw(state="meridia", law="victim_protection"), by="meridia")
    session.resolve()
    return session


def test_the_timeline_names_the_member_who_gave_each_order_and_every_member_behind_a_budget() -> None:
    debrief = build_debrief(Replay(played()), teaching=False)
    korvia = [item.text for item in debrief.timeline["korvia"] if item.round == 1 and item.kind == "action"]
    assert korvia[0].startswith("the foreign minister pledged to adopt Victim protection")
    assert korvia[1] == "the social affairs minister adopted Victim protection"
    assert korvia[2].startswith("the interior minister and the social affairs minister allocated 3 points")
    meridia = [item.text for item in debrief.timeline["meridia"] if item.round == 1 and item.kind == "action"]
    assert meridia == ["adopted Victim protection"], "a team without roles reads as before"
    text = render_markdown(debrief)
    assert "the social affairs minister adopted Victim protection" in text


def test_replay_text_names_the_member_who_gave_each_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    session = played(tmp_path / "roles.json")
    session.resolve()  # the game is over: it replays without the facilitator's PIN
    session.save()
    assert main(["replay", str(tmp_path / "roles.json"), "--round", "1", "--text"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any("Korvia (social affairs minister): adopted Victim protection" in line for line in lines)
    assert any("Meridia: adopted Victim protection" in line for line in lines), "no role: the seat alone"
