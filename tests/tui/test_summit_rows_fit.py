"""At 80 columns the summits tab's order rows show an amendment and a clause whole: the vote list's
'amendment m1 (strike Joint investigation teams)' was cut off, and the clause field cut a name of 36
characters ('Non-punishment and victim'). An amendment is listed as the summit's text names it."""

import asyncio
from pathlib import Path

from textual.widgets import Select

from game.tui.app import AccordApp
from tests.tui.helpers import screen_text
from tests.tui.test_summits_tab import mekong_at_the_summit
from tests.tui.test_typed_numbers import settle


def test_the_amendment_to_vote_on_and_the_clause_to_amend_are_shown_whole_at_80_columns(here: Path) -> None:
    session = mekong_at_the_summit(here)
    session.submit(session.parse_action({"type": "amend", "state": "laos", "summit": "asean-summit",
                                         "change": "change", "clause": "information_sharing",
                                         "numbers": {"contribution": 1}}), by="laos")

    async def run() -> None:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("enter", "s")
            await settle(pilot)
            panel = app.screen.query_one("#summits-panel")
            panel.query_one("#amend-clause", Select).value = "non_punishment"
            item = panel.query_one("#vote-item", Select)
            item.value = "m1"
            item.scroll_visible(animate=False)
            await settle(pilot)
            lines = screen_text(app).splitlines()
            vote = next((line for line in lines if line.rstrip().endswith("Vote")), "")
            assert "m1: change Information sharing on shared routes" in vote, "\n".join(lines)
            amend = next((line for line in lines if line.rstrip().endswith("Amend")), "")
            assert "Non-punishment and victim protection" in amend, "\n".join(lines)

    asyncio.run(run())
