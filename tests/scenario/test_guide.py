"""The authoring guide keeps up with the model: every parameter with its range, every key."""

import re
from pathlib import Path

import pytest

from game.model.catalogue import BUILTIN_LAWS
from game.model.parameters import Parameters
from game.model.scenario import AgreementOverride, LawOverride, Scenario
from game.scenario.validation import number_range

GUIDE = (Path(__file__).resolve().parents[2] / "scenarios" / "README.md").read_text("utf-8")
NUMERIC = [name for name, info in Parameters.model_fields.items() if info.annotation is not bool]


def _shown(value: float | None) -> str:
    assert value is not None
    return f"{int(value):,}" if float(value).is_integer() else f"{value:g}"


@pytest.mark.parametrize("name", NUMERIC)
def test_every_parameter_is_in_the_guide_with_its_range(name: str) -> None:
    low, high = number_range(Scenario, ["parameters", name])
    rows = [line for line in GUIDE.splitlines() if line.startswith("| `") and (
        f"`{name}`" in line or f"`_{name.rsplit('_', 1)[-1]}`" in line)]
    assert rows, f"scenarios/README.md has no row for the parameter {name}"
    assert any(f"| {_shown(low)}-{_shown(high)} |" in row for row in rows), (name, rows)


@pytest.mark.parametrize("key", ["start_year", "eligible", "names"])
def test_the_new_keys_are_explained(key: str) -> None:
    assert f"`{key}`" in GUIDE


def test_every_catalogue_key_is_listed() -> None:
    for model in (LawOverride, AgreementOverride):
        for name in model.model_fields:
            if name != "id":
                assert re.search(rf"`{name}`", GUIDE), name


def test_the_guide_explains_the_model() -> None:
    for words in ("Tier 1** needs", "sum of 13 or more", "Scores are not comparable across seats",
                  "When players see events", "Forms of your own", "fall back on their origin",
                  "A sea or an outside region", "accord catalogue"):
        assert words in GUIDE, words


@pytest.mark.parametrize("law", sorted(BUILTIN_LAWS))
def test_every_built_in_law_has_a_row_in_the_guides_law_table(law: str) -> None:
    assert any(line.startswith(f"| `{law}` | ") for line in GUIDE.splitlines()), law


@pytest.mark.parametrize("law", ["supply_chain_transparency", "forced_labour_import_ban"])
def test_the_trade_laws_are_said_to_act_abroad_where_the_engine_acts(law: str) -> None:
    """The engine lowers labour demand in every region outside the adopting state
    (`game.engine.laws._trade_laws_abroad`): the catalogue's words and the guide's row say so, and
    neither promises a fall in the state's own regions."""
    row = next(line for line in GUIDE.splitlines() if line.startswith(f"| `{law}` | "))
    for words in (BUILTIN_LAWS[law].effect, row):
        assert "abroad" in words or "other states' regions" in words, words
        assert "in the state's regions" not in words, words
