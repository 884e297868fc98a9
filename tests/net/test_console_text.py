"""The facilitator's console shows the negotiation: every proposal and who answered it, agreements
with their payments, trust, what each team ordered this round and when; event ids in brackets are
shown (not swallowed as markup), and an event due at this resolution is marked."""

from rich.text import Text

from game.model.actions import AdoptLaw, Propose, Respond
from game.net.table import HostTable
from game.tui.screens.console import status_text
from tests.net.helpers import tutorial_session


def shown(markup: str) -> str:
    """The console's text as it reads on screen, markup applied."""
    return Text.from_markup(markup).plain


def test_the_console_shows_proposals_answers_and_each_teams_orders() -> None:
    session = tutorial_session(None)
    table = HostTable(session)
    table.submit("korvia", Propose(state="korvia", agreement="information_sharing", parties=["korvia", "meridia"]))
    offer = next(iter(session.state.proposals))  # its id, however the rules name proposals
    table.submit("meridia", Respond(state="meridia", proposal=offer, answer="reject"))
    table.submit("korvia", AdoptLaw(state="korvia", law="victim_protection"))
    text = shown(status_text(table.facilitator_status({}, {})))
    assert f"{offer} Information sharing from Korvia (year 1): ✗ rejected; ✗ Meridia" in text
    assert "this year: proposed Information sharing with Meridia; adopted Victim protection" in text
    assert "last order 0 s ago" in text
    assert "no record yet: no agreement paid or broken" in text


def test_event_ids_show_in_brackets_and_the_due_event_is_marked() -> None:
    table = HostTable(tutorial_session(None))
    text = shown(status_text(table.facilitator_status({}, {})))
    assert "… due at this resolution: Budgets and capacities [first-budget]" in text
    assert "· " in text and "[collapsed-trial]" in text


def test_an_event_whose_condition_holds_now_is_marked_due() -> None:
    from game.scenario.library import resolve_scenario
    from game.scenario.loader import load_scenario
    from game.session.session import Session

    scenario = load_scenario(resolve_scenario("mekong"))
    events = [e.model_copy(update={"when": e.when.model_copy(update={"below": 101.0})}) if e.when is not None else e
              for e in scenario.events]
    session = Session.new(scenario.model_copy(update={"events": events}), 3, {}, saves_dir=None, path=None)
    conditional = next(e for e in events if e.when is not None)
    text = shown(status_text(HostTable(session).facilitator_status({}, {})))
    assert f"its condition holds: due at this resolution unless that changes: {conditional.title}" in text


def test_the_console_chairs_a_summit_from_one_line_and_shows_every_summit() -> None:
    from game.session.session import Session
    from game.tui.screens.console import summit_call
    from tests.diplomacy.test_summits import summit_scenario

    assert summit_call("Review: information_sharing, extradition", ["a", "b", "c"]) == {
        "name": "Review", "participants": ["a", "b", "c"], "min_ratifications": 3,
        "clauses": [{"clause": "information_sharing"}, {"clause": "extradition"}]}
    assert "a colon" in str(summit_call("no clauses here", ["a", "b"]))
    table = HostTable(Session.new(summit_scenario(), 3, saves_dir=None))
    text = shown(status_text(table.facilitator_status({}, {})))
    assert "Summits" in text and "Corridor summit (table)" in text and "drafting" in text


def test_the_facilitator_sees_every_pledge_with_its_verdict_beside_the_negotiation() -> None:
    from game.model.actions import Pledge

    session = tutorial_session(None)
    table = HostTable(session)
    table.submit("korvia", Pledge(state="korvia", kind="adopt_law", law="victim_protection", due=1))
    table.submit("meridia", Pledge(state="meridia", kind="fund", capacity="protection", points=9, due=2))
    status = table.facilitator_status({}, {})
    assert [(p.seat, p.kind, p.kept) for p in status.pledges] == [("korvia", "adopt_law", None),
                                                                  ("meridia", "fund", None)]
    text = shown(status_text(status))
    assert "Korvia (year 1): adopt Victim protection by year 1: … open; judged in year 1" in text
    table.submit("korvia", AdoptLaw(state="korvia", law="victim_protection"))
    table.force_resolve()
    text = shown(status_text(table.facilitator_status({}, {})))
    assert "adopt Victim protection by year 1: ✓ kept (year 1)" in text
    # the facilitator reads a pledge broken as soon as the engine knows, before its due round
    assert ("Meridia (year 1): fund protection with at least 9 points a year through year 2: ✗ broken in year 1: "
            "less than 9 went to protection; scored as broken in year 2") in text


def test_a_team_that_only_pressed_ready_reads_as_ready_not_as_no_orders_yet() -> None:
    """'no orders yet · last order 6 s ago' said an order was given and none was: it was the ready."""
    from game.model.actions import Ready

    session = tutorial_session(None)
    table = HostTable(session)
    table.submit("meridia", Ready(state="meridia"))
    table.submit("korvia", AdoptLaw(state="korvia", law="victim_protection"))
    table.submit("korvia", Ready(state="korvia"))
    text = shown(status_text(table.facilitator_status({}, {})))
    assert "this year: ready, no new orders · turn ended 0 s ago" in text
    assert "this year: adopted Victim protection, then ready · turn ended 0 s ago" in text
    assert "last order" not in text
    assert "this year: no orders yet · no order through this host yet" in text  # Aldmark, still playing


def test_an_event_fired_by_hand_says_by_the_facilitator_and_in_which_round() -> None:
    """Fired by hand in year 2, an event scripted for year 3 read '✓ fired: …, scripted for year 3'."""
    session = tutorial_session(None)
    table = HostTable(session)
    table.force_resolve()
    table.inject("new-border-post")  # scripted for year 3, fired at the resolution of year 2
    pending = shown(status_text(table.facilitator_status({}, {})))
    assert "… fires at this resolution (injected): " in pending and "[new-border-post], scripted for year 3" in pending
    table.force_resolve()
    text = shown(status_text(table.facilitator_status({}, {})))
    title = next(e.title for e in session.scenario.events if e.id == "new-border-post")
    assert f"✓ fired: {title} [new-border-post], fired by the facilitator in year 2 (scripted for year 3)" in text
    assert "[collapsed-trial], scripted for year 2" in text  # fired by its script: as before
    assert "[first-budget], scripted for year 1" in text
