"""The dashboard warns when the standing allocation no longer fits: a law's upkeep took 2 of Korvia's
points in its second year, the allocation it kept (7.6 of 7) would have been scaled down and its
agreement left unpaid, and the dashboard said only 'allocated 7.6 · owed to agreements 2'."""

from pathlib import Path

from game.model.actions import AdoptLaw, Allocate
from game.tui.widgets.dashboard import dashboard_text
from tests.diplomacy.deals import accept, propose
from tests.tui.helpers import finish_round, tutorial


def test_the_dashboard_warns_that_the_standing_allocation_no_longer_fits(here: Path) -> None:
    session = tutorial(ai=())
    budget = {"enforcement": 3.0, "border": 0.3, "protection": 2.0, "prevention": 2.0, "intelligence": 0.3}
    session.submit(Allocate(state="korvia", budget=budget), by="korvia")
    session.submit(AdoptLaw(state="korvia", law="victim_protection"), by="korvia")
    session.submit(propose("korvia", "information_sharing", "meridia"), by="korvia")
    proposal = session.view("meridia").proposals[0].id
    session.submit(accept("meridia", proposal), by="meridia")
    first = dashboard_text(session.view("korvia"))
    assert "no longer fits" not in first and "⚠ from next year agreements already accepted" in first
    finish_round(session)
    me = session.view("korvia").me
    assert sum(me.allocation.values()) > me.available and me.committed > 0
    text = dashboard_text(session.view("korvia"))
    assert "⚠ the allocation (7.6) no longer fits" in text and "(b: Budget)" in text
