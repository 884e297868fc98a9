"""Thailand, with no intelligence on Cambodia's Sihanoukville syndicate, read Cambodia's joint team
offer as 'target: sihanoukville-syndicate' and could not keep that target in a counter-proposal (the
composer's field came up empty). It reads the network's name, and its counter keeps the target."""

import asyncio
from pathlib import Path

from textual.widgets import Select

from game.model.actions import Propose
from game.tui.app import AccordApp
from game.tui.screens.composer import ProposalComposer
from tests.tui.helpers import mekong, screen_text


def test_a_party_without_intelligence_reads_the_targets_name_and_its_counter_keeps_it(here: Path) -> None:
    session = mekong()
    session.submit(Propose(state="cambodia", agreement="joint_investigation_team", parties=["cambodia", "thailand"],
                           terms={"network": "sihanoukville-syndicate"}), by="cambodia")
    offer = next(p for p in session.state.proposals.values() if p.proposer == "cambodia")

    async def run() -> None:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("enter", "p")
            await pilot.pause()
            for _ in range(4):
                if "proposed by Cambodia" in " ".join(screen_text(app).split()):
                    break
                await pilot.press("down")
                await pilot.pause()
            text = " ".join(screen_text(app).split())
            assert "target: Sihanoukville compound syndicate" in text, text
            assert "sihanoukville-syndicate" not in text
            await pilot.press("c")
            await pilot.pause()
            composer = app.screen
            assert isinstance(composer, ProposalComposer) and composer.counter is not None
            assert composer.counter.id == offer.id
            assert composer.query_one("#network", Select).value == "sihanoukville-syndicate"
            assert "✓ the rules accept this proposal" in " ".join(screen_text(app).split())

    asyncio.run(run())
