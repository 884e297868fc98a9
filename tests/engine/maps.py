"""Small maps for rule cases, built in code so that each case states exactly what it sets up.

The corridor: origin `o` (state `orig`) sends labour to destination `d` (state `dest`) through
transit `t1` (state `tran`); an alternative transit `t2` (state `alt`) is a neighbour of both ends.

    o --- t1 --- d
     \\         /
      --- t2 ---
"""

from typing import Any

from game.model.parameters import Parameters
from game.model.scenario import Scenario

LABORATORY: dict[str, float] = {
    "detect_base": 0.002, "detect_border": 0.015, "detect_enforcement": 0.005, "detect_cyber": 0.02,
    "detect_shared": 0.04, "identify_base": 0.004, "identify_enforcement": 0.004, "identify_shared": 0.02,
    "self_identify_protection": 0.002, "self_identify_victim_protection": 0.01, "escape_rate": 0.08,
    "loss_tolerance": 0.05, "risk_prior_b": 19.0, "identify_ceiling": 1.0,
}
"""The corridor is a laboratory, not the world: detection and identification four to eight times the
defaults (which are set near the world's levels, see docs/calibration.md) and fewer exits, so that
each rule's effect shows clearly in a corridor of a thousand people a round; the ceiling on
identification (`identify_ceiling`, rules 10) raised out of the way of those rates, so that each
channel's effect shows alone (test_rules_exploitation checks the ceiling itself). Rule cases check the
direction of each rule; tests/engine/test_calibration.py checks the levels on the shipped scenarios."""


VICTIMS_ONLY: dict[str, Any] = {
    "migrants_per_victim": 0.0, "screen_base": 1.0, "accept_base": 1.0, "raid_moved_on": 0.0,
    "trust_reference": 0.0, "testimony_cases": 0.0,
}
"""The corridor leaves out mixed migration and victims' decisions (`migration`, `victims_decide`):
no migrants beside the victims, every victim caught in transit recognised, every identified victim
accepting assistance, no one moved on after a raid, self-identification as the identification rows
say whatever victims' trust, prosecutions as the justice rows say whoever testifies. So each older
rule's case shows that rule alone; the cases of the newer mechanisms turn them on with `PEOPLE`, and
the shipped scenarios play everything together."""

PEOPLE: dict[str, Any] = {name: Parameters.model_fields[name].default for name in VICTIMS_ONLY}
"""The defaults of the parameters `VICTIMS_ONLY` sets: mixed migration and victims' decisions as the game plays them."""


def corridor(**changes: Any) -> Scenario:
    data: dict[str, Any] = {
        "format": 1,
        "id": "corridor",
        "title": "Corridor",
        "summary": "Four states on one corridor.",
        "rounds": 8,
        "seed": 7,
        "regions": [
            {"id": "o", "name": "Origin", "population": 20, "vulnerability": 0.6,
             "demand": {"labour": 0.1}, "neighbours": ["t1", "t2"], "controlled_by": "orig"},
            {"id": "t1", "name": "Transit One", "population": 5, "vulnerability": 0.3,
             "demand": {"labour": 0.2}, "neighbours": ["o", "d"], "controlled_by": "tran"},
            {"id": "t2", "name": "Transit Two", "population": 5, "vulnerability": 0.3,
             "demand": {"labour": 0.2}, "neighbours": ["o", "d"], "controlled_by": "alt"},
            {"id": "d", "name": "Destination", "population": 30, "vulnerability": 0.1,
             "demand": {"labour": 0.8, "sexual": 0.5}, "neighbours": ["t1", "t2"], "controlled_by": "dest"},
        ],
        "states": [
            _state("orig", "Origin State"),
            _state("tran", "Transit State"),
            _state("alt", "Alternative State"),
            _state("dest", "Destination State"),
        ],
        "networks": [
            {"id": "ring", "name": "The Ring", "capital": 500, "core": 5, "periphery": 80, "tech": 0.0,
             "routes": [{"path": ["o", "t1", "d"], "form": "labour", "flow": 1000}]},
        ],
        "parameters": {"shock_chance": 0.0, "emergence_chance": 0.0, **LABORATORY, **VICTIMS_ONLY},
    }
    data.update(changes)
    return Scenario.model_validate(data)


def _state(state_id: str, name: str) -> dict[str, Any]:
    return {
        "id": state_id, "name": name, "budget": 20, "political_capital": 10, "approval": 50,
        "corruption": 0.2, "laws": ["criminalization"],
        "capacities": {"enforcement": 3, "border": 3, "protection": 3, "prevention": 2,
                       "intelligence": 2, "cyber": 1},
    }
