"""A student offering Thailand's neighbours information sharing in mekong would pay for nothing new:
every one of them shares with Thailand already through ACTIP or the Bali Process, and a partner
counts once. The composer says so before the proposal is sent, names who shares through what, and
what would be new; the proposal's detail says it again to the parties."""

import asyncio
import re
from pathlib import Path

from game.model.actions import Propose
from game.tui.app import AccordApp
from tests.tui.helpers import mekong, open_composer, screen_text


def _read(app: AccordApp) -> str:
    """The screen's words, a dialog's borders taken out so that a wrapped line reads on."""
    return " ".join(re.sub(r"[│╭╮╰╯─]", " ", screen_text(app)).split())


def test_sharing_with_partners_that_share_already_is_said_to_add_nothing(here: Path) -> None:
    async def run() -> None:
        app = AccordApp(Path("saves"), session=mekong())
        async with app.run_test(size=(120, 40)) as pilot:
            composer = await open_composer(pilot, "information_sharing", "cambodia", "china")
            text = _read(app)
            assert "✓ the rules accept this proposal" in text, text
            assert "They all share information with you already, under agreements in force (Cambodia: ASEAN " \
                   "Convention against Trafficking in Persons (ACTIP), a1, to year 10; China: Bali Process " \
                   "information sharing, a2, to year 10)" in text, text
            assert "A partner counts once, so this would cost each party and add nothing" in text, text
            # without the Bali Process, China would be a new partner: only it is named as new
            composer.view = composer.view.model_copy(update={"agreements": [
                a for a in composer.view.agreements if a.kind != "bali-process"]})
            composer.recheck()
            await pilot.pause()
            text = _read(app)
            assert "Some of them share information with you already" in text, text
            assert "only China would be new" in text, text

    asyncio.run(run())


def test_a_joint_team_counts_per_agreement_and_gets_no_such_line(here: Path) -> None:
    async def run() -> None:
        app = AccordApp(Path("saves"), session=mekong())
        async with app.run_test(size=(120, 40)) as pilot:
            await open_composer(pilot, "joint_investigation_team", "cambodia")
            text = _read(app)
            assert "A partner counts once" not in text, text

    asyncio.run(run())


def test_the_proposals_detail_tells_its_parties_what_it_would_not_add(here: Path) -> None:
    session = mekong()
    session.submit(Propose(state="thailand", agreement="information_sharing", parties=["laos", "thailand"]),
                   by="thailand")

    async def run() -> None:
        app = AccordApp(Path("saves"), session=session)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("enter", "p")
            await pilot.pause()
            for _ in range(5):  # computer players' proposals may come first
                if "Information sharing proposed by Thailand" in _read(app):
                    break
                await pilot.press("down")
                await pilot.pause()
            text = _read(app)
            assert "Laos shares information with you already, under agreements in force (Laos: ASEAN" in text, text
            assert "A partner counts once, so this would cost each party and add nothing." in text, text

    asyncio.run(run())


def test_every_rule_that_counts_partners_once_has_its_words_on_the_screens() -> None:
    """A rule added to `ONCE_PER_PARTNER` without words here would warn nobody: the screens check
    the rule against their own table of what such partners do."""
    from game.model.partners_once import ONCE_PER_PARTNER
    from game.tui.partners_text import PARTNERS_DO

    assert set(PARTNERS_DO) == set(ONCE_PER_PARTNER)
