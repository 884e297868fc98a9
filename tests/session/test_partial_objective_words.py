"""An objective partly met never reads as met: the part earned is shown to one decimal, or two where
one would read as all of its points or none of them, and a cut just short of its target does not read as the target
('◐ (3 of 3 pts) cut true victims in Bokeo by 12% against the baseline: 12%' in a debrief)."""

from types import SimpleNamespace

import pytest

from game.engine import scoring
from game.engine.scoring import ObjectiveResult
from game.model.scenario import ReduceVictims
from game.report.text import objective_check, objective_mark, partial_points


def test_a_part_of_the_points_is_never_read_as_all_of_them_nor_as_none() -> None:
    assert partial_points(2.97, 3) == "2.97"
    assert partial_points(0.04, 3) == "0.04"
    assert partial_points(0.001, 3) == "0.01"
    assert partial_points(1.44, 3) == "1.4"
    almost = ObjectiveResult("reduce_victims", "cut true victims in X by 12%", 3, False, earned=2.97)
    assert objective_mark(almost) == "partly met, 2.97 of 3 pts"
    assert objective_check(almost).startswith("◐ (2.97 of 3 pts)")


def test_a_cut_just_short_of_its_target_says_how_short(monkeypatch: pytest.MonkeyPatch) -> None:
    world = SimpleNamespace(region_specs={}, territory={})
    monkeypatch.setattr(scoring, "victims_in", lambda state, regions: state.victims)
    objective = ReduceVictims(kind="reduce_victims", region="bokeo", by=0.12, points=3)
    result = scoring._cut(SimpleNamespace(world=world, victims=2812), SimpleNamespace(world=world, victims=3191),
                          objective)
    assert not result.met
    assert result.description.endswith("by 12% against the baseline: 11.8% (2,812 vs 3,191)")
    met = scoring._cut(SimpleNamespace(world=world, victims=2800), SimpleNamespace(world=world, victims=3191),
                       objective)
    assert met.met and met.description.endswith(": 12% (2,800 vs 3,191)")
    far = scoring._cut(SimpleNamespace(world=world, victims=3000), SimpleNamespace(world=world, victims=3191),
                       objective)
    assert far.description.endswith(": 6% (3,000 vs 3,191)")
