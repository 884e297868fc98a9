"""Notes typed at a networked desk reach the host and every party: `accord join`'s diplomacy tab
sends the Respond with its note, and its composer the Propose with its note, through the host, which
keeps each in the proposal, and the other parties read it beside the answer or the terms (the same
screens as the hot seat; `tests/tui/test_answer_with_note.py`, `tests/tui/test_proposal_note.py`)."""

import asyncio
import contextlib
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Checkbox, Input

from game.net.client import RemoteTable
from game.net.codes import Codes, codes_path
from game.tui.join import JoinApp
from game.tui.screens.answer import AnswerDialog
from game.tui.screens.composer import ProposalComposer
from game.tui.screens.team import TeamScreen
from game.tui.widgets.diplomacy_panel import DiplomacyPanel
from tests.net.helpers import Api, HostProcess, free_port, tutorial_session
from tests.net.test_tui import until
from tests.tui.helpers import screen_text

NOTE = "we cannot pay 2 a year; we could pay 1"
OFFER = "we carry your share for two years"

Desk = Callable[[JoinApp, Pilot[None]], Coroutine[Any, Any, None]]


@contextlib.contextmanager
def hosted_tutorial(tmp_path: Path) -> Iterator[tuple[Api, Callable[[Desk], None]]]:
    """A host process on the tutorial (Aldmark played by the AI): Meridia's API, and a way to play
    Korvia's desk (`accord join` at 80x24, on its team screen) through a `Desk` coroutine."""
    save = tmp_path / "class.json"
    tutorial_session(save, ai=("aldmark",))
    host = HostProcess(save, free_port()).start()
    korvia: RemoteTable | None = None
    try:
        codes = Codes.from_text(codes_path(save).read_text(), "codes")
        meridia = Api(host.port, codes.seats["meridia"], timeout=5.0)
        korvia = RemoteTable.connect(f"127.0.0.1:{host.port}", codes.seats["korvia"])

        def at_korvias_desk(desk: Desk) -> None:
            async def run() -> None:
                assert korvia is not None
                app = JoinApp(f"127.0.0.1:{host.port}", korvia)
                async with app.run_test(size=(80, 24)) as pilot:
                    await until(pilot, lambda: isinstance(app.screen, TeamScreen))
                    await desk(app, pilot)

            asyncio.run(run())

        yield meridia, at_korvias_desk
    finally:
        if korvia is not None:
            korvia.close()
        host.stop()


def test_a_note_typed_at_a_networked_desk_reaches_the_host_and_the_proposer(tmp_path: Path) -> None:
    with hosted_tutorial(tmp_path) as (meridia, at_korvias_desk):
        offered = meridia.act({"type": "propose", "state": "meridia", "agreement": "information_sharing",
                               "parties": ["korvia", "meridia"]})
        assert offered.status == 200, offered
        proposal = next(p["id"] for p in meridia.view()["proposals"] if p["proposer"] == "meridia")

        async def answer(app: JoinApp, pilot: Pilot[None]) -> None:
            await pilot.press("p")
            await until(pilot, lambda: bool(app.screen.query(DiplomacyPanel)))
            panel = app.screen.query_one(DiplomacyPanel)
            await pilot.press(*["down"] * panel.proposal_ids.index(proposal))
            await pilot.press("X")
            await until(pilot, lambda: isinstance(app.screen, AnswerDialog))
            await pilot.press(*NOTE, "enter")
            await until(pilot, lambda: isinstance(app.screen, TeamScreen) and f"You said: {NOTE}" in screen_text(app))

        at_korvias_desk(answer)
        answered = next(p for p in meridia.view()["proposals"] if p["id"] == proposal)
        assert answered["answers"] == {"korvia": "reject"} and answered["notes"] == {"korvia": NOTE}


def test_a_note_typed_in_a_networked_composer_reaches_the_host_and_the_parties(tmp_path: Path) -> None:
    with hosted_tutorial(tmp_path) as (meridia, at_korvias_desk):
        async def propose(app: JoinApp, pilot: Pilot[None]) -> None:
            await pilot.press("p", "N")
            await until(pilot, lambda: isinstance(app.screen, ProposalComposer))
            app.screen.query_one("#party-meridia", Checkbox).value = True
            app.screen.query_one("#note", Input).focus()
            await pilot.press(*OFFER, "ctrl+s")
            await until(pilot, lambda: isinstance(app.screen, TeamScreen))

        at_korvias_desk(propose)
        [offered] = [p for p in meridia.view()["proposals"] if p["proposer"] == "korvia"]
        assert offered["notes"] == {"korvia": OFFER}
