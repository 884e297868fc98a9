"""Issue 15, "how it will be checked", on a corridor written for the test (`fixtures/sarn.yaml`, not a
shipped scenario): a border-only, a protection-first and a labour-inspection strategy, each every
state's budget held and the rest put into one lever, compared through `accord simulate --json`
against nobody acting. Directions only: each strategy shows what it does to people."""

import contextlib
import io
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from game.cli import main

SARN = Path(__file__).parent / "fixtures" / "sarn.yaml"
HOLD = {
    "velka": {"enforcement": 0.6, "border": 0.3, "protection": 0.3, "prevention": 0.3, "intelligence": 0.3},
    "doren": {"enforcement": 0.9, "border": 0.9, "protection": 0.6, "prevention": 0.3, "intelligence": 0.6,
              "cyber": 0.3},
    "ostia": {"enforcement": 1.5, "border": 1.2, "protection": 0.9, "prevention": 0.6, "intelligence": 1.2,
              "cyber": 0.9, "labour_inspection": 0.3},
}
"""Points a round that hold each state's starting capacities (0.3 a level)."""
BUDGET = {"velka": 10, "doren": 14, "ostia": 26}
FIGURES = ("migrants_stopped", "migrants_returned", "migrants_diverted", "recruited_diverted", "recruited_returned",
           "victims_deported", "detected_in_transit", "identified", "came_forward", "testimonies", "convictions",
           "re_trafficked", "labour_inspections")


def _into(state: str, capacity: str, law_upkeep: float) -> dict[str, Any]:
    budget = dict(HOLD[state])
    budget[capacity] = round(budget.get(capacity, 0.0) + BUDGET[state] - sum(HOLD[state].values()) - law_upkeep
                             - 0.1, 2)
    return {"type": "allocate", "state": state, "budget": budget}


ORDERS: dict[str, dict[int, list[dict[str, Any]]]] = {
    "border": {1: [o for s in BUDGET for o in ({"type": "adopt_law", "state": s, "law": "border_security"},
                                                _into(s, "border", 3))]},
    "protection": {1: [o for s in BUDGET for o in ({"type": "adopt_law", "state": s, "law": "victim_protection"},
                                                    _into(s, "protection", 5))],
                   3: [{"type": "adopt_law", "state": s, "law": "referral_mechanism"} for s in BUDGET]},
    "labour": {1: [_into(s, "labour_inspection", 1) for s in BUDGET]},
}


@pytest.fixture(scope="module")
def played(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    folder = tmp_path_factory.mktemp("orders")
    games: dict[str, dict[str, Any]] = {}
    for name in ("none", *ORDERS):
        args = ["simulate", str(SARN), "--json"]
        if name in ORDERS:
            path = folder / f"{name}.yaml"
            path.write_text(yaml.safe_dump(ORDERS[name]), encoding="utf-8")
            args += ["--orders", str(path)]
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            assert main(args) == 0
        games[name] = json.loads(out.getvalue())
    return games


def totals(game: dict[str, Any]) -> dict[str, int]:
    return {name: sum(s[name] for r in game["rounds"] for s in r["states"].values()) for name in FIGURES}


def test_every_order_was_taken(played: dict[str, dict[str, Any]]) -> None:
    for name in ORDERS:
        laws = played[name]["rounds"][-1]["states"]["ostia"]["laws"]
        assert name != "border" or "border_security" in laws
        assert name != "protection" or {"victim_protection", "referral_mechanism"} <= set(laws)


def test_a_border_only_strategy_stops_migrants_sends_more_to_smugglers_and_feeds_recruitment(
        played: dict[str, dict[str, Any]]) -> None:
    none, border = totals(played["none"]), totals(played["border"])
    assert border["migrants_stopped"] > 10 * (border["detected_in_transit"] + border["victims_deported"])
    assert border["migrants_diverted"] > 2 * none["migrants_diverted"]
    assert border["victims_deported"] > none["victims_deported"]
    again = border["recruited_returned"] + border["recruited_diverted"]
    assert again > none["recruited_returned"] + none["recruited_diverted"]
    assert played["border"]["final"]["harm_averted"] < played["protection"]["final"]["harm_averted"]


def test_protection_first_convicts_through_testimony_and_fewer_are_trafficked_again(
        played: dict[str, dict[str, Any]]) -> None:
    figures = {name: totals(game) for name, game in played.items()}
    protection = figures["protection"]
    for other in ("none", "border", "labour"):
        assert protection["convictions"] > figures[other]["convictions"], other
        assert protection["testimonies"] > figures[other]["testimonies"], other
        assert protection["re_trafficked"] < figures[other]["re_trafficked"], other
    assert protection["came_forward"] > figures["none"]["came_forward"]
    assert protection["victims_deported"] < figures["none"]["victims_deported"]  # screening and non-punishment


def test_labour_inspection_finds_the_forced_labour_police_and_borders_miss(played: dict[str, dict[str, Any]]) -> None:
    none, labour = totals(played["none"]), totals(played["labour"])
    assert labour["labour_inspections"] > 5 * none["labour_inspections"]
    assert labour["identified"] > max(totals(played[n])["identified"] for n in ("none", "border", "protection"))


def test_each_round_tells_one_persons_story_without_naming_anyone(played: dict[str, dict[str, Any]]) -> None:
    for game in played.values():
        for report in game["rounds"]:
            for state_id, figures in report["states"].items():
                text = figures["case"]
                assert text.startswith(("A girl", "A boy", "A woman", "A man")), (state_id, text)
                assert "Field brokers" not in text and "Night ring" not in text, "no network is named"
                assert "him workplace" not in text and "him own" not in text
