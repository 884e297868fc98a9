"""The safe YAML reader: positions, aliases and merges, and everything it refuses."""

from pathlib import Path

import pytest

from game.scenario.yaml_source import (
    MAX_ALIAS_VALUES,
    MAX_DEPTH,
    SourceError,
    parse_yaml,
    read_yaml,
)

TEXT = """\
# a comment
base: &base {x: 1, y: [2, 3]}
merged:
  <<: *base
  x: 5
regions:
  - id: r1
    neighbours: [a, b]
  - {id: r2}
copy: *base
"""


def test_positions_of_values_and_keys() -> None:
    data, positions = read_yaml(TEXT)
    assert data["regions"][0]["neighbours"] == ["a", "b"]
    assert positions[("regions", 0, "neighbours", 1)] == (8, 21)
    assert positions[("regions", 1, "id")] == (9, 10)
    assert positions.key_marks[("regions", 1, "id")] == (9, 6)
    assert positions[()] == (2, 1)


def test_an_alias_copies_its_anchor_and_its_positions() -> None:
    data, positions = read_yaml(TEXT)
    assert data["copy"] == {"x": 1, "y": [2, 3]}
    assert data["copy"] is not data["base"]
    assert positions[("copy", "y", 1)] == positions[("base", "y", 1)] == (2, 27)


def test_a_merge_key_fills_only_the_keys_not_given() -> None:
    data, positions = read_yaml(TEXT)
    assert data["merged"] == {"x": 5, "y": [2, 3]}
    assert positions[("merged", "x")] == (5, 6)
    assert positions[("merged", "y")] == (2, 23)


def test_locate_falls_back_to_the_nearest_written_ancestor() -> None:
    _, positions = read_yaml(TEXT)
    assert positions.locate(("regions", 1, "name")) == positions[("regions", 1)] == (9, 5)
    assert positions.locate(("regions", 1, "id"), key=True) == (9, 6)
    assert positions.locate(("nowhere", 3)) == (2, 1)


def test_sources_path_text_and_bytes_read_alike(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(TEXT, "utf-8")
    assert read_yaml(path)[0] == read_yaml(TEXT)[0] == read_yaml(TEXT.encode())[0]


def test_a_byte_order_mark_is_ignored() -> None:
    assert read_yaml("\ufeffa: 1\n".encode())[0] == {"a": 1}


def test_scalars_keep_their_yaml_types() -> None:
    data, _ = read_yaml("a: '5'\nb: 5\nc: 5.5\nd: null\ne: true\nf: ! 7\ng: !!str 8\n")
    assert data == {"a": "5", "b": 5, "c": 5.5, "d": None, "e": True, "f": "7", "g": "8"}


def test_a_repeated_key_keeps_the_first_value_and_is_reported() -> None:
    document = parse_yaml("a: 1\nb:\n  c: 2\n  c: 3\n")
    assert document.data == {"a": 1, "b": {"c": 2}}
    assert [str(problem) for problem in document.problems] == [
        "<text>:4:3: error: b.c: duplicate key 'c' (first given at line 3)"
    ]
    with pytest.raises(SourceError):
        read_yaml("a: 1\na: 2\n")


def one_problem(text: str) -> str:
    with pytest.raises(SourceError) as raised:
        read_yaml(text)
    assert len(raised.value.problems) == 1
    return str(raised.value.problems[0])


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("a: !!python/object:os.system x\n", "<text>:1:4: error: a: tag !!python/object:os.system is not allowed"),
        ("a: !!python/name:os.system\n", "<text>:1:4: error: a: tag !!python/name:os.system is not allowed"),
        ("a: !custom {b: 1}\n", "<text>:1:4: error: a: tag !custom is not allowed"),
        ("a: !!set {b, c}\n", "<text>:1:4: error: a: tag !!set is not allowed"),
        ("a: [1, !!python/tuple [2]]\n", "<text>:1:8: error: a[1]: tag !!python/tuple is not allowed"),
    ],
)
def test_tags_that_build_objects_are_refused(text: str, line: str) -> None:
    assert one_problem(text).startswith(line)


def test_billion_laughs_is_refused_quickly() -> None:
    text = "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
        f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 10)}]\n" for i in range(1, 10)
    )
    assert f"aliases expand to more than {MAX_ALIAS_VALUES:,} values" in one_problem(text)


def test_deep_aliases_cannot_build_deep_data() -> None:
    nest = "[" * 30 + "{}" + "]" * 30
    text = f"a0: &a0 {nest}\n" + "".join(
        f"a{i}: &a{i} {'[' * 30}*a{i - 1}{']' * 30}\n" for i in range(1, 6)
    )
    assert f"nests deeper than {MAX_DEPTH} levels" in one_problem(text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: &x [1, *x]\n", "alias *x refers to a value that contains it"),
        ("a: *nowhere\n", "alias *nowhere has no anchor &nowhere before it"),
        ("? [a]\n: b\n", "a mapping key must be a plain value"),
        ("a: 1\n---\nb: 2\n", "more than one YAML document"),
        ("a: b: c\n", "a text with ': ' inside must be in quotes, as in a: \"b: c\""),
        ("a: [1, 2\n", "1:4: error: the list opened here with [ is not closed (YAML read on to line 2)"),
        ("a: !!timestamp 2020-13-45\n", "cannot read '2020-13-45' as !!timestamp"),
        ("a:\n  <<: 5\n", "'<<' merges a mapping or a list of mappings"),
    ],
)
def test_what_cannot_be_read_is_one_clear_line(text: str, message: str) -> None:
    assert message in one_problem(text)


def test_an_empty_document_is_none() -> None:
    assert read_yaml("# only a comment\n")[0] is None
    assert read_yaml("")[0] is None
