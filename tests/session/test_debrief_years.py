"""The debrief names rounds as the screens do: a scenario with a start year reads 2023, 2024, ...
(its tables and bullets said 'Year 1' to '8' beside screens and charts reading 2023 to 2030)."""

from game.model.actions import Pledge
from game.report.render import render
from game.session.replay import Replay
from game.session.session import Session
from tests.session.helpers import short, tutorial


def test_the_debrief_names_each_round_by_its_year_where_the_scenario_starts_in_one() -> None:
    scenario = short(tutorial(), 2).model_copy(update={"start_year": 2023})
    session = Session.new(scenario, 5, saves_dir=None, autosave=False)
    session.submit(Pledge(state="korvia", kind="fund", capacity="enforcement", points=2, due=2), by="korvia")
    for _ in range(2):
        session.resolve()
    for form in ("md", "html"):
        text = render(Replay(session), form, "facilitator")
        assert "2023" in text and "2024" in text, form
        # the tutorial's event titles say 'Year 1: ...' themselves: the rounds the debrief names are checked
        named = ("| Year 1", "| Year 2", "- Year 1,", "- **Year 1**", "<th>Year 1</th>", "<th>Year 2</th>")
        assert not [line for line in text.splitlines() if any(n in line for n in named)], form
    md = render(Replay(session), "md", "facilitator")
    assert "| State | 2023 | 2024 |" in md
