"""The round report names an event's change to a capacity level on that capacity's line: the
tutorial's new border post at the Tessel Pass adds 4 to Meridia's border in year 3, and its report
read 'border 3.0→6.6 ▲ 0.9 allocated', the event only in the news below (the budget tab had said
'= stays 3.0')."""

from pathlib import Path

from rich.text import Text

from game.session import seat_reports
from game.session.seat_reports import StateRoundReport
from game.tui.screens.round_report import report_text
from tests.tui.helpers import finish_round, tutorial


def test_a_capacity_an_event_moved_names_the_event_and_the_change(here: Path) -> None:
    session = tutorial(ai=())
    for _ in range(3):
        finish_round(session)
    data = seat_reports.round_report(session, "meridia", 3)
    assert isinstance(data, StateRoundReport)
    text = " ".join(Text.from_markup(report_text(data)).plain.split())
    title = next(e.title for e in data.report.events if any("meridia capacities.border" in f for f in e.effects))
    assert f"+4 levels from the event '{title}'" in text, text
    border = text[text.index(" border "):text.index(" protection ")]
    assert "from the event" in border and "6." in border, border
    korvia = seat_reports.round_report(session, "korvia", 3)
    assert isinstance(korvia, StateRoundReport)
    assert "from the event" not in report_text(korvia), "no event moved Korvia's levels"
