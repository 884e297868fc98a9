"""docs/model.md's section references resolve (issue 14, point 11): a reference in the card ("see
5.6b", "(5.4b)", "section 8"), or in the code, the tests and docs/calibration.md ("model card 5.6"),
names a section the card has. The card once sent extradition to "5.6", which did not cover it, and
said "Section 7 gives the results" when they were in section 8."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CARD = (ROOT / "docs" / "model.md").read_text("utf-8")
SECTIONS = dict(re.findall(r"^#+ (\d+(?:\.\d+)?[a-z]?)[. ] ?(.*)$", CARD, flags=re.MULTILINE))
"""Section number -> its title."""


def references_in_the_card() -> list[str]:
    return (re.findall(r"(?:see |\(|, )([1-8]\.\d{1,2}[a-c]?)(?=[),;]| and|-)", CARD)
            + re.findall(r"[Ss]ection (\d+[a-c]?)\b", CARD))


def references_elsewhere() -> list[tuple[str, str]]:
    files = [*sorted((ROOT / "game").rglob("*.py")), *sorted((ROOT / "tests").rglob("*.py")),
             ROOT / "docs" / "calibration.md"]
    return [(str(path.relative_to(ROOT)), number) for path in files
            for number in re.findall(r"[Mm]odel card,? (?:section )?\(?(\d+(?:\.\d+)?[a-c]?)", path.read_text("utf-8"))]


def test_the_card_has_its_sections_and_refers_to_them() -> None:
    for number in ("4", "4c", "5.6", "5.6b", "5.6c", "7", "8"):
        assert number in SECTIONS, number
    assert len(references_in_the_card()) >= 20


@pytest.mark.parametrize("number", sorted(set(references_in_the_card())))
def test_every_section_the_card_refers_to_exists(number: str) -> None:
    assert number in SECTIONS, f"docs/model.md refers to section {number}, which it does not have"


@pytest.mark.parametrize(("where", "number"), sorted(set(references_elsewhere())))
def test_every_model_card_section_named_elsewhere_exists(where: str, number: str) -> None:
    assert number in SECTIONS, f"{where} names model card {number}, which docs/model.md does not have"


def test_the_results_and_extradition_are_where_the_card_says() -> None:
    results = re.search(r"Section (\d+) gives the results", CARD)
    assert results is not None and "Lessons" in SECTIONS[results.group(1)]
    extradition = re.search(r"\*\*Extradition\*\*.*?\(see (\d\.\d+[a-c]?)\)", CARD, flags=re.DOTALL)
    assert extradition is not None and "Leaders" in SECTIONS[extradition.group(1)]
