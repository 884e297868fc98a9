"""The dashboard's capacity rows show the points the capacities get, as the budget tab, the
end-of-turn question and the engine do: an announced cut scales the allocation down (mekong's Covid
in year 1), and an allocation given before a cut gives way to the agreements (europe's war cuts
Ukraine's budget in year 2). The rows showed the points typed, beside warnings that they would not
be spent."""

import re
from pathlib import Path

from game.model.actions import Allocate
from game.model.view import PlayerView
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario
from game.session.seats import Seat
from game.session.session import Session
from game.tui.dues import gives_way, scaled_room
from game.tui.widgets.dashboard import dashboard_text
from tests.tui.helpers import SAVE, finish_round, mekong
from tests.tui.test_standing_allocation_after_cut import HOLD

ROW = re.compile(r"^  (\S+(?: insp\.)?)\s+[█▌░]+\s+[\d.]+\s+([\d.,]+) (?:pts|point)$")


def rows(view: PlayerView) -> tuple[str, dict[str, float]]:
    """The dashboard's capacity header and the points each row shows."""
    text = re.sub(r"\[/?[^\]]*\]", "", dashboard_text(view))
    header = next(line for line in text.splitlines() if line.startswith("Capacities"))
    found = {m.group(1): float(m.group(2)) for line in text.splitlines() if (m := ROW.match(line))}
    assert len(found) == 7, text
    return header, found


def test_the_rows_show_an_allocation_scaled_down_by_an_announced_cut(here: Path) -> None:
    session = mekong()
    allocation = {**HOLD, "border": 3.0, "protection": 2.0, "prevention": 2.0}  # 11.2 of 12 free; the cut leaves 10
    session.submit(Allocate(state="thailand", budget=allocation), by="thailand")
    view = session.view("thailand")
    room = scaled_room(view, 11.2)
    assert room is not None and room < 11.2
    header, shown = rows(view)
    assert "scaled down from 11.2" in header, header
    assert abs(sum(shown.values()) - room) < 0.05, (shown, room)
    assert shown["border"] == round(3.0 * room / 11.2, 2), shown


def test_the_rows_show_a_standing_allocation_giving_way_after_a_cut(here: Path) -> None:
    humans = ("ukraine", "italy")
    scenario = load_scenario(resolve_scenario("europe"))
    seats = {seat.id: Seat.ai("cooperative") for seat in [*scenario.states, *scenario.organizations]
             if seat.id not in humans}
    session = Session.new(scenario, 2005, seats, SAVE.parent, path=SAVE)
    allocation = {"enforcement": 2.0, "border": 2.0, "protection": 1.5, "prevention": 1.0, "intelligence": 1.0,
                  "cyber": 0.5, "labour_inspection": 0.0}
    session.submit(Allocate(state="ukraine", budget=allocation), by="ukraine")
    finish_round(session)
    finish_round(session)  # year 2: the war cuts the budget; the year-1 allocation of 8 stands
    view = session.view("ukraine")
    room = gives_way(view, 8)
    assert room is not None and abs(room - 4) < 1e-9
    header, shown = rows(view)
    assert "scaled down from 8" in header, header
    assert shown == {"enforcement": 1.0, "border": 1.0, "protection": 0.75, "prevention": 0.5, "intelligence": 0.5,
                     "cyber": 0.25, "labour insp.": 0.0}, shown


def test_the_rows_show_the_allocation_as_given_when_nothing_scales_it(here: Path) -> None:
    session = mekong()
    session.submit(Allocate(state="thailand", budget=HOLD), by="thailand")  # 7.2, well within the cut budget
    header, shown = rows(session.view("thailand"))
    assert "allocated this year" in header and "scaled" not in header, header
    assert shown["enforcement"] == 1.35, shown
