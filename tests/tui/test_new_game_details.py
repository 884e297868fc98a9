"""The New game list tells organizations apart when a name holds a comma: '2 organizations: Council
of Europe, GRETA secretariat, La Strada International' read as three."""

from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario
from game.tui.screens.new_game import scenario_details


def test_each_organization_and_state_is_set_apart_from_the_next() -> None:
    europe = load_scenario(resolve_scenario("europe"))
    text = scenario_details(europe)
    names = [org.name for org in europe.organizations]
    assert any("," in name for name in names), "the case this is about"
    assert f"{len(names)} organizations: " + " · ".join(names) in text
    assert " · ".join(state.name for state in europe.states) in text
