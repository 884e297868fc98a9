"""The debrief tells which member of a team gave each order when the host split the team's orders
among roles (`accord host --roles`): the save keeps each order's role, and the team's timeline and
handout name it, so that the debrief can ask each minister about their own choices. A budget that
several members set names each of them; a team without roles reads as before."""

from game.model.actions import AdoptLaw, Allocate, Pledge
from game.report.debrief import build_debrief
from game.report.debrief_md import render_markdown
from game.session.replay import Replay
from game.session.session import Session
from tests.session.helpers import short, tutorial


def played() -> Session:
    session = Session.new(short(tutorial(), 2), 5, saves_dir=None, autosave=False)
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
