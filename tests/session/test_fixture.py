"""A save frozen in format 1 is read by every later version (issue 5.3, 5.7).

The engine's rules move on (diplomacy is being added as this is written), so re-running the frozen
game may one day give other numbers. Then `verify` must say that the rules differ, never that the
save was edited; reading it must always work.
"""

import hashlib
from pathlib import Path

from game.model.actions import ACTION_ADAPTER
from game.report.render import render
from game.session.errors import Diverged
from game.session.replay import Replay
from game.session.store import read_save
from game.session.verify import verify

FROZEN = Path(__file__).parent / "fixtures" / "format1-tutorial.json"
FROZEN_SHA256 = "0c11bcba0c4d84033a72333159dfbc6dbb5856a0f4e04c0e90c0f7e110518743"


def test_the_fixture_is_frozen() -> None:
    digest = hashlib.sha256(FROZEN.read_bytes()).hexdigest()
    assert digest == FROZEN_SHA256, "format1-tutorial.json is frozen: restore it; add a new fixture for a new format"


def test_the_format_1_save_still_loads() -> None:
    document = read_save(FROZEN)
    assert document.scenario.id == "tutorial" and document.seed == 20240611
    assert document.engine.accord == "0.1.0" and document.engine.rules == 1
    assert {k: str(v) for k, v in document.seats.items()} == {
        "korvia": "ai (cooperative)", "meridia": "ai (reciprocator)", "aldmark": "human"}
    assert document.rounds_played == 3 and document.open_round == 4 and len(document.log.open) == 2
    assert document.annotations == {0: ["Frozen fixture: a save in format 1, kept forever."],
                                    2: ["Meridia and Korvia talked in the corridor."]}
    first = document.log.rounds[0].actions
    assert first[0].type == "message" and first[0].data["text"].startswith("Aldmark will adopt")
    assert any(s.reason for s in first if s.by in ("korvia", "meridia"))
    for closed in document.log.rounds:
        assert closed.report.round == closed.round and closed.report.victims_total > 0
        for submitted in closed.actions:
            assert ACTION_ADAPTER.validate_python(submitted.data).type == submitted.type


def test_the_format_1_save_verifies_or_names_the_rules() -> None:
    try:
        result = verify(FROZEN)
    except Diverged as error:
        assert "rules" in error.message and "edited" not in error.message, error.message
    else:
        assert result.rounds == 3 and result.open_actions == 2


def test_the_format_1_save_has_a_debrief() -> None:
    text = render(Replay(FROZEN), "md")
    assert "# Debrief: Tutorial" in text and "Aldmark will adopt a referral mechanism" in text


def test_what_each_teams_choices_did_replays_a_save_that_numbered_its_proposals() -> None:
    """Rules 1 to 3 numbered proposals (p1, p2...); the re-runs behind "what your choices did" name
    them as drawn now, so the section has every team and no re-run is refused."""
    text = render(Replay(FROZEN), "md")
    section = text.split("## What your choices did", 1)[1].split("\n## ", 1)[0]
    for team in ("Korvia", "Meridia", "Aldmark"):
        assert f"| {team} |" in section, f"{team} is missing from what your choices did"
