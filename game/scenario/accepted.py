"""Warnings an author has weighed and kept, said in the file itself: a comment
`# accord: accept: REASON` on the line a warning points at makes it an accepted warning, printed
with its reason and not failing `accord validate --strict`. A lint is a rule of thumb: mekong's
Shan State is both an origin and a market next to the Golden Triangle (its scam compounds are real),
which the lint reads as a seat that can only lose, while Myanmar meets its objective there in play.
Like a linter's `# noqa`, the acceptance sits beside what it accepts, says why, and is reported
when it accepts nothing (the warning it was for has gone). Comments never reach the scenario's data,
so accepting a warning changes no hash."""

import dataclasses
import re
from collections.abc import Iterable

from game.scenario.problems import Problem

_MARK = re.compile(r"(?:^|\s)#\s*accord:\s*accept\b\s*:?\s*(?P<reason>.*?)\s*$", re.IGNORECASE)


def accept_marks(text: str) -> dict[int, str]:
    """Line number (from 1) -> the reason given after `# accord: accept`, '' when none."""
    marks: dict[int, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        found = _MARK.search(line)
        if found is not None:
            marks[number] = found.group("reason")
    return marks


def apply_accepted(problems: Iterable[Problem], marks: dict[int, str], name: str) -> list[Problem]:
    """The problems with each warning on a marked line accepted (when the mark gives a reason), and a
    warning for each mark that accepts nothing: errors are never accepted."""
    result: list[Problem] = []
    used: set[int] = set()
    for problem in problems:
        reason = marks.get(problem.line)
        if reason is None or problem.severity != "warning":
            result.append(problem)
            continue
        used.add(problem.line)
        if reason:
            result.append(dataclasses.replace(problem, severity="accepted",
                                              message=f"{problem.message} (accepted in the file: {reason})"))
        else:
            result.append(dataclasses.replace(problem, message=f"{problem.message} ('# accord: accept' on this "
                                                               "line gives no reason: write why after it)"))
    for line in sorted(set(marks) - used):
        result.append(Problem(name, line, 1, "warning", "", "'# accord: accept' here accepts no warning (none points "
                                                            "at this line; an error cannot be accepted): remove it, or "
                                                            "move it to the line the warning names"))
    return result
