"""One problem in an input file, and the error that carries them all.

A user fixes a file faster when every problem is listed at once, each with the position an editor
can jump to, so errors are collected as `Problem`s rather than raised one at a time.

The field path names where in the data the problem is: keys joined by `.`, list items by a 0-based
index in brackets, as in `regions[2].neighbours[0]` (the third region's first neighbour). An item that
names itself (a state's, region's, network's, event's or summit's `id`, an objective's `kind`, an
agreement in force's `agreement`, a summit clause's `clause`) is named after its index,
`states[0] (meridia).budget`: an author looks for meridia, not for the first state. A key that is not
a plain word is written in brackets and quotes, `demand["two words"]`. A problem with the file as a
whole (empty, not UTF-8, a YAML syntax error) has an empty field path, and its line then reads
`PATH:LINE:COLUMN: error: reason`.
"""

import json
import re
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from game.errors import AccordError

Severity = Literal["error", "warning", "accepted"]
"""`accepted`: a warning its author accepted in the file, with a reason (`game.scenario.accepted`)."""
DataPath = tuple[Hashable, ...]
"""Keys and indexes from the top of a YAML document down to one value."""

_WORD = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_<>-]*$")
_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$")
"""A name worth writing into a path: an id (a malformed one, spaces or a page of text, is left out:
the problem may be that very id, and the index still says where)."""


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    column: int
    severity: Severity
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}: {self.severity}: "
        return where + (f"{self.field}: {self.message}" if self.field else self.message)

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def sort_key(self) -> tuple[int, int, int, str, str]:
        return (self.line, self.column, 0 if self.is_error else 1, self.field, self.message)


NAMING_KEYS = ("id", "kind", "agreement", "clause")
"""The keys whose value names a list item, the first one present: an objective has a kind and no
id; an agreement in force is the agreement it puts in force; a summit's clause is its clause's id."""
ItemNames = Mapping[DataPath, str]
"""The name of each list item that has one, by the item's path (`('states', 0) -> 'meridia'`)."""


def item_names(data: Any) -> dict[DataPath, str]:
    """The name of every list item of `data` that names itself (`NAMING_KEYS`), by its path."""
    names: dict[DataPath, str] = {}
    stack: list[tuple[DataPath, Any]] = [((), data)]
    while stack:  # no recursion: the reader bounds the nesting, but a stack is bounded by nothing
        path, value = stack.pop()
        if isinstance(value, dict):
            stack += [((*path, key), item) for key, item in value.items()]
        elif isinstance(value, list):
            for index, item in enumerate(value):
                here = (*path, index)
                if isinstance(item, dict):
                    name = next((item[key] for key in NAMING_KEYS if isinstance(item.get(key), str)), None)
                    if name and _NAME.match(name):
                        names[here] = name
                stack.append((here, item))
    return names


def field_path(path: Sequence[Hashable], names: ItemNames | None = None) -> str:
    """`('regions', 2, 'neighbours', 0)` -> `regions[2].neighbours[0]`; with the items' `names`
    (`item_names`), `('states', 0, 'budget')` -> `states[0] (meridia).budget`. The one writer of
    a path, for every file's problems."""
    text = ""
    for end, step in enumerate(path, 1):
        if isinstance(step, int) and not isinstance(step, bool):
            text += f"[{step}]"
            name = names.get(tuple(path[:end])) if names else None
            if name is not None:
                text += f" ({name})"
        elif isinstance(step, str) and _WORD.match(step):
            text += f".{step}" if text else step
        else:
            text += f"[{json.dumps(str(step), ensure_ascii=False)}]"
    return text


def sorted_problems(problems: Iterable[Problem]) -> list[Problem]:
    return sorted(problems, key=Problem.sort_key)


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(problem.is_error for problem in problems)


class ProblemsError(AccordError):
    """Bad input described by positioned problems; the command line prints one a line."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems: list[Problem] = sorted_problems(problems)
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        return [str(problem) for problem in self.problems]


class ScenarioError(ProblemsError):
    """A scenario file that cannot be played; `problems` holds its errors and any warnings."""
