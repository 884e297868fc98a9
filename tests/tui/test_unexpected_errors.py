"""An unexpected error never wedges a screen (issue 13, point 2): whatever code raises (a panel's
handler, a key's action, a screen being mounted), the app shows its notice, and once the notice is
closed every key works again. Before, the message loop that raised stopped for good: a panel whose
handler failed swallowed every key typed in its fields, and a failing action stopped the whole app."""

import asyncio
from pathlib import Path

import pytest
from textual.widgets import Input, TabbedContent

from game.tui import app as app_module
from game.tui.app import AccordApp
from game.tui.screens.notice import NoticeScreen
from game.tui.screens.round_report import RoundReportScreen
from game.tui.screens.team import TeamScreen
from game.tui.widgets.budget_panel import BudgetPanel
from tests.tui.helpers import finish_round, tutorial
from tests.tui.test_typed_numbers import at_korvias_turn, settle


class Surprise(RuntimeError):
    """The injected fault."""


@pytest.fixture
def logged(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[BaseException]:
    """The errors the app logs (kept here, not in the crash log)."""
    errors: list[BaseException] = []

    def log(error: BaseException) -> Path:
        errors.append(error)
        return tmp_path / "crash.log"

    monkeypatch.setattr(app_module, "log_internal_error", log)
    return errors


def once(monkeypatch: pytest.MonkeyPatch, owner: type, name: str) -> None:
    """`owner.name` raises the first time it is called, then does what it always did."""
    original = getattr(owner, name)
    fired: list[bool] = []

    def failing(self: object, *args: object, **kwargs: object) -> object:
        if not fired:
            fired.append(True)
            raise Surprise(f"injected into {name}")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(owner, name, failing)


def tab(app: AccordApp) -> str:
    return app.screen.query_one("#team-tabs", TabbedContent).active


async def close_notice_and_check_keys_work(app: AccordApp, pilot: object) -> None:
    assert isinstance(app.screen, NoticeScreen), "the error is shown"
    await pilot.press("enter")  # type: ignore[attr-defined]
    await settle(pilot)  # type: ignore[arg-type]
    assert isinstance(app.screen, TeamScreen)
    await pilot.press("m")  # type: ignore[attr-defined]
    await settle(pilot)  # type: ignore[arg-type]
    assert tab(app) == "map"
    await pilot.press("b", "3")  # type: ignore[attr-defined]
    await settle(pilot)  # type: ignore[arg-type]
    assert tab(app) == "budget"
    points = app.screen.query_one("#points-enforcement", Input)
    assert points.value == "3"
    assert "Allocated 4.2" in str(app.screen.query_one("#budget-total").render()), "the panel still answers"


def test_an_error_in_a_panels_handler_leaves_its_fields_and_the_screen_working(
        here: Path, monkeypatch: pytest.MonkeyPatch, logged: list[BaseException]) -> None:
    async def run() -> None:
        async with AccordApp(Path("saves"), session=tutorial()).run_test(size=(80, 24)) as pilot:
            app = await at_korvias_turn(pilot)
            await pilot.press("b")
            await settle(pilot)
            once(monkeypatch, BudgetPanel, "recheck")
            await pilot.press("2")
            await settle(pilot)
            assert [type(e) for e in logged] == [Surprise]
            await close_notice_and_check_keys_work(app, pilot)

    asyncio.run(run())


def test_an_error_in_a_keys_action_leaves_every_key_working(
        here: Path, monkeypatch: pytest.MonkeyPatch, logged: list[BaseException]) -> None:
    async def run() -> None:
        async with AccordApp(Path("saves"), session=tutorial()).run_test(size=(80, 24)) as pilot:
            app = await at_korvias_turn(pilot)
            once(monkeypatch, TeamScreen, "action_hand_over")
            await pilot.press("h")
            await settle(pilot)
            assert [type(e) for e in logged] == [Surprise]
            await close_notice_and_check_keys_work(app, pilot)

    asyncio.run(run())


def test_an_error_while_a_screen_is_mounted_leaves_the_keys_working(
        here: Path, monkeypatch: pytest.MonkeyPatch, logged: list[BaseException]) -> None:
    async def run() -> None:
        session = tutorial()
        finish_round(session)
        async with AccordApp(Path("saves"), session=session).run_test(size=(80, 24)) as pilot:
            app = await at_korvias_turn(pilot)
            once(monkeypatch, RoundReportScreen, "on_mount")
            await pilot.press("o")
            await settle(pilot)
            assert [type(e) for e in logged] == [Surprise]
            assert isinstance(app.screen, NoticeScreen)
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, RoundReportScreen)
            await pilot.press("escape")  # the report's own key still closes it
            await settle(pilot)
            assert isinstance(app.screen, TeamScreen), app.screen
            await pilot.press("m")
            await settle(pilot)
            assert tab(app) == "map"

    asyncio.run(run())


def test_errors_coming_faster_than_anyone_can_read_end_the_app_with_one_line(
        here: Path, monkeypatch: pytest.MonkeyPatch, logged: list[BaseException]) -> None:
    async def run() -> None:
        app = AccordApp(Path("saves"), session=tutorial())
        async with app.run_test(size=(80, 24)) as pilot:
            await at_korvias_turn(pilot)
            for _ in range(app_module.MAX_SURPRISES + 1):
                app._handle_exception(Surprise("again"))
            await settle(pilot)
        assert app.return_code == 1

    asyncio.run(run())
