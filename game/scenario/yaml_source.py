"""Safe YAML with positions: plain data, and where each value was written.

Any file a user hands to Accord (a scenario, later an orders file) is read here, so that every later
check can name a line and column. Safety comes first: the file is parsed into events and the data is
built from them here (`yaml_builder`), so no YAML tag can build an object; only plain YAML values (mappings,
lists, strings, numbers, booleans, null, timestamps, binary) are made. Aliases are expanded against a
budget, so a "billion laughs" file is refused after a few thousand values instead of eating the memory;
nesting is bounded, so no input can reach Python's recursion limit; a repeated key is reported, not
silently overwritten. The building is iterative over events (libyaml's parser when present, else
PyYAML's pure-Python one), which is both fast and immune to deep input.

`read_yaml` is the simple entry: data and positions, or a `SourceError` listing every problem.
`parse_yaml` keeps the problems that leave the data whole (a repeated key) beside the data, so that a
caller can report them together with its own checks.
"""

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.events import Event

from game.scenario.accepted import accept_marks
from game.scenario.positions import Mark, Positions
from game.scenario.problems import DataPath, Problem, ProblemsError, field_path, item_names
from game.scenario.yaml_builder import MAX_ALIAS_VALUES, MAX_DEPTH, MAX_VALUES, Builder, Stop
from game.scenario.yaml_words import TAB_INDENT, explain, invisible_characters, tab_indented_lines

MAX_BYTES = 5 * 1024 * 1024
"""Larger files are refused before they are read: no classroom scenario comes near it."""
_PARSER: type[Any] = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader
_NOT_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


@dataclass
class YamlDocument:
    data: Any
    positions: Positions
    problems: list[Problem] = field(default_factory=list)
    """Problems that leave the data whole and usable (a repeated key keeps its first value)."""
    accepted: dict[int, str] = field(default_factory=dict)
    """Lines marked `# accord: accept: REASON` -> the reason (`game.scenario.accepted`)."""


class SourceError(ProblemsError):
    """A file that could not be read as safe YAML; callers re-raise it as their own error type."""


def read_yaml(source: str | Path | bytes, *, name: str | None = None) -> tuple[Any, Positions]:
    """Data and positions from a file (a `Path`), a text (a `str`) or raw bytes; `SourceError` on any
    problem, including a repeated key."""
    document = parse_yaml(source, name=name)
    if document.problems:
        raise SourceError(document.problems)
    return document.data, document.positions


def parse_yaml(source: str | Path | bytes, *, name: str | None = None) -> YamlDocument:
    """Like `read_yaml`, but problems that leave the data usable are returned with it; `SourceError`
    only when there is no usable data. An empty document gives `None`."""
    if isinstance(source, Path):
        label = name or str(source)
        return parse_yaml_bytes(_read_file(source, label), name=label)
    if isinstance(source, bytes):
        return parse_yaml_bytes(source, name=name or "<bytes>")
    return parse_yaml_text(source, name=name or "<text>")


def parse_yaml_bytes(raw: bytes, *, name: str) -> YamlDocument:
    if len(raw) > MAX_BYTES:
        raise _fatal(name, (1, 1), _too_large(len(raw)))
    utf16 = _utf16(raw)
    if utf16 is not None:
        try:
            return parse_yaml_text(raw.decode(utf16), name=name)
        except UnicodeDecodeError:
            raise _fatal(name, (1, 1), "the file looks like UTF-16 text but is not valid UTF-16; "
                                       "save it as UTF-8") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _fatal(name, _byte_mark(raw, error.start), _not_utf8(raw[error.start])) from None
    return parse_yaml_text(text, name=name)


def parse_yaml_text(text: str, *, name: str) -> YamlDocument:
    if len(text) > MAX_BYTES or len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise _fatal(name, (1, 1), _too_large(len(text.encode("utf-8", "surrogatepass"))))
    text = text.removeprefix("\ufeff")
    bad = _NOT_PRINTABLE.search(text)
    if bad is not None:
        code = ord(bad.group())
        raise _fatal(name, _text_mark(text, bad.start()), f"character U+{code:04X} is not allowed in YAML")
    invisible = invisible_characters(text)
    if invisible:
        raise SourceError([Problem(name, line, column, "error", "", reason) for (line, column), reason in invisible])
    builder = Builder(name)
    try:
        data = builder.build(_events(text))
    except Stop as stop:
        raise _fatal(name, stop.mark, stop.message, builder.here) from None
    except yaml.MarkedYAMLError as error:
        mark, message = explain(_syntax_message(error).removeprefix("YAML syntax: "), _yaml_mark(error), text)
        if message == TAB_INDENT:  # every such line at once: a teacher fixed one a run, found the next
            lines = sorted({mark[0], *tab_indented_lines(text)})
            raise SourceError([Problem(name, line, 1, "error", "", message) for line in lines]) from None
        raise _fatal(name, mark, message) from None
    except yaml.YAMLError as error:  # a reader error without a mark
        raise _fatal(name, (1, 1), f"YAML syntax: {error}") from None
    if builder.fatal:
        raise SourceError(builder.problems)
    names = builder.positions.names = item_names(data)
    # the problems found while reading name the list items too, now that every item's id is known
    problems = [dataclasses.replace(problem, field=field_path(path, names))
                for problem, path in zip(builder.problems, builder.problem_paths, strict=True)]
    return YamlDocument(data, builder.positions, problems, accept_marks(text))


def _events(text: str) -> Iterator[Event]:
    loader = _PARSER(text)
    try:
        while loader.check_event():
            yield loader.get_event()
    finally:
        loader.dispose()


def _read_file(path: Path, name: str) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _fatal(name, (1, 1), _too_large(size))
        with path.open("rb") as handle:
            return handle.read(MAX_BYTES + 1)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise _fatal(name, (1, 1), f"cannot read the file: {reason}") from None


def _yaml_mark(error: yaml.MarkedYAMLError) -> Mark:
    mark = error.problem_mark or error.context_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _syntax_message(error: yaml.MarkedYAMLError) -> str:
    problem = (error.problem or "not valid YAML").strip()
    context = (error.context or "").strip()
    start: Any = error.context_mark
    if context and start is not None:
        return f"YAML syntax: {problem} ({context} from line {start.line + 1}, column {start.column + 1})"
    return f"YAML syntax: {problem}"


def _fatal(name: str, mark: Mark, message: str, path: DataPath = ()) -> SourceError:
    return SourceError([Problem(name, mark[0], mark[1], "error", field_path(path), message)])


def _utf16(raw: bytes) -> str | None:
    """'utf-16' (with a byte order mark), 'utf-16-le' or 'utf-16-be' (without one, as some Windows
    editors save: ASCII text then has a zero byte every other byte), or None."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    sample = raw[:400]
    if len(sample) >= 4 and len(sample) % 2 == 0:
        if sample[1::2].count(0) > len(sample) // 4 and sample[0::2].count(0) == 0:
            return "utf-16-le"
        if sample[0::2].count(0) > len(sample) // 4 and sample[1::2].count(0) == 0:
            return "utf-16-be"
    return None


def _too_large(size: int) -> str:
    return f"the file is {size / 1_048_576:.1f} MB; the limit is {MAX_BYTES // 1_048_576} MB"


def _not_utf8(byte: int) -> str:
    return f"the file is not UTF-8 text (byte 0x{byte:02x}); save it as UTF-8"


def _text_mark(text: str, offset: int) -> Mark:
    before = text[:offset]
    breaks = list(_LINE_BREAK.finditer(before))
    line_start = breaks[-1].end() if breaks else 0
    return (len(breaks) + 1, offset - line_start + 1)


def _byte_mark(raw: bytes, offset: int) -> Mark:
    return _text_mark(raw[:offset].decode("utf-8", "replace"), len(raw[:offset].decode("utf-8", "replace")))


__all__ = [
    "MAX_ALIAS_VALUES", "MAX_BYTES", "MAX_DEPTH", "MAX_VALUES", "Mark", "Positions", "SourceError", "YamlDocument",
    "parse_yaml", "parse_yaml_bytes", "parse_yaml_text", "read_yaml",
]
