"""Parser events in, plain data and positions out: the working part of `yaml_source`.

Built one event at a time with an explicit stack, never recursing, so no input can reach Python's
recursion limit. Scalars are made by PyYAML's safe constructors for the plain YAML types only; any
other tag is refused, so no object is ever built. An alias copies its anchor's value (and
positions) against a budget; a merge key `<<` fills the keys a mapping does not give itself.
"""

import re
from collections.abc import Hashable, Iterator
from dataclasses import dataclass, field
from typing import Any

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

from game.scenario.positions import Mark, Positions
from game.scenario.problems import DataPath, Problem, field_path
from game.scenario.yaml_words import CURLY

MAX_DEPTH = 64
"""Nesting deeper than this is refused; a scenario nests about six levels."""
MAX_ALIAS_VALUES = 10_000
"""Values that aliases may copy in one document; far above any honest use of anchors."""
MAX_VALUES = 600_000
"""Values in one document, aliases included: bounds the memory that positions take."""

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = frozenset(
    f"{_TAG}{name}" for name in ("null", "bool", "int", "float", "str", "timestamp", "binary")
)
_MERGE_TAG = f"{_TAG}merge"
_STR_TAG = f"{_TAG}str"


class Stop(Exception):
    """Raised when reading cannot go on; carries the one problem (its field is the builder's `here`)."""

    def __init__(self, mark: Mark, message: str) -> None:
        super().__init__(message)
        self.mark = mark
        self.message = message


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


class Builder:
    """Turns parser events into data and positions, one event at a time, never recursing."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.positions = Positions()
        self.order: list[DataPath] = []
        self.problems: list[Problem] = []
        self.problem_paths: list[DataPath] = []
        """The data path of each of `problems`, to name its list items once the document is whole."""
        self.fatal = False
        self.anchors: dict[str, _Built] = {}
        self.open_anchors: set[str] = set()
        self.stack: list[_Open] = []
        self.here: DataPath = ()
        """The path being built, for the field of a problem found on the way."""
        self.values = 0
        self.alias_values = 0
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
                    raise Stop(_mark(event), "the file holds more than one YAML document (a second '---')")
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
            raise Stop(mark, f"the data nests deeper than {MAX_DEPTH} levels")
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
                raise Stop(mark, "a mapping key must be a plain value, not an alias to a list or mapping")
            key = target.value
        elif isinstance(event, ScalarEvent):
            self._count(mark)
            tag = self._scalar_tag(event)
            key = _MERGE_KEY if tag == _MERGE_TAG else self._scalar(event, mark, tag)
            if event.anchor:
                self.anchors[event.anchor] = _Built(key, [((), mark, None)])
        else:
            raise Stop(mark, "a mapping key must be a plain value, not a list or mapping")
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
                raise Stop(mark, "'<<' merges a mapping or a list of mappings")
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
                tag = self.plain_tags[event.value] = core_tag(event.value)
            return tag
        if event.tag in (None, "!"):
            return _STR_TAG
        return str(event.tag)

    def _scalar(self, event: ScalarEvent, mark: Mark, tag: str | None = None) -> Any:
        tag = tag or self._scalar_tag(event)
        if tag == _STR_TAG:
            if not event.style and event.value and event.value[0] in CURLY:
                self.problems.append(Problem(
                    self.name, mark[0], mark[1], "warning", field_path(self.here),
                    f"{event.value[0]} is a curly quote from a word processor, read as part of the text: "
                    "use a straight one (\" or ')"))
                self.problem_paths.append(self.here)
            return event.value
        if tag == _MERGE_TAG:
            return event.value
        if tag not in _SCALAR_TAGS:
            self._refuse_tag(tag, mark)
            return None
        if event.tag is None and event.implicit[0]:
            try:
                return core_value(tag, event.value)
            except ValueError:  # only an integer of thousands of digits gets here
                self._problem(mark, self.here, f"{event.value[:20]}... has {len(event.value):,} digits: "
                                               "no figure of the game needs that many")
                self.fatal = True
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
            raise Stop(mark, f"alias *{anchor} refers to a value that contains it")
        built = self.anchors.get(anchor)
        if built is None:
            raise Stop(mark, f"alias *{anchor} has no anchor &{anchor} before it")
        if depth + max((len(relative) for relative, _, _ in built.positions), default=0) > MAX_DEPTH:
            raise Stop(mark, f"the data nests deeper than {MAX_DEPTH} levels")
        size = max(1, len(built.positions))
        self.alias_values += size
        self.values += size
        if self.alias_values > MAX_ALIAS_VALUES:
            raise Stop(mark, f"aliases expand to more than {MAX_ALIAS_VALUES:,} values ('billion laughs'?)")
        if self.values > MAX_VALUES:
            raise Stop(mark, f"the file holds more than {MAX_VALUES:,} values")
        return _Built(_copy(built.value), built.positions)

    def _count(self, mark: Mark) -> None:
        self.values += 1
        if self.values > MAX_VALUES:
            raise Stop(mark, f"the file holds more than {MAX_VALUES:,} values")

    def _problem(self, mark: Mark, path: DataPath | None, message: str) -> None:
        self.problems.append(Problem(self.name, mark[0], mark[1], "error", field_path(path or ()), message))
        self.problem_paths.append(path or ())


_CORE_TAGS = (
    (re.compile(r"^(?:~|null|Null|NULL|)$"), f"{_TAG}null"),
    (re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), f"{_TAG}bool"),
    (re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"), f"{_TAG}int"),
    (re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
     f"{_TAG}float"),
    (re.compile(r"^<<$"), _MERGE_TAG),
)


def core_tag(text: str) -> str:
    """The tag of a plain scalar by YAML 1.2's core schema, as editors (yaml-language-server) read
    it: `yes`, `no`, `on` and `off` are text, `1e5` is a number, `010` is ten and `2020-03-11` is text,
    where YAML 1.1 (PyYAML's default) reads yes as true, 1e5 as text, 010 as eight and a date as a
    date. One reading for the editor's schema check and for `accord validate`."""
    for pattern, tag in _CORE_TAGS:
        if pattern.match(text):
            return tag
    return _STR_TAG


def core_value(tag: str, text: str) -> Any:
    """The value of a plain scalar of a core tag; `ValueError` for an integer of too many digits."""
    if tag.endswith(":null"):
        return None
    if tag.endswith(":bool"):
        return text.lower() == "true"
    if tag.endswith(":int"):
        if text.startswith(("0o", "0x")):
            return int(text[2:], 8 if text[1] == "o" else 16)
        return int(text)
    if tag.endswith(":float"):
        bare = text.lstrip("+-").lower()
        if bare in (".inf", ".nan"):
            return float(bare[1:]) * (-1 if text.startswith("-") else 1)
        return float(text)
    return text


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


def _short_tag(tag: str | None) -> str:
    tag = tag or "?"
    return "!!" + tag.removeprefix(_TAG) if tag.startswith(_TAG) else tag
