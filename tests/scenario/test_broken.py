"""The broken corpus: each file in broken/ names, in `# expect:` lines, every problem it must give.

Each expected line is the exact `LINE:COLUMN: severity: FIELD: reason` after the file's path, so a
test fails if the position, the field path or the wording moves. Cases that need bytes a text file
cannot hold (not UTF-8, too large, too many regions) are generated below.
"""

from pathlib import Path

import pytest

from game.scenario.loader import MAX_REGIONS, check_scenario, load_scenario
from game.scenario.problems import ScenarioError
from game.scenario.yaml_source import MAX_BYTES

from .helpers import MINIMAL

BROKEN = Path(__file__).parent / "broken"
CORPUS = sorted(BROKEN.glob("*.yaml"))


def expected_lines(path: Path) -> list[str]:
    prefix = "# expect: "
    return [line.removeprefix(prefix) for line in path.read_text("utf-8").splitlines() if line.startswith(prefix)]


def test_the_corpus_is_large_enough() -> None:
    assert len(CORPUS) >= 20


@pytest.mark.parametrize("path", CORPUS, ids=lambda path: path.stem)
def test_broken_file_reports_exactly_its_problems(path: Path) -> None:
    expected = expected_lines(path)
    assert expected, f"{path.name} has no '# expect:' line"
    scenario, problems = check_scenario(path)
    assert [str(problem).removeprefix(f"{path}:") for problem in problems] == expected
    assert scenario is None
    with pytest.raises(ScenarioError) as raised:
        load_scenario(path)
    assert raised.value.lines() == [f"{path}:{line}" for line in expected]


def one_line(path: Path) -> str:
    _, problems = check_scenario(path)
    assert len(problems) == 1, problems
    return str(problems[0])


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.yaml"
    path.write_bytes(b"")
    assert one_line(path) == (
        f"{path}:1:1: error: the file holds no scenario (it is empty or only comments); "
        "`accord new-scenario PATH` writes a starting one"
    )


def test_only_comments_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "comments.yaml"
    path.write_text("# nothing yet\n\n   \n# still nothing\n", "utf-8")
    assert "the file holds no scenario" in one_line(path)


def test_not_utf8_names_the_byte_and_its_position(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes(MINIMAL.replace("title: Minimal", "title: Caf\u00e9").encode("latin-1"))
    line = MINIMAL.splitlines().index("title: Minimal") + 1
    assert one_line(path) == (
        f"{path}:{line}:11: error: the file is not UTF-8 text (byte 0xe9); save it as UTF-8"
    )


def test_too_large_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as out:
        out.write(MINIMAL.encode())
        out.truncate(MAX_BYTES + 1)  # a sparse file: the loader must not read it to refuse it
    assert one_line(path) == f"{path}:1:1: error: the file is 5.0 MB; the limit is 5 MB"


def test_too_many_regions_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "sprawl.yaml"
    regions = "".join(f"  - {{id: r{i}}}\n" for i in range(MAX_REGIONS - 2))  # with the three of MINIMAL: one too many
    path.write_text(MINIMAL.replace("regions:\n", "regions:\n" + regions, 1), "utf-8")
    line = MINIMAL.splitlines().index("regions:") + 1
    assert one_line(path) == f"{path}:{line}:1: error: regions: 10,001 regions; a scenario may have at most 10,000"


def test_a_missing_file_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "absent.yaml"
    assert one_line(path) == f"{path}:1:1: error: cannot read the file: No such file or directory"


def test_a_directory_is_one_line(tmp_path: Path) -> None:
    assert "cannot read the file" in one_line(tmp_path)


def test_deep_nesting_is_refused_without_recursion_error(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("summary: " + "[" * 5000 + "]" * 5000 + "\n", "utf-8")
    assert ": error: " in one_line(path)


def test_a_control_character_is_refused_with_its_position(tmp_path: Path) -> None:
    path = tmp_path / "bell.yaml"
    path.write_text(MINIMAL.replace("title: Minimal", "title: Mini\x07mal"), "utf-8")
    line = MINIMAL.splitlines().index("title: Minimal") + 1
    assert one_line(path) == f"{path}:{line}:12: error: character U+0007 is not allowed in YAML"
