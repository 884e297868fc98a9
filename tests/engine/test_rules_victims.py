"""model card 5.8, victim outcomes: identified victims are assisted up to `protection` capacity;
unassisted or returned victims without reintegration may be re-trafficked."""

from tests.engine.play import Game, allocate, holding, play, setup


def with_protection(level: float, rounds: int = 1) -> Game:
    """The corridor with the destination's protection set to `level` at the start of round 1 (an
    event, so that every run opens on the same stock) and no longer funded."""
    event = {"id": "shelters", "title": "Shelters", "round": 1,
             "effects": [{"target": "state:dest", "field": "capacities.protection", "set": level}]}
    scenario = setup(events=[event])
    budget = holding(scenario, "dest").budget
    del budget["protection"]
    return play(scenario, {1: [allocate("dest", **budget)]}, rounds=rounds)


def test_identified_victims_are_assisted_up_to_protection_capacity() -> None:
    """model card 5.8: "identified victims are assisted up to `protection` capacity"."""
    none, some, ample = (with_protection(level).figures(1, "dest") for level in (0, 1, 10))
    assert none.identified > 0 and none.assisted == 0, "no shelters, nobody assisted"
    assert 0 < some.assisted < some.identified, f"a little capacity helps some: {some.assisted}/{some.identified}"
    assert ample.assisted == ample.identified, f"ample capacity helps all: {ample.assisted}/{ample.identified}"


def test_unassisted_victims_may_be_retrafficked() -> None:
    """model card 5.8: "unassisted ... victims ... may be re-trafficked"; assisted ones are not."""
    none, ample = with_protection(0).figures(1, "dest"), with_protection(10).figures(1, "dest")
    unassisted = none.identified - none.assisted
    assert 0 < none.retrafficked < unassisted, f"{none.retrafficked} of {unassisted} unassisted re-trafficked"
    assert ample.retrafficked == 0


def test_retrafficked_victims_are_recruited_again_the_next_round() -> None:
    """model card 5.8: re-trafficked victims go back to the network that held them: next round it
    recruits that many more people than it would have."""
    none, ample = with_protection(0, rounds=2), with_protection(10, rounds=2)
    returned = sum(f.retrafficked for f in none.report(1).states.values())
    returned_ample = sum(f.retrafficked for f in ample.report(1).states.values())
    assert returned > 10 and returned_ample == 0
    extra = none.recruited(2) - ample.recruited(2)
    assert abs(extra - returned) <= 3, f"{returned} people re-trafficked in round 1, {extra} more recruits in round 2"
