"""One problem in an input file, and the error that carries them all.

A user fixes a file faster when every problem is listed at once, each with the position an editor
can jump to, so errors are collected as `Problem`s rather than raised one at a time.

The field path names where in the data the problem is: keys joined by `.`, list items by a 0-based
index in brackets, as in `regions[2].neighbours[0]` (the third region's first neighbour). A key that is
not a plain word is written in brackets and quotes, `demand["two words"]`. A problem with the file as
a whole (empty, not UTF-8, a YAML syntax error) has an empty field path, and its line then reads
`PATH:LINE:COLUMN: error: reason`.
"""

import json
import re
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from game.errors import AccordError

Severity = Literal["error", "warning"]
DataPath = tuple[Hashable, ...]
"""Keys and indexes from the top of a YAML document down to one value."""

_WORD = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_<>-]*$")


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


def field_path(path: Sequence[Hashable]) -> str:
    """`('regions', 2, 'neighbours', 0)` -> `regions[2].neighbours[0]`."""
    text = ""
    for step in path:
        if isinstance(step, int) and not isinstance(step, bool):
            text += f"[{step}]"
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
