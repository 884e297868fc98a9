"""Issue 17.9: `h Pass` is offered only where there is a screen to pass: at a hot seat with
another human team; not with one human team (the others AI), and not in network play."""

import asyncio
from pathlib import Path

from game.tui.app import AccordApp
from game.tui.screens.team import TeamScreen
from tests.tui.helpers import settled, tutorial


def footer_after_handoff(ai: tuple[str, ...]) -> tuple[str, TeamScreen]:
    session = tutorial(ai=ai)
    seen: dict[str, object] = {}

    async def run() -> None:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("enter")
            assert isinstance(app.screen, TeamScreen)
            seen["text"] = (await settled(pilot)).splitlines()[-1]
            seen["screen"] = app.screen
            await pilot.press("h")
            await pilot.pause()
            seen["after"] = type(app.screen).__name__

    asyncio.run(run())
    return str(seen["text"]) + " | " + str(seen["after"]), seen["screen"]  # type: ignore[return-value]


def test_two_human_teams_at_one_screen_can_pass_it(here: Path) -> None:
    footer, _ = footer_after_handoff(("aldmark",))
    assert "h Pass" in footer and footer.endswith("ConfirmScreen")


def test_one_human_team_has_no_screen_to_pass(here: Path) -> None:
    footer, _ = footer_after_handoff(("aldmark", "meridia"))
    assert "h Pass" not in footer and footer.endswith("TeamScreen"), "h does nothing either"
