"""Model card 5.4, movement and detection: along the path, in each region a state controls, a share is
detected: `p = 1 - exp(-(b0 + b_border*border + b_enf*enforcement + b_info*shared) * (1 - C) * m_form)`,
with the online share meeting `cyber` instead of `border`.

Transit detection in round 1 depends only on the flow and the capacities, so cases compare round 1
of two set-ups that differ in one capacity."""

import itertools
import math
from typing import Any

from game.engine.detection import Detector, crossing_at
from tests.engine.play import ai_game_state, play, setup

BIG_RING: dict[str, Any] = {
    "periphery": 800, "routes": [{"path": ["o", "t1", "d"], "form": "labour", "flow": 10000}],
}
ALL_ONLINE: dict[str, Any] = {**BIG_RING, "tech": 1.0}
DOMESTIC: dict[str, Any] = {"routes": [{"path": ["d"], "form": "sexual", "flow": 2000}], "periphery": 200}
"""People recruited and exploited in the destination itself: no border is ever crossed."""


def detected(state_id: str, network: dict[str, Any], **capacities: float) -> int:
    changes = {state_id: {"capacities": capacities}} if capacities else {}
    return play(setup(network=network, states=changes), rounds=1).figures(1, state_id).detected_in_transit


def test_nobody_detects_in_a_region_no_state_controls() -> None:
    """Model card 5.4: detection happens "in each region a state controls"; Transit One as a
    lawless zone lets everyone through there."""
    lawless = play(setup(network=BIG_RING, regions={"t1": {"controlled_by": None}}), rounds=1)
    governed = play(setup(network=BIG_RING), rounds=1)
    assert lawless.figures(1, "tran").detected_in_transit == 0
    route = lawless.network(1).routes[0]
    by_states = sum(f.detected_in_transit + f.victims_deported for f in lawless.report(1).states.values())
    assert route.detected == by_states, "every detection on the route is credited to a state that controls a region"
    assert route.detected < governed.network(1).routes[0].detected, "a lawless transit zone means fewer detections"


def test_border_capacity_raises_detection_at_crossings() -> None:
    """Model card 5.4: `b_border * border` on a physical border crossing."""
    strong, weak = detected("tran", BIG_RING, border=9), detected("tran", BIG_RING)
    assert strong > 1.5 * weak, f"tran detected {strong} with border 9, {weak} with border 3"


def test_border_capacity_does_nothing_away_from_a_crossing() -> None:
    """Model card 5.4: the border term applies to crossings only: a domestic route meets no border."""
    strong, weak = detected("dest", DOMESTIC, border=10), detected("dest", DOMESTIC)
    assert weak > 0, "the case needs detections on the domestic route"
    assert strong == weak, f"dest detected {strong} with border 10 and {weak} with border 3 on a domestic route"


def test_enforcement_raises_detection_everywhere_a_state_controls() -> None:
    """Model card 5.4: `b_enf * enforcement` applies in every controlled region, crossing or not."""
    strong, weak = detected("dest", DOMESTIC, enforcement=10), detected("dest", DOMESTIC)
    assert strong > 1.5 * weak, f"dest detected {strong} with enforcement 10, {weak} with enforcement 3"


def test_a_citizen_crossing_inside_its_free_movement_group_meets_no_screening() -> None:
    """Rules 17: an EU citizen shows an identity card at a minimum check between two states of its
    free-movement group, and is not screened there; a citizen of a state outside the group is."""
    inside = setup(network=BIG_RING, free_movement=[["orig", "tran", "dest"]])
    outside = setup(network=BIG_RING, free_movement=[["tran", "dest"]])
    waved = play(inside, rounds=1).figures(1, "tran").detected_in_transit
    screened = play(outside, rounds=1).figures(1, "tran").detected_in_transit
    assert screened > 1.5 * waved, f"tran detected {waved} group citizens and {screened} others"
    world = play(inside, rounds=1).after(1).world
    assert world.checked_border("orig", "tran"), "the border is still checked: only the group's citizens pass"
    assert not world.checked_for("orig", "orig", "tran") and world.checked_for(None, "orig", "tran")


def test_online_recruits_meet_cyber_instead_of_border() -> None:
    """Model card 2 and 5.4: online-recruited flow skips physical border checks but meets `cyber`."""
    base = detected("tran", ALL_ONLINE)
    assert detected("tran", ALL_ONLINE, border=10) == base, "border capacity should not touch online recruits"
    cyber = detected("tran", ALL_ONLINE, cyber=8)
    assert cyber > 1.5 * base, f"tran detected {cyber} online recruits with cyber 8, {base} with cyber 1"


def test_physical_recruits_do_not_meet_cyber() -> None:
    """Model card 5.4: with nobody recruited online, cyber capacity detects nobody."""
    assert detected("tran", BIG_RING, cyber=10) == detected("tran", BIG_RING)


def test_corruption_divides_detection() -> None:
    """Model card 5.4: the hazard is multiplied by (1 - C): at corruption 0.8 a fifth of it remains."""
    honest = play(setup(network=BIG_RING, states={"tran": {"corruption": 0.0}}), rounds=1)
    bought = play(setup(network=BIG_RING, states={"tran": {"corruption": 0.8}}), rounds=1)
    clean, corrupt = (g.figures(1, "tran").detected_in_transit for g in (honest, bought))
    assert corrupt < 0.35 * clean, f"tran detected {corrupt} at corruption 0.8 and {clean} at 0"


def test_sexual_exploitation_is_more_detectable_than_labour() -> None:
    """Model card 5.4: the hazard is multiplied by m_form, higher for sexual exploitation than labour."""
    sexual = {"periphery": 800, "routes": [{"path": ["o", "t1", "d"], "form": "sexual", "flow": 10000}]}
    as_sexual, as_labour = detected("tran", sexual), detected("tran", BIG_RING)
    assert as_sexual > 1.2 * as_labour, f"tran detected {as_sexual} on a sexual route, {as_labour} on a labour one"


def test_people_detected_in_transit_never_reach_exploitation() -> None:
    """Model card 5.4 and 5.5: the recruited are either detected on the way or arrive; only survivors
    join the stock."""
    game = play(setup(network=BIG_RING), rounds=1)
    route = game.network(1).routes[0]
    assert route.detected > 0 and route.flow == route.detected + route.arrived
    assert game.figures(1, "dest").arrived == route.arrived


def test_no_border_check_between_two_states_of_one_open_border_area() -> None:
    """open_borders (a Schengen area): leaving o for t1 is no checked crossing when orig and tran
    share an open area; t1 is still checked on its way out to d, whose state is outside it."""
    from game.engine.detection import crossing_at
    from game.model.world import World

    path = ["o", "t1", "d"]
    checked, open_area = World(setup()), World(setup(open_borders=[["orig", "tran"]]))
    assert crossing_at(checked, path, 0) and not crossing_at(open_area, path, 0)
    assert crossing_at(open_area, path, 1), "t1 is left for dest, outside the area: checked"


def test_a_passage_through_a_state_catches_what_its_regions_in_turn_would() -> None:
    """Rules 9: movement draws once a passage (a run of one state's regions on a path), at
    `1 - exp(-sum of the regions' hazards)`: the chance that one of the regions in turn catches a
    person, so the catch is the same in expectation. Checked on every route of `mekong` (paths run
    two regions through Myanmar or Thailand), physical and online, four rounds into a mixed AI game
    (partners sharing information)."""
    state = ai_game_state("mekong", 1, 4)
    detector = Detector(state)
    assert any(screening.partners for screening in detector.screening.values()), "nobody shares: a weaker check"
    merged = 0
    for network in state.networks.values():
        for route in network.routes:
            geometry = detector.geometry(route.path)
            owned = [(index, region) for index, region in enumerate(route.path)
                     if state.world.controller[region] is not None]
            assert sum(key[1] for _, _, key in geometry.steps) == len(owned)
            owners = [owner for owner, _, _ in geometry.steps]
            assert all(a != b for a, b in itertools.pairwise(owners)), f"one state's regions split: {owners}"
            start = 0
            for owner, _, key in geometry.steps:
                regions = owned[start:start + key[1]]
                start += key[1]
                merged += len(regions) > 1
                assert {state.world.controller[region] for _, region in regions} == {owner}
                chances = detector.chance_at(key, geometry.states, route.form)
                for online, chance in zip((False, True), chances, strict=True):
                    kept = 1.0
                    for index, region in regions:
                        hazard = detector.hazard(region, crossing=crossing_at(state.world, route.path, index),
                                                 online=online, form=route.form, route_states=geometry.states)
                        kept *= math.exp(-hazard)
                    assert math.isclose(chance, 1.0 - kept, rel_tol=1e-12), (route.path, owner, online)
    assert merged, "no route ran two regions of one state: the check would cover nothing"
