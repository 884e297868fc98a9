"""News before the decision (issue 16.2 and 16.7): a round's scripted events are told to every team
as the round opens, and the computer players' one-line reasons reach the teams that may know of the
move, in the news of the round they made it."""

from game.model.actions import AdoptLaw, Allocate
from game.session import seat_reports
from game.session.seats import Seat
from game.session.session import Session
from tests.diplomacy.deals import propose
from tests.session.helpers import short, tutorial


def test_each_rounds_scripted_events_are_announced_as_the_round_opens_and_only_then() -> None:
    scenario = short(tutorial(), 3)
    session = Session.new(scenario, 2, saves_dir=None)
    for number in (1, 2, 3):
        due = [e.id for e in scenario.events if e.round == number]
        assert due, "the tutorial has an event each round"
        for state in scenario.states:
            assert [a.id for a in session.view(state.id).announced] == due
        session.resolve()
        report = session.reports[-1]
        assert set(due) <= {event.id for event in report.events}, "the announced event still fires"


def test_a_computer_players_reason_reaches_only_the_teams_that_may_know_of_the_move() -> None:
    session = Session.new(short(tutorial(), 2), 2, seats={"meridia": Seat.ai("cooperative")}, saves_dir=None)
    session.submit(AdoptLaw(state="meridia", law="victim_protection"), by="meridia", reason="PUBLIC LAW REASON")
    session.submit(Allocate.model_validate({"state": "meridia", "budget": {"border": 1.0}}), by="meridia",
                   reason="PRIVATE BUDGET REASON")
    session.submit(propose("meridia", "information_sharing", "aldmark"), by="meridia", reason="DEAL REASON")
    session.submit(AdoptLaw(state="korvia", law="victim_protection"), by="korvia", reason="HUMAN REASON")
    session.resolve()

    def told(who: str) -> str:
        report = seat_reports.last_report(session, who)
        assert report is not None
        return " ".join(f"{e.title} {e.text}" for e in report.events if e.kind == "reason")

    korvia, aldmark = told("korvia"), told("aldmark")
    assert "PUBLIC LAW REASON" in korvia and "PUBLIC LAW REASON" in aldmark
    assert "Meridia (computer, cooperative) adopted Victim protection" in korvia
    assert "DEAL REASON" in aldmark and "DEAL REASON" not in korvia
    assert "PRIVATE BUDGET REASON" not in korvia + aldmark
    assert "HUMAN REASON" not in aldmark, "only computer players' reasons are news"
    full = seat_reports.round_report(session, "aldmark", 1)
    assert any(e.text == "DEAL REASON" for e in full.report.events)


def test_a_tutorial_cut_short_still_shows_every_idea_the_last_round_carrying_the_rest() -> None:
    from game.session.simulation import shortened

    full = tutorial()
    later = [e.id for e in full.events if e.round is not None and e.round >= 4]
    assert len(later) >= 2, "the tutorial has ideas after round 4"
    cut = shortened(full, 4)
    session = Session.new(cut, 2, saves_dir=None)
    for _ in range(3):
        session.resolve()
    assert [a.id for a in session.view("korvia").announced] == later
    session.resolve()
    fired = {event.id for report in session.reports for event in report.events}
    assert {e.id for e in full.events if e.round is not None} <= fired
    assert shortened(full, None) == full and shortened(full, 9).rounds == 9


def test_a_computer_players_pledge_is_news_but_not_the_private_reason_behind_it() -> None:
    """Every team read 'pledges at least 2 points a round to protection: it plans 5.49 this round'
    (a seat's private budget) and a free rider's '... and means to withhold them: a promise costs
    nothing today' beside its pledge: the pledges lesson cannot work on a table told which promise is
    empty. The pledge is public news; its reason is kept for the facilitator's replay."""
    from game.model.actions import Pledge

    session = Session.new(short(tutorial(), 3), 2, seats={"meridia": Seat.ai("free_rider")}, saves_dir=None)
    session.submit(Pledge(state="meridia", kind="fund", capacity="protection", points=2.0, due=2), by="meridia",
                   reason="AND MEANS TO WITHHOLD IT")
    session.resolve()
    report = seat_reports.last_report(session, "korvia")
    assert report is not None
    told = " ".join(f"{e.title} {e.text}" for e in report.events)
    assert "AND MEANS TO WITHHOLD IT" not in told, told
    assert "meridia pledges to fund protection with at least 2 points a year through year 2" in told, told
    assert session.submitted(1)[0].reason == "AND MEANS TO WITHHOLD IT", "kept in the log for the replay"
