"""The hot-seat rule on the rendered screens: nothing shown to Korvia's team holds Meridia's private
brief, objectives, budget, political capital or capacities, while Meridia's own screens do (so the
check can find them). Meridia's figures are made distinctive so that a leak cannot hide."""

import asyncio
import re
from pathlib import Path

from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario
from game.session.session import Session
from game.tui.app import AccordApp
from game.tui.screens.handoff import HandoffScreen
from game.tui.screens.team import TeamScreen
from game.tui.text import objective_text
from tests.tui.helpers import finish_round, screen_text, tutorial

TALL = (100, 100)
"""Tall enough that every panel shows all of its content without scrolling."""

SECRET_BUDGET = "23.4"
SECRET_CAPITAL = "9.7"
SECRET_LEVEL = "7.7"


def distinctive_tutorial() -> Session:
    scenario = load_scenario(resolve_scenario("tutorial"))
    data = scenario.model_dump(mode="json", by_alias=True)
    for state in data["states"]:
        if state["id"] == "meridia":
            state["budget"] = float(SECRET_BUDGET)
            state["political_capital"] = float(SECRET_CAPITAL)
            state["capacities"]["intelligence"] = float(SECRET_LEVEL)
    return tutorial(scenario=type(scenario).model_validate(data))


def windows(text: str, size: int = 5) -> list[str]:
    words = text.split()
    return [" ".join(words[i:i + size]) for i in range(max(1, len(words) - size + 1))]


def lines_of(screen: str) -> list[str]:
    return [re.sub(r"\s+", " ", line) for line in screen.splitlines()]


def leaks(screen: str, session: Session, owner: str, viewer: str) -> list[str]:
    """Every private item of `owner` found on a screen shown to `viewer` (an objective both share is
    the viewer's own)."""
    specs = {s.id: s for s in session.scenario.states}
    world = session.document.world
    names = ({s.id: s.name for s in session.scenario.states} | {r.id: r.name for r in session.scenario.regions}
             | {law: spec.name for law, spec in world.laws.items()}
             | {kind: spec.name for kind, spec in world.agreements.items()})
    lines = lines_of(screen)
    found = [f"brief: {w}" for w in windows(specs[owner].brief) if any(w in line for line in lines)]
    label = session.scenario.round_label  # the screens word objectives as the scenario does
    own = {objective_text(o, names, label) for o in specs[viewer].objectives} if viewer != owner else set()
    for objective in specs[owner].objectives:
        text = objective_text(objective, names, label)
        if text in own:
            continue
        if any(text[:40] in line for line in lines):
            found.append(f"objective: {text}")
    for figure in (SECRET_BUDGET, SECRET_CAPITAL, SECRET_LEVEL):
        if re.search(rf"(?<![\d.,]){re.escape(figure)}(?![\d])", screen):
            found.append(f"figure {figure}")
    return found


def test_no_screen_shown_to_korvia_holds_meridias_private_data(here: Path) -> None:
    session = distinctive_tutorial()
    finish_round(session)

    async def run() -> None:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=TALL, notifications=True) as pilot:
            await pilot.pause()
            shown = {"handoff": screen_text(app)}
            assert isinstance(app.screen, HandoffScreen) and app.screen.team == "Korvia"
            await pilot.press("enter")
            assert isinstance(app.screen, TeamScreen)
            for key in "dmlbpin":
                await pilot.press(key)
                await pilot.pause()
                shown[key] = screen_text(app)
            await pilot.press("o")
            await pilot.pause()
            shown["report"] = screen_text(app)
            await pilot.press("enter", "N")
            await pilot.pause()
            shown["composer"] = screen_text(app)
            await pilot.press("escape", "l", "down", "a")
            await pilot.pause()
            assert "✓ adopted Victim protection" in screen_text(app)
            await pilot.press("r", "y")
            await pilot.pause()
            shown["next handoff"] = screen_text(app)
            assert "adopted" not in shown["next handoff"], "Korvia's last toast is still up for Meridia"
            assert isinstance(app.screen, HandoffScreen) and app.screen.team == "Meridia"
            for name, screen in shown.items():
                found = leaks(screen, session, "meridia", "korvia")
                assert not found, f"Korvia's {name} screen shows Meridia's {found}"
            # the control: Meridia's own dashboard does show them, so the check above can see a leak
            await pilot.press("enter")
            await pilot.pause()
            mine = leaks(screen_text(app), session, "meridia", "meridia")
            assert any(item.startswith("brief") for item in mine)
            assert len([item for item in mine if item.startswith("objective")]) == 4
            assert {f"figure {SECRET_BUDGET}", f"figure {SECRET_LEVEL}"} <= set(mine)

    asyncio.run(run())
