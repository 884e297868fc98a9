"""The news in the teams' words: the engine's events named and in the scenario's word for a round,
a player's statement exactly as written, in the TUI's news and in the debrief alike. The debrief's
Events read 'china, vietnam sign for 3 round(s); contributions from round 2' and 'Labour_inspection
officials trained'; a statement's 'next round' became 'next year' and its 'korvia' 'Korvia'."""

import asyncio
from pathlib import Path

from game.model.actions import Statement
from game.report.debrief import build_debrief
from game.report.debrief_md import render_markdown
from game.session.replay import Replay
from game.tui.app import AccordApp
from tests.diplomacy.deals import accept, propose
from tests.tui.helpers import finish_round, settled, tutorial

SAID = "korvia pays next round, promise"


def played() -> object:
    session = tutorial(ai=())
    session.submit(Statement(state="korvia", text=SAID), by="korvia")
    session.submit(propose("korvia", "information_sharing", "meridia"), by="korvia")
    proposal = session.view("meridia").proposals[0].id
    session.submit(accept("meridia", proposal), by="meridia")
    finish_round(session)
    return session


def test_the_debrief_lists_the_engines_events_in_words_and_a_statement_as_written(here: Path) -> None:
    session = played()
    session.save()  # type: ignore[attr-defined]
    text = render_markdown(build_debrief(Replay(session.path), teaching=False))  # type: ignore[attr-defined]
    events = text.split("## Events")[1].split("\n## ")[0]
    assert "Korvia, Meridia sign for 4 years of contributions, years 2 to 5." in events, events
    assert "round(s)" not in events and "korvia," not in events, events
    assert f"**Korvia states**: {SAID}" in events, events


def test_the_news_shows_a_statement_as_written(here: Path) -> None:
    session = played()

    async def run() -> None:
        async with AccordApp(Path("saves"), session=session).run_test(size=(120, 40)) as pilot:
            await pilot.press("enter")
            await settled(pilot)
            await pilot.press("o")
            body = pilot.app.screen.query_one("#report-body")
            await settled(pilot)
            # page through the report (its length changes with what it says above the news)
            screens = []
            for y in range(0, int(body.max_scroll_y) + body.size.height, max(1, body.size.height // 2)):
                body.scroll_to(y=y, animate=False)
                screens.append(await settled(pilot))
            assert any(f"  {SAID}" in text for text in screens), screens[-1]

    asyncio.run(run())


def test_a_trainings_news_names_the_capacity_in_words() -> None:
    """Mekong's news read 'Labour_inspection officials trained to ...': the engine's words are kept
    (saves verify against them) and worded for the teams."""
    from game.report.describe import event_words

    said = event_words("Labour_inspection officials trained to the ILO's standard.", "organization", {}, "year")
    assert said == "Labour inspection officials trained to the ILO's standard."


def test_an_agreement_that_lapses_falls_through_or_expires_is_marked_as_a_setback() -> None:
    """A grant whose condition went unmet read '✓ The Funding lapsed': the engine writes every
    agreement event of kind `agreement`, signed or ended."""
    from game.model.report import EventRecord
    from game.tui.widgets.news_panel import event_mark

    def mark(event_id: str) -> str:
        return event_mark(EventRecord(event_id, "title", "text", "agreement"))

    assert mark("a9") == "✓", "an agreement made under a summit's treaty"
    assert mark("signed-p3") == "✓"
    for ended in ("lapsed-a9", "withdrawn-a4", "suspended-a2-laos", "failed-p3", "accession-failed-a1-laos",
                  "expired-p5"):
        assert mark(ended) == "✗", ended
