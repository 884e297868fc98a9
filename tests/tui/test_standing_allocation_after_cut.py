"""Rules 17: a standing allocation given before a budget cut gives way to the contributions in every
later round until the team allocates again, and the screens say so rather than warn of a breach the
engine will not make (mekong's Covid cuts Thailand's budget by 2 in year 1)."""

from pathlib import Path

from game.model.actions import Allocate
from game.tui.dues import dues_warnings, gives_way, unpaid
from tests.tui.helpers import finish_round, mekong

HOLD = {"enforcement": 1.35, "border": 1.2, "protection": 1.05, "prevention": 0.75, "intelligence": 1.2,
        "cyber": 1.05, "labour_inspection": 0.6}


def test_an_allocation_given_before_the_cut_is_said_to_give_way_and_does(here: Path) -> None:
    session = mekong()
    allocation = {**HOLD, "enforcement": 8.15}  # 14 of 17 free points, given against a budget of 22
    session.submit(Allocate(state="thailand", budget=allocation), by="thailand")
    finish_round(session)  # year 1: Covid cuts the budget by 2; the allocation stands
    view = session.view("thailand")
    assert view.me.allocated_against is not None and view.me.allocated_against > view.me.budget
    room = gives_way(view, 14)
    assert room is not None and room < 14
    standing = dues_warnings(view, 14, standing=True)
    assert standing and "it gives way to your agreements" in standing[0], standing
    assert "breach" not in standing[0].split("An allocation you give now")[0], standing
    named = sorted(due.agreement for due in unpaid(view, view.me.available - room))
    new = dues_warnings(view, 14)
    assert new and "a party that does not pay is in breach" in new[0], "an allocation given now is the team's choice"
    finish_round(session)  # year 2: nothing typed, the standing allocation gives way as said
    figures = session.reports[-1].states["thailand"]
    assert abs(sum(figures.spent.values()) - room) < 0.01, (sum(figures.spent.values()), room)
    breached = sorted(e.id.split("-")[1] for e in session.reports[-1].events
                      if e.kind == "breach" and e.id.endswith("-thailand"))
    assert breached == named, "what goes unpaid is what the warning named"
