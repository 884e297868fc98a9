"""`accord replay --text` names each seat as the screens do: an organization's orders read
'ilo: …' / 'unodc: …', its id, where every other screen says its name."""

from pathlib import Path

import pytest

from game.cli import main
from game.scenario.library import resolve_scenario
from game.scenario.loader import load_scenario
from game.session.seats import Seat
from game.session.session import Session


def test_replay_text_names_organizations_and_states_not_their_ids(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    scenario = load_scenario(resolve_scenario("mekong"))
    seats = {seat.id: Seat.ai("cooperative") for seat in [*scenario.states, *scenario.organizations]}
    path = tmp_path / "mekong.json"
    session = Session.new(scenario, 2015, seats, tmp_path, path=path)
    session.set_pin("2468")  # a game in progress replays for the facilitator only
    monkeypatch.setenv("ACCORD_FACILITATOR_PIN", "2468")
    session.play_ai()
    session.resolve()
    session.save()
    acted = {submitted.by for submitted in session.submitted(1) if submitted.by}  # who ordered in round 1
    organizations = {org.id: org.name.split(" (")[0] for org in scenario.organizations}
    assert acted & set(organizations), "the computer's organizations act in round 1"
    assert main(["replay", str(path), "--round", "1", "--text"]) == 0
    lines = capsys.readouterr().out.splitlines()
    for org in acted & set(organizations):
        assert any(line.lstrip().split(". ", 1)[-1].startswith(f"{organizations[org]}:") for line in lines), lines
        assert not any(f". {org}:" in line for line in lines), lines
    assert any(". Thailand:" in line for line in lines) and not any(". thailand:" in line for line in lines)
    assert any("Thailand identified" in line for line in lines), lines
