"""A state is called by its own name wherever the screens and the debrief name a party, even where a
region shares its id: europe's regions `austria`, `hungary` and `netherlands` carry their states'
ids, and the parties to every agreement, the proposers and the debrief's team table read
'Austria (Vienna and the Brenner corridor)'."""

from game.engine.setup import new_game
from game.engine.views import view
from game.report.debrief import build_debrief
from game.report.describe import world_names
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario
from game.session.replay import Replay
from game.session.session import Session
from game.tui.views import names_of
from tests.session.helpers import short


def europe_shared_ids() -> tuple[dict[str, str], list[str]]:
    scenario = load_scenario(resolve_scenario("europe"))
    states = {s.id: s.name for s in scenario.states}
    shared = sorted(states.keys() & {r.id for r in scenario.regions})
    assert shared, "the case needs a region with its state's id"
    return states, shared


def test_the_screens_call_a_state_by_its_name_where_a_region_shares_its_id() -> None:
    states, shared = europe_shared_ids()
    scenario = load_scenario(resolve_scenario("europe"))
    names = names_of(view(new_game(scenario, 1), "germany"))
    for state_id in shared:
        assert names[state_id] == states[state_id], names[state_id]
    assert names["bavaria"] == next(r.name for r in scenario.regions if r.id == "bavaria"), "regions keep theirs"


def test_the_debrief_calls_a_state_by_its_name_where_a_region_shares_its_id() -> None:
    states, shared = europe_shared_ids()
    session = Session.new(short(load_scenario(resolve_scenario("europe")), 1), 1, saves_dir=None, autosave=False)
    session.resolve()
    debrief = build_debrief(Replay(session), teaching=False)
    assert all(debrief.name(state_id) == states[state_id] for state_id in shared)
    names = world_names(session.state.world)
    assert all(names[state_id] == states[state_id] for state_id in shared)
