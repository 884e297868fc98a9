"""The debrief tells the events of a game as they happened and in the words the teams read them:
an event the facilitator fired early is the lesson of the round it fired in, and a breach of an
agreement whose id is also a word of its name ('commit', 'COMMIT repatriation and reintegration
guidelines') names the agreement once in a team's timeline, as in the list of events, with the
capitals the scenario gives it."""

from game.model.actions import Allocate, Inject
from game.report.debrief import build_debrief
from game.report.describe import event_words
from game.session.replay import Replay
from game.session.session import Session
from tests.session.helpers import shipped, short, tutorial


def test_a_breach_in_a_teams_timeline_names_the_agreement_once_as_the_list_of_events_does() -> None:
    session = Session.new(short(shipped("mekong"), 1), 2015, saves_dir=None, path=None)
    # every free point on capacities: nothing is left for the agreements Myanmar is party to
    session.submit(Allocate.model_validate({"state": "myanmar", "budget": {"enforcement": 9}}), by="myanmar")
    session.resolve()
    debrief = build_debrief(Replay(session), teaching=False)
    listed = [event.title for _, event in debrief.events if event.kind == "breach" and "myanmar" in event.id]
    timeline = [item.text for item in debrief.timeline["myanmar"] if item.kind == "event" and "breaches" in item.text]
    assert any("repatriation and reintegration guidelines" in title for title in listed)
    assert timeline == listed, "the timeline words a breach as the list of events does"
    assert not [text for text in timeline if text.count("repatriation and reintegration guidelines") > 1]
    assert "Myanmar breaches the COMMIT repatriation and reintegration guidelines with 5 partners" in timeline
    assert ("Myanmar breaches the ASEAN Convention against Trafficking in Persons (ACTIP) with 4 partners"
            in timeline), "a name with an acronym is written as the scenario writes it, not in lower case"


def test_an_agreements_name_in_an_engines_sentence_keeps_its_capitals_and_its_words() -> None:
    names = {"germany": "Germany", "greta": "Council of Europe, GRETA secretariat"}
    titles = ["Council of Europe Convention: GRETA evaluation round", "Information sharing"]
    said = event_words("germany breaches the council of europe convention: greta evaluation round with greta",
                       "breach", names, "year", titles)
    assert said == ("Germany breaches the Council of Europe Convention: GRETA evaluation round with "
                    "Council of Europe, GRETA secretariat")
    assert event_words("germany breaches the information sharing this round", "breach", names, "year", titles) == (
        "Germany breaches the Information sharing this year"), "a name of common words reads as the catalogue's"


def test_an_event_fired_early_by_the_facilitator_is_the_lesson_of_the_round_it_fired_in() -> None:
    session = Session.new(short(tutorial(), 3), 5, saves_dir=None, path=None)
    session.submit(Inject(event="new-border-post"), by=None)  # planned for round 3
    for _ in range(3):
        session.resolve()
    debrief = build_debrief(Replay(session))
    assert debrief.teaching is not None
    lessons = [(lesson.round, lesson.title) for lesson in debrief.teaching.lessons]
    title = "A new border post at the Tessel Pass"
    assert (1, f"{title} (fired by the facilitator)") in lessons
    assert not [number for number, said in lessons if number != 1 and said.startswith(title)], lessons
    assert (1, "Budgets and capacities") in lessons and (2, "A trial collapses") in lessons
    assert lessons.index((1, "Budgets and capacities")) < lessons.index((1, f"{title} (fired by the facilitator)"))


def test_a_game_in_progress_still_lists_the_lessons_planned_for_its_rounds_to_come() -> None:
    session = Session.new(short(tutorial(), 3), 5, saves_dir=None, path=None)
    session.resolve()
    debrief = build_debrief(Replay(session), teaching=True)
    assert debrief.teaching is not None
    lessons = [(lesson.round, lesson.title) for lesson in debrief.teaching.lessons]
    assert lessons == [(1, "Budgets and capacities"), (2, "A trial collapses"),
                       (3, "A new border post at the Tessel Pass")]
