"""Before the first resolution no figure is published: the Dashboard read 'Last year published
identified 0 · prosecutions 0 · convictions 0' for Thailand, whose courts convict every year, and
the Intel tab said the same of every other state."""

import re

from game.model.view import PlayerView
from game.session.session import Session
from game.tui.widgets.dashboard import dashboard_text
from game.tui.widgets.intel_panel import intel_text
from tests.tui.helpers import tutorial


def player(session: Session) -> PlayerView:
    view = session.view("korvia")
    assert isinstance(view, PlayerView)
    return view


def words(markup: str) -> str:
    return " ".join(re.sub(r"\[/?[^\]]*\]", "", markup).split())


def test_the_first_round_says_nothing_is_published_yet_rather_than_zero() -> None:
    view = player(tutorial())
    dashboard, intel = words(dashboard_text(view)), words(intel_text(view))
    assert "Published figures none yet: the first come at the end of year 1" in dashboard, dashboard
    assert "prosecutions 0" not in dashboard and "prosecutions 0" not in intel, intel
    assert "none published yet (the first at the end of year 1)" in intel
    assert "no figures published yet · your trust" in intel


def test_after_a_resolution_the_published_figures_are_shown() -> None:
    session = tutorial()
    session.play_ai()
    for seat in ("korvia", "meridia"):
        session.submit(session.parse_action({"type": "ready", "state": seat}), by=seat)
    session.resolve()
    view = player(session)
    dashboard, intel = words(dashboard_text(view)), words(intel_text(view))
    assert "Last year published identified" in dashboard and "identified last year:" in intel
    assert "no figures published yet" not in intel


def test_an_organizations_states_panel_says_the_same_before_the_first_resolution() -> None:
    from game.model.view import OrgView
    from game.tui.widgets.org_panels import public_records
    from tests.tui.helpers import mekong

    view = mekong().org_view("unodc")
    assert isinstance(view, OrgView) and view.round == 1
    first = words("\n".join(public_records(view.states, view.me.trust, view.rules, published=view.round > 1)))
    assert "no figures published yet · your trust" in first and "prosecutions 0" not in first, first
    later = words("\n".join(public_records(view.states, view.me.trust, view.rules)))
    assert "identified 0 · prosecutions 0" in later
