"""'Hold every level' holds every level: it filled each capacity's upkeep rounded to a tenth, and a
cost that rounded down (Thailand's cyber at 3.15 x 0.3 = 0.945 -> 0.9 in mekong's year 4) read
'▼ to 3.1' beside the button that promised to hold it, and decayed a little more each round."""

import asyncio
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from game.engine.budget import next_level
from game.tui.app import AccordApp
from game.tui.widgets.budget_panel import hold_points
from tests.tui.helpers import tutorial
from tests.tui.test_typed_numbers import at_korvias_turn, field, settle


@given(st.floats(min_value=0.0, max_value=10.0), st.sampled_from([0.3, 0.25, 0.35, 0.5]))
def test_the_points_to_hold_a_level_never_let_it_decay(level: float, upkeep: float) -> None:
    points = hold_points(level, upkeep)
    assert next_level(level, points, upkeep, 0.25, 0.1) >= level - 1e-9
    assert points - upkeep * level < 0.01 + 1e-9  # no more than a hundredth over


def test_the_hold_every_level_button_fills_points_that_hold_each_level(here: Path) -> None:
    session = tutorial()
    session.state.states["korvia"].capacities["border"] = 6.5  # 1.95 to hold: rounded to a tenth, 1.9
    session.state.states["korvia"].capacities["cyber"] = 3.15  # 0.945: 0.9

    async def run() -> None:
        async with AccordApp(Path("saves"), session=session).run_test(size=(80, 24)) as pilot:
            app = await at_korvias_turn(pilot)
            await pilot.press("b")
            await settle(pilot)
            app.screen.query_one("#hold-all").press()
            await settle(pilot)
            assert field(app, "border").value == "1.95" and field(app, "cyber").value == "0.95"
            for capacity in ("border", "cyber"):
                trend = str(app.screen.query_one(f"#trend-{capacity}").render())
                assert "▼" not in trend, (capacity, trend)

    asyncio.run(run())
