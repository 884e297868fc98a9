"""The authoring guide and the calibration page keep up with the organizations (issue 9, point 1):
every constant of the instruments and every key of an organization is documented."""

from pathlib import Path

import pytest

from game.model.actions import INSTRUMENTS
from game.model.parameters import Parameters
from game.model.scenario import Organization

ROOT = Path(__file__).resolve().parents[2]
GUIDE = (ROOT / "scenarios" / "README.md").read_text(encoding="utf-8")
CALIBRATION = (ROOT / "docs" / "calibration.md").read_text(encoding="utf-8")
CONSTANTS = [name for name in Parameters.model_fields
             if name.split("_")[0] in ("training", "monitor", "campaign", "convene") or name == "joint_training_bonus"]


@pytest.mark.parametrize("name", CONSTANTS)
def test_every_constant_of_the_instruments_is_in_the_guide_and_the_calibration(name: str) -> None:
    assert f"`{name}`" in GUIDE, f"scenarios/README.md does not list {name}"
    assert f"`{name}`" in CALIBRATION, f"docs/calibration.md gives no basis for {name}"


def test_every_key_instrument_and_objective_of_an_organization_is_in_the_guide() -> None:
    section = GUIDE[GUIDE.index("## Organizations: seats without territory"):GUIDE.index("## Networks and routes")]
    for key in Organization.model_fields:
        assert f"| `{key}` |" in section, f"the guide does not explain the key {key}"
    for instrument in INSTRUMENTS:
        assert f"`{instrument}`" in section
    for kind in ("train_states", "states_monitored", "sign_agreement", "reduce_victims"):
        assert f"| `{kind}` |" in section


def test_the_political_costs_of_agreements_are_documented() -> None:
    assert "| `regional_convention` | 3 |" in CALIBRATION and "| `extradition` | 1 |" in CALIBRATION
    assert "| `regional_convention` | 3+ | 10 | 2 | 3 |" in GUIDE and "| `extradition` | 2+ | 6 | 0 | 1 |" in GUIDE
