"""Safe YAML with positions: plain data, and where each value was written.

Any file a user hands to Accord (a scenario, later an orders file) is read here, so that every later
check can name a line and column. Safety comes first: the file is parsed into events and the data is
built from them by this module, so no YAML tag can build an object; only plain YAML values (mappings,
lists, strings, numbers, booleans, null, timestamps, binary) are made. Aliases are expanded against a
budget, so a "billion laughs" file is refused after a few thousand values instead of eating the memory;
nesting is bounded, so no input can reach Python's recursion limit; a repeated key is reported, not
silently overwritten. The building is iterative over events (libyaml's parser when present, else
PyYAML's pure-Python one), which is both fast and immune to deep input.

`read_yaml` is the simple entry: data and positions, or a `SourceError` listing every problem.
`parse_yaml` keeps the problems that leave the data whole (a repeated key) beside the data, so that a
caller can report them together with its own checks.
"""

import re
from collections.abc import Hashable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from game.scenario.problems import DataPath, Problem, ProblemsError, field_path

MAX_BYTES = 5 * 1024 * 1024
"""Larger files are refused before they are read: no classroom scenario comes near it."""
MAX_DEPTH = 64
"""Nesting deeper than this is refused; a scenario nests about six levels."""
MAX_ALIAS_VALUES = 10_000
"""Values that aliases may copy in one document; far above any honest use of anchors."""
MAX_VALUES = 600_000
"""Values in one document, aliases included: bounds the memory that positions take."""

Mark = tuple[int, int]
"""A 1-based (line, column)."""

_PARSER: type[Any] = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader
_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = frozenset(
    f"{_TAG}{name}" for name in ("null", "bool", "int", "float", "str", "timestamp", "binary")
)
_MERGE_TAG = f"{_TAG}merge"
_STR_TAG = f"{_TAG}str"
_NOT_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


class Positions(dict[DataPath, Mark]):
    """Where each value starts, by its path from the top: `('regions', 2, 'neighbours', 0) -> (7, 19)`.

    `key_marks` holds where each mapping key starts, by the same path, since "unknown key" is best
    shown on the key and "wrong value" on the value.
    """

    def __init__(self) -> None:
        super().__init__()
        self.key_marks: dict[DataPath, Mark] = {}

    def locate(self, path: DataPath, *, key: bool = False) -> Mark:
        """The mark of `path`, else of its nearest written ancestor: a missing key points at the
        mapping that should hold it."""
        if key and path in self.key_marks:
            return self.key_marks[path]
        for end in range(len(path), -1, -1):
            mark = self.get(path[:end])
            if mark is not None:
                return mark
        return (1, 1)


@dataclass
class YamlDocument:
    data: Any
    positions: Positions
    problems: list[Problem] = field(default_factory=list)
    """Problems that leave the data whole and usable (a repeated key keeps its first value)."""


class SourceError(ProblemsError):
    """A file that could not be read as safe YAML; callers re-raise it as their own error type."""


class _Stop(Exception):
    """Raised inside the builder when reading cannot go on; carries the one problem."""

    def __init__(self, mark: Mark, message: str) -> None:
        super().__init__(message)
        self.mark = mark
        self.message = message


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
    builder = _Builder(name)
    try:
        data = builder.build(_events(text))
    except _Stop as stop:
        raise _fatal(name, stop.mark, stop.message, builder.here) from None
    except yaml.MarkedYAMLError as error:
        raise _fatal(name, _yaml_mark(error), _syntax_message(error)) from None
    except yaml.YAMLError as error:  # a reader error without a mark
        raise _fatal(name, (1, 1), f"YAML syntax: {error}") from None
    if builder.fatal:
        raise SourceError(builder.problems)
    return YamlDocument(data, builder.positions, builder.problems)


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


class _Ignored:
    """The key of a repeated entry: its value is built (to stay in step) and dropped."""


_MERGE_KEY: Any = object()


@dataclass
class _Open:
    """A mapping or list being built: its value so far and where it sits."""

    value: dict[Hashable, Any] | list[Any]
    path: DataPath
    anchor: str | None
    first_position: int
    key: Hashable = None
    key_mark: Mark | None = None
    awaiting_value: bool = False
    merges: list[tuple["_Built", Mark]] = field(default_factory=list)
    first_keys: dict[Hashable, Mark] = field(default_factory=dict)


@dataclass
class _Built:
    """A finished value with its positions relative to itself, so that an alias or merge can copy
    both."""

    value: Any
    positions: list[tuple[DataPath, Mark, Mark | None]]


class _Builder:
    """Turns parser events into data and positions, one event at a time, never recursing."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.positions = Positions()
        self.order: list[DataPath] = []
        self.problems: list[Problem] = []
        self.fatal = False
        self.anchors: dict[str, _Built] = {}
        self.open_anchors: set[str] = set()
        self.stack: list[_Open] = []
        self.here: DataPath = ()
        """The path being built, for the field of a problem found on the way."""
        self.values = 0
        self.alias_values = 0
        self.resolver = Resolver()
        self.plain_tags: dict[str, str] = {}
        self.constructor = SafeConstructor()

    def build(self, events: Iterator[Event]) -> Any:
        result: Any = None
        documents = 0
        for event in events:
            finished: list[Any] = []
            if isinstance(event, DocumentStartEvent):
                self.here = ()
                documents += 1
                if documents > 1:
                    raise _Stop(_mark(event), "the file holds more than one YAML document (a second '---')")
            elif isinstance(event, ScalarEvent | AliasEvent | SequenceStartEvent | MappingStartEvent):
                finished = self._start(event)
            elif isinstance(event, SequenceEndEvent | MappingEndEvent):
                finished = self._end()
            elif isinstance(event, StreamEndEvent):
                break
            if finished:
                result = finished[0]
        return result

    def _record(self, path: DataPath, mark: Mark) -> None:
        if path not in self.positions:
            self.order.append(path)
        self.positions[path] = mark

    def _start(self, event: Event) -> list[Any]:
        """Handle the start of a value; a one-item list when it finishes the whole document."""
        mark = _mark(event)
        top = self.stack[-1] if self.stack else None
        if top is not None and isinstance(top.value, dict) and not top.awaiting_value:
            self.here = top.path
            self._key(top, event, mark)
            return []
        path: DataPath = ()
        if top is not None:
            path = (*top.path, len(top.value) if isinstance(top.value, list) else top.key)
        self.here = path
        if isinstance(event, AliasEvent):
            built = self._alias(event, mark, len(path))
            if top is None or top.key is not _MERGE_KEY:
                self._relocate(built, path)
            return self._place(built, path, mark)
        if isinstance(event, ScalarEvent):
            self._count(mark)
            scalar = self._scalar(event, mark)
            self._record(path, mark)
            if event.anchor:
                self.anchors[event.anchor] = _Built(scalar, [((), mark, None)])
            return self._place(_Built(scalar, []), path, mark)
        if len(self.stack) >= MAX_DEPTH:
            raise _Stop(mark, f"the data nests deeper than {MAX_DEPTH} levels")
        assert isinstance(event, SequenceStartEvent | MappingStartEvent)
        self._check_collection_tag(event, mark)
        self._count(mark)
        first = len(self.order)
        self._record(path, mark)
        if event.anchor:
            self.open_anchors.add(event.anchor)
        value: dict[Hashable, Any] | list[Any] = {} if isinstance(event, MappingStartEvent) else []
        self.stack.append(_Open(value, path, event.anchor, first))
        return []

    def _end(self) -> list[Any]:
        done = self.stack.pop()
        self.here = done.path
        if isinstance(done.value, dict):
            self._apply_merges(done)
        built = _Built(done.value, [])
        if done.anchor or (self.stack and self.stack[-1].key is _MERGE_KEY):
            built.positions = self._relative(done)
        if done.anchor:
            self.open_anchors.discard(done.anchor)
            self.anchors[done.anchor] = built
        return self._place(built, done.path, self.positions[done.path])

    def _place(self, built: _Built, path: DataPath, mark: Mark) -> list[Any]:
        """Put a finished value into its parent (an alias's copy brings its positions along)."""
        if not self.stack:
            return [built.value]
        top = self.stack[-1]
        if isinstance(top.value, list):
            top.value.append(built.value)
            return []
        top.awaiting_value = False
        if top.key is _MERGE_KEY:
            if not built.positions:
                built.positions = [((), mark, None)]
            top.merges.append((built, mark))
        elif not isinstance(top.key, _Ignored):
            top.first_keys[top.key] = top.key_mark or mark
            top.value[top.key] = built.value
        return []

    def _relocate(self, built: _Built, path: DataPath) -> None:
        for relative, value_mark, key_mark in built.positions:
            self._record((*path, *relative), value_mark)
            if key_mark is not None:
                self.positions.key_marks[(*path, *relative)] = key_mark

    def _relative(self, done: _Open) -> list[tuple[DataPath, Mark, Mark | None]]:
        """Positions recorded since `done` started, relative to it: exactly its own values."""
        size = len(done.path)
        found: list[tuple[DataPath, Mark, Mark | None]] = []
        for path in self.order[done.first_position:]:
            if path[:size] == done.path and _MERGE_KEY not in path[size:]:
                key_mark = self.positions.key_marks.get(path) if len(path) > size else None
                found.append((path[size:], self.positions[path], key_mark))
        return found

    # -- mapping keys

    def _key(self, top: _Open, event: Event, mark: Mark) -> None:
        assert isinstance(top.value, dict)
        key: Hashable
        if isinstance(event, AliasEvent):
            target = self.anchors.get(event.anchor or "")
            if target is None or isinstance(target.value, dict | list):
                raise _Stop(mark, "a mapping key must be a plain value, not an alias to a list or mapping")
            key = target.value
        elif isinstance(event, ScalarEvent):
            self._count(mark)
            tag = self._scalar_tag(event)
            key = _MERGE_KEY if tag == _MERGE_TAG else self._scalar(event, mark, tag)
            if event.anchor:
                self.anchors[event.anchor] = _Built(key, [((), mark, None)])
        else:
            raise _Stop(mark, "a mapping key must be a plain value, not a list or mapping")
        top.key_mark, top.awaiting_value = mark, True
        first = top.first_keys.get(key) if key is not _MERGE_KEY else None
        if first is not None:
            self._problem(mark, (*top.path, key), f"duplicate key '{key}' (first given at line {first[0]})")
            key = _Ignored()
        elif key is not _MERGE_KEY:
            top.first_keys[key] = mark
            self.positions.key_marks[(*top.path, key)] = mark
        top.key = key

    def _apply_merges(self, done: _Open) -> None:
        """YAML's `<<` merge: keys of the merged mappings that the mapping does not give itself, the
        earlier of two merged mappings winning, as the YAML merge type specifies."""
        assert isinstance(done.value, dict)
        for built, mark in done.merges:
            many = isinstance(built.value, list)
            sources = built.value if many else [built.value]
            if not all(isinstance(source, dict) for source in sources):
                raise _Stop(mark, "'<<' merges a mapping or a list of mappings")
            for index, source in enumerate(sources):
                prefix: DataPath = (index,) if many else ()
                for key, value in source.items():
                    if key in done.value:
                        continue
                    done.value[key] = value
                    done.first_keys[key] = mark
                    inner = [
                        (relative[len(prefix):], value_mark, key_mark)
                        for relative, value_mark, key_mark in built.positions
                        if relative[: len(prefix) + 1] == (*prefix, key)
                    ]
                    self._relocate(_Built(value, inner), done.path)

    # -- scalars, aliases and tags

    def _scalar_tag(self, event: ScalarEvent) -> str:
        if event.tag is None and event.implicit[0]:  # plain: resolved by its text, so cached by it
            tag = self.plain_tags.get(event.value)
            if tag is None:
                resolver: Any = self.resolver
                tag = self.plain_tags[event.value] = str(resolver.resolve(ScalarNode, event.value, (True, False)))
            return tag
        if event.tag in (None, "!"):
            return _STR_TAG
        return str(event.tag)

    def _scalar(self, event: ScalarEvent, mark: Mark, tag: str | None = None) -> Any:
        tag = tag or self._scalar_tag(event)
        if tag == _STR_TAG:
            return event.value
        if tag == _MERGE_TAG:
            return event.value
        if tag not in _SCALAR_TAGS:
            self._refuse_tag(tag, mark)
            return None
        node = ScalarNode(tag, event.value, style=event.style)
        try:
            return self.constructor.yaml_constructors[tag](self.constructor, node)
        except Exception:  # PyYAML raises plain ValueErrors for values such as a 13th month
            self._problem(mark, self.here, f"cannot read {event.value!r} as {_short_tag(tag)}")
            self.fatal = True
            return None

    def _check_collection_tag(self, event: SequenceStartEvent | MappingStartEvent, mark: Mark) -> None:
        expected = f"{_TAG}map" if isinstance(event, MappingStartEvent) else f"{_TAG}seq"
        if event.tag not in (None, "!", expected):
            self._refuse_tag(event.tag, mark)

    def _refuse_tag(self, tag: str | None, mark: Mark) -> None:
        self._problem(mark, self.here, f"tag {_short_tag(tag)} is not allowed: only plain YAML values are read")
        self.fatal = True

    def _alias(self, event: AliasEvent, mark: Mark, depth: int) -> _Built:
        anchor = event.anchor or ""
        if anchor in self.open_anchors:
            raise _Stop(mark, f"alias *{anchor} refers to a value that contains it")
        built = self.anchors.get(anchor)
        if built is None:
            raise _Stop(mark, f"alias *{anchor} has no anchor &{anchor} before it")
        if depth + max((len(relative) for relative, _, _ in built.positions), default=0) > MAX_DEPTH:
            raise _Stop(mark, f"the data nests deeper than {MAX_DEPTH} levels")
        size = max(1, len(built.positions))
        self.alias_values += size
        self.values += size
        if self.alias_values > MAX_ALIAS_VALUES:
            raise _Stop(mark, f"aliases expand to more than {MAX_ALIAS_VALUES:,} values ('billion laughs'?)")
        if self.values > MAX_VALUES:
            raise _Stop(mark, f"the file holds more than {MAX_VALUES:,} values")
        return _Built(_copy(built.value), built.positions)

    def _count(self, mark: Mark) -> None:
        self.values += 1
        if self.values > MAX_VALUES:
            raise _Stop(mark, f"the file holds more than {MAX_VALUES:,} values")

    def _problem(self, mark: Mark, path: DataPath | None, message: str) -> None:
        self.problems.append(Problem(self.name, mark[0], mark[1], "error", field_path(path or ()), message))


def _copy(value: Any) -> Any:
    """A deep copy of plain data, so an alias never shares a list that a caller may change."""
    if isinstance(value, dict):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy(item) for item in value]
    return value


def _mark(event: Event) -> Mark:
    start: Any = event.start_mark
    return (start.line + 1, start.column + 1) if start is not None else (1, 1)


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


def _short_tag(tag: str | None) -> str:
    tag = tag or "?"
    return "!!" + tag.removeprefix(_TAG) if tag.startswith(_TAG) else tag


def _fatal(name: str, mark: Mark, message: str, path: DataPath = ()) -> SourceError:
    return SourceError([Problem(name, mark[0], mark[1], "error", field_path(path), message)])


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
