"""An allocation in words writes its points to the hundredth, as the screens do: a pasted
12.345678901 read 'allocated 19.9857 points (enforcement 12.3457, ...)' in the end-of-turn list,
the report and the debrief, beside the budget tab's 'Allocated 19.99' (student21)."""

from game.engine import new_game
from game.report.describe import describe
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario


def test_an_allocation_is_described_to_the_hundredth_as_the_screens_write_points() -> None:
    world = new_game(load_scenario(resolve_scenario("europe")), seed=1).world
    text = describe({"type": "allocate", "state": "germany",
                     "budget": {"enforcement": 12.345678901234567, "border": 7.64, "protection": 1.0}}, world)
    assert text == "allocated 20.99 points (enforcement 12.35, border 7.64, protection 1)", text
